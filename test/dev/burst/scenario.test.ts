/**
 * The burst scenario, small: bulk edits replayed with 1, 10 and 100 invocations at once, under
 * Forge's KVS rate limits (lowered, so a small burst reaches them) and Jira's burst limits, end
 * with the same incidents as the ops replayed one at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burstScenario, comparable } from '../../../dev/burst/scenario.js';
import { bundleApp, createHarness, type Harness } from '../../../dev/harness/harness.js';

let appFile = '';
beforeAll(async () => {
  appFile = await bundleApp();
});

const scenario = burstScenario({ issues: 36, pasted: 24, mixMs: 3000, seed: 4 });
/** Low enough that 30 bulk edits a second are throttled. */
const KVS = { requestsPerSecond: 150, readUnitsPerMinute: 2000, writeUnitsPerMinute: 600 };

const open: Harness[] = [];
afterAll(() => {
  for (const h of open) h.close();
});

async function run(concurrency: number | undefined, faultRate = 0) {
  const h = await createHarness({
    fixture: scenario.site,
    appFile,
    seed: 5,
    faultRate,
    // The reference runs without limits: one op at a time, nothing throttled.
    ...(concurrency === undefined ? {} : { limits: { kvs: KVS } }),
  });
  open.push(h);
  let maxInFlight = 0;
  for (const phase of scenario.phases) {
    if (concurrency === undefined) await h.replay(phase.ops);
    else {
      const r = await h.replayConcurrently(phase.ops, { concurrency, seed: 9 });
      maxInFlight = Math.max(maxInFlight, r.maxInFlight);
    }
  }
  const stats = Object.values(h.runtime.stats());
  const throttled = stats.reduce((n, s) => n + s.kvsThrottled, 0);
  // Events the platform gave up on (a trigger out of retries): lost changes.
  const dropped = stats.reduce((n, s) => n + s.dropped, 0);
  return { incidents: comparable(await h.incidents()), maxInFlight, throttled, dropped };
}

describe('burst scenario', () => {
  let sequential: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    sequential = await run(undefined);
  }, 60_000);

  it('finds the pasted secret and the mix in a sequential replay', () => {
    expect(sequential.incidents.length).toBeGreaterThan(1);
    expect(JSON.stringify(sequential.incidents)).toContain('"presence":"removed"');
  });

  for (const concurrency of [1, 10, 100]) {
    it(
      `ends as the sequential replay does with ${String(concurrency)} at once`,
      { timeout: 60_000 },
      async () => {
        const r = await run(concurrency);
        expect(r.incidents).toEqual(sequential.incidents);
        expect(r.dropped).toBe(0);
        expect(r.maxInFlight).toBeLessThanOrEqual(concurrency);
        if (concurrency > 1) {
          expect(r.maxInFlight).toBeGreaterThan(1);
          expect(r.throttled).toBeGreaterThan(0);
        }
      },
    );
  }

  it(
    'ends the same with faults (Jira 429/503, duplicate and killed deliveries)',
    { timeout: 60_000 },
    async () => {
      const r = await run(10, 0.2);
      expect(r.incidents).toEqual(sequential.incidents);
    },
  );
});
