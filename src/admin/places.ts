/**
 * Places in words for the pages (see src/incidents/place.ts): the names the incident view needs
 * besides people (whom the page asks for itself, see `userNames`), and issue summaries made safe
 * to show. Summaries are fetched by the page as the viewer (`requestJira` of @forge/bridge, so
 * Jira's permissions apply) and never stored; a summary may hold the very secret, so the page
 * shows it only as `maskSummaries` returns it: every secret the detectors find replaced by its
 * masked preview.
 * @module
 */
import { DETECTORS } from '../detectors/index.js';
import { createScanner } from '../engine/scan.js';
import type { Incident, StoredOccurrence } from '../incidents/model.js';
import { placeNamesFor } from '../incidents/place-names.js';
import type { FieldName, PlaceNames } from '../incidents/place.js';
import { createFieldNameCache, type FieldNames } from '../jira/field-names.js';
import type { UserJiraClient } from '../jira/users.js';
import { fingerprintKey, type AppDeps } from './context.js';
import { customDetectorsOf, isDetectorEnabled, loadSettings } from './settings.js';

const FIELD_NAMES_KEY = 'cache:field-names';

/** Field, component and version names of the places, as JSON (people are asked for apart). */
export interface PlaceNamesJson {
  readonly fields: Readonly<Record<string, FieldName>>;
  readonly components: Readonly<Record<string, string>>;
  readonly versions: Readonly<Record<string, string>>;
}

/**
 * The names the given places show. The field list is kept between calls and loaded again when a
 * place names a field it does not hold; components and versions are asked as the viewer.
 */
export async function placeNamesOf(
  deps: Pick<AppDeps, 'docs' | 'asApp'> & { readonly asUser: UserJiraClient },
  occurrences: readonly Pick<StoredOccurrence, 'location'>[],
): Promise<PlaceNamesJson> {
  const fields = createFieldNameCache({
    load: () => deps.asApp.fields(),
    read: () => deps.docs.get<FieldNames>(FIELD_NAMES_KEY),
    write: (names) => deps.docs.set(FIELD_NAMES_KEY, names),
  });
  const names: PlaceNames = await placeNamesFor(
    occurrences.map((o) => o.location),
    {
      fields,
      components: (key) => deps.asUser.components(key),
      versions: (key) => deps.asUser.versions(key),
    },
  );
  return {
    fields: names.fields ?? {},
    components: names.components ?? {},
    versions: names.versions ?? {},
  };
}

export interface MaskedSummary {
  readonly issueId: string;
  readonly text: string;
  /** Something in it was a secret, now masked. */
  readonly masked: boolean;
}

/**
 * Summaries with every secret masked: the incident's own detector always runs (even if switched
 * off since), and every detector the settings run, so no other secret shows either.
 */
export async function maskSummaries(
  deps: Pick<AppDeps, 'docs' | 'secrets' | 'randomBytes'>,
  incident: Pick<Incident, 'detector'>,
  summaries: readonly { readonly issueId: string; readonly text: string }[],
): Promise<MaskedSummary[]> {
  const settings = await loadSettings(deps.docs);
  const scanner = createScanner({
    detectors: DETECTORS,
    customDetectors: customDetectorsOf(settings),
    fingerprintKey: await fingerprintKey(deps),
    isEnabled: (d) => d.id === incident.detector.name || isDetectorEnabled(settings, d.id),
  });
  return summaries.map(({ issueId, text }) => {
    const spans = scanner
      .scan(text)
      .findings.map((f) => ({ start: f.start, end: f.end, preview: f.redacted }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = 0;
    for (const s of spans) {
      if (s.end <= at) continue; // inside a span already masked
      out += text.slice(at, Math.max(at, s.start)) + s.preview;
      at = s.end;
    }
    return { issueId, text: out + text.slice(at), masked: spans.length > 0 };
  });
}
