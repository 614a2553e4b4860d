// The CountStore over KVS, run through the real @forge/kvs against the in-process platform
// emulation (dev/forge-runtime), beside the in-memory one: the same contract, and adds made all
// at once that all count.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { installForgeGlobals, type ForgeGlobals } from '../../dev/forge-runtime/globals.js';
import { createMemoryCountStore, type CountStore } from '../../src/admin/ports.js';
import { ENTITIES, ENTITY } from '../../src/forge/kvs-entities.js';
import type { KvsRetry } from '../../src/forge/kvs-store.js';
import { seededRandom } from '../../dev/site-gen/prng.js';

// @forge/kvs chooses how to reach the platform when it is first imported, from the globals.
let forge: ForgeGlobals = installForgeGlobals({ entities: ENTITIES });
const { createKvsCountStore, SHARDS } = await import('../../src/forge/kvs-counts.js');
beforeEach(() => {
  forge.uninstall();
  forge = installForgeGlobals({ entities: ENTITIES });
});
afterAll(() => {
  forge.uninstall();
});

/** Waits that only yield a turn of the event loop, so the other adds run meanwhile. */
function yielding(seed: number): KvsRetry & { readonly waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    random: seededRandom(seed),
    now: () => 0,
    deadlineMs: 60_000,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((r) => setImmediate(r));
    },
  };
}

function contract(name: string, make: () => CountStore) {
  describe(`${name} (CountStore contract)`, () => {
    it('adds, reads the sum, and lists its keys', async () => {
      const counts = make();
      expect(await counts.read('overview:site')).toBeUndefined();
      await counts.add('overview:site', { a: 2, b: 1 });
      await counts.add('overview:site', { a: -2, c: 5 });
      expect((await counts.read('overview:site'))?.counts).toEqual({ b: 1, c: 5 });
      await counts.add('overview:project:OPS', { a: 1 });
      await counts.add('realtime-events:2026-11-30', { site: 1 });
      expect(await counts.keys('overview:')).toEqual(['overview:project:OPS', 'overview:site']);
    });

    it('replaces counts only when nothing moved them since the read', async () => {
      const counts = make();
      expect(await counts.replace('k:x', { a: 1 })).toBe(true);
      expect(await counts.replace('k:x', { a: 9 })).toBe(false); // it exists now
      const read = await counts.read('k:x');
      await counts.add('k:x', { a: 1 });
      expect(await counts.replace('k:x', { a: 7 }, read?.version)).toBe(false);
      expect((await counts.read('k:x'))?.counts).toEqual({ a: 2 });
      const again = await counts.read('k:x');
      expect(await counts.replace('k:x', { b: 3 }, again?.version)).toBe(true);
      expect((await counts.read('k:x'))?.counts).toEqual({ b: 3 });
      // Emptied, it still exists (the overview's site tally says tallies are kept).
      const last = await counts.read('k:x');
      expect(await counts.replace('k:x', {}, last?.version)).toBe(true);
      expect((await counts.read('k:x'))?.counts).toEqual({});
    });

    it('counts every one of many adds made at once', async () => {
      const counts = make();
      await Promise.all(
        Array.from({ length: 120 }, (_, n) =>
          counts.add('realtime-events:2026-11-30', { site: 1, [`project:P${String(n % 3)}`]: 1 }),
        ),
      );
      expect((await counts.read('realtime-events:2026-11-30'))?.counts).toEqual({
        site: 120,
        'project:P0': 40,
        'project:P1': 40,
        'project:P2': 40,
      });
    });
  });
}

contract('createMemoryCountStore', () => createMemoryCountStore());
contract('createKvsCountStore', () => createKvsCountStore(undefined, yielding(7)));

describe('createKvsCountStore', () => {
  it('spreads a key over shard rows, and retries an add another one won', async () => {
    const retry = yielding(3);
    const counts = createKvsCountStore(undefined, retry);
    await Promise.all(Array.from({ length: 60 }, () => counts.add('hot:key', { n: 1 })));
    expect((await counts.read('hot:key'))?.counts).toEqual({ n: 60 });
    const rows = forge.kvs.backend.list(`entity:${ENTITY.countShard}`).map(([key]) => key);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(SHARDS);
    // Some adds read a shard that another add wrote before them: they went again, elsewhere.
    expect(retry.waits.length).toBeGreaterThan(0);
  });

  it('a replace made on a read that missed a shard fails rather than drop its count', async () => {
    const counts = createKvsCountStore(undefined, yielding(5));
    await counts.add('k:x', { a: 1 });
    const read = await counts.read('k:x');
    // Adds until one lands on another shard than the first: the read did not see that row.
    for (let n = 0; n < 20; n++) await counts.add('k:x', { a: 1 });
    expect(await counts.replace('k:x', { a: 0 }, read?.version)).toBe(false);
    expect((await counts.read('k:x'))?.counts).toEqual({ a: 21 });
  });
});
