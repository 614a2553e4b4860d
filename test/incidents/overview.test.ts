import { describe, expect, it } from 'vitest';
import {
  healOverview,
  MOVE_SETTLES_MS,
  recountOverview,
  withOverviewTallies,
} from '../../src/admin/overview.js';
import { createMemoryCountStore, type CountStore } from '../../src/admin/ports.js';
import type { Incident, IncidentStatus } from '../../src/incidents/model.js';
import {
  byDimension,
  countChanges,
  dateIn,
  foundPerWeek,
  tallyAll,
  weekOf,
  type Tally,
} from '../../src/incidents/overview.js';
import { createMemoryStore } from '../../src/incidents/store.js';
import type { Severity } from '../../src/engine/types.js';
import { seededRandom } from '../../dev/site-gen/prng.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-02T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function incident(n: number, over: Partial<Incident> = {}): Incident {
  const date = iso(T0 + n * DAY);
  return {
    id: n.toString(16).padStart(32, '0'),
    detector: { name: 'github-pat', display_name: 'GitHub PAT', family: 'github' },
    secret_hash: `hash${n}`,
    secret_preview: 'ghp_…abcd',
    severity: 'high',
    validity: 'not_checked',
    status: 'TRIGGERED',
    regression: false,
    presence: 'present',
    occurrences_count: 1,
    present_count: 1,
    project_keys: ['OPS'],
    date,
    last_seen: date,
    updated_at: date,
    ...over,
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

describe('overview tallies', () => {
  it('weeks start on Monday, UTC', () => {
    expect(weekOf('2026-11-02T00:00:00Z')).toBe('2026-11-02'); // a Monday
    expect(weekOf('2026-11-08T23:59:59Z')).toBe('2026-11-02'); // the Sunday after
    expect(weekOf('2026-11-09T00:00:00Z')).toBe('2026-11-09');
  });

  it('a write moves only what changed: a new place seen again changes no count', () => {
    const a = incident(1);
    expect(countChanges(a, { ...a, last_seen: iso(T0 + 9 * DAY) }).size).toBe(0);
    const moved = countChanges(a, { ...a, status: 'RESOLVED' });
    expect(Object.fromEntries(moved.get('site') ?? [])).toEqual({
      'status:TRIGGERED': -1,
      'severity:TRIGGERED:high': -1,
      'validity:TRIGGERED:not_checked': -1,
      'detector:TRIGGERED:github-pat': -1,
      'project:TRIGGERED:OPS': -1,
    });
  });

  it('a project tally never names another project, and dates by its own first sighting', () => {
    const shared = incident(1, {
      project_keys: ['OPS', 'PAY'],
      by_project: {
        OPS: { occurrences_count: 1, present_count: 1, date: iso(T0), last_seen: iso(T0) },
        PAY: {
          occurrences_count: 1,
          present_count: 1,
          date: iso(T0 + 14 * DAY),
          last_seen: iso(T0 + 14 * DAY),
        },
      },
    });
    const tallies = tallyAll([shared]);
    const pay = tallies.get('project:PAY') as Tally;
    expect(Object.keys(pay.counts).some((k) => k.includes('OPS'))).toBe(false);
    expect(byDimension(pay, 'project').size).toBe(0);
    expect(pay.counts[`week:${weekOf(iso(T0 + 14 * DAY))}`]).toBe(1);
    expect(dateIn(shared, 'project:PAY')).toBe(iso(T0 + 14 * DAY));
    expect(byDimension(tallies.get('site') as Tally, 'project').get('OPS')).toEqual({
      TRIGGERED: 1,
      ASSIGNED: 0,
    });
  });

  it('found per week: the last 12 weeks, empty ones included, oldest first', () => {
    const t = tallyAll([incident(0), incident(1), incident(15)]).get('site') as Tally;
    const weeks = foundPerWeek(t, iso(T0 + 20 * DAY), 12);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toEqual({ week: '2026-11-16', found: 1 });
    expect(weeks.at(-3)).toEqual({ week: '2026-11-02', found: 2 });
    expect(weeks.reduce((n, w) => n + w.found, 0)).toBe(3);
  });

  it('after any sequence of writes the kept tallies equal a count from scratch', async () => {
    const r = seededRandom(13);
    const counts = createMemoryCountStore();
    const inner = createMemoryStore();
    const store = withOverviewTallies(inner, counts);
    await recountOverview({ store, counts }); // the site tally exists: writes now move it
    const live = new Map<string, Incident>();
    const statuses: IncidentStatus[] = ['TRIGGERED', 'ASSIGNED', 'RESOLVED', 'IGNORED'];
    const severities: Severity[] = ['critical', 'high', 'medium', 'low'];
    const projects = [['OPS'], ['PAY'], ['OPS', 'PAY'], ['WEB']];
    for (let step = 0; step < 400; step++) {
      const n = Math.floor(r() * 40);
      const before = live.get(n.toString(16).padStart(32, '0')) ?? incident(n);
      const project_keys = r() < 0.2 ? pick(r, projects) : before.project_keys;
      const next: Incident = {
        ...before,
        status: r() < 0.5 ? pick(r, statuses) : before.status,
        severity: r() < 0.2 ? pick(r, severities) : before.severity,
        validity: r() < 0.1 ? 'valid' : before.validity,
        project_keys,
        by_project: Object.fromEntries(
          project_keys.map((p, k) => [
            p,
            {
              occurrences_count: 1,
              present_count: 1,
              date: iso(Date.parse(before.date) + k * DAY),
              last_seen: before.last_seen,
            },
          ]),
        ),
      };
      await store.putIncident(next);
      live.set(next.id, next);
    }
    const expected = tallyAll(live.values());
    for (const [scope, want] of expected) {
      const kept = await counts.read(`overview:${scope}`);
      expect(kept?.counts, scope).toEqual(want.counts);
    }
    // A project no incident is in any more counts nothing.
    for (const key of await counts.keys('overview:project:'))
      if (!expected.has(key.slice('overview:'.length)))
        expect((await counts.read(key))?.counts).toEqual({});
  });

  it('writes before the first overview move nothing; the first overview counts them all', async () => {
    const counts = createMemoryCountStore();
    const store = withOverviewTallies(createMemoryStore(), counts);
    await store.putIncident(incident(1));
    expect(await counts.keys('')).toEqual([]);
    const site = await recountOverview({ store, counts });
    expect(site.counts['status:TRIGGERED']).toBe(1);
    expect((await counts.read('overview:project:OPS'))?.counts).toMatchObject({
      'status:TRIGGERED': 1,
    });
  });

  it('the hourly heal counts again only once no move can be on its way', async () => {
    const counts = createMemoryCountStore();
    const inner = createMemoryStore();
    const store = withOverviewTallies(inner, counts);
    await recountOverview({ store, counts });
    // Written without its move (an invocation that died in between): the tally drifted.
    const drifted = incident(3);
    await inner.putIncident(drifted);
    const written = Date.parse(drifted.updated_at);
    const at = (ms: number) => ({ store, counts, now: () => iso(written + ms) });
    expect(await healOverview(at(60_000))).toBe(false);
    expect((await counts.read('overview:site'))?.counts).toEqual({});
    expect(await healOverview(at(MOVE_SETTLES_MS + 1))).toBe(true);
    expect((await counts.read('overview:site'))?.counts).toEqual(
      tallyAll([drifted]).get('site')?.counts,
    );
  });

  it('a recount never writes over a move that landed while it read the incidents', async () => {
    const inner = createMemoryCountStore();
    const store = withOverviewTallies(createMemoryStore(), inner);
    await recountOverview({ store, counts: inner });
    await store.putIncident(incident(1));
    // A move lands right after the recount read the site's tally.
    const counts: CountStore = {
      ...inner,
      async read(key) {
        const read = await inner.read(key);
        if (key === 'overview:site') await inner.add(key, { 'status:TRIGGERED': 1 });
        return read;
      },
    };
    await recountOverview({ store, counts });
    expect((await inner.read('overview:site'))?.counts['status:TRIGGERED']).toBe(2);
  });
});
