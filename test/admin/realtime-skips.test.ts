/**
 * Real-time skips under a burst: each event's skips are a document of their own, so triggers
 * running at once never read-modify-write one list. fast-check's scheduler resolves every document
 * call in a random order; whatever the interleaving, every skip is kept (up to the newest
 * REALTIME_SKIPS_KEPT documents).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REALTIME_SKIPS_KEPT, realtimeSkips, recordRealtimeSkips } from '../../src/admin/events.js';
import { createMemoryDocumentStore, type DocumentStore } from '../../src/admin/ports.js';
import type { UnitSkip } from '../../src/content/issue-units.js';
import type { ChangeEvent } from '../../src/scan/realtime.js';

const event: ChangeEvent = {
  type: 'issue_updated',
  issue: { id: '10001', key: 'OPS-1', projectKey: 'OPS' },
  changedFields: ['description'],
};

const skip = (n: number, k: number): UnitSkip => ({
  location: {
    projectKey: 'OPS',
    issueKey: `OPS-${String(n)}`,
    issueId: String(10_000 + n),
    field: 'description',
    url: `https://x.atlassian.net/browse/OPS-${String(n)}`,
  },
  reason: `event ${String(n)} skip ${String(k)}`,
});

/** Events: each with its time (seconds into the burst; several share one) and its skip count. */
const burst = (max: number) =>
  fc.array(fc.record({ second: fc.nat(3), skips: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 2,
    maxLength: max,
  });

async function run(
  s: fc.Scheduler,
  events: readonly { second: number; skips: number }[],
): Promise<{ kept: string[] }> {
  const docs = createMemoryDocumentStore();
  const interleaved: DocumentStore = {
    get: <T>(key: string) => s.schedule(docs.get<T>(key)),
    set: (key, value) => s.schedule(docs.set(key, value)),
    delete: (key) => s.schedule(docs.delete(key)),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    list: <T>(prefix: string, limit: number, cursor?: string) =>
      s.schedule(docs.list<T>(prefix, limit, cursor)),
  };
  let id = 0;
  const all = events.map((e, n) =>
    recordRealtimeSkips(
      {
        docs: interleaved,
        now: () => new Date(Date.UTC(2026, 11, 6, 9, 0, e.second)).toISOString(),
        newId: () => `id-${String(id++).padStart(4, '0')}`,
      },
      event,
      Array.from({ length: e.skips }, (_, k) => skip(n, k)),
      false,
    ),
  );
  await s.waitFor(Promise.all(all));
  return { kept: (await realtimeSkips({ docs })).map((x) => x.reason) };
}

describe('recordRealtimeSkips under concurrent events', () => {
  it('keeps every skip of events recorded at once', async () => {
    await fc.assert(
      fc.asyncProperty(burst(30), fc.scheduler(), async (events, s) => {
        const { kept } = await run(s, events);
        const want = events.flatMap((e, n) =>
          Array.from({ length: e.skips }, (_, k) => skip(n, k).reason),
        );
        expect([...kept].sort()).toEqual([...want].sort());
      }),
      { seed: 1206, numRuns: 100 },
    );
  });

  it('keeps the skips of the newest events once more came at once than it keeps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ second: fc.nat(3), skips: fc.constant(1) }), {
          minLength: REALTIME_SKIPS_KEPT + 1,
          maxLength: REALTIME_SKIPS_KEPT + 40,
        }),
        fc.scheduler(),
        async (events, s) => {
          const { kept } = await run(s, events);
          expect(kept).toHaveLength(REALTIME_SKIPS_KEPT);
          // Every event newer than the oldest time kept is there (those of that time may tie).
          const cut = [...events.map((e) => e.second)].sort((a, b) => b - a)[
            REALTIME_SKIPS_KEPT - 1
          ];
          const newer = events.flatMap((e, n) =>
            cut !== undefined && e.second > cut ? [skip(n, 0).reason] : [],
          );
          expect(kept).toEqual(expect.arrayContaining(newer));
        },
      ),
      { seed: 612, numRuns: 10 },
    );
  });
});
