/**
 * The KVS custom entities the app declares, in exactly the shape of manifest.yml's
 * `app.storage.entities` (a test compares the two). The adapters in kvs-store.ts read their index
 * choices from here, so the code and the manifest cannot drift apart.
 *
 * Every entity keeps the whole record in `doc` (type `any`: free-form, never filtered on) beside a
 * few typed copies of the fields it is queried by. Typed attributes must be non-empty strings,
 * 32-bit integers and the like, so nothing with an optional or possibly empty field goes there.
 *
 * Platform limits (checked by the dev/forge-runtime emulation): at most 20 entities, 7 indexes and
 * 50 attributes per entity; attribute names `[a-zA-Z][a-zA-Z0-9_]*` of at most 30 characters;
 * entity names 3-60 characters of `[a-z0-9:-_.]`; one range attribute per named index. Deployed
 * entities, attributes and (in staging and production) indexes can never be deleted.
 * @module
 */

export type EntityAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndexDeclaration {
  readonly name: string;
  readonly partition?: readonly string[];
  readonly range: readonly [string];
}

export interface EntityDeclaration {
  readonly name: string;
  readonly attributes: Readonly<Record<string, { readonly type: EntityAttributeType }>>;
  readonly indexes?: readonly (string | EntityIndexDeclaration)[];
}

export const ENTITY = {
  /** One per incident, keyed by incident id. */
  incident: 'incident',
  /** One per (incident, project it appears in): `<incident id>#<project key>`. */
  incidentProject: 'incident-project',
  /**
   * One per (incident, list it is in): `<incident id>#*` for the admin list, `<incident id>#<project
   * key>` for each project's; a copy of the incident ranged by each sort of the list.
   */
  incidentOrder: 'incident-order',
  /** One per occurrence, keyed by occurrence id. */
  occurrence: 'occurrence',
  /** One per pending outbox entry, keyed by incident id. */
  outbox: 'outbox-entry',
  /** One per scanned scope (`issue:<id>`): which versions of it were read (incidents/versions.ts). */
  scopeVersions: 'scope-versions',
  /** One per shard of a set of counts (kvs-counts.ts): `<key>#<shard>`. */
  countShard: 'count-shard',
} as const;

/** The range of every index incidents are listed by: most recently seen first, then by id. */
export const RECENCY = 'recency';

export const ENTITIES = [
  {
    name: ENTITY.incident,
    attributes: {
      doc: { type: 'any' },
      rev: { type: 'string' },
      recency: { type: 'string' },
      status: { type: 'string' },
      severity: { type: 'string' },
      presence: { type: 'string' },
      detector: { type: 'string' },
      validity: { type: 'string' },
    },
    indexes: [
      { name: 'by-recency', range: [RECENCY] },
      { name: 'by-status', partition: ['status'], range: [RECENCY] },
      { name: 'by-detector', partition: ['detector'], range: [RECENCY] },
      { name: 'by-severity', partition: ['severity'], range: [RECENCY] },
      { name: 'by-presence', partition: ['presence'], range: [RECENCY] },
      { name: 'by-status-presence', partition: ['status', 'presence'], range: [RECENCY] },
      // Rows written before validity existed lack the attribute until their incident's next write.
      { name: 'by-validity', partition: ['validity'], range: [RECENCY] },
    ],
  },
  {
    name: ENTITY.incidentProject,
    attributes: {
      doc: { type: 'any' },
      incident_id: { type: 'string' },
      project_key: { type: 'string' },
      recency: { type: 'string' },
      status: { type: 'string' },
      severity: { type: 'string' },
      presence: { type: 'string' },
      detector: { type: 'string' },
      validity: { type: 'string' },
    },
    indexes: [
      { name: 'by-project', partition: ['project_key'], range: [RECENCY] },
      { name: 'by-project-status', partition: ['project_key', 'status'], range: [RECENCY] },
      {
        name: 'by-project-status-presence',
        partition: ['project_key', 'status', 'presence'],
        range: [RECENCY],
      },
      // Every row of one incident, to remove rows a write cut short left behind.
      { name: 'by-incident', partition: ['incident_id'], range: ['project_key'] },
    ],
  },
  {
    // The sorted lists (and text search) of the incident pages. `list` is `*` or a project key;
    // each sort_* holds sortKey(incident, sort, project) (the project's own figures on its rows).
    name: ENTITY.incidentOrder,
    attributes: {
      doc: { type: 'any' },
      list: { type: 'string' },
      status: { type: 'string' },
      severity: { type: 'string' },
      presence: { type: 'string' },
      detector: { type: 'string' },
      validity: { type: 'string' },
      search: { type: 'string' },
      // The detector's family, filtered on (rows written before it have none until refreshed).
      family: { type: 'string' },
      sort_last_seen: { type: 'string' },
      sort_severity: { type: 'string' },
      sort_status: { type: 'string' },
      sort_detector: { type: 'string' },
      sort_project: { type: 'string' },
      sort_occurrences: { type: 'string' },
      sort_first_seen: { type: 'string' },
    },
    indexes: [
      { name: 'by-last-seen', partition: ['list'], range: ['sort_last_seen'] },
      { name: 'by-severity', partition: ['list'], range: ['sort_severity'] },
      { name: 'by-status', partition: ['list'], range: ['sort_status'] },
      { name: 'by-detector', partition: ['list'], range: ['sort_detector'] },
      { name: 'by-project', partition: ['list'], range: ['sort_project'] },
      { name: 'by-occurrences', partition: ['list'], range: ['sort_occurrences'] },
      { name: 'by-first-seen', partition: ['list'], range: ['sort_first_seen'] },
    ],
  },
  {
    name: ENTITY.occurrence,
    attributes: {
      doc: { type: 'any' },
      incident_id: { type: 'string' },
      scope: { type: 'string' },
      first_seen: { type: 'string' },
      // Absent when the place is not in an issue (and on rows written before it existed).
      issue_key: { type: 'string' },
      // placeState of the place: what a commit replacing it conditions on (absent on older rows).
      state: { type: 'string' },
    },
    indexes: [
      { name: 'by-incident', partition: ['incident_id'], range: ['first_seen'] },
      { name: 'by-scope', partition: ['scope'], range: ['first_seen'] },
      // A search for an issue key: the incidents with a place in that issue.
      { name: 'by-issue-key', partition: ['issue_key'], range: ['first_seen'] },
    ],
  },
  {
    name: ENTITY.outbox,
    attributes: {
      doc: { type: 'any' },
      seq: { type: 'string' },
      due_key: { type: 'string' },
    },
    indexes: [{ name: 'by-due', range: ['due_key'] }],
  },
  {
    // Only ever read by key, and checked by `rev` in the transactions of the scope's places.
    name: ENTITY.scopeVersions,
    attributes: {
      doc: { type: 'any' },
      rev: { type: 'string' },
    },
  },
  {
    // Read by key in a transaction's condition on `rev`; the shards of one key by `by-name`, keys
    // by prefix on the automatic `by-key` index.
    name: ENTITY.countShard,
    attributes: {
      doc: { type: 'any' },
      rev: { type: 'string' },
      name: { type: 'string' },
      shard: { type: 'integer' },
    },
    indexes: [{ name: 'by-name', partition: ['name'], range: ['shard'] }],
  },
] as const satisfies readonly EntityDeclaration[];
