import { describe, expect, it } from 'vitest';
import type { UnitLocation } from '../../src/content/issue-units.js';
import { seededRandom } from '../../dev/site-gen/prng.js';
import { recordScan } from '../../src/incidents/record.js';
import { incidentReport } from '../../src/incidents/report.js';
import { createMemoryStore, type IncidentStore } from '../../src/incidents/store.js';
import { publicIncident, type Incident } from '../../src/incidents/model.js';
import type { Occurrence } from '../../src/scan/scan-issue.js';

function only(list: readonly Incident[]): Incident {
  expect(list).toHaveLength(1);
  const [one] = list;
  if (!one) throw new Error('no incident');
  return one;
}

const loc = (extra: Partial<UnitLocation> = {}): UnitLocation => ({
  projectKey: 'OPS',
  issueKey: 'OPS-1',
  issueId: '10001',
  field: 'description',
  url: 'https://x.atlassian.net/browse/OPS-1',
  ...extra,
});

const found = (fingerprint: string, location: UnitLocation, start = 5): Occurrence => ({
  detector: 'github-pat',
  name: 'GitHub personal access token',
  family: 'github',
  fingerprint,
  redacted: 'ghp_…abcd',
  severity: 'high',
  location,
  start,
  end: start + 40,
  line: 1,
  column: start + 1,
});

const comment = loc({
  field: 'comment',
  commentId: '7',
  url: 'https://x/browse/OPS-1?focusedCommentId=7',
});

describe('recordScan', () => {
  it('creates one incident per secret with one occurrence per place', async () => {
    const store = createMemoryStore();
    const r = await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [
        found('f1', loc()),
        found('f1', loc(), 90),
        found('f1', comment),
        found('f2', comment),
      ],
      kind: 'historical',
      now: '2026-01-01T00:00:00.000Z',
    });
    expect(r.appeared).toHaveLength(3);
    expect(r.incidents).toHaveLength(2);
    const inc1 = only(r.incidents.filter((i) => i.secret_hash === 'f1'));
    expect(inc1).toMatchObject({
      status: 'TRIGGERED',
      presence: 'present',
      occurrences_count: 2,
      present_count: 2,
      project_keys: ['OPS'],
      detector: {
        name: 'github-pat',
        display_name: 'GitHub personal access token',
        family: 'github',
      },
      secret_preview: 'ghp_…abcd',
    });
    // Two matches in the description are one occurrence with two matches.
    const occ = await store.occurrencesOfIncident(inc1.id);
    const desc = occ.find((o) => o.location.field === 'description');
    expect(desc?.matches.map((m) => m.indice_start)).toEqual([5, 90]);
    expect(desc?.location).not.toHaveProperty('url');
    expect(desc?.url).toBe('https://x.atlassian.net/browse/OPS-1');
  });

  it('is idempotent: the same content recorded again writes and reports nothing', async () => {
    const store = createMemoryStore();
    const input = {
      scope: 'issue:10001',
      covers: 'all' as const,
      found: [found('f1', loc())],
      kind: 'historical' as const,
      now: '2026-01-01T00:00:00.000Z',
    };
    await recordScan(store, input);
    const before = JSON.stringify(store.snapshot());
    const again = await recordScan(store, { ...input, now: '2026-02-01T00:00:00.000Z' });
    expect(again).toEqual({ appeared: [], disappeared: [], incidents: [] });
    expect(JSON.stringify(store.snapshot())).toBe(before);
  });

  it('marks places no longer found as removed, only within what the rescan covers', async () => {
    const store = createMemoryStore();
    const now = '2026-01-01T00:00:00.000Z';
    await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [found('f1', loc()), found('f1', comment)],
      kind: 'historical',
      now,
    });
    // The comment is deleted: only comment 7 is covered, the description stays present.
    const r = await recordScan(store, {
      scope: 'issue:10001',
      covers: (l) => l.commentId === '7',
      found: [],
      kind: 'realtime',
      now: '2026-01-02T00:00:00.000Z',
    });
    expect(r.disappeared.map((o) => o.location.field)).toEqual(['comment']);
    expect(r.disappeared[0]?.removed_at).toBe('2026-01-02T00:00:00.000Z');
    expect(r.incidents[0]).toMatchObject({
      presence: 'present',
      present_count: 1,
      occurrences_count: 2,
    });
    // The description edited out too: the incident's secret is no longer present anywhere.
    const r2 = await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [],
      kind: 'realtime',
      now: '2026-01-03T00:00:00.000Z',
    });
    expect(r2.incidents[0]).toMatchObject({ presence: 'removed', present_count: 0 });
  });

  it('reopens a resolved incident on a new real-time occurrence, not on a historical one', async () => {
    const store = createMemoryStore();
    const base = { scope: 'issue:10001', covers: 'all' as const, now: '2026-01-01T00:00:00.000Z' };
    const first = await recordScan(store, {
      ...base,
      found: [found('f1', loc())],
      kind: 'historical',
    });
    const { id } = only(first.incidents);
    await store.putIncident({
      ...only(first.incidents),
      status: 'RESOLVED',
      resolved_at: base.now,
    });

    await recordScan(store, {
      ...base,
      found: [found('f1', loc()), found('f1', comment)],
      kind: 'historical',
    });
    expect((await store.getIncident(id))?.status).toBe('RESOLVED');

    await recordScan(store, {
      scope: 'issue:10002',
      covers: 'all',
      found: [found('f1', loc({ issueId: '10002', issueKey: 'OPS-2' }))],
      kind: 'realtime',
      now: '2026-01-05T00:00:00.000Z',
    });
    const reopened = await store.getIncident(id);
    expect(reopened).toMatchObject({ status: 'TRIGGERED', regression: true, occurrences_count: 3 });
    expect(reopened).not.toHaveProperty('resolved_at');
  });

  it('keeps an ignored incident ignored whatever happens', async () => {
    const store = createMemoryStore();
    const base = { scope: 'issue:10001', covers: 'all' as const, now: '2026-01-01T00:00:00.000Z' };
    const first = await recordScan(store, {
      ...base,
      found: [found('f1', loc())],
      kind: 'realtime',
    });
    const inc = only(first.incidents);
    await store.putIncident({
      ...inc,
      status: 'IGNORED',
      ignore_reason: 'test_credential',
    });
    await recordScan(store, { ...base, found: [found('f1', comment)], kind: 'realtime' });
    expect((await store.getIncident(inc.id))?.status).toBe('IGNORED');
  });

  it('refuses an occurrence outside the scope it records', async () => {
    const store = createMemoryStore();
    await expect(
      recordScan(store, {
        scope: 'issue:99',
        covers: 'all',
        found: [found('f1', loc())],
        kind: 'realtime',
        now: '2026-01-01T00:00:00.000Z',
      }),
    ).rejects.toThrow(/outside scope issue:99/);
  });

  it("names the secret's partner on its incident, also when a later place first shows it", async () => {
    const store = createMemoryStore();
    const partner = {
      kind: 'aws-access-key-id',
      name: 'AWS access key ID',
      redacted: 'AK********L',
    };
    const first = await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [found('f1', loc())],
      kind: 'historical',
      now: '2026-01-01T00:00:00.000Z',
    });
    expect(only(first.incidents).partner).toBeUndefined();
    const later = await recordScan(store, {
      scope: 'issue:10002',
      covers: 'all',
      found: [{ ...found('f1', loc({ issueId: '10002', issueKey: 'OPS-2' })), partner }],
      kind: 'historical',
      now: '2026-01-02T00:00:00.000Z',
    });
    expect(only(later.incidents).partner).toEqual({
      kind: 'aws-access-key-id',
      name: 'AWS access key ID',
      preview: 'AK********L',
    });
  });

  it('never stores anything but the fingerprint and the masked preview of a secret', async () => {
    const store = createMemoryStore();
    const secret = 'ghp_' + 'A'.repeat(36);
    await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [{ ...found('f1', loc()), redacted: 'ghp_…AAAA' }],
      kind: 'historical',
      now: '2026-01-01T00:00:00.000Z',
    });
    expect(JSON.stringify(store.snapshot())).not.toContain(secret.slice(4, 20));
  });
});

describe('recordScan on an incident with many places', () => {
  const issue = (n: number, projectKey = n % 3 === 0 ? 'DEV' : 'OPS'): UnitLocation => ({
    projectKey,
    issueKey: `${projectKey}-${n}`,
    issueId: String(10_000 + n),
    field: 'description',
    url: `https://x.atlassian.net/browse/${projectKey}-${n}`,
  });
  const scan = (n: number, present: boolean, now: string, recountLimit?: number) => ({
    scope: `issue:${10_000 + n}`,
    covers: 'all' as const,
    found: present ? [found('f1', issue(n))] : [],
    kind: 'historical' as const,
    now,
    ...(recountLimit === undefined ? {} : { recountLimit }),
  });
  /** The counts as a full recount of what is stored gives them. */
  const truth = async (store: IncidentStore, id: string) => {
    const all = await store.occurrencesOfIncident(id);
    const present = all.filter((o) => o.presence === 'present');
    const project_keys = [...new Set(all.map((o) => o.location.projectKey))].sort();
    // Each project's own figures, as a project page shows them.
    const by_project = Object.fromEntries(
      project_keys.map((k) => {
        const mine = all.filter((o) => o.location.projectKey === k);
        return [
          k,
          {
            occurrences_count: mine.length,
            present_count: mine.filter((o) => o.presence === 'present').length,
            date: mine.map((o) => o.date).sort()[0],
            last_seen: mine
              .map((o) => o.last_seen)
              .sort()
              .at(-1),
          },
        ];
      }),
    );
    return {
      occurrences_count: all.length,
      present_count: present.length,
      presence: present.length > 0 ? 'present' : 'removed',
      project_keys,
      by_project,
    };
  };
  const countsOf = (i: Incident | undefined) => ({
    occurrences_count: i?.occurrences_count,
    present_count: i?.present_count,
    presence: i?.presence,
    project_keys: i?.project_keys,
    by_project: i?.by_project,
  });

  it('moves the counts by each change alone, without reading every place, and they stay exact', async () => {
    const store = createMemoryStore();
    let reads = 0;
    const counting: IncidentStore = {
      ...store,
      occurrencesOfIncident: (id) => {
        reads++;
        return store.occurrencesOfIncident(id);
      },
    };
    const random = seededRandom(11);
    let id = '';
    for (let step = 0; step < 400; step++) {
      // Places appear, disappear and come back, across 60 issues in two projects.
      const n = Math.floor(random() * 60);
      const now = new Date(Date.UTC(2026, 0, 1, 0, 0, step)).toISOString();
      const r = await recordScan(counting, scan(n, random() < 0.7, now, 0));
      id = r.incidents[0]?.id ?? id;
    }
    expect(reads).toBe(1); // the first write creates the incident from a recount
    expect(countsOf(await store.getIncident(id))).toEqual(await truth(store, id));
    expect((await store.getIncident(id))?.occurrences_count).toBeGreaterThan(40);
  });

  it('does not count a change twice when a commit fails, before or after it landed', async () => {
    const inner = createMemoryStore();
    let fail: 'before' | 'after' | undefined;
    const flaky: IncidentStore = {
      ...inner,
      commitIncident: async (c) => {
        const when = fail;
        fail = undefined;
        if (when === 'before') throw new Error('crash');
        const done = await inner.commitIncident(c);
        // The transaction landed but its answer was lost: the retry finds it done.
        if (when === 'after') throw new Error('crash');
        return done;
      },
    };
    const random = seededRandom(5);
    let id = '';
    let crashes = 0;
    for (let step = 0; step < 300; step++) {
      const n = Math.floor(random() * 40);
      const present = random() < 0.6;
      const now = new Date(Date.UTC(2026, 0, 1, 0, 0, step)).toISOString();
      const r = random();
      fail = r < 0.15 ? 'before' : r < 0.3 ? 'after' : undefined;
      // The same scan runs again, as a retried event would.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const r = await recordScan(flaky, scan(n, present, now, 0));
          id = r.incidents[0]?.id ?? id;
          break;
        } catch {
          crashes++;
        }
      }
    }
    expect(crashes).toBeGreaterThan(20);
    expect(countsOf(await inner.getIncident(id))).toEqual(await truth(inner, id));
  });

  it('keeps its bookkeeping out of what it reports', async () => {
    const store = createMemoryStore();
    await recordScan(store, scan(1, true, '2026-01-01T00:00:00.000Z'));
    const [stored] = store.snapshot().incidents;
    expect(stored?.counted).toHaveLength(1);
    const [reported] = await incidentReport(store);
    expect(reported).not.toHaveProperty('counted');
    expect(reported).not.toHaveProperty('by_project');
    expect(publicIncident(stored as Incident)).not.toHaveProperty('counted');
    expect(publicIncident(stored as Incident)).not.toHaveProperty('by_project');
  });
});
