/**
 * What an incident view and a notification say to do about a secret: its family's revoke-or-rotate
 * guidance, and whether Jira still shows it only in the issue history.
 * @module
 */
import { HISTORY_ONLY_NOTE, remediationFor } from '../detectors/remediation.js';
import type { Incident, StoredOccurrence } from '../incidents/model.js';
import type { IncidentStore } from '../incidents/store.js';

export interface IncidentGuidance {
  /** How to revoke or rotate it (src/detectors/guidance.ts). */
  readonly steps: string;
  /** The provider's documentation. */
  readonly url: string;
  /**
   * Set when every place still holding the secret is an old value in an issue's history: it was
   * removed where people wrote it, but anyone who can browse the issue can still read it there.
   */
  readonly history_note?: string;
}

type Place = Pick<StoredOccurrence, 'presence' | 'location'>;

/** True when some place still holds the secret and every such place is an issue history entry. */
export async function onlyInHistory(
  places: AsyncIterable<Place> | Iterable<Place>,
): Promise<boolean> {
  let inHistory = false;
  for await (const p of places) {
    if (p.presence !== 'present') continue;
    if (p.location.historyId === undefined) return false;
    inHistory = true;
  }
  return inHistory;
}

/** The guidance of an incident, given its places (or a project's share of them). */
export async function incidentGuidance(
  incident: Pick<Incident, 'detector'>,
  places: AsyncIterable<Place> | Iterable<Place>,
): Promise<IncidentGuidance | undefined> {
  const r = remediationFor(incident.detector.family);
  if (!r) return undefined;
  const history = await onlyInHistory(places);
  return { steps: r.steps, url: r.url, ...(history ? { history_note: HISTORY_ONLY_NOTE } : {}) };
}

/** Every place of an incident, a page at a time. */
export async function* placesOf(
  store: Pick<IncidentStore, 'occurrencePage'>,
  incidentId: string,
  pageSize = 100,
): AsyncGenerator<StoredOccurrence> {
  let cursor: string | undefined;
  do {
    const page = await store.occurrencePage(incidentId, pageSize, cursor);
    yield* page.items;
    cursor = page.cursor;
  } while (cursor !== undefined);
}
