/**
 * The platform side of Forge KVS, in process: answers the HTTP calls `@forge/kvs` makes through
 * `global.__forge_fetch__({type:'kvs', ...}, path, init)` with WHATWG Responses, so the real SDK
 * runs unmodified against it. Wire shapes are those of @forge/kvs 1.6.5 (out/storage-api.js):
 *
 *   POST /api/v1/{get,set,delete}            {key, value?, options?}
 *   POST /api/v1/query                       {limit?, after?, where?: [{property:'key', condition:'BEGINS_WITH', values:[p]}]}
 *   POST /api/v1/secret/{get,set,delete}     as get/set/delete, in a separate space
 *   POST /api/v1/entity/{get,set,delete}     {entityName, key, value?, options?}
 *   POST /api/v1/entity/query                {entityName, indexName, partition?, range?, filters?, sort?, limit?, cursor?}
 *   POST /api/v1/batch/{get,set,delete}      [{key, entityName?, value?, options?}] -> {successfulKeys, failedKeys}
 *   POST /api/v1/transaction                 {set?, delete?, check?} with per-operation conditions
 *
 * Errors are `{code, message}` with a non-2xx status, as the platform sends them; the SDK turns
 * them into ForgeKvsAPIError. Enforced: the key rule and length, value size and depth, entity
 * names, declared entities, attributes (names and types) and indexes only, index value sizes,
 * query limits (1-100, default 10), filter rules, batch and transaction sizes, unique keys per
 * transaction, transaction conditions (all or nothing), TTL, `keyPolicy: FAIL_IF_EXISTS`.
 *
 * Like the platform, an entity query reads `limit` index entries and then applies `filters` to
 * them, so a filtered page may be short or empty and still carry a cursor. Cursors are opaque and
 * only valid for the query that produced them (a different query gets a 400).
 *
 * Codes the public docs do not give, chosen here: `KEY_ALREADY_EXISTS` (409) for FAIL_IF_EXISTS,
 * `CONDITIONAL_CHECK_FAILED` (409) for an unmet transaction condition, `BAD_REQUEST` (400) for
 * malformed requests and cursors. Messages never quote stored or submitted values.
 * @module
 */
import { createHash } from 'node:crypto';
import { createMemoryKvsBackend, type KvsBackend, type StoredRecord } from './backend.js';
import {
  compileEntities,
  type AttributeType,
  type CompiledEntity,
  type CompiledIndex,
  type EntityDeclaration,
} from './entities.js';

export const KVS_LIMITS = {
  keyLength: 500,
  /** 240 KiB of JSON. */
  valueBytes: 240 * 1024,
  /** 128 KiB for the secret store. */
  secretValueBytes: 128 * 1024,
  depth: 31,
  defaultQueryLimit: 10,
  maxQueryLimit: 100,
  batchItems: 25,
  transactionOps: 25,
  transactionBytes: 4 * 1024 * 1024,
  conditionsPerQuery: 100,
  partitionBytes: 1700,
  rangeBytes: 900,
} as const;

/** The platform's key rule (`/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/`): no `/`, not only blanks. */
export const KVS_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;
const ENTITY_TYPE = /^(?![.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<!\.)$/;

export interface KvsRequestInit {
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: unknown;
}

export interface KvsCall {
  readonly path: string;
  /** The parsed request body (undefined when it was not JSON). */
  readonly body: unknown;
  readonly status: number;
}

export interface KvsEmulatorOptions {
  /** manifest.yml's `app.storage.entities`: only these entities and indexes exist. */
  readonly entities?: readonly EntityDeclaration[];
  readonly backend?: KvsBackend;
  /** Epoch milliseconds (TTL, createdAt/updatedAt). */
  readonly now?: () => number;
}

export interface KvsEmulator {
  /** Answers one call as the platform would. */
  handle(path: string, init?: KvsRequestInit): Promise<Response>;
  readonly backend: KvsBackend;
  /** Every call answered, in order (for assertions on what reached the platform). */
  readonly calls: KvsCall[];
}

class KvsFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string): KvsFault => new KvsFault(400, 'BAD_REQUEST', message);

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, what: string): Json {
  if (!isObject(v)) throw bad(`${what} must be a JSON object`);
  return v;
}

function optionalArray(v: unknown, what: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw bad(`${what} must be an array`);
  return v;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

function depthOf(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depthOf));
  if (isObject(v)) return 1 + Math.max(0, ...Object.values(v).map(depthOf));
  return 0;
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') {
    throw new KvsFault(400, 'EMPTY_KEY', 'Key cannot be empty');
  }
  if (key.length > KVS_LIMITS.keyLength) {
    throw new KvsFault(400, 'KEY_TOO_LONG', `Key exceeds ${KVS_LIMITS.keyLength} characters`);
  }
  if (!KVS_KEY.test(key)) {
    throw new KvsFault(
      400,
      'INVALID_KEY',
      `Key ${quote(key)} does not match the regex /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/`,
    );
  }
  return key;
}

function checkValue(value: unknown, maxBytes: number): void {
  if (value === undefined || value === null) throw bad('A value is required and cannot be null');
  const size = bytes(JSON.stringify(value));
  if (size > maxBytes) {
    throw new KvsFault(400, 'MAX_SIZE', `Value is ${size} bytes; the limit is ${maxBytes}`);
  }
  if (depthOf(value) > KVS_LIMITS.depth) {
    throw new KvsFault(400, 'MAX_DEPTH', `Value is nested deeper than ${KVS_LIMITS.depth}`);
  }
}

const INT32 = [-2147483648, 2147483647] as const;

function typeMatches(type: AttributeType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string' && /\S/.test(v);
    case 'integer':
      return Number.isInteger(v) && (v as number) >= INT32[0] && (v as number) <= INT32[1];
    case 'float': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      const a = Math.abs(v);
      return a === 0 || (a >= 1e-130 && a < 1e126);
    }
    case 'boolean':
      return typeof v === 'boolean';
    case 'any':
      return v !== null && v !== undefined;
  }
}

/** Order of index values: numbers numerically, strings by code unit, false before true. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return typeof a < typeof b ? -1 : typeof a > typeof b ? 1 : 0;
}

// --- Conditions (index ranges, filters, transaction conditions) ---------------------------------

type ConditionName =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'NOT_CONTAINS'
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'EXISTS'
  | 'NOT_EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

const RANGE_CONDITIONS: readonly string[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];
const FILTER_CONDITIONS: readonly string[] = [
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
];
const STRING_ONLY: readonly string[] = ['BEGINS_WITH', 'CONTAINS', 'NOT_CONTAINS'];
const ORDERED: readonly string[] = [
  'BETWEEN',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

interface Condition {
  readonly property: string | undefined;
  readonly condition: ConditionName;
  readonly values: readonly unknown[];
}

/** `type` is the attribute's declared type (the key index ranges over strings). */
function parseCondition(
  raw: unknown,
  allowed: readonly string[],
  type: AttributeType,
  property: string | undefined,
  what: string,
): Condition {
  const c = object(raw, what);
  if (typeof c.condition !== 'string' || !allowed.includes(c.condition)) {
    throw bad(`${what}: condition must be one of ${allowed.join(', ')}`);
  }
  const condition = c.condition as ConditionName;
  if (!Array.isArray(c.values)) throw bad(`${what}: values must be an array`);
  const values: unknown[] = c.values;
  const need = condition === 'BETWEEN' ? 2 : 1;
  if (values.length < need) {
    throw new KvsFault(
      400,
      'INSUFFICIENT_FILTER_VALUES',
      `${what}: ${condition} needs ${need} value(s)`,
    );
  }
  if (type === 'any') {
    throw new KvsFault(
      422,
      'UNPROCESSABLE_ENTITY',
      `${what}: attributes of type any cannot be used in conditions`,
    );
  }
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') {
    return { property, condition, values };
  }
  if (STRING_ONLY.includes(condition) && type !== 'string') {
    throw bad(`${what}: ${condition} applies to string attributes only`);
  }
  if (ORDERED.includes(condition) && type === 'boolean') {
    throw bad(`${what}: ${condition} does not apply to boolean attributes`);
  }
  const expected = type === 'integer' || type === 'float' ? 'number' : type;
  for (const v of values.slice(0, need)) {
    if (typeof v !== expected) throw bad(`${what}: values must be of type ${type}`);
  }
  return { property, condition, values };
}

function holds(c: Condition, actual: unknown): boolean {
  const [v, w] = c.values;
  if (c.condition === 'EXISTS') return actual !== undefined;
  if (c.condition === 'NOT_EXISTS') return actual === undefined;
  if (actual === undefined) return c.condition === 'NOT_EQUAL_TO' || c.condition === 'NOT_CONTAINS';
  switch (c.condition) {
    case 'EQUAL_TO':
      return actual === v;
    case 'NOT_EQUAL_TO':
      return actual !== v;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof v === 'string' && actual.startsWith(v);
    case 'CONTAINS':
      return typeof actual === 'string' && typeof v === 'string' && actual.includes(v);
    case 'NOT_CONTAINS':
      return typeof actual !== 'string' || typeof v !== 'string' || !actual.includes(v);
    default: {
      if (typeof actual !== typeof v) return false;
      const cmp = compareValues(actual, v);
      switch (c.condition) {
        case 'GREATER_THAN':
          return cmp > 0;
        case 'GREATER_THAN_EQUAL_TO':
          return cmp >= 0;
        case 'LESS_THAN':
          return cmp < 0;
        case 'LESS_THAN_EQUAL_TO':
          return cmp <= 0;
        case 'BETWEEN':
          return cmp >= 0 && typeof actual === typeof w && compareValues(actual, w) <= 0;
      }
    }
  }
}

interface FilterSet {
  readonly op: 'and' | 'or';
  readonly conditions: readonly Condition[];
}

/** `{and: [...]}` or `{or: [...]}` of `{property, condition, values}` over declared attributes. */
function parseFilters(raw: unknown, entity: CompiledEntity, what: string): FilterSet {
  const f = object(raw, what);
  const hasAnd = f.and !== undefined;
  const hasOr = f.or !== undefined;
  if (hasAnd && hasOr) {
    throw new KvsFault(
      400,
      'INVALID_FILTER_OPERATORS_COMBINATION',
      `${what}: "and" and "or" cannot be present at the same level`,
    );
  }
  const op = hasOr ? 'or' : 'and';
  const list = optionalArray(f[op], `${what}.${op}`);
  if (list.length === 0) {
    throw new KvsFault(400, 'EMPTY_FILTER_OPERATOR', `${what}: "and" and "or" cannot be empty`);
  }
  const conditions = list.map((item, i) => {
    const at = `${what}.${op}[${i}]`;
    const property = object(item, at).property;
    if (typeof property !== 'string') throw bad(`${at}: property must be a string`);
    const type = entity.attributes.get(property);
    if (type === undefined) {
      throw bad(`${at}: attribute ${quote(property)} is not declared for ${entity.name}`);
    }
    return parseCondition(item, FILTER_CONDITIONS, type, property, at);
  });
  return { op, conditions };
}

function passes(filters: FilterSet | undefined, attrs: Json): boolean {
  if (!filters) return true;
  const test = (c: Condition): boolean => holds(c, attrs[c.property ?? '']);
  return filters.op === 'and' ? filters.conditions.every(test) : filters.conditions.some(test);
}

// --- Cursors -------------------------------------------------------------------------------------

const fingerprint = (parts: unknown): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);

function encodeCursor(query: string, position: unknown): string {
  return Buffer.from(JSON.stringify({ q: query, p: position })).toString('base64url');
}

function decodeCursor(raw: unknown, query: string): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw bad('cursor must be a string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad('cursor is not valid');
  }
  if (!isObject(parsed) || parsed.q !== query || parsed.p === undefined) {
    throw bad('cursor is not valid for this query (use the same parameters as the first page)');
  }
  return parsed.p;
}

function pageLimit(raw: unknown, code: string): number {
  if (raw === undefined) return KVS_LIMITS.defaultQueryLimit;
  if (!Number.isInteger(raw) || (raw as number) < 1 || (raw as number) > KVS_LIMITS.maxQueryLimit) {
    throw new KvsFault(
      400,
      code,
      `The page limit must be set between 1 and ${KVS_LIMITS.maxQueryLimit}`,
    );
  }
  return raw as number;
}

// --- The emulator --------------------------------------------------------------------------------

const SECONDS = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 } as const;

interface Target {
  readonly space: string;
  readonly key: string;
  readonly entity: CompiledEntity | undefined;
}

export function createKvsEmulator(options: KvsEmulatorOptions = {}): KvsEmulator {
  const entities = compileEntities(options.entities ?? []);
  const backend = options.backend ?? createMemoryKvsBackend();
  const now = options.now ?? Date.now;
  const calls: KvsCall[] = [];

  const live = (space: string, key: string): StoredRecord | undefined => {
    const r = backend.get(space, key);
    if (r?.expiresAt !== undefined && r.expiresAt <= now()) {
      backend.delete(space, key);
      return undefined;
    }
    return r;
  };
  const liveList = (space: string): [string, StoredRecord][] => {
    const t = now();
    return backend.list(space).filter(([, r]) => r.expiresAt === undefined || r.expiresAt > t);
  };

  function entityOf(name: unknown): CompiledEntity {
    if (typeof name !== 'string') throw bad('entityName must be a string');
    if (name.length < 3) {
      throw new KvsFault(400, 'ENTITY_TYPE_TOO_SHORT', 'Entity name needs at least 3 characters');
    }
    if (name.length > 60) {
      throw new KvsFault(400, 'ENTITY_TYPE_TOO_LARGE', 'Entity name exceeds 60 characters');
    }
    if (!ENTITY_TYPE.test(name)) {
      throw new KvsFault(400, 'INVALID_ENTITY_TYPE', `Entity name ${quote(name)} is not valid`);
    }
    const e = entities.get(name);
    if (!e) {
      throw new KvsFault(
        400,
        'INVALID_ENTITY_TYPE',
        `Entity ${quote(name)} is not declared in app.storage.entities`,
      );
    }
    return e;
  }

  function target(kind: 'kvs' | 'secret' | 'entity', raw: Json): Target {
    const key = checkKey(raw.key);
    if (kind !== 'entity') return { space: kind, key, entity: undefined };
    const entity = entityOf(raw.entityName);
    return { space: `entity:${entity.name}`, key, entity };
  }

  function checkEntityValue(entity: CompiledEntity, value: unknown): void {
    if (!isObject(value)) {
      throw new KvsFault(400, 'INVALID_ENTITY_VALUE', `A ${entity.name} value must be an object`);
    }
    for (const [name, v] of Object.entries(value)) {
      const type = entity.attributes.get(name);
      if (type === undefined) {
        throw new KvsFault(
          400,
          'INVALID_ENTITY_VALUE',
          `Attribute ${quote(name)} is not declared for ${entity.name}`,
        );
      }
      if (!typeMatches(type, v)) {
        throw new KvsFault(
          400,
          'INVALID_ENTITY_VALUE',
          `Attribute ${name} of ${entity.name} must be a valid ${type}`,
        );
      }
    }
    for (const ix of entity.indexes.values()) {
      const size = (attrs: readonly string[]): number =>
        attrs.reduce((n, a) => n + (a in value ? bytes(String(value[a])) : 0), 0);
      if (size(ix.partition) > KVS_LIMITS.partitionBytes) {
        throw new KvsFault(
          400,
          'INVALID_ENTITY_VALUE',
          `Partition values of index ${ix.name} exceed ${KVS_LIMITS.partitionBytes} bytes`,
        );
      }
      if (ix.range !== undefined && size([ix.range]) > KVS_LIMITS.rangeBytes) {
        throw new KvsFault(
          400,
          'INVALID_ENTITY_VALUE',
          `Range value of index ${ix.name} exceeds ${KVS_LIMITS.rangeBytes} bytes`,
        );
      }
    }
  }

  function checkWrite(t: Target, value: unknown): void {
    checkValue(value, t.space === 'secret' ? KVS_LIMITS.secretValueBytes : KVS_LIMITS.valueBytes);
    if (t.entity) checkEntityValue(t.entity, value);
  }

  function ttlMs(raw: unknown): number | undefined {
    if (raw === undefined || raw === null) return undefined;
    const o = object(raw, 'options');
    if (o.ttl === undefined) return undefined;
    const ttl = object(o.ttl, 'options.ttl');
    const unit = ttl.unit;
    if (typeof unit !== 'string' || !(unit in SECONDS)) {
      throw bad('options.ttl.unit must be SECONDS, MINUTES, HOURS or DAYS');
    }
    if (!Number.isInteger(ttl.value) || (ttl.value as number) < 1) {
      throw bad('options.ttl.value must be a positive integer');
    }
    return (ttl.value as number) * SECONDS[unit as keyof typeof SECONDS] * 1000;
  }

  function meta(key: string, r: StoredRecord, entityName?: string): Json {
    return {
      key,
      ...(entityName === undefined ? {} : { entityName }),
      value: r.value,
      createdAt: Math.floor(r.createdAt / 1000),
      updatedAt: Math.floor(r.updatedAt / 1000),
      ...(r.expiresAt === undefined ? {} : { expireTime: new Date(r.expiresAt).toISOString() }),
    };
  }

  function write(t: Target, value: unknown, rawOptions: unknown): StoredRecord {
    const ttl = ttlMs(rawOptions);
    const o = isObject(rawOptions) ? rawOptions : {};
    const prev = live(t.space, t.key);
    if (
      o.keyPolicy !== undefined &&
      o.keyPolicy !== 'OVERRIDE' &&
      o.keyPolicy !== 'FAIL_IF_EXISTS'
    ) {
      throw bad('options.keyPolicy must be OVERRIDE or FAIL_IF_EXISTS');
    }
    if (o.keyPolicy === 'FAIL_IF_EXISTS' && prev) {
      throw new KvsFault(409, 'KEY_ALREADY_EXISTS', `Key ${quote(t.key)} already exists`);
    }
    const at = now();
    const record: StoredRecord = {
      value,
      createdAt: prev?.createdAt ?? at,
      updatedAt: at,
      ...(ttl === undefined ? {} : { expiresAt: at + ttl }),
    };
    backend.put(t.space, t.key, record);
    return record;
  }

  function get(kind: 'kvs' | 'secret' | 'entity', body: unknown): Json {
    const t = target(kind, object(body, 'request'));
    const r = live(t.space, t.key);
    if (!r) throw new KvsFault(404, 'KEY_NOT_FOUND', 'The specified key does not exist');
    return meta(t.key, r);
  }

  function set(kind: 'kvs' | 'secret' | 'entity', body: unknown): Json | null {
    const b = object(body, 'request');
    const t = target(kind, b);
    checkWrite(t, b.value);
    const prev = live(t.space, t.key);
    const record = write(t, b.value, b.options);
    const returnValue = isObject(b.options) ? b.options.returnValue : undefined;
    if (returnValue === 'LATEST') return meta(t.key, record);
    if (returnValue === 'PREVIOUS' && prev) return meta(t.key, prev);
    return null;
  }

  function del(kind: 'kvs' | 'secret' | 'entity', body: unknown): null {
    const t = target(kind, object(body, 'request'));
    backend.delete(t.space, t.key);
    return null;
  }

  function query(body: unknown): Json {
    const b = object(body, 'request');
    const where = optionalArray(b.where, 'where');
    if (where.length > 1) throw bad('where takes at most one condition');
    let prefix = '';
    const [w] = where;
    if (w !== undefined) {
      const c = object(w, 'where[0]');
      const values = c.values;
      if (
        c.property !== 'key' ||
        c.condition !== 'BEGINS_WITH' ||
        !Array.isArray(values) ||
        typeof values[0] !== 'string'
      ) {
        throw bad('where supports only {property: "key", condition: "BEGINS_WITH", values: [s]}');
      }
      prefix = values[0];
    }
    const limit = pageLimit(b.limit, 'BAD_REQUEST');
    const q = fingerprint(['query', prefix]);
    const after = decodeCursor(b.after, q);
    if (after !== undefined && typeof after !== 'string') throw bad('cursor is not valid');
    const rows = liveList('kvs').filter(
      ([key]) => key.startsWith(prefix) && (after === undefined || key > after),
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(([key, r]) => withMeta(key, r, b.options)),
      ...(rows.length > limit && last ? { cursor: encodeCursor(q, last[0]) } : {}),
    };
  }

  function withMeta(key: string, r: StoredRecord, rawOptions: unknown): Json {
    const fields = isObject(rawOptions) ? optionalArray(rawOptions.metadataFields, 'fields') : [];
    const m = meta(key, r);
    return {
      key,
      value: r.value,
      ...(fields.includes('CREATED_AT') ? { createdAt: m.createdAt } : {}),
      ...(fields.includes('UPDATED_AT') ? { updatedAt: m.updatedAt } : {}),
      ...(fields.includes('EXPIRE_TIME') && m.expireTime !== undefined
        ? { expireTime: m.expireTime }
        : {}),
    };
  }

  function entityQuery(body: unknown): Json {
    const b = object(body, 'request');
    const entity = entityOf(b.entityName);
    if (typeof b.indexName !== 'string') throw bad('indexName must be a string');
    const index: CompiledIndex | undefined = entity.indexes.get(b.indexName);
    if (!index) {
      throw new KvsFault(
        400,
        'INVALID_ENTITY_INDEX',
        `Index ${quote(b.indexName)} is not declared for entity ${entity.name}`,
      );
    }
    const partition = optionalArray(b.partition, 'partition');
    if (partition.length !== index.partition.length) {
      throw bad(
        `Index ${index.name} takes ${index.partition.length} partition value(s), got ${partition.length}`,
      );
    }
    index.partition.forEach((attr, i) => {
      const type = entity.attributes.get(attr) ?? 'any';
      if (!typeMatches(type, partition[i]) || type === 'any') {
        throw bad(`partition value ${i + 1} of ${index.name} must be a ${type}`);
      }
    });
    const rangeType: AttributeType =
      index.range === undefined ? 'string' : (entity.attributes.get(index.range) ?? 'any');
    const range =
      b.range === undefined
        ? undefined
        : parseCondition(b.range, RANGE_CONDITIONS, rangeType, index.range, 'range');
    const filters =
      b.filters === undefined ? undefined : parseFilters(b.filters, entity, 'filters');
    const conditions = (range ? 1 : 0) + (filters?.conditions.length ?? 0);
    if (conditions > KVS_LIMITS.conditionsPerQuery) {
      throw bad(`At most ${KVS_LIMITS.conditionsPerQuery} conditions per query`);
    }
    if (b.sort !== undefined && b.sort !== 'ASC' && b.sort !== 'DESC') {
      throw bad('sort must be ASC or DESC');
    }
    const desc = b.sort === 'DESC';
    const limit = pageLimit(b.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    const q = fingerprint([entity.name, index.name, partition, b.range, b.filters, desc]);
    const after = decodeCursor(b.cursor, q);
    if (after !== undefined && (!Array.isArray(after) || typeof after[1] !== 'string')) {
      throw bad('cursor is not valid');
    }
    const position = after as [unknown, string] | undefined;

    interface Row {
      readonly key: string;
      readonly record: StoredRecord;
      readonly attrs: Json;
      readonly at: unknown;
    }
    const order = (x: { at: unknown; key: string }, y: { at: unknown; key: string }): number => {
      const c = compareValues(x.at, y.at) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
      return desc ? -c : c;
    };
    const rows: Row[] = [];
    for (const [key, record] of liveList(`entity:${entity.name}`)) {
      const attrs = isObject(record.value) ? record.value : {};
      if (!index.partition.every((a, i) => attrs[a] === partition[i])) continue;
      const at = index.range === undefined ? key : attrs[index.range];
      if (at === undefined) continue;
      if (range && !holds(range, at)) continue;
      if (position && order({ at, key }, { at: position[0], key: position[1] }) <= 0) continue;
      rows.push({ key, record, attrs, at });
    }
    rows.sort(order);
    const window = rows.slice(0, limit);
    const last = window.at(-1);
    return {
      data: window
        .filter((r) => passes(filters, r.attrs))
        .map((r) => withMeta(r.key, r.record, b.options)),
      ...(rows.length > limit && last ? { cursor: encodeCursor(q, [last.at, last.key]) } : {}),
    };
  }

  interface BatchItem {
    readonly raw: Json;
    readonly t: Target;
  }

  function batch(
    body: unknown,
    op: (item: BatchItem) => Json | undefined,
  ): { successfulKeys: Json[]; failedKeys: Json[] } {
    if (!Array.isArray(body)) throw bad('A batch request is an array of items');
    if (body.length === 0 || body.length > KVS_LIMITS.batchItems) {
      throw bad(`A batch takes 1 to ${KVS_LIMITS.batchItems} items`);
    }
    const successfulKeys: Json[] = [];
    const failedKeys: Json[] = [];
    for (const item of body as unknown[]) {
      const raw = isObject(item) ? item : {};
      const id = {
        key: typeof raw.key === 'string' ? raw.key : String(raw.key),
        ...(typeof raw.entityName === 'string' ? { entityName: raw.entityName } : {}),
      };
      try {
        const t = target(raw.entityName === undefined ? 'kvs' : 'entity', raw);
        successfulKeys.push(op({ raw, t }) ?? id);
      } catch (e) {
        if (!(e instanceof KvsFault)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { successfulKeys, failedKeys };
  }

  interface TxOp {
    readonly kind: 'set' | 'delete' | 'check';
    readonly t: Target;
    readonly value: unknown;
    readonly options: unknown;
    readonly conditions: FilterSet | undefined;
  }

  function transaction(body: unknown): null {
    const b = object(body, 'request');
    const ops: TxOp[] = [];
    for (const kind of ['set', 'delete', 'check'] as const) {
      optionalArray(b[kind], kind).forEach((rawOp, i) => {
        const raw = object(rawOp, `${kind}[${i}]`);
        const t = target(raw.entityName === undefined ? 'kvs' : 'entity', raw);
        if (raw.conditions !== undefined && !t.entity) {
          throw bad(`${kind}[${i}]: conditions need an entityName`);
        }
        if (kind === 'check' && raw.conditions === undefined) {
          throw bad(`check[${i}]: conditions are required`);
        }
        const conditions =
          raw.conditions === undefined || !t.entity
            ? undefined
            : parseFilters(raw.conditions, t.entity, `${kind}[${i}].conditions`);
        if (kind === 'set') {
          checkWrite(t, raw.value);
          ttlMs(raw.options);
        }
        ops.push({ kind, t, value: raw.value, options: raw.options, conditions });
      });
    }
    if (ops.length === 0 || ops.length > KVS_LIMITS.transactionOps) {
      throw bad(`A transaction takes 1 to ${KVS_LIMITS.transactionOps} operations`);
    }
    const seen = new Set<string>();
    for (const { t } of ops) {
      const id = `${t.space}\u0000${t.key}`;
      if (seen.has(id)) throw bad(`Key ${quote(t.key)} is used twice in one transaction`);
      seen.add(id);
    }
    for (const op of ops) {
      if (!op.conditions) continue;
      const current = live(op.t.space, op.t.key)?.value;
      if (!passes(op.conditions, isObject(current) ? current : {})) {
        throw new KvsFault(
          409,
          'CONDITIONAL_CHECK_FAILED',
          `The conditions on ${quote(op.t.key)} of ${op.t.entity?.name ?? 'kvs'} were not met`,
        );
      }
    }
    backend.atomically(() => {
      for (const op of ops) {
        if (op.kind === 'set') write(op.t, op.value, op.options);
        else if (op.kind === 'delete') backend.delete(op.t.space, op.t.key);
      }
    });
    return null;
  }

  /** A route answers with a JSON body, or null for an empty 204. */
  const routes: Record<string, (body: unknown, text: string) => Json | null> = {
    '/api/v1/get': (b) => get('kvs', b),
    '/api/v1/set': (b) => set('kvs', b),
    '/api/v1/delete': (b) => del('kvs', b),
    '/api/v1/query': query,
    '/api/v1/secret/get': (b) => get('secret', b),
    '/api/v1/secret/set': (b) => set('secret', b),
    '/api/v1/secret/delete': (b) => del('secret', b),
    '/api/v1/entity/get': (b) => get('entity', b),
    '/api/v1/entity/set': (b) => set('entity', b),
    '/api/v1/entity/delete': (b) => del('entity', b),
    '/api/v1/entity/query': entityQuery,
    '/api/v1/batch/set': (b) =>
      batch(b, ({ raw, t }) => {
        checkWrite(t, raw.value);
        write(t, raw.value, raw.options);
        return undefined;
      }),
    '/api/v1/batch/get': (b) =>
      batch(b, ({ raw, t }) => {
        const r = live(t.space, t.key);
        if (!r) throw new KvsFault(404, 'KEY_NOT_FOUND', 'The specified key does not exist');
        return meta(t.key, r, typeof raw.entityName === 'string' ? raw.entityName : undefined);
      }),
    '/api/v1/batch/delete': (b) =>
      batch(b, ({ t }) => {
        backend.delete(t.space, t.key);
        return undefined;
      }),
    '/api/v1/transaction': (b, text) => {
      if (bytes(text) > KVS_LIMITS.transactionBytes) {
        throw new KvsFault(400, 'MAX_SIZE', 'A transaction payload is limited to 4 MB');
      }
      return transaction(b);
    },
  };

  const respond = (status: number, body: unknown): Response =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-trace-id': 'forge-runtime-emulator' },
    });

  function answer(path: string, init: KvsRequestInit | undefined): [number, unknown, unknown] {
    const text = typeof init?.body === 'string' ? init.body : '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [400, undefined, { code: 'BAD_REQUEST', message: 'The request body is not JSON' }];
    }
    const route = routes[path];
    if (!route) return [404, body, { code: 'NOT_FOUND', message: `No KVS endpoint ${path}` }];
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST') {
      return [405, body, { code: 'METHOD_NOT_ALLOWED', message: 'KVS endpoints take POST' }];
    }
    try {
      const out = route(body, text);
      return out === null ? [204, body, undefined] : [200, body, out];
    } catch (e) {
      if (e instanceof KvsFault) return [e.status, body, { code: e.code, message: e.message }];
      throw e;
    }
  }

  return {
    backend,
    calls,
    handle(path, init) {
      const [status, body, out] = answer(path, init);
      calls.push({ path, body, status });
      return Promise.resolve(respond(status, out));
    },
  };
}
