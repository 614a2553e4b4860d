/**
 * A burst of real-time events handled at once (a bulk edit: one trigger per issue, all running
 * together) must count exactly: the week's "events handled" is the number of events, and the
 * overview's tallies are what a recount from the incidents gives. fast-check's scheduler answers
 * every call of the tallies' and counts' store in a random order: each run is one interleaving.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onIssueEvent, realtimeEventsOf } from '../../src/admin/events.js';
import { recountOverview, withOverviewTallies } from '../../src/admin/overview.js';
import { createMemoryCountStore, type CountStore } from '../../src/admin/ports.js';
import { SITE, weekOf } from '../../src/incidents/overview.js';
import { createMemoryStore } from '../../src/incidents/store.js';
import { createApp } from './app-harness.js';

/** Every method answers when the scheduler says so. */
function scheduled<T extends object>(s: fc.Scheduler, target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const v: unknown = Reflect.get(t, key, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) =>
        s.schedule(
          Promise.resolve((v as (...a: unknown[]) => unknown).apply(t, args)),
          String(key),
        );
    },
  });
}

const ISSUES = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: String(10_000 + n), key: `OPS-${String(n)}` })),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: String(10_370 + n), key: `PAY-${String(n)}` })),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: String(10_818 + n), key: `WEB-${String(n)}` })),
];

const created = (issue: { id: string; key: string }) => {
  const project = issue.key.split('-')[0] ?? '';
  return {
    eventType: 'avi:jira:created:issue',
    issue: { ...issue, fields: { project: { id: '1', key: project } } },
  };
};

describe('counts of a burst of real-time events', () => {
  it('counts every event and keeps the tallies a recount gives, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const app = createApp();
        const counts: CountStore = scheduled(s, createMemoryCountStore());
        const deps = {
          ...app.deps,
          counts,
          store: withOverviewTallies(createMemoryStore(), counts),
        };
        // The first overview creates the tallies: from then on every incident write moves them.
        await s.waitFor(recountOverview(deps));
        const week = weekOf(deps.now());
        // Each issue twice: a create and an edit arriving together.
        const events = [...ISSUES, ...ISSUES].map(created);
        await s.waitFor(Promise.all(events.map((e) => onIssueEvent(deps, e))));
        expect(weekOf(deps.now())).toBe(week);
        const counted = await s.waitFor(realtimeEventsOf(deps, week));
        expect(counted[SITE]).toBe(events.length);
        expect(counted['project:OPS']).toBe(16);
        const kept = await s.waitFor(counts.read(`overview:${SITE}`));
        const recounted = await s.waitFor(recountOverview(deps));
        expect(kept?.counts).toEqual(recounted.counts);
      }),
      { seed: 1414, numRuns: 5 },
    );
  });
});
