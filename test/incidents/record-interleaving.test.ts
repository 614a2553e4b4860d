/**
 * Concurrent scans of a burst (a bulk edit: one event per issue, delivered at once) must leave
 * exactly what the same scans leave one after the other, and the overview's tallies what a recount
 * gives. fast-check's scheduler resolves every store call in a random order, so each run is one
 * interleaving of the scans' awaits; a failure shrinks to the fewest events and the smallest
 * interleaving that breaks an incident or a tally.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitLocation } from '../../src/content/issue-units.js';
import type { Incident } from '../../src/incidents/model.js';
import { recordScan } from '../../src/incidents/record.js';
import { recountOverview, withOverviewTallies } from '../../src/admin/overview.js';
import { createMemoryCountStore, type CountStore } from '../../src/admin/ports.js';
import { createMemoryStore, type IncidentStore } from '../../src/incidents/store.js';
import type { Occurrence } from '../../src/scan/scan-issue.js';

const PROJECTS = ['OPS', 'PAY'];
const FIELDS = ['description', 'environment'] as const;

/** What an issue holds: for each field, which secret (0..secrets-1) it pastes, if any. */
type Content = readonly (number | undefined)[];

/** One event of a stage: issue `issue` is scanned as it is after the stage's edits. */
interface Stage {
  /** Issue -> its new content; issues not named keep theirs. */
  readonly edits: ReadonlyMap<number, Content>;
  /** Issues whose event is delivered (an issue may get several events: an edit and a comment). */
  readonly events: readonly number[];
  /** Incidents (by secret) an admin resolves after the stage (a later paste reopens them). */
  readonly resolve: readonly number[];
}

const locationOf = (issue: number, field: (typeof FIELDS)[number]): UnitLocation => {
  const projectKey = PROJECTS[issue % PROJECTS.length] ?? 'OPS';
  return {
    projectKey,
    issueKey: `${projectKey}-${issue}`,
    issueId: String(10_000 + issue),
    field,
    url: `https://x.atlassian.net/browse/${projectKey}-${issue}`,
  };
};

function foundIn(issue: number, content: Content): Occurrence[] {
  return content.flatMap((s, f) => {
    const field = FIELDS[f];
    if (s === undefined || field === undefined) return [];
    return [
      {
        detector: 'github-pat',
        name: 'GitHub personal access token',
        family: 'github',
        fingerprint: `fp${s}`,
        redacted: 'ghp_…abcd',
        severity: 'high' as const,
        location: locationOf(issue, field),
        start: 3,
        end: 43,
        line: 1,
        column: 4,
      },
    ];
  });
}

/** What is compared: everything but the write bookkeeping (`counted`: the last write's stamps). */
function state(incidents: readonly Incident[]): unknown[] {
  return [...incidents]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ counted: _c, ...rest }) => rest);
}

/** The overview's tallies, by key. */
async function talliesOf(counts: CountStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of await counts.keys('overview:')) out[key] = (await counts.read(key))?.counts;
  return out;
}

/**
 * Runs the stages against a fresh store: the scans of a stage through `run` (all at once or one
 * after the other), then the admin's resolutions. Each stage has its own clock time, so a
 * sequential and a concurrent run stamp the same times. The overview's tallies move with the
 * writes (`wrap` schedules their store too) and must end as a recount from the incidents.
 */
async function replay(
  stages: readonly Stage[],
  recountLimit: number,
  run: (store: IncidentStore, scans: (() => Promise<unknown>)[]) => Promise<void>,
  wrap: <T extends object>(store: T) => T = (s) => s,
): Promise<{ incidents: unknown[]; occurrences: unknown[]; tallies: unknown }> {
  const memory = createMemoryStore();
  // The overview's tallies move with every write (the first overview created them).
  const counts = createMemoryCountStore();
  const tallied = withOverviewTallies(memory, counts);
  await recountOverview({ store: tallied, counts });
  const store = withOverviewTallies(wrap(memory), wrap<CountStore>(counts));
  const site = new Map<number, Content>();
  for (const [n, stage] of stages.entries()) {
    const now = new Date(Date.UTC(2026, 11, 6, 8, n)).toISOString();
    for (const [issue, content] of stage.edits) site.set(issue, content);
    await run(
      store,
      stage.events.map(
        (issue) => () =>
          recordScan(store, {
            scope: `issue:${10_000 + issue}`,
            covers: 'all',
            found: foundIn(issue, site.get(issue) ?? []),
            kind: 'realtime',
            now,
            recountLimit,
          }),
      ),
    );
    for (const s of stage.resolve) {
      for (const i of memory.snapshot().incidents) {
        if (i.secret_hash !== `fp${s}` || i.status === 'RESOLVED') continue;
        await tallied.putIncident({ ...i, status: 'RESOLVED', resolved_at: now });
      }
    }
  }
  const snap = memory.snapshot();
  const kept = await talliesOf(counts);
  // What every tally must be: a count from all incidents (this also rewrites them).
  await recountOverview({ store: tallied, counts });
  expect(kept).toEqual(await talliesOf(counts));
  return {
    tallies: kept,
    incidents: state(snap.incidents),
    occurrences: [...snap.occurrences].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const sequential = async (_: IncidentStore, scans: (() => Promise<unknown>)[]): Promise<void> => {
  for (const scan of scans) await scan();
};

/** Every method of the store answers when the scheduler says so: one interleaving per run. */
function scheduled<T extends object>(s: fc.Scheduler, store: T): T {
  return new Proxy(store, {
    get(target, key, receiver) {
      const v: unknown = Reflect.get(target, key, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) =>
        s.schedule(
          Promise.resolve((v as (...a: unknown[]) => unknown).apply(target, args)),
          String(key),
        );
    },
  });
}

function stagesOf(issues: number, secrets: number): fc.Arbitrary<Stage[]> {
  const content = fc.array(fc.option(fc.nat(secrets - 1), { nil: undefined }), {
    minLength: FIELDS.length,
    maxLength: FIELDS.length,
  });
  const stage = fc.record({
    edits: fc
      .array(fc.tuple(fc.nat(issues - 1), content), { maxLength: issues })
      .map((e) => new Map(e)),
    events: fc.array(fc.nat(issues - 1), { minLength: 1, maxLength: issues * 2 }),
    resolve: fc.array(fc.nat(secrets - 1), { maxLength: 1 }),
  });
  return fc.array(stage, { minLength: 1, maxLength: 4 });
}

describe('recordScan under interleaving', () => {
  // Small incidents are recounted from their places, big ones (over recountLimit) move by the
  // change: both must stay exact. recountLimit 0 makes every incident a big one.
  for (const recountLimit of [500, 0]) {
    it(`ends as a sequential replay does (recount limit ${String(recountLimit)})`, async () => {
      await fc.assert(
        fc.asyncProperty(stagesOf(12, 3), fc.scheduler(), async (stages, s) => {
          const want = await replay(stages, recountLimit, sequential);
          const got = await replay(
            stages,
            recountLimit,
            async (_, scans) => {
              const all = Promise.all(scans.map((scan) => scan()));
              await s.waitFor(all);
            },
            <T extends object>(store: T) => scheduled(s, store),
          );
          expect(got.occurrences).toEqual(want.occurrences);
          expect(got.incidents).toEqual(want.incidents);
          expect(got.tallies).toEqual(want.tallies);
        }),
        { seed: 1406, numRuns: 60 },
      );
    });
  }

  it('keeps a few hundred events over a few incidents exact', async () => {
    await fc.assert(
      fc.asyncProperty(stagesOf(40, 3), fc.scheduler(), async (stages, s) => {
        const many = stages.map((st) => ({ ...st, events: [...st.events, ...st.events] }));
        const want = await replay(many, 0, sequential);
        const got = await replay(
          many,
          0,
          async (_, scans) => {
            await s.waitFor(Promise.all(scans.map((scan) => scan())));
          },
          <T extends object>(store: T) => scheduled(s, store),
        );
        expect(got.incidents).toEqual(want.incidents);
      }),
      { seed: 2026, numRuns: 10 },
    );
  });
});

/** One event of the stale-fetch property: issue `issue` as its version `version` read it. */
interface Fetch {
  readonly issue: number;
  readonly version: number;
  /** Rescans the whole issue, or only one field (an edit event names the fields it changed). */
  readonly part: 'all' | number;
}

const versionTime = (v: number): string => new Date(Date.UTC(2026, 11, 6, 8, 0, v)).toISOString();

describe('recordScan of fetches that read different versions of one issue', () => {
  // A slow invocation can read an issue before an edit and commit after an invocation that read
  // it after the edit. Whatever order the scans commit in, each place must end as the newest
  // version read of its part shows it, and everything as the same scans replayed in version order
  // leave it (a place only an older version held is there, removed).
  it('leaves every place as the newest version read shows it', async () => {
    const issues = 3;
    const content = fc.array(fc.option(fc.nat(1), { nil: undefined }), {
      minLength: FIELDS.length,
      maxLength: FIELDS.length,
    });
    const history = fc.array(fc.array(content, { minLength: 1, maxLength: 3 }), {
      minLength: issues,
      maxLength: issues,
    });
    const fetches = fc.array(
      fc.record({
        issue: fc.nat(issues - 1),
        version: fc.nat(2),
        part: fc.oneof(fc.constant('all' as const), fc.nat(FIELDS.length - 1)),
      }),
      { minLength: 2, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(history, fetches, fc.scheduler(), async (versions, list, s) => {
        // Issues have 1 to 3 versions: a fetch of a later one reads the last.
        const versionOf = (f: Fetch): number =>
          Math.min(f.version, (versions[f.issue]?.length ?? 1) - 1);
        const contentOf = (issue: number, v: number): Content => versions[issue]?.[v] ?? [];
        const scan = (store: IncidentStore, f: Fetch) => {
          const field = f.part === 'all' ? undefined : FIELDS[f.part];
          const v = versionOf(f);
          return recordScan(store, {
            scope: `issue:${String(10_000 + f.issue)}`,
            covers: field === undefined ? 'all' : (l) => l.field === field,
            found: foundIn(f.issue, contentOf(f.issue, v)).filter(
              (o) => field === undefined || o.location.field === field,
            ),
            kind: 'realtime',
            now: versionTime(60),
            seen: {
              version: versionTime(v),
              parts: field === undefined ? 'all' : [`field:${field}`],
              claim: true,
            },
          });
        };
        const inOrder = createMemoryStore();
        const byVersion = [...list].sort((a, b) => versionOf(a) - versionOf(b));
        for (const f of byVersion) await scan(inOrder, f);
        const memory = createMemoryStore();
        const store = scheduled(s, memory);
        await s.waitFor(Promise.all(list.map((f) => scan(store, f))));

        // The newest version read of each (issue, field), and what it holds there.
        const want = new Set<string>();
        for (let issue = 0; issue < issues; issue++) {
          for (const [k, field] of FIELDS.entries()) {
            const reads = list.filter(
              (f) => f.issue === issue && (f.part === 'all' || f.part === k),
            );
            if (reads.length === 0) continue;
            const secret = contentOf(issue, Math.max(...reads.map(versionOf)))[k];
            if (secret !== undefined) want.add(`${String(issue)}|${field}|fp${String(secret)}`);
          }
        }
        const snap = memory.snapshot();
        const present = new Set(
          snap.occurrences
            .filter((o) => o.presence === 'present')
            .map((o) => {
              const issue = Number(o.location.issueId) - 10_000;
              const fp = snap.incidents.find((i) => i.id === o.incident_id)?.secret_hash;
              return `${String(issue)}|${o.location.field}|${String(fp)}`;
            }),
        );
        expect([...present].sort()).toEqual([...want].sort());
        const want2 = inOrder.snapshot();
        const sorted = (o: typeof snap.occurrences) =>
          [...o].sort((a, b) => a.id.localeCompare(b.id));
        expect(sorted(snap.occurrences)).toEqual(sorted(want2.occurrences));
        expect(state(snap.incidents)).toEqual(state(want2.incidents));
      }),
      { seed: 1412, numRuns: 200 },
    );
  });
});
