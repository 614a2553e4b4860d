/**
 * The burst scenario, small: bulk edits replayed with 1, 10 and 100 invocations at once, under
 * Forge's KVS rate limits (lowered, so a small burst reaches them) and Jira's burst limits, end
 * with the same incidents as the ops replayed one at a time, and the same overview: the tallies
 * every incident write moves, and the real-time events handled this week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burstScenario, comparable } from '../../../dev/burst/scenario.js';
import {
  bundleApp,
  createHarness,
  type Harness,
  type SiteOverview,
} from '../../../dev/harness/harness.js';

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
  // The first overview creates the tallies: from then on every incident write moves them.
  await h.overview();
  let maxInFlight = 0;
  let events = 0;
  for (const phase of scenario.phases) {
    if (concurrency === undefined) events += (await h.replay(phase.ops)).events;
    else {
      const r = await h.replayConcurrently(phase.ops, { concurrency, seed: 9 });
      maxInFlight = Math.max(maxInFlight, r.maxInFlight);
      events += r.triggers;
    }
  }
  const stats = Object.values(h.runtime.stats());
  const throttled = stats.reduce((n, s) => n + s.kvsThrottled, 0);
  // Events the platform gave up on (a trigger out of retries): lost changes.
  const dropped = stats.reduce((n, s) => n + s.dropped, 0);
  return {
    incidents: comparable(await h.incidents()),
    overview: figures(await h.overview()),
    events,
    maxInFlight,
    throttled,
    dropped,
  };
}

/** The overview's figures that come from counts (not its times, nor the last scan). */
const figures = (o: SiteOverview) => ({
  open: o.open,
  bySeverity: o.bySeverity,
  byValidity: o.byValidity,
  byProject: o.byProject,
  byFamily: o.byFamily,
  foundPerWeek: o.foundPerWeek,
  // Which are the oldest open ones (their dates are when each run saw them).
  oldest: (o.oldest as { id: string }[]).map((i) => i.id).sort(),
  realtimeEventsThisWeek: o.monitoring.realtimeEventsThisWeek,
});

describe('burst scenario', () => {
  let sequential: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    sequential = await run(undefined);
  }, 60_000);

  it('finds the pasted secret and the mix in a sequential replay', () => {
    expect(sequential.incidents.length).toBeGreaterThan(1);
    expect(JSON.stringify(sequential.incidents)).toContain('"presence":"removed"');
    // Every event was handled and counted once (a deleted issue's too).
    expect(sequential.events).toBeGreaterThan(scenario.phases.length * 20);
    expect(sequential.overview.realtimeEventsThisWeek).toBe(sequential.events);
    expect(sequential.overview.open.TRIGGERED).toBe(sequential.incidents.length);
  });

  for (const concurrency of [1, 10, 100]) {
    it(
      `ends as the sequential replay does with ${String(concurrency)} at once`,
      { timeout: 60_000 },
      async () => {
        const r = await run(concurrency);
        expect(r.incidents).toEqual(sequential.incidents);
        expect(r.overview).toEqual(sequential.overview);
        expect(r.events).toBe(sequential.events);
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
