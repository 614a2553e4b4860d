/**
 * The storage ports over Forge KVS (`@forge/kvs`): incidents, occurrences and the outbox in custom
 * entities (kvs-entities.ts), documents in the key-value store, secrets in the secret store.
 *
 * Every read that lists is an index query, never a scan:
 * - incidents without a project filter: the `incident` entity, on the index whose partition
 *   covers most of the filter (status, detector, severity, presence); the rest of the filter is a
 *   KVS filter on that index;
 * - incidents of a project: `incident-project`, one row per (incident, project) carrying a copy of
 *   the incident, written in the same transaction as the incident (conditional on the revision
 *   read, so a concurrent write cannot leave rows behind; rows beyond the 25 operations of one
 *   transaction go in transactions of their own first);
 * - occurrences by incident or scope, and due outbox entries: their own indexes.
 *
 * Listing pages by the `recency` range value (last seen, newest first, then id), not by platform
 * cursors: the cursor handed out is the last item's recency, which stays valid across calls and
 * invocations (platform cursors must not be persisted) and lets a page know whether more follow.
 *
 * Index queries are eventually consistent on the platform (gets are not): a listing may lag a
 * write by a moment.
 *
 * Failures become KvsStoreError, whose message names the operation, the key and the platform's
 * code, never a stored value.
 * @module
 */
import { randomUUID } from 'node:crypto';
import {
  Filter,
  FilterConditions,
  ForgeKvsAPIError,
  ForgeKvsError,
  kvs,
  Sort,
  WhereConditions,
} from '@forge/kvs';
import type { DocumentStore, SecretStore } from '../admin/ports.js';
import { validityOf, type Incident, type StoredOccurrence } from '../incidents/model.js';
import type { OutboxEntry, OutboxStore } from '../incidents/outbox.js';
import {
  COMMIT_OCCURRENCES,
  placeState,
  canonicalTime,
  INCIDENT_SORTS,
  ISSUE_KEY_SEARCH,
  listByIssue,
  listedAs,
  searchText,
  sortKey,
  listedByOrder,
  firstSeenKeyRange,
  type IncidentCommit,
  type IncidentFilter,
  type IncidentSort,
  type IncidentStore,
  type Page,
} from '../incidents/store.js';
import {
  ENTITIES,
  ENTITY,
  RECENCY,
  type EntityDeclaration,
  type EntityIndexDeclaration,
} from './kvs-entities.js';
import type { ScopeVersions } from '../incidents/versions.js';

/** The `kvs` client of `@forge/kvs` (injectable for tests). */
export type KvsClient = typeof kvs;

/** KVS answers at most this many items per query. */
const PAGE = 100;
/** KVS takes at most this many operations per transaction. */
const TRANSACTION_OPS = 25;
/** Attempts to write an incident when a concurrent write keeps winning. */
const PUT_ATTEMPTS = 5;
/** Waits after a commit lost to a concurrent writer: random, up to this, doubling per loss. */
const CONFLICT_FIRST_MS = 20;
const CONFLICT_MAX_MS = 2000;

// --- Errors --------------------------------------------------------------------------------------

const EXPLAIN: Readonly<Record<string, string>> = {
  EMPTY_KEY: 'the key is empty',
  INVALID_KEY: 'the key may use only letters, digits, spaces and : . _ - # (no /)',
  KEY_TOO_LONG: 'the key is longer than 500 characters',
  MAX_SIZE: 'the value is larger than KVS allows (240 KiB; 128 KiB for a secret)',
  MAX_DEPTH: 'the value is nested more than 31 levels deep',
  INVALID_ENTITY_VALUE: 'the value does not fit the entity declared in manifest.yml',
  INVALID_ENTITY_TYPE: 'the entity is not declared in manifest.yml',
  INVALID_ENTITY_INDEX: 'the index is not declared in manifest.yml or not built yet',
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'a query page must hold 1 to 100 items',
  TOO_MANY_REQUESTS: 'the KVS rate limit was reached; retry later',
  RATE_LIMIT_EXCEEDED: 'the KVS rate limit was reached; retry later',
  KEY_ALREADY_EXISTS: 'the key already exists',
  CONDITIONAL_CHECK_FAILED: 'a concurrent change won',
};

/** A KVS call failed. The message names the operation and key, never a stored value. */
export class KvsStoreError extends Error {
  override readonly name = 'KvsStoreError';
  constructor(
    message: string,
    /** The platform's error code (`INVALID_KEY`, `TOO_MANY_REQUESTS`, ...), or `CLIENT_ERROR`/`UNAVAILABLE`. */
    readonly code: string,
    /** The HTTP status, when the platform answered. */
    readonly status: number | undefined,
    /** Worth retrying later (rate limit, platform or network trouble). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export const shown = (key: string): string =>
  JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);

export function storeError(what: string, e: unknown): KvsStoreError {
  if (e instanceof KvsStoreError) return e;
  if (e instanceof ForgeKvsAPIError) {
    const status = e.responseDetails.status;
    const why = EXPLAIN[e.code] ?? 'the platform refused it';
    return new KvsStoreError(
      `KVS ${what} failed: ${why} (${e.code}, HTTP ${status})`,
      e.code,
      status,
      status === 429 || status >= 500 || e.code === 'TOO_MANY_REQUESTS',
    );
  }
  if (e instanceof ForgeKvsError) {
    return new KvsStoreError(`KVS ${what} failed: ${e.message}`, 'CLIENT_ERROR', undefined, false);
  }
  const message = e instanceof Error ? e.message : 'unknown error';
  return new KvsStoreError(`KVS ${what} failed: ${message}`, 'UNAVAILABLE', undefined, true);
}

/**
 * How long a KVS call waits out the platform's rate limit (`TOO_MANY_REQUESTS`): backoff with
 * jitter until `deadlineMs`, after which the error goes up (a trigger then hands its change to a
 * queue, a consumer asks to be retried later). Time and sleep are injected.
 */
export interface KvsRetry {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  /** Epoch ms: no wait that would end after it. */
  readonly deadlineMs: number;
}

const realSleep = (ms: number): Promise<void> =>
  new Promise((r) => {
    setTimeout(r, ms);
  });

/** Waits of at most `budgetMs` from now (one invocation's share of its time limit). */
export const kvsRetry = (budgetMs: number, now: () => number = Date.now): KvsRetry => ({
  sleep: realSleep,
  random: Math.random,
  now,
  deadlineMs: now() + budgetMs,
});

const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 4000;

const rateLimited = (e: unknown): boolean =>
  e instanceof ForgeKvsAPIError &&
  (e.code === 'TOO_MANY_REQUESTS' ||
    e.code === 'RATE_LIMIT_EXCEEDED' ||
    e.responseDetails.status === 429);

/** Runs one KVS call; a rate-limited one again after a backoff while the deadline allows. */
export function guarded(retry: KvsRetry) {
  return async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        // Full jitter: writers throttled together do not come back together.
        const wait = Math.ceil(
          retry.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt),
        );
        if (!rateLimited(e) || retry.now() + wait > retry.deadlineMs) throw storeError(what, e);
        await retry.sleep(wait);
      }
    }
  };
}

// --- Shared helpers ------------------------------------------------------------------------------

/** Each digit d becomes 9-d: ascending order of the result is descending order of the time. */
const newestFirst = (iso: string): string => iso.replace(/\d/g, (d) => String(9 - Number(d)));

/** The `recency` range value: newest first, then by id (as createMemoryStore orders). */
const recencyOf = (i: Incident, lastSeen = i.last_seen): string =>
  `${newestFirst(canonicalTime(lastSeen, `incident ${i.id}: last_seen`))}#${i.id}`;

const RECENCY_CURSOR = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z#[a-zA-Z0-9:._\s#-]+$/;

/** A sort key (see sortKey): it ends with `#` and the incident's id. */
const ORDER_CURSOR = /^[^\n]{1,400}#[a-zA-Z0-9:._\s-]+$/;

const DECLARED: readonly EntityDeclaration[] = ENTITIES;

function namedIndexes(entity: string): EntityIndexDeclaration[] {
  const e = DECLARED.find((d) => d.name === entity);
  return (e?.indexes ?? []).filter((i): i is EntityIndexDeclaration => typeof i !== 'string');
}

interface Plan {
  readonly index: string;
  readonly partition: string[];
  /** Filter attributes the index does not partition by: KVS filters on the index. */
  readonly rest: [string, string][];
}

/** The recency index whose partition covers the most of `wanted` (first declared wins ties). */
function plan(entity: string, wanted: ReadonlyMap<string, string>): Plan {
  let best: EntityIndexDeclaration | undefined;
  for (const ix of namedIndexes(entity)) {
    const partition = ix.partition ?? [];
    if (ix.range[0] !== RECENCY || !partition.every((a) => wanted.has(a))) continue;
    if (!best || partition.length > (best.partition?.length ?? 0)) best = ix;
  }
  if (!best) throw new Error(`no ${entity} index serves a filter on ${[...wanted.keys()].join()}`);
  const partition = best.partition ?? [];
  return {
    index: best.name,
    partition: partition.map((a) => wanted.get(a) ?? ''),
    rest: [...wanted].filter(([a]) => !partition.includes(a)),
  };
}

/** Whole groups into lists of at most `size` items, in order (a group is never split). */
function pack<T>(groups: readonly (readonly T[])[], size: number): T[][] {
  const out: T[][] = [];
  for (const g of groups) {
    const tail = out.at(-1);
    if (tail && tail.length + g.length <= size) tail.push(...g);
    else out.push([...g]);
  }
  return out;
}

// --- Incidents and occurrences -------------------------------------------------------------------

/** The attributes an incident is listed and filtered by. */
interface ListedRow {
  readonly doc: Incident;
  readonly recency: string;
  readonly status: string;
  readonly severity: string;
  readonly presence: string;
  readonly detector: string;
  readonly validity: string;
}

interface IncidentRow extends ListedRow {
  /** Changes with every write: the condition that keeps project rows in step under races. */
  readonly rev: string;
}

interface ProjectRow extends ListedRow {
  readonly incident_id: string;
  readonly project_key: string;
}

interface ScopeVersionsRow {
  readonly doc: ScopeVersions;
  readonly rev: string;
}

/** A transaction condition: the row is at `rev`, or (undefined) does not exist. */
export const atRev = <T extends { rev: string }>(rev: string | undefined) =>
  new Filter<T>().and(
    'rev',
    rev === undefined ? FilterConditions.notExists() : FilterConditions.equalTo(rev),
  );

interface OccurrenceRow {
  readonly doc: StoredOccurrence;
  /** placeState(doc); absent on rows written before it was kept. */
  readonly state?: string;
  readonly incident_id: string;
  readonly scope: string;
  readonly first_seen: string;
  readonly issue_key?: string;
}

const listed = (i: Incident): ListedRow => ({
  doc: i,
  recency: recencyOf(i),
  status: i.status,
  severity: i.severity,
  presence: i.presence,
  detector: i.detector.name,
  validity: validityOf(i),
});

const occurrenceRow = (o: StoredOccurrence): OccurrenceRow => ({
  doc: o,
  incident_id: o.incident_id,
  scope: o.scope,
  first_seen: o.date,
  ...(o.location.issueKey ? { issue_key: o.location.issueKey.toUpperCase() } : {}),
  state: placeState(o),
});

/** putIncident's expected revision: whatever is stored. */
const ANY = Symbol('any revision');

/** A page of the first `limit` rows read (one more was read to learn whether more follow). */
function incidentPage<R extends { doc: Incident }>(
  found: readonly R[],
  limit: number,
  cursorOf: (row: R) => string,
): Page<Incident> {
  const items = found.slice(0, limit);
  const last = items.at(-1);
  const page: Page<Incident> = { items: items.map((r) => r.doc) };
  return found.length > limit && last ? { ...page, cursor: cursorOf(last) } : page;
}

const projectRowKey = (incidentId: string, projectKey: string): string =>
  `${incidentId}#${projectKey}`;

/** The `list` of the admin page's rows in `incident-order` (project keys never start with `_`). */
const ALL_LIST = '_all';

/** A row of `incident-order`: the incident as list `list` sorts, filters and searches it. */
type OrderRow = Omit<ListedRow, 'recency'> & {
  readonly list: string;
  readonly search: string;
  readonly family: string;
} & Readonly<Record<`sort_${IncidentSort}`, string>>;

function orderRow(incident: Incident, list: string): OrderRow {
  const projectKey = list === ALL_LIST ? undefined : list;
  const { recency: _r, ...base } = listed(incident);
  const sorts = Object.fromEntries(
    INCIDENT_SORTS.map((s) => [`sort_${s}`, sortKey(incident, s, projectKey)]),
  ) as Record<`sort_${IncidentSort}`, string>;
  return {
    ...base,
    ...sorts,
    presence: listedAs(incident, projectKey).presence,
    list,
    search: searchText(incident),
    family: incident.detector.family,
  };
}

type TxOp =
  | {
      readonly kind: 'set';
      readonly key: string;
      readonly value: ProjectRow | OrderRow;
      readonly entity: string;
    }
  | { readonly kind: 'delete'; readonly key: string; readonly entity: string };

export function createKvsIncidentStore(
  client: KvsClient = kvs,
  retry: KvsRetry = kvsRetry(10_000),
): IncidentStore {
  const guard = guarded(retry);
  const incidents = client.entity<IncidentRow>(ENTITY.incident);
  const occurrences = client.entity<OccurrenceRow>(ENTITY.occurrence);
  const scopeVersions = client.entity<ScopeVersionsRow>(ENTITY.scopeVersions);
  type ScopeCheck = IncidentCommit['scope'];
  /**
   * The row each incident had when this invocation last read it with its revision: a commit on
   * that revision starts from it instead of reading it again (a revision names one write, so the
   * row is exactly what is stored while the transaction's condition holds).
   */
  const revisedRows = new Map<string, IncidentRow>();
  /** Places last read from rows written before placeState was kept (see asRead). */
  const olderRows = new Set<string>();
  /** A place's doc, noting whether its row predates placeState. */
  const placeOf = (row: OccurrenceRow, id: string): StoredOccurrence => {
    if (row.state === undefined) olderRows.add(id);
    else olderRows.delete(id);
    return row.doc;
  };
  /** The condition that the place is stored as `read` says (undefined: no row at all). */
  const asRead = (id: string, read: StoredOccurrence | undefined) =>
    read === undefined
      ? new Filter<OccurrenceRow>().and('incident_id', FilterConditions.notExists())
      : olderRows.has(id)
        ? new Filter<OccurrenceRow>()
            .and('state', FilterConditions.notExists())
            .and('incident_id', FilterConditions.exists())
        : new Filter<OccurrenceRow>().and('state', FilterConditions.equalTo(placeState(read)));
  /** Commits of an incident lost in a row to concurrent writers (see lostTo). */
  const losses = new Map<string, number>();

  /**
   * After a commit lost to a concurrent writer, waits a random moment, longer after each loss in
   * a row: the writers of a hot incident (a secret pasted into hundreds of issues at once) spread
   * out instead of all reading and committing again together, each loss costing reads and units.
   */
  async function lostTo(id: string): Promise<false> {
    const lost = (losses.get(id) ?? 0) + 1;
    losses.set(id, lost);
    const wait = Math.ceil(
      retry.random() * Math.min(CONFLICT_MAX_MS, CONFLICT_FIRST_MS * 2 ** lost),
    );
    if (retry.now() + wait <= retry.deadlineMs) await retry.sleep(wait);
    return false;
  }

  /**
   * One transaction: project row operations, then the places and the incident. The incident is
   * written on the revision read (`rev`; none: it must not exist yet), so a concurrent write of it,
   * or of any of its places, makes the whole transaction fail; so does a claim on the places' scope
   * since `scope.rev` (see incidents/versions.ts), and a write of a place since it was read as
   * `replaces` says.
   */
  async function applyOps(
    ops: readonly TxOp[],
    incident?: { readonly row: IncidentRow; readonly rev: string | undefined },
    places: readonly StoredOccurrence[] = [],
    scope?: ScopeCheck,
    replaces?: IncidentCommit['replaces'],
  ) {
    let tx = client.transact();
    for (const op of ops) {
      tx =
        op.kind === 'set'
          ? tx.set(op.key, op.value, { entityName: op.entity })
          : tx.delete(op.key, { entityName: op.entity });
    }
    for (const [i, o] of places.entries()) {
      tx = tx.set(o.id, occurrenceRow(o), {
        entityName: ENTITY.occurrence,
        ...(replaces ? { conditions: asRead(o.id, replaces[i]) } : {}),
      });
    }
    if (scope) {
      tx = tx.check(scope.scope, {
        entityName: ENTITY.scopeVersions,
        conditions: atRev<ScopeVersionsRow>(scope.rev),
      });
    }
    if (incident) {
      tx = tx.set(incident.row.doc.id, incident.row, {
        entityName: ENTITY.incident,
        conditions: atRev<IncidentRow>(incident.rev),
      });
    }
    await guard('transaction', () => tx.execute());
  }

  function versionsOf(scope: string): Promise<ScopeVersionsRow | undefined> {
    return guard(`get of scope ${shown(scope)}`, () => scopeVersions.get(scope));
  }

  /**
   * Project rows each incident had by the index when this invocation first asked, and those it
   * wrote since: rows beyond the stored incident's projects are only left by a write cut short,
   * which the index shows no sooner than this, so a commit lost to a concurrent writer need not
   * ask again.
   */
  const knownRows = new Map<string, Set<string>>();

  /** Keys of the project rows an incident has, as far as the (eventually consistent) index knows. */
  async function projectRowsOf(incidentId: string): Promise<Set<string>> {
    const known = knownRows.get(incidentId);
    if (known) return known;
    const keys = new Set<string>();
    let cursor: string | undefined;
    do {
      let q = client
        .entity<ProjectRow>(ENTITY.incidentProject)
        .query()
        .index('by-incident', { partition: [incidentId] })
        .limit(PAGE);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await guard(`query of project rows of ${shown(incidentId)}`, () => q.getMany());
      for (const r of page.results) keys.add(r.key);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    knownRows.set(incidentId, keys);
    return keys;
  }

  /**
   * Writes the incident, its project rows and `places`; false when a concurrent write changed it
   * first, or when it is no longer at `expected` (`any`: whatever revision it is at).
   */
  async function tryCommit(
    incident: Incident,
    places: readonly StoredOccurrence[],
    expected: string | undefined | typeof ANY,
    scope?: ScopeCheck,
    replaces?: IncidentCommit['replaces'],
  ): Promise<boolean> {
    const what = `put of incident ${shown(incident.id)}`;
    const known = revisedRows.get(incident.id);
    const old =
      expected !== ANY && known !== undefined && known.rev === expected
        ? known
        : await guard(what, () => incidents.get(incident.id));
    if (expected !== ANY && old?.rev !== expected) return lostTo(incident.id);
    const base = listed(incident);
    const row: IncidentRow = { ...base, rev: randomUUID() };
    const wanted = new Map(
      incident.project_keys.map((p) => [projectRowKey(incident.id, p), p] as const),
    );
    // Rows to remove: those of the stored incident (read consistently) and any the index knows
    // of (left by a write cut short part way), less those still wanted.
    const rows = await projectRowsOf(incident.id);
    const gone = new Set([
      ...(old?.doc.project_keys ?? []).map((p) => projectRowKey(incident.id, p)),
      ...rows,
    ]);
    for (const key of wanted.keys()) gone.delete(key);
    const entity = ENTITY.incidentProject;
    const order = ENTITY.incidentOrder;
    // A project's row and its sorted-list row (same key, another entity) are one group, always
    // written in one transaction: either both exist or neither, so the project rows found tell
    // which sorted-list rows to remove.
    const groups: TxOp[][] = [
      ...[...wanted].map(([key, p]): TxOp[] => {
        // A project's rows order and filter by its own figures (see listedAs).
        const own = listedAs(incident, p);
        const value: ProjectRow = {
          ...base,
          recency: recencyOf(incident, own.last_seen),
          presence: own.presence,
          incident_id: incident.id,
          project_key: p,
        };
        return [
          { kind: 'set', key, value: orderRow(incident, p), entity: order },
          { kind: 'set', key, value, entity },
        ];
      }),
      ...[...gone].map((key): TxOp[] => [
        { kind: 'delete', key, entity: order },
        { kind: 'delete', key, entity },
      ]),
    ];
    // Rows that do not fit beside the incident go first: a write cut short leaves rows ahead of
    // the incident, which its retry (or any later write of it) brings back in step. The admin
    // list's row, the places and the incident go last, together.
    const all: TxOp = {
      kind: 'set',
      key: projectRowKey(incident.id, ALL_LIST),
      value: orderRow(incident, ALL_LIST),
      entity: order,
    };
    const packed = pack(groups, TRANSACTION_OPS);
    const lastGroups = packed.at(-1) ?? [];
    const fits = lastGroups.length + 2 + places.length + (scope ? 1 : 0) <= TRANSACTION_OPS;
    const first = fits ? packed.slice(0, -1) : packed;
    const last = [all, ...(fits ? lastGroups : [])];
    try {
      for (const chunk of first) {
        await applyOps(chunk);
        for (const op of chunk) if (op.kind === 'set' && op.entity === entity) rows.add(op.key);
      }
      await applyOps(last, { row, rev: old?.rev }, places, scope, replaces);
      losses.delete(incident.id);
      revisedRows.delete(incident.id);
      knownRows.set(incident.id, new Set(wanted.keys()));
      return true;
    } catch (e) {
      // A condition that failed is a concurrent write (of the incident, or a claim on the scope).
      if (e instanceof KvsStoreError && e.code === 'CONDITIONAL_CHECK_FAILED')
        return lostTo(incident.id);
      const now = await guard(what, () => incidents.get(incident.id));
      if (now?.rev !== old?.rev) return lostTo(incident.id);
      if (scope && (await versionsOf(scope.scope))?.rev !== scope.rev) return lostTo(incident.id);
      throw storeError(what, e);
    }
  }

  /** Every result of an index query, following platform cursors within this one call. */
  async function allOf(index: string, partition: string): Promise<StoredOccurrence[]> {
    const out: StoredOccurrence[] = [];
    let cursor: string | undefined;
    do {
      let q = occurrences
        .query()
        .index(index, { partition: [partition] })
        .limit(PAGE);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await guard(`query of occurrences by ${index}`, () => q.getMany());
      for (const r of page.results) out.push(placeOf(r.value, r.key));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  }

  type Condition = readonly [
    string,
    ReturnType<
      | typeof FilterConditions.equalTo
      | typeof FilterConditions.contains
      | typeof FilterConditions.between
      | typeof FilterConditions.greaterThanEqualTo
      | typeof FilterConditions.lessThan
    >,
  ];

  /** The recency index (and KVS filters) a list without sort or search is read from. */
  function planned(filter: IncidentFilter) {
    const wanted = new Map<string, string>();
    if (filter.status !== undefined) wanted.set('status', filter.status);
    if (filter.presence !== undefined) wanted.set('presence', filter.presence);
    if (filter.severity !== undefined) wanted.set('severity', filter.severity);
    if (filter.detector !== undefined) wanted.set('detector', filter.detector);
    if (filter.validity !== undefined) wanted.set('validity', filter.validity);
    const entity = filter.projectKey === undefined ? ENTITY.incident : ENTITY.incidentProject;
    if (filter.projectKey !== undefined) wanted.set('project_key', filter.projectKey);
    const { index, partition, rest } = plan(entity, wanted);
    const conditions = rest.map(([a, v]): Condition => [a, FilterConditions.equalTo(v)]);
    return { entity, index, partition, conditions };
  }

  /**
   * Up to `limit + 1` rows of one index past `cursor` (a range value), one past the page to know
   * whether another follows. Without filters each request asks for exactly what is missing; with
   * them KVS filters after reading, so ask for a full page each time.
   */
  async function readIndex<R>(
    entity: string,
    index: string,
    partition: string[],
    conditions: readonly Condition[],
    filter: Pick<IncidentFilter, 'order'>,
    limit: number,
    cursor: string | undefined,
  ): Promise<R[]> {
    const oldest = filter.order === 'oldest';
    const found: R[] = [];
    let platformCursor: string | undefined;
    do {
      let q = client
        .entity<R>(entity)
        .query()
        .index(index, partition.length > 0 ? { partition } : undefined)
        // Range values sort in the list's order: oldest first reads the index backwards.
        .sort(oldest ? Sort.DESC : Sort.ASC)
        .limit(conditions.length > 0 ? PAGE : Math.min(PAGE, limit + 1 - found.length));
      if (cursor !== undefined)
        q = q.where(
          oldest ? WhereConditions.lessThan(cursor) : WhereConditions.greaterThan(cursor),
        );
      const [head, ...tail] = conditions;
      if (head) {
        let f = new Filter<R>().and(head[0] as keyof R, head[1]);
        for (const [a, c] of tail) f = f.and(a as keyof R, c);
        q = q.filters(f);
      }
      if (platformCursor !== undefined) q = q.cursor(platformCursor);
      const page = await guard(`query of ${entity} by ${index}`, () => q.getMany());
      for (const r of page.results) found.push(r.value);
      platformCursor = page.nextCursor;
    } while (platformCursor !== undefined && found.length <= limit);
    return found;
  }

  /** The conditions of `filter` on an `incident-order` row (its list is the partition). */
  function orderConditions(filter: IncidentFilter): Condition[] {
    const out: Condition[] = [];
    for (const a of ['status', 'presence', 'severity', 'detector', 'validity'] as const) {
      const v = filter[a];
      if (v !== undefined) out.push([a, FilterConditions.equalTo(v)]);
    }
    if (filter.search !== undefined) out.push(['search', FilterConditions.contains(filter.search)]);
    if (filter.family !== undefined) out.push(['family', FilterConditions.equalTo(filter.family)]);
    const { low, high } = firstSeenKeyRange(filter);
    if (low !== undefined && high !== undefined)
      out.push(['sort_first_seen', FilterConditions.between(low, high)]);
    else if (low !== undefined)
      out.push(['sort_first_seen', FilterConditions.greaterThanEqualTo(low)]);
    else if (high !== undefined) out.push(['sort_first_seen', FilterConditions.lessThan(high)]);
    return out;
  }

  /** The incidents with a place in the issue a search names (its key, any case). */
  async function incidentsInIssue(search: string): Promise<string[]> {
    const key = search.toUpperCase();
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      let q = occurrences
        .query()
        .index('by-issue-key', { partition: [key] })
        .limit(PAGE);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await guard(`query of occurrences of issue ${shown(key)}`, () => q.getMany());
      for (const r of page.results) ids.push(r.value.incident_id);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return ids;
  }

  const getDoc = async (id: string) =>
    (await guard(`get of incident ${shown(id)}`, () => incidents.get(id)))?.doc;

  /** A sorted or searched list: the `incident-order` rows of its list, on the sort's index. */
  async function listOrdered(
    filter: IncidentFilter,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<Incident>> {
    if (filter.search !== undefined && ISSUE_KEY_SEARCH.test(filter.search))
      return listByIssue(await incidentsInIssue(filter.search), getDoc, filter, limit, cursor);
    if (cursor !== undefined && !ORDER_CURSOR.test(cursor)) throw new Error('invalid cursor');
    const sort = filter.sort ?? 'last_seen';
    const found = await readIndex<OrderRow>(
      ENTITY.incidentOrder,
      `by-${sort.replace('_', '-')}`,
      [filter.projectKey ?? ALL_LIST],
      orderConditions(filter),
      filter,
      limit,
      cursor,
    );
    return incidentPage(found, limit, (r) => r[`sort_${sort}`]);
  }

  return {
    async getIncident(id) {
      return (await guard(`get of incident ${shown(id)}`, () => incidents.get(id)))?.doc;
    },

    async getRevisedIncident(id) {
      const row = await guard(`get of incident ${shown(id)}`, () => incidents.get(id));
      if (row) revisedRows.set(id, row);
      else revisedRows.delete(id);
      return row && { incident: row.doc, rev: row.rev };
    },

    async commitIncident({ incident, occurrences: places, rev, scope, replaces }) {
      if (places.length > COMMIT_OCCURRENCES) {
        throw new Error(`at most ${String(COMMIT_OCCURRENCES)} places per commit`);
      }
      return tryCommit(incident, places, rev, scope, replaces);
    },

    async getScopeVersions(scope) {
      const row = await versionsOf(scope);
      return row && { versions: row.doc, rev: row.rev };
    },

    async claimScopeVersions(scope, versions, rev) {
      const what = `claim of scope ${shown(scope)}`;
      const next = randomUUID();
      try {
        await guard(what, () =>
          client
            .transact()
            .set(
              scope,
              { doc: versions, rev: next },
              { entityName: ENTITY.scopeVersions, conditions: atRev<ScopeVersionsRow>(rev) },
            )
            .execute(),
        );
        return next;
      } catch (e) {
        // Another scan claimed the scope first: the caller reads it again.
        if ((await versionsOf(scope))?.rev !== rev) return undefined;
        throw storeError(what, e);
      }
    },

    async putIncident(incident) {
      for (let attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
        if (await tryCommit(incident, [], ANY)) return;
      }
      throw new KvsStoreError(
        `KVS put of incident ${shown(incident.id)} failed: concurrent writes kept winning`,
        'CONDITIONAL_CHECK_FAILED',
        undefined,
        true,
      );
    },

    async listIncidents(filter: IncidentFilter, limit, cursor) {
      if (!Number.isInteger(limit) || limit < 1) {
        throw new Error('limit must be a positive integer');
      }
      if (listedByOrder(filter)) return listOrdered(filter, limit, cursor);
      if (cursor !== undefined && !RECENCY_CURSOR.test(cursor)) throw new Error('invalid cursor');
      const { entity, index, partition, conditions } = planned(filter);
      const found = await readIndex<ListedRow>(
        entity,
        index,
        partition,
        conditions,
        filter,
        limit,
        cursor,
      );
      return incidentPage(found, limit, (r) => r.recency);
    },

    async getOccurrence(id) {
      const row = await guard(`get of occurrence ${shown(id)}`, () => occurrences.get(id));
      return row && placeOf(row, id);
    },

    async putOccurrence(o) {
      await guard(`put of occurrence ${shown(o.id)}`, () =>
        occurrences.set(o.id, occurrenceRow(o)),
      );
    },

    occurrencesOfIncident: (incidentId) => allOf('by-incident', incidentId),

    async occurrencePage(incidentId, limit, cursor) {
      if (!Number.isInteger(limit) || limit < 1) {
        throw new Error('limit must be a positive integer');
      }
      // The platform's cursor: a view pages through one incident's places within minutes.
      let q = occurrences
        .query()
        .index('by-incident', { partition: [incidentId] })
        .sort(Sort.ASC)
        .limit(Math.min(limit, PAGE));
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await guard(`query of occurrences of ${shown(incidentId)}`, () => q.getMany());
      const items = page.results.map((r) => placeOf(r.value, r.key));
      return page.nextCursor ? { items, cursor: page.nextCursor } : { items };
    },
    occurrencesInScope: (scope) => allOf('by-scope', scope),

    async indexSortedLists(limit, cursor) {
      const page = await this.listIncidents({}, limit, cursor);
      for (const listedDoc of page.items) {
        // The stored row (gets are consistent), and its rows written only while it is unchanged:
        // a write that lands first wrote them itself.
        const row = await guard(`get of incident ${shown(listedDoc.id)}`, () =>
          incidents.get(listedDoc.id),
        );
        if (!row) continue;
        const lists = [ALL_LIST, ...row.doc.project_keys];
        for (const chunk of pack(
          lists.map((l) => [l]),
          TRANSACTION_OPS - 1,
        )) {
          let tx = client.transact();
          for (const list of chunk)
            tx = tx.set(projectRowKey(row.doc.id, list), orderRow(row.doc, list), {
              entityName: ENTITY.incidentOrder,
            });
          tx = tx.check(row.doc.id, {
            entityName: ENTITY.incident,
            conditions: new Filter<IncidentRow>().and('rev', FilterConditions.equalTo(row.rev)),
          });
          try {
            await tx.execute();
          } catch (e) {
            const now = await guard(`get of incident ${shown(row.doc.id)}`, () =>
              incidents.get(row.doc.id),
            );
            if (now?.rev === row.rev) throw storeError(`sorted lists of ${shown(row.doc.id)}`, e);
            break;
          }
        }
      }
      return page.cursor === undefined
        ? { read: page.items.length }
        : { read: page.items.length, cursor: page.cursor };
    },

    async countIncidents(filter, cap) {
      const { sort: _s, order: _o, ...criteria } = filter;
      let found: number;
      if (criteria.search !== undefined && ISSUE_KEY_SEARCH.test(criteria.search)) {
        const ids = await incidentsInIssue(criteria.search);
        found = (await listByIssue(ids, getDoc, criteria, cap + 1, undefined)).items.length;
      } else if (listedByOrder(criteria)) {
        const list = [criteria.projectKey ?? ALL_LIST];
        const conditions = orderConditions(criteria);
        found = (
          await readIndex(
            ENTITY.incidentOrder,
            'by-last-seen',
            list,
            conditions,
            {},
            cap,
            undefined,
          )
        ).length;
      } else {
        const { entity, index, partition, conditions } = planned(criteria);
        found = (await readIndex(entity, index, partition, conditions, {}, cap, undefined)).length;
      }
      return { count: Math.min(found, cap), capped: found > cap };
    },
  };
}

// --- Outbox --------------------------------------------------------------------------------------

interface OutboxRow {
  readonly doc: OutboxEntry;
  readonly seq: string;
  /** `notBefore#enqueuedAt#id`, canonical times: the order createMemoryOutbox delivers in. */
  readonly due_key: string;
}

export function createKvsOutbox(
  client: KvsClient = kvs,
  retry: KvsRetry = kvsRetry(10_000),
): OutboxStore {
  const guard = guarded(retry);
  const entries = client.entity<OutboxRow>(ENTITY.outbox);

  /** Every row on `by-due` up to `dueBy` (all when undefined), at most `limit`. */
  async function scan(limit: number, dueBy?: string): Promise<OutboxRow[]> {
    const out: OutboxRow[] = [];
    let cursor: string | undefined;
    do {
      let q = entries
        .query()
        .index('by-due')
        .sort(Sort.ASC)
        .limit(Math.min(PAGE, limit - out.length));
      // `#` sorts before `$`: every key whose time equals dueBy is below the bound.
      if (dueBy !== undefined) q = q.where(WhereConditions.lessThan(`${dueBy}$`));
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await guard('query of due outbox entries', () => q.getMany());
      for (const r of page.results) out.push(r.value);
      cursor = page.nextCursor;
    } while (cursor !== undefined && out.length < limit);
    return out;
  }

  return {
    async getEntry(id) {
      return (await guard(`get of outbox entry ${shown(id)}`, () => entries.get(id)))?.doc;
    },

    async putEntry(entry) {
      const what = `put of outbox entry ${shown(entry.id)}`;
      const dueKey = [
        canonicalTime(entry.notBefore, `outbox entry ${entry.id}: notBefore`),
        canonicalTime(entry.enqueuedAt, `outbox entry ${entry.id}: enqueuedAt`),
        entry.id,
      ].join('#');
      const row: OutboxRow = { doc: entry, seq: entry.seq, due_key: dueKey };
      await guard(what, () => entries.set(entry.id, row));
    },

    async due(now, limit) {
      if (limit < 1) return [];
      const rows = await scan(limit, canonicalTime(now, 'now'));
      return rows.map((r) => r.doc);
    },

    async removeIf(id, seq) {
      const what = `removal of outbox entry ${shown(id)}`;
      try {
        await guard(what, () =>
          client
            .transact()
            .delete(id, {
              entityName: ENTITY.outbox,
              conditions: new Filter<OutboxRow>().and('seq', FilterConditions.equalTo(seq)),
            })
            .execute(),
        );
      } catch (e) {
        // The condition failed because the entry is gone or was enqueued again: both mean keep
        // what is there. Anything else is a real failure.
        const now = await guard(what, () => entries.get(id));
        if (now?.seq !== seq) return;
        throw storeError(what, e);
      }
    },

    async count() {
      return (await scan(Number.MAX_SAFE_INTEGER)).length;
    },
  };
}

// --- Documents and secrets -----------------------------------------------------------------------

/** A document store that can read several documents at once for the rest of its invocation. */
export interface KvsDocumentStore extends DocumentStore {
  /**
   * Reads `keys` in one request (one read unit while they are small, where separate gets cost
   * one each); later gets of them answer from what was read, and this store's own writes of them
   * keep it current. Only for documents an invocation may read once: settings and caches, not
   * counters that concurrent invocations move. `wait: false`: a rate limit is not waited out,
   * the KvsStoreError goes up at once.
   */
  preload(keys: readonly string[], options?: { readonly wait?: boolean }): Promise<void>;
}

export function createKvsDocumentStore(
  client: KvsClient = kvs,
  retry: KvsRetry = kvsRetry(10_000),
): KvsDocumentStore {
  const guard = guarded(retry);
  /** Preloaded documents; undefined: known absent. */
  const loaded = new Map<string, unknown>();
  return {
    async preload(keys, { wait = true } = {}) {
      const items = keys.map((key) => ({ key }));
      const what = `batch get of ${String(keys.length)} documents`;
      const read = () => client.batchGet<unknown>(items);
      const r = await (wait
        ? guard(what, read)
        : read().catch((e: unknown) => Promise.reject(storeError(what, e))));
      for (const { key, value } of r.successfulKeys) loaded.set(key, value);
      // A key that failed for another reason is read on its own when asked for.
      for (const f of r.failedKeys)
        if (f.error.code === 'KEY_NOT_FOUND') loaded.set(f.key, undefined);
    },

    get: <T>(key: string) =>
      loaded.has(key)
        ? Promise.resolve(structuredClone(loaded.get(key)) as T | undefined)
        : guard(`get of document ${shown(key)}`, () => client.get<T>(key)),

    async set(key, value) {
      const what = `set of document ${shown(key)}`;
      if (value === undefined || value === null) {
        throw new KvsStoreError(
          `KVS ${what} failed: KVS cannot store null`,
          'CLIENT_ERROR',
          undefined,
          false,
        );
      }
      await guard(what, () => client.set(key, value));
      if (loaded.has(key)) loaded.set(key, structuredClone(value));
    },

    async delete(key) {
      await guard(`delete of document ${shown(key)}`, () => client.delete(key));
      if (loaded.has(key)) loaded.set(key, undefined);
    },

    // The caller names the shape of the documents it wrote itself.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    async list<T>(prefix: string, limit: number, cursor?: string) {
      const items: { key: string; value: T }[] = [];
      if (limit < 1) return { items };
      let next = cursor;
      do {
        let q = client.query().limit(Math.min(PAGE, limit - items.length));
        if (prefix !== '') q = q.where('key', WhereConditions.beginsWith(prefix));
        if (next !== undefined) q = q.cursor(next);
        const page = await guard(`list of documents ${shown(prefix)}*`, () => q.getMany<T>());
        for (const r of page.results) items.push({ key: r.key, value: r.value });
        next = page.nextCursor;
      } while (next !== undefined && items.length < limit);
      return next === undefined ? { items } : { items, cursor: next };
    },
  };
}

export function createKvsSecretStore(
  client: KvsClient = kvs,
  retry: KvsRetry = kvsRetry(10_000),
): SecretStore {
  const guard = guarded(retry);
  return {
    async get(key) {
      const what = `get of secret ${shown(key)}`;
      const value = await guard(what, () => client.getSecret<unknown>(key));
      if (value === undefined || typeof value === 'string') return value;
      throw new KvsStoreError(
        `KVS ${what} failed: the stored secret is not a string`,
        'CLIENT_ERROR',
        undefined,
        false,
      );
    },
    async set(key, value) {
      await guard(`set of secret ${shown(key)}`, () => client.setSecret(key, value));
    },
    async delete(key) {
      await guard(`delete of secret ${shown(key)}`, () => client.deleteSecret(key));
    },
  };
}
