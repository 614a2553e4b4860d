/**
 * Incidents with their occurrences, in a stable order: what `scan-site --format json`, the
 * harness and the incident API print. Every store read goes through the port.
 * @module
 */
import { locationKey, publicIncident, type Incident, type StoredOccurrence } from './model.js';
import { describePlace, type PlaceNames } from './place.js';
import type { IncidentFilter, IncidentStore } from './store.js';

export type ReportOccurrence = Omit<StoredOccurrence, 'incident_id' | 'scope'>;

export interface IncidentReport extends Incident {
  readonly occurrences: ReportOccurrence[];
}

/** An occurrence as the CLI and the harness print it: with its place in words. */
export type ReadableOccurrence = ReportOccurrence & { readonly where: string };

export interface ReadableReport extends Incident {
  readonly occurrences: ReadableOccurrence[];
}

/** Each occurrence gains `where`, its place in words (see describePlace). */
export function withWhere(
  incidents: readonly IncidentReport[],
  names: PlaceNames,
): ReadableReport[] {
  return incidents.map((i) => ({
    ...i,
    occurrences: i.occurrences.map((o) => ({
      ...o,
      where: describePlace(o.location, names, o.url),
    })),
  }));
}

export async function incidentReport(
  store: IncidentStore,
  filter: IncidentFilter = {},
): Promise<IncidentReport[]> {
  const incidents: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listIncidents(filter, 500, cursor);
    incidents.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  incidents.sort(
    (a, b) =>
      a.detector.name.localeCompare(b.detector.name) || a.secret_hash.localeCompare(b.secret_hash),
  );
  const out: IncidentReport[] = [];
  for (const i of incidents) {
    const occurrences = (await store.occurrencesOfIncident(i.id))
      .map(({ incident_id: _i, scope: _s, ...o }) => o)
      .sort((a, b) => compareLocations(a, b) || a.id.localeCompare(b.id));
    out.push({ ...publicIncident(i), occurrences });
  }
  return out;
}

/** Project, then issue number, then the rest of the place. */
function compareLocations(a: ReportOccurrence, b: ReportOccurrence): number {
  const num = (k?: string): number => Number(k?.slice(k.lastIndexOf('-') + 1) ?? -1);
  return (
    a.location.projectKey.localeCompare(b.location.projectKey) ||
    num(a.location.issueKey) - num(b.location.issueKey) ||
    locationKey(a.location).localeCompare(locationKey(b.location))
  );
}
