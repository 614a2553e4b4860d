/**
 * The CountStore over KVS: each key's counts are spread over SHARDS rows of the `count-shard`
 * entity (`<key>#<shard>`), and read back as their sum with one index query.
 *
 * Why: KVS has no atomic increment, and a document read and written whole loses one of two
 * updates made together (every trigger of a bulk edit counts its event in the same week's key).
 * An add reads one shard, picked at random, and writes it in a transaction conditional on the
 * revision read (optimistic concurrency, as the incidents' own writes do in kvs-store.ts); when
 * another add won, it reads the row again after a backoff with jitter and retries. Shards make
 * that rare: concurrent adds of one key mostly land on different rows. Cost per add: one read and
 * one write, as the read-modify-write it replaces, and one more of each per conflict.
 *
 * The index a read uses may lag a write by a moment; a `replace` made on a stale read fails its
 * conditions (a row's revision moved, or a row exists that the read did not see) rather than
 * lose an add.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { kvs, WhereConditions } from '@forge/kvs';
import { nonZero, type Counted, type CountStore } from '../admin/ports.js';
import { ENTITY } from './kvs-entities.js';
import {
  atRev,
  guarded,
  KvsStoreError,
  kvsRetry,
  shown,
  storeError,
  type KvsClient,
  type KvsRetry,
} from './kvs-store.js';

/**
 * Rows per key: concurrent adds of one key rarely pick the same. At most 25 (a replace is one
 * transaction over every row); 8 lost a third more KVS operations per event to conflicts in
 * `bench:burst` at 100 triggers at once.
 */
export const SHARDS = 24;
/** Attempts of one add before giving up. */
const ADD_ATTEMPTS = 8;
const BACKOFF_FIRST_MS = 20;
const BACKOFF_MAX_MS = 1000;

interface ShardRow {
  readonly doc: Record<string, number>;
  readonly rev: string;
  readonly name: string;
  readonly shard: number;
}

const rowKey = (key: string, shard: number): string => `${key}#${String(shard)}`;

/** A read's version: the revision of each shard row that exists, by shard. */
type Version = Record<string, string>;

export function createKvsCountStore(
  client: KvsClient = kvs,
  retry: KvsRetry = kvsRetry(10_000),
): CountStore {
  const guard = guarded(retry);
  const rows = client.entity<ShardRow>(ENTITY.countShard);

  async function shardsOf(key: string): Promise<ShardRow[]> {
    const page = await guard(`query of counts ${shown(key)}`, () =>
      rows
        .query()
        .index('by-name', { partition: [key] })
        .limit(SHARDS)
        .getMany(),
    );
    return page.results.map((r) => r.value);
  }

  /** Every shard read by key (consistent, unlike the index): to tell a conflict from a failure. */
  async function versionNow(key: string): Promise<Version> {
    const version: Version = {};
    for (let shard = 0; shard < SHARDS; shard++) {
      const row = await guard(`get of counts ${shown(key)}`, () => rows.get(rowKey(key, shard)));
      if (row) version[String(shard)] = row.rev;
    }
    return version;
  }

  return {
    async add(key, deltas) {
      const what = `add to counts ${shown(key)}`;
      const shard = Math.floor(retry.random() * SHARDS);
      const k = rowKey(key, shard);
      let row = await guard(what, () => rows.get(k));
      for (let attempt = 0; attempt < ADD_ATTEMPTS; attempt++) {
        const doc: Record<string, number> = { ...row?.doc };
        for (const [name, n] of Object.entries(deltas)) doc[name] = (doc[name] ?? 0) + n;
        const next: ShardRow = { doc: nonZero(doc), rev: randomUUID(), name: key, shard };
        const read = row?.rev;
        try {
          await guard(what, () =>
            client
              .transact()
              .set(k, next, { entityName: ENTITY.countShard, conditions: atRev<ShardRow>(read) })
              .execute(),
          );
          return;
        } catch (e) {
          // Another add of this row came first: read it again after a backoff with jitter (so
          // adds that collided do not collide again) and retry on what it holds then. A row
          // still as read means the write failed for another reason: that goes up.
          const wait = Math.ceil(
            retry.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt),
          );
          if (retry.now() + wait > retry.deadlineMs) break;
          await retry.sleep(wait);
          row = await guard(what, () => rows.get(k));
          if (row?.rev === read) throw storeError(what, e);
        }
      }
      throw new KvsStoreError(
        `KVS ${what} failed: concurrent adds kept winning`,
        'CONDITIONAL_CHECK_FAILED',
        undefined,
        true,
      );
    },

    async read(key): Promise<Counted | undefined> {
      const found = await shardsOf(key);
      if (found.length === 0) return undefined;
      const counts: Record<string, number> = {};
      const version: Version = {};
      for (const row of found) {
        version[String(row.shard)] = row.rev;
        for (const [name, n] of Object.entries(row.doc)) counts[name] = (counts[name] ?? 0) + n;
      }
      return { counts: nonZero(counts), version: JSON.stringify(version) };
    },

    async replace(key, counts, version) {
      const what = `replace of counts ${shown(key)}`;
      const had = (version === undefined ? {} : JSON.parse(version)) as Version;
      // Shard 0 takes the counts; every other shard must be as read: gone if it was there, still
      // absent if it was not. All or nothing.
      let tx = client
        .transact()
        .set(
          rowKey(key, 0),
          { doc: nonZero(counts), rev: randomUUID(), name: key, shard: 0 } satisfies ShardRow,
          { entityName: ENTITY.countShard, conditions: atRev<ShardRow>(had['0']) },
        );
      for (let shard = 1; shard < SHARDS; shard++) {
        const rev = had[String(shard)];
        const where = { entityName: ENTITY.countShard, conditions: atRev<ShardRow>(rev) };
        tx =
          rev === undefined
            ? tx.check(rowKey(key, shard), where)
            : tx.delete(rowKey(key, shard), where);
      }
      try {
        await guard(what, () => tx.execute());
        return true;
      } catch (e) {
        if (JSON.stringify(await versionNow(key)) !== JSON.stringify(had)) return false;
        throw storeError(what, e);
      }
    },

    async keys(prefix) {
      const names = new Set<string>();
      let cursor: string | undefined;
      do {
        let q = rows.query().index('by-key').where(WhereConditions.beginsWith(prefix)).limit(100);
        if (cursor !== undefined) q = q.cursor(cursor);
        const page = await guard(`query of counts ${shown(prefix)}*`, () => q.getMany());
        for (const r of page.results) names.add(r.value.name);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return [...names].sort();
    },
  };
}
