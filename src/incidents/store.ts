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
import type { ScopeVersions } from './versions.js';

export interface IncidentFilter {
  readonly status?: IncidentStatus;
  readonly projectKey?: string;
  readonly detector?: string;
  readonly severity?: Severity;
  readonly presence?: 'present' | 'removed';
  readonly validity?: Validity;
  /** By last seen: `newest` first (the default) or `oldest` first; ties by id either way. */
  readonly order?: IncidentOrder;
  /**
   * What the list is sorted by (see sortKey); absent: by last seen. `order: 'oldest'` reverses
   * whichever sort is chosen.
   */
  readonly sort?: IncidentSort;
  /**
   * Lower-case text: an issue key (incidents with a place in that issue), else a part of the
   * detector's id or name or of the masked preview (see searchText).
   */
  readonly search?: string;
  /** The detector's family (`aws`, `github`, `custom`…). */
  readonly family?: string;
  /**
   * First seen on or after this day (`YYYY-MM-DD`, UTC); within a project, its own first seen
   * (as the project's overview counts it per week).
   */
  readonly firstSeenFrom?: string;
  /** First seen on or before this day (`YYYY-MM-DD`, UTC, inclusive). */
  readonly firstSeenTo?: string;
}

/** Filters only the sorted lists (`incident-order` rows in KVS) can serve, besides sort and search. */
export const listedByOrder = (f: IncidentFilter): boolean =>
  f.sort !== undefined ||
  f.search !== undefined ||
  f.family !== undefined ||
  f.firstSeenFrom !== undefined ||
  f.firstSeenTo !== undefined;

/**
 * The range of `sortKey(i, 'first_seen')` values a first-seen filter admits: `[low, high)`,
 * either end open. Keys order newest first, so the last day gives the low end.
 */
export function firstSeenKeyRange(f: Pick<IncidentFilter, 'firstSeenFrom' | 'firstSeenTo'>): {
  readonly low?: string;
  readonly high?: string;
} {
  return {
    ...(f.firstSeenTo === undefined
      ? {}
      : { low: inverted(canonicalTime(`${f.firstSeenTo}T23:59:59.999Z`, 'firstSeenTo')) }),
    // `$` sorts right after the `#` that ends the time: every id of the first day is below it.
    ...(f.firstSeenFrom === undefined
      ? {}
      : {
          high: `${inverted(canonicalTime(`${f.firstSeenFrom}T00:00:00.000Z`, 'firstSeenFrom'))}$`,
        }),
  };
}

export const INCIDENT_ORDERS = ['newest', 'oldest'] as const;
export type IncidentOrder = (typeof INCIDENT_ORDERS)[number];

export const INCIDENT_SORTS = [
  'last_seen',
  'severity',
  'status',
  'detector',
  'project',
  'occurrences',
  'first_seen',
] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** A search that names an issue (`OPS-12`, any case). */
export const ISSUE_KEY_SEARCH = /^[a-z][a-z0-9_]{0,254}-[1-9]\d{0,17}$/;

/** Totals are counted up to this many: beyond it a list says "more than". */
export const TOTAL_CAP = 1000;

export interface Total {
  readonly count: number;
  /** More match than `count` (counting stopped at TOTAL_CAP). */
  readonly capped: boolean;
}

export interface Page<T> {
  readonly items: T[];
  /** Absent on the last page. */
  readonly cursor?: string;
}

/** An incident as stored, with the revision a conditional write names (see commitIncident). */
export interface RevisedIncident {
  readonly incident: Incident;
  readonly rev: string;
}

/** One atomic write: an incident and some of its places (see commitIncident). */
export interface IncidentCommit {
  readonly incident: Incident;
  /** Places of this incident, at most COMMIT_OCCURRENCES. */
  readonly occurrences: readonly StoredOccurrence[];
  /** The revision read; undefined: the incident must not exist yet. */
  readonly rev: string | undefined;
  /**
   * Also only if the version record of the places' scope is still at `rev` (undefined: there is
   * none): checked, not written, so a scan of a newer version that claimed it meanwhile wins.
   */
  readonly scope?: { readonly scope: string; readonly rev: string | undefined };
  /**
   * Also only if each place is still stored as it was read (same placeState; undefined: not
   * stored at all), in the order of `occurrences`: then places may be read before the incident's
   * revision, and a commit lost to a write of the incident alone needs no place read again.
   */
  readonly replaces?: readonly (StoredOccurrence | undefined)[];
}

/**
 * What a commit replacing a place conditions on: all that moves counts (whether it is there, and
 * present) and names a change (see record.ts stampOf). Each write of a place changes it.
 */
export const placeState = (o: StoredOccurrence): string =>
  `${o.presence}|${o.last_seen}|${o.removed_at ?? ''}`;

/** A scope's version record (see versions.ts) with the revision a conditional write names. */
export interface RevisedVersions {
  readonly versions: ScopeVersions;
  readonly rev: string;
}

/**
 * Places one commit may carry: a KVS transaction holds 25 operations, and the incident and some
 * of its project rows (kvs-store.ts) need room beside them.
 */
export const COMMIT_OCCURRENCES = 10;

export interface IncidentStore {
  getIncident(id: string): Promise<Incident | undefined>;
  /**
   * Writes the incident whatever is stored: only for an incident no one else can be writing (a
   * test, a fresh store). Every read-modify-write goes through commitIncident (updateIncident).
   */
  putIncident(incident: Incident): Promise<void>;
  getRevisedIncident(id: string): Promise<RevisedIncident | undefined>;
  /**
   * Writes the incident and the places at once, if the incident is still at `rev`; false when a
   * concurrent write came first (nothing is written: read again and retry). Places are written
   * only this way, so an incident's revision guards its places too: counts that move by a change
   * are moved exactly once, whatever runs at the same time.
   */
  commitIncident(commit: IncidentCommit): Promise<boolean>;
  getScopeVersions(scope: string): Promise<RevisedVersions | undefined>;
  /**
   * Writes a scope's version record if it is still at `rev` (undefined: there must be none): its
   * new revision, or undefined when a concurrent write came first.
   */
  claimScopeVersions(
    scope: string,
    versions: ScopeVersions,
    rev: string | undefined,
  ): Promise<string | undefined>;
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
  /** How many incidents match `filter` (its `sort` and `order` aside), counted up to `cap`. */
  countIncidents(filter: IncidentFilter, cap: number): Promise<Total>;
  /**
   * Stores that keep sorted lists apart (KVS): writes them for one page of incidents stored before
   * they existed (by last seen; `cursor` from the page before) and says how many it read.
   */
  indexSortedLists?(limit: number, cursor?: string): Promise<{ read: number; cursor?: string }>;
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

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};
const STATUS_RANK: Readonly<Record<IncidentStatus, number>> = {
  TRIGGERED: 0,
  ASSIGNED: 1,
  RESOLVED: 2,
  IGNORED: 3,
};

/** Each digit d becomes 9-d: ascending order of the result is descending order of the number. */
const inverted = (digits: string): string => digits.replace(/\d/g, (d) => String(9 - Number(d)));

/** `new Date(s).toISOString()`, so string order is time order; throws on a non-date. */
export function canonicalTime(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what} is not an ISO date`);
  return new Date(ms).toISOString();
}

/**
 * The string whose ascending order is the list's order for `sort`, as one project's page sees it
 * (its own last seen, first seen and count; see listedAs): severity, status, detector and project
 * first by their own order, each then by last seen (newest first); occurrences most first; times
 * newest first; every key ends with the id, so no two incidents tie. KVS indexes range on it.
 */
export function sortKey(i: Incident, sort: IncidentSort, projectKey?: string): string {
  const own = projectKey === undefined ? undefined : i.by_project?.[projectKey];
  const time = (t: string, what: string) => inverted(canonicalTime(t, `incident ${i.id}: ${what}`));
  const recency = `${time(listedAs(i, projectKey).last_seen, 'last_seen')}#${i.id}`;
  switch (sort) {
    case 'last_seen':
      return recency;
    case 'severity':
      return `${SEVERITY_RANK[i.severity]}#${recency}`;
    case 'status':
      return `${STATUS_RANK[i.status]}#${recency}`;
    case 'detector':
      return `${i.detector.display_name.toLowerCase()}#${recency}`;
    case 'project':
      return `${[...i.project_keys].sort()[0] ?? ''}#${recency}`;
    case 'occurrences': {
      const count = Math.min(own?.occurrences_count ?? i.occurrences_count, 999_999_999);
      return `${inverted(String(count).padStart(9, '0'))}#${recency}`;
    }
    case 'first_seen':
      return `${time(own?.date ?? i.date, 'date')}#${i.id}`;
  }
}

/** What a text search looks in (besides issue keys): the detector's id and name, the preview. */
export const searchText = (i: Incident): string =>
  `${i.detector.name}\n${i.detector.display_name}\n${i.secret_preview}`.toLowerCase();

function inFirstSeen(i: Incident, f: IncidentFilter): boolean {
  if (f.firstSeenFrom === undefined && f.firstSeenTo === undefined) return true;
  const { low, high } = firstSeenKeyRange(f);
  const key = sortKey(i, 'first_seen', f.projectKey);
  return (low === undefined || key >= low) && (high === undefined || key < high);
}

function matches(i: Incident, f: IncidentFilter): boolean {
  return (
    (f.status === undefined || i.status === f.status) &&
    (f.detector === undefined || i.detector.name === f.detector) &&
    (f.severity === undefined || i.severity === f.severity) &&
    (f.validity === undefined || validityOf(i) === f.validity) &&
    (f.presence === undefined || listedAs(i, f.projectKey).presence === f.presence) &&
    (f.projectKey === undefined || i.project_keys.includes(f.projectKey)) &&
    (f.family === undefined || i.detector.family === f.family) &&
    inFirstSeen(i, f) &&
    (f.search === undefined || ISSUE_KEY_SEARCH.test(f.search) || searchText(i).includes(f.search))
  );
}

/**
 * Lists incidents by the occurrences of one issue (a search for an issue key): few enough to
 * sort in memory. Cursors are offsets into that list.
 */
export async function listByIssue(
  incidentIds: Iterable<string>,
  get: (id: string) => Promise<Incident | undefined>,
  filter: IncidentFilter,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Incident>> {
  const found: Incident[] = [];
  for (const id of new Set(incidentIds)) {
    const i = await get(id);
    if (i && matches(i, filter)) found.push(i);
  }
  const sort = filter.sort ?? 'last_seen';
  const keyed = found.map((i) => [sortKey(i, sort, filter.projectKey), i] as const);
  keyed.sort(([a], [b]) => byteOrder(a, b));
  if (filter.order === 'oldest') keyed.reverse();
  return offsetPage(
    keyed.map(([, i]) => i),
    limit,
    cursor,
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

/** Tries of a conditional write before giving up (each retry reads the incident again). */
export const COMMIT_ATTEMPTS = 50;

/**
 * Changes one incident by `change` (the stored incident in, the next one out; undefined: leave it
 * as it is), retried on a concurrent write, so nothing another writer did in between is lost.
 * Returns what was written, or undefined when nothing was.
 */
export async function updateIncident(
  store: Pick<IncidentStore, 'getRevisedIncident' | 'commitIncident'>,
  id: string,
  change: (old: Incident) => Incident | undefined,
): Promise<Incident | undefined> {
  for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
    const read = await store.getRevisedIncident(id);
    if (!read) return undefined;
    const next = change(read.incident);
    if (!next) return undefined;
    if (await store.commitIncident({ incident: next, occurrences: [], rev: read.rev })) return next;
  }
  throw new ConcurrentWriteError(id);
}

/** Concurrent writes kept winning: worth retrying later (the platform retries the event). */
export class ConcurrentWriteError extends Error {
  override readonly name = 'ConcurrentWriteError';
  readonly retryable = true;
  /** `what`: `incident <id>`, or `scope <scope>` for its version record. */
  constructor(id: string, what = 'incident') {
    super(`${what} ${id}: concurrent writes kept winning`);
  }
}

/**
 * A store failure worth retrying later as a whole (a rate limit waited out to the deadline,
 * concurrent writes that kept winning): the stores' errors say so with `retryable: true`.
 */
export const isRetryableStoreError = (e: unknown): boolean =>
  e instanceof Error && (e as { retryable?: unknown }).retryable === true;

export function createMemoryStore(from?: MemorySnapshot): MemoryStore {
  const incidents = new Map<string, Incident>();
  /** Revision of each incident: moves with every write (never reused within this store). */
  const revs = new Map<string, number>();
  let nextRev = 0;
  const setIncident = (i: Incident): void => {
    incidents.set(i.id, i);
    revs.set(i.id, ++nextRev);
  };
  const scopes = new Map<string, RevisedVersions>();
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
  for (const i of from?.incidents ?? []) setIncident(i);
  for (const o of from?.occurrences ?? []) putOcc(o);
  const resolve = (ids: Set<string> | undefined): StoredOccurrence[] =>
    [...(ids ?? [])].map((id) => occurrences.get(id)).filter((o) => o !== undefined);
  const getIncident = (id: string) => Promise.resolve(incidents.get(id));
  /** Incident ids with a place in the issue `search` names. */
  const inIssue = (search: string): string[] =>
    [...occurrences.values()]
      .filter((o) => o.location.issueKey?.toLowerCase() === search)
      .map((o) => o.incident_id);

  return {
    getIncident,
    putIncident(i) {
      setIncident(i);
      return Promise.resolve();
    },
    getRevisedIncident(id) {
      const incident = incidents.get(id);
      return Promise.resolve(incident && { incident, rev: String(revs.get(id)) });
    },
    commitIncident({ incident, occurrences: places, rev, scope, replaces }) {
      // Checked and written in one synchronous step: nothing else runs in between.
      const now = revs.get(incident.id);
      if ((now === undefined ? undefined : String(now)) !== rev) return Promise.resolve(false);
      if (scope && scopes.get(scope.scope)?.rev !== scope.rev) return Promise.resolve(false);
      const moved = (o: StoredOccurrence, i: number): boolean => {
        if (!replaces) return false;
        const [stored, read] = [occurrences.get(o.id), replaces[i]];
        return stored && read ? placeState(stored) !== placeState(read) : stored !== read;
      };
      if (places.some(moved)) return Promise.resolve(false);
      setIncident(incident);
      for (const o of places) putOcc(o);
      return Promise.resolve(true);
    },
    getScopeVersions: (scope) => Promise.resolve(scopes.get(scope)),
    claimScopeVersions(scope, versions, rev) {
      if (scopes.get(scope)?.rev !== rev) return Promise.resolve(undefined);
      const next = String(++nextRev);
      scopes.set(scope, { versions, rev: next });
      return Promise.resolve(next);
    },
    listIncidents(filter, limit, cursor) {
      if (filter.search !== undefined && ISSUE_KEY_SEARCH.test(filter.search))
        return listByIssue(inIssue(filter.search), getIncident, filter, limit, cursor);
      if (filter.sort !== undefined) {
        const keyed = [...incidents.values()]
          .filter((i) => matches(i, filter))
          .map((i) => [sortKey(i, filter.sort ?? 'last_seen', filter.projectKey), i] as const)
          .sort(([a], [b]) => byteOrder(a, b));
        if (filter.order === 'oldest') keyed.reverse();
        return offsetPage(
          keyed.map(([, i]) => i),
          limit,
          cursor,
        );
      }
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
    async countIncidents(filter, cap) {
      const all =
        filter.search !== undefined && ISSUE_KEY_SEARCH.test(filter.search)
          ? (await listByIssue(inIssue(filter.search), getIncident, filter, cap + 1, undefined))
              .items
          : [...incidents.values()].filter((i) => matches(i, filter));
      return { count: Math.min(all.length, cap), capped: all.length > cap };
    },
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
