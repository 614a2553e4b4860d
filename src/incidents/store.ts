/**
 * The storage port for incidents, occurrences and job state, and an in-memory implementation
 * (tests, the CLI; a snapshot of it is what `scan-site --state` saves). The Forge adapter
 * implements the same port over KVS custom entities. Only fingerprints and masked previews are
 * ever stored.
 * @module
 */
import { validityOf, type Incident, type IncidentStatus, type StoredOccurrence } from './model.js';
import type { Severity } from '../engine/types.js';
import type { Validity } from '../validity/types.js';

export interface IncidentFilter {
  readonly status?: IncidentStatus;
  readonly projectKey?: string;
  readonly detector?: string;
  readonly severity?: Severity;
  readonly presence?: 'present' | 'removed';
  readonly validity?: Validity;
  /** By last seen: `newest` first (the default) or `oldest` first; ties by id either way. */
  readonly order?: IncidentOrder;
}

export const INCIDENT_ORDERS = ['newest', 'oldest'] as const;
export type IncidentOrder = (typeof INCIDENT_ORDERS)[number];

export interface Page<T> {
  readonly items: T[];
  /** Absent on the last page. */
  readonly cursor?: string;
}

export interface IncidentStore {
  getIncident(id: string): Promise<Incident | undefined>;
  putIncident(incident: Incident): Promise<void>;
  /** Most recently seen first. */
  listIncidents(filter: IncidentFilter, limit: number, cursor?: string): Promise<Page<Incident>>;
  getOccurrence(id: string): Promise<StoredOccurrence | undefined>;
  putOccurrence(occurrence: StoredOccurrence): Promise<void>;
  occurrencesOfIncident(incidentId: string): Promise<StoredOccurrence[]>;
  /**
   * One page of an incident's places, first seen first (ties by id), for views that cannot hold
   * them all; `cursor` comes from the page before and is absent after the last.
   */
  occurrencePage(
    incidentId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<StoredOccurrence>>;
  /** Everything found in one issue (`issue:<id>`) or one project's documentation (`project:<key>`). */
  occurrencesInScope(scope: string): Promise<StoredOccurrence[]>;
}

/** Job records (historical scans): JSON-serialisable state, keyed by id. */
export interface JobStore<J> {
  getJob(id: string): Promise<J | undefined>;
  putJob(id: string, job: J): Promise<void>;
}

export interface MemorySnapshot {
  readonly incidents: Incident[];
  readonly occurrences: StoredOccurrence[];
}

export interface MemoryStore extends IncidentStore {
  snapshot(): MemorySnapshot;
}

/**
 * What a listing orders and filters by: within one project, that project's own last seen and
 * presence (else the order and the presence filter of a project's list would tell what other
 * projects hold); the incident's own when it has no per-project figures yet.
 */
export function listedAs(
  i: Incident,
  projectKey: string | undefined,
): { readonly last_seen: string; readonly presence: 'present' | 'removed' } {
  const f = projectKey === undefined ? undefined : i.by_project?.[projectKey];
  return f ? { last_seen: f.last_seen, presence: f.present_count > 0 ? 'present' : 'removed' } : i;
}

function matches(i: Incident, f: IncidentFilter): boolean {
  return (
    (f.status === undefined || i.status === f.status) &&
    (f.detector === undefined || i.detector.name === f.detector) &&
    (f.severity === undefined || i.severity === f.severity) &&
    (f.validity === undefined || validityOf(i) === f.validity) &&
    (f.presence === undefined || listedAs(i, f.projectKey).presence === f.presence) &&
    (f.projectKey === undefined || i.project_keys.includes(f.projectKey))
  );
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A page of a sorted list; the memory store's cursors are offsets. */
function offsetPage<T>(
  all: readonly T[],
  limit: number,
  cursor: string | undefined,
): Promise<Page<T>> {
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0) return Promise.reject(new Error('invalid cursor'));
  const items = all.slice(start, start + limit);
  const next = start + items.length;
  return Promise.resolve(next < all.length ? { items, cursor: String(next) } : { items });
}

export function createMemoryStore(from?: MemorySnapshot): MemoryStore {
  const incidents = new Map<string, Incident>();
  const occurrences = new Map<string, StoredOccurrence>();
  const byIncident = new Map<string, Set<string>>();
  const byScope = new Map<string, Set<string>>();
  const index = (m: Map<string, Set<string>>, key: string, id: string): void => {
    let s = m.get(key);
    if (!s) m.set(key, (s = new Set()));
    s.add(id);
  };
  const putOcc = (o: StoredOccurrence): void => {
    occurrences.set(o.id, o);
    index(byIncident, o.incident_id, o.id);
    index(byScope, o.scope, o.id);
  };
  for (const i of from?.incidents ?? []) incidents.set(i.id, i);
  for (const o of from?.occurrences ?? []) putOcc(o);
  const resolve = (ids: Set<string> | undefined): StoredOccurrence[] =>
    [...(ids ?? [])].map((id) => occurrences.get(id)).filter((o) => o !== undefined);

  return {
    getIncident: (id) => Promise.resolve(incidents.get(id)),
    putIncident(i) {
      incidents.set(i.id, i);
      return Promise.resolve();
    },
    listIncidents(filter, limit, cursor) {
      const seen = (i: Incident) => listedAs(i, filter.projectKey).last_seen;
      const all = [...incidents.values()]
        .filter((i) => matches(i, filter))
        .sort((a, b) => seen(b).localeCompare(seen(a)) || a.id.localeCompare(b.id));
      if (filter.order === 'oldest') all.reverse();
      return offsetPage(all, limit, cursor);
    },
    getOccurrence: (id) => Promise.resolve(occurrences.get(id)),
    putOccurrence(o) {
      putOcc(o);
      return Promise.resolve();
    },
    occurrencesOfIncident: (id) => Promise.resolve(resolve(byIncident.get(id))),
    occurrencePage(id, limit, cursor) {
      const all = resolve(byIncident.get(id)).sort(
        (a, b) => byteOrder(a.date, b.date) || byteOrder(a.id, b.id),
      );
      return offsetPage(all, limit, cursor);
    },
    occurrencesInScope: (scope) => Promise.resolve(resolve(byScope.get(scope))),
    snapshot: () => ({
      incidents: [...incidents.values()],
      occurrences: [...occurrences.values()],
    }),
  };
}

export function createMemoryJobStore<J>(): JobStore<J> & { all(): Map<string, J> } {
  const jobs = new Map<string, J>();
  return {
    getJob: (id) => Promise.resolve(jobs.get(id)),
    putJob(id, job) {
      jobs.set(id, structuredClone(job));
      return Promise.resolve();
    },
    all: () => jobs,
  };
}
