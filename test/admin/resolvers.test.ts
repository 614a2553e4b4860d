import { describe, expect, it } from 'vitest';
import type { HistoricalJob } from '../../src/scan/historical.js';
import type { Incident } from '../../src/incidents/model.js';
import { recordScan } from '../../src/incidents/record.js';
import { JiraHttpError } from '../../src/jira/http.js';
import { DEFAULT_SETTINGS } from '../../src/admin/settings.js';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';
import { createApp, JANE, MIA, RAJ } from './app-harness.js';

type Ok<T> = { ok: true; data: T };
// The test names the shape it expects back.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function data<T>(r: unknown): T {
  const res = r as Ok<T> | { ok: false; error: { message: string } };
  if (!res.ok) throw new Error(`resolver failed: ${res.error.message}`);
  return res.data;
}

/** The id of the example site's All-incidents group. */
const teamId = (app: ReturnType<typeof createApp>, name = 'All-incidents') =>
  app.sim.site.groupId(name);

async function scanned() {
  const app = createApp();
  const job = data<HistoricalJob>(await app.admin('startScan', JANE, {}));
  expect(job.status).toBe('running');
  await app.drainScans();
  return app;
}

/** Records a GitHub token (`fingerprint`) in the description of issue `issueId` of `projectKey`. */
function recordToken(
  app: ReturnType<typeof createApp>,
  fingerprint: string,
  projectKey: string,
  issueId: number,
  n: number,
  now: string,
) {
  return recordScan(app.deps.store, {
    scope: `issue:${issueId}`,
    covers: 'all',
    found: [
      {
        detector: 'github-pat',
        name: 'GitHub personal access token',
        family: 'github',
        fingerprint,
        redacted: 'ghp_…abcd',
        severity: 'high',
        location: {
          projectKey,
          issueKey: `${projectKey}-${n}`,
          issueId: String(issueId),
          field: 'description',
          url: `https://x.atlassian.net/browse/${projectKey}-${n}`,
        },
        start: 0,
        end: 40,
        line: 1,
        column: 1,
      },
    ],
    kind: 'historical',
    now,
  });
}

describe('admin resolvers', () => {
  it('let only Jira administrators in', async () => {
    const app = createApp();
    expect(await app.admin('getOverview', RAJ)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'only Jira administrators can use this page' },
    });
    expect(await app.admin('getOverview', undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.admin('getOverview', JANE)).toMatchObject({ ok: true });
    expect(await app.admin('noSuchThing', JANE)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    // Inherited names are not resolvers.
    expect(await app.admin('constructor', JANE)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('run a historical scan through the queue and list, filter, open and act on incidents', async () => {
    const app = await scanned();
    const jobs = data<HistoricalJob[]>(await app.admin('listScans', JANE));
    expect(jobs[0]).toMatchObject({
      status: 'done',
      counters: { issuesScanned: 24, projectsScanned: 3 },
    });
    const all = data<{ items: Incident[] }>(await app.admin('listIncidents', JANE, { limit: 100 }));
    expect(all.items).toHaveLength(10);
    const pay = data<{ items: Incident[] }>(
      await app.admin('listIncidents', JANE, { filter: { projectKey: 'PAY' } }),
    );
    expect(pay.items.length).toBeGreaterThan(0);
    expect(pay.items.every((i) => i.project_keys.includes('PAY'))).toBe(true);
    const oldest = data<{ items: Incident[] }>(
      await app.admin('listIncidents', JANE, { filter: { order: 'oldest' }, limit: 100 }),
    );
    expect(oldest.items.map((i) => i.id)).toEqual(all.items.map((i) => i.id).reverse());
    const first = pay.items[0];
    if (!first) throw new Error('no incident');
    const detail = data<{ incident: Incident; occurrences: { url: string }[] }>(
      await app.admin('getIncident', JANE, { id: first.id }),
    );
    expect(detail.occurrences[0]?.url).toMatch(/^https:\/\/acme-example\.atlassian\.net\//);
    const ignored = data<Incident>(
      await app.admin('incidentAction', JANE, {
        id: first.id,
        action: { type: 'ignore', reason: 'test_credential' },
      }),
    );
    expect(ignored).toMatchObject({
      status: 'IGNORED',
      ignore_reason: 'test_credential',
      status_changed_by: JANE,
    });
    expect(
      await app.admin('incidentAction', JANE, {
        id: first.id,
        action: { type: 'ignore', reason: 'meh' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(
      await app.admin('incidentAction', JANE, { id: first.id, action: { type: 'resolve' } }),
    ).toMatchObject({ ok: true, data: { status: 'RESOLVED' } });
    expect(await app.admin('getIncident', JANE, { id: 'f'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('scan in several invocations, each re-queuing itself, with stale duplicates ignored', async () => {
    const app = createApp();
    data(await app.admin('startScan', JANE, { projects: ['OPS', 'PAY'] }));
    const dup = app.pushes.scan[0];
    if (!dup) throw new Error('no event');
    app.pushes.scan.push({ ...dup }); // delivered twice
    const invocations = await app.drainScans(3);
    expect(invocations).toBeGreaterThan(3);
    const [job] = data<HistoricalJob[]>(await app.admin('listScans', JANE));
    expect(job).toMatchObject({
      status: 'done',
      projects: ['OPS', 'PAY'],
      counters: { issuesScanned: 16 },
    });
  });

  it('pause, resume and cancel a scan; one scan at a time', async () => {
    const app = createApp();
    const job = data<HistoricalJob>(await app.admin('startScan', JANE, {}));
    expect(await app.admin('startScan', JANE, {})).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await app.admin('controlScan', JANE, { jobId: job.id, action: 'pause' })).toMatchObject({
      ok: true,
      data: { status: 'paused' },
    });
    await app.drainScans(); // the queued event finds the job paused and stops
    expect(
      data<HistoricalJob>(await app.admin('getScan', JANE, { jobId: job.id })).counters.steps,
    ).toBe(0);
    data(await app.admin('controlScan', JANE, { jobId: job.id, action: 'resume' }));
    await app.drainScans();
    expect(data<HistoricalJob>(await app.admin('getScan', JANE, { jobId: job.id }))).toMatchObject({
      status: 'done',
    });
    expect(await app.admin('controlScan', JANE, { jobId: job.id, action: 'cancel' })).toMatchObject(
      {
        ok: false,
        error: { code: 'conflict', message: 'the scan has already finished' },
      },
    );
  });

  it('respect the perimeter', async () => {
    const app = createApp();
    data(await app.admin('updateSettings', JANE, { excludedProjects: ['PAY'] }));
    const projects = data<{ key: string; monitored: boolean }[]>(
      await app.admin('listProjects', JANE),
    );
    expect(projects.find((p) => p.key === 'PAY')?.monitored).toBe(false);
    expect(await app.admin('startScan', JANE, { projects: ['PAY'] })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'outside the monitored perimeter: PAY' },
    });
    const job = data<HistoricalJob>(await app.admin('startScan', JANE, {}));
    expect(job.projects).toEqual(['OPS', 'WEB']);
  });

  it('keep the incident API token write-only', async () => {
    const app = createApp();
    data(
      await app.admin('updateSettings', JANE, { incidentApiUrl: 'https://api.gitguardian.com' }),
    );
    expect(await app.admin('setIncidentApiToken', JANE, { token: 'gg-secret-token-123' })).toEqual({
      ok: true,
      data: { incidentApiTokenSet: true },
    });
    const overview = await app.admin('getOverview', JANE);
    expect(JSON.stringify(overview)).not.toContain('gg-secret-token-123');
    expect(overview).toMatchObject({ ok: true, data: { settings: { incidentApiTokenSet: true } } });
    expect(app.docs.data.size).toBeGreaterThan(0);
    expect(JSON.stringify([...app.docs.data])).not.toContain('gg-secret-token-123');
    expect(await app.admin('setIncidentApiToken', JANE, { token: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('test a custom detector live, showing only masked previews', async () => {
    const app = createApp();
    const r = data<{ valid: boolean; matches: { preview: string; line: number }[] }>(
      await app.admin('testCustomDetector', JANE, {
        name: 'Acme key',
        pattern: 'acme_[a-z0-9]{32}',
        text: `first line\nkey=acme_${'b7'.repeat(16)}`,
      }),
    );
    expect(r.valid).toBe(true);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]?.line).toBe(2);
    expect(r.matches[0]?.preview).not.toContain('b7b7b7b7');
    expect(
      data(await app.admin('testCustomDetector', JANE, { name: 'x', pattern: '(', text: 'x' })),
    ).toMatchObject({ valid: false });
  });

  it('say which filter dropped a match of a custom pattern, masked', async () => {
    const app = createApp();
    const r = data<{
      matches: unknown[];
      dropped: { preview: string; filter: string; reason: string }[];
    }>(
      await app.admin('testCustomDetector', JANE, {
        name: 'Acme key',
        pattern: 'acme_[a-z0-9]{16}',
        text: 'acme_abcdefghijklmnop and acme_k3j9x2m7q8w1z5v4',
      }),
    );
    expect(r.matches).toHaveLength(1);
    expect(r.dropped).toEqual([
      {
        start: 0,
        end: 21,
        preview: 'ac********p',
        filter: 'placeholder',
        reason:
          'the placeholder filter dropped it: it contains “abcdefg”, which marks example values',
      },
    ]);
  });

  it('validate payloads with clear messages', async () => {
    const app = createApp();
    expect(await app.admin('listIncidents', JANE, { limit: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Page size must be at most 100' },
    });
    expect(await app.admin('listIncidents', JANE, { filter: { order: 'severity' } })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid', message: 'Filters, Order is not one of the choices' },
      },
    );
    expect(await app.admin('startScan', JANE, { projects: ['ops'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await app.admin('updateSettings', JANE, { nope: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await app.admin('getNotice', JANE)).toMatchObject({
      ok: true,
      data: { text: expect.stringContaining('never stored') as string },
    });
  });
});

describe('answers and logs', () => {
  it('check every id in a payload against the shape the app makes, before using it', async () => {
    const app = createApp();
    const keys: string[] = [];
    const get = app.deps.docs.get.bind(app.deps.docs);
    app.deps.docs.get = (key) => {
      keys.push(key);
      return get(key);
    };
    const invalid = { ok: false, error: { code: 'invalid' } };
    for (const jobId of ['../../settings', 'job:x', 'id-1', 'A'.repeat(36)]) {
      expect(await app.admin('getScan', JANE, { jobId })).toMatchObject(invalid);
      expect(await app.admin('controlScan', JANE, { jobId, action: 'pause' })).toMatchObject(
        invalid,
      );
    }
    expect(keys.filter((k) => k.startsWith('job:'))).toEqual([]);
    const id = 'a'.repeat(32);
    for (const assigneeId of ['../x', 'a b', '557058:aa/bb'])
      expect(
        await app.admin('incidentAction', JANE, { id, action: { type: 'assign', assigneeId } }),
      ).toMatchObject(invalid);
    expect(await app.admin('userNames', JANE, { accountIds: ['x?y=1'] })).toMatchObject(invalid);
    for (const filter of [
      { projectKey: 'pay/../x' },
      { detector: 'Ab c#1' },
      { family: 'AWS/x' },
      { firstSeenFrom: '2026-02-30' },
      { firstSeenTo: '2026-13-01' },
      { firstSeenFrom: '26-01-01' },
      { firstSeenFrom: '2026-03-09', firstSeenTo: '2026-03-02' },
    ])
      expect(await app.admin('listIncidents', JANE, { filter })).toMatchObject(invalid);
    expect(
      await app.admin('listIncidents', JANE, {
        filter: { family: 'aws', firstSeenFrom: '2026-03-02', firstSeenTo: '2026-03-08' },
      }),
    ).toMatchObject({ ok: true });
    // A job id the app made is still accepted.
    const job = data<HistoricalJob>(await app.admin('startScan', JANE, {}));
    expect(await app.admin('getScan', JANE, { jobId: job.id })).toMatchObject({ ok: true });
    expect(app.logged).toEqual([]);
  });

  it("tell Jira's failures in the page's words, keeping the detail for the logs", async () => {
    const app = createApp();
    app.deps.asApp.projects = () =>
      Promise.reject(new JiraHttpError(503, 'GET /rest/api/3/project/search'));
    const r = await app.admin('listProjects', JANE);
    expect(r).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Jira did not answer the app; try again in a moment' },
    });
    expect(app.logged).toEqual([
      {
        resolver: 'listProjects',
        message: 'JiraHttpError: Jira answered 503 on GET /rest/api/3/project/search',
      },
    ]);
  });
});

describe('unexpected failures', () => {
  it('answer a plain error, never a stack trace', async () => {
    const app = createApp();
    app.deps.docs.get = () => Promise.reject(new Error('storage exploded at /srv/x.js:12'));
    const failed = await app.admin('getOverview', JANE);
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'the app could not complete this request; try again in a moment',
      },
    });
  });
});

describe('project resolvers', () => {
  it('show a project admin or a team member only that project', async () => {
    const app = await scanned();
    // Raj administers nothing and is not in the team.
    expect(await app.project('listIncidents', RAJ, 'PAY')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Mia is in All-incidents, once that group is the team.
    expect(await app.project('listIncidents', MIA, 'PAY')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    data(await app.admin('updateSettings', JANE, { teamGroupId: teamId(app) }));
    const page = data<{ items: Incident[] }>(await app.project('listIncidents', MIA, 'PAY'));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.project_keys.includes('PAY'))).toBe(true);
    // Another project's incident is not visible from this page, even by id.
    const ops = data<{ items: Incident[] }>(
      await app.admin('listIncidents', JANE, { filter: { projectKey: 'OPS' } }),
    );
    const opsOnly = ops.items.find((i) => !i.project_keys.includes('PAY'));
    if (!opsOnly) throw new Error('no OPS-only incident');
    expect(await app.project('getIncident', MIA, 'PAY', { id: opsOnly.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    // A filter cannot widen the page to another project.
    const widened = data<{ items: Incident[] }>(
      await app.project('listIncidents', MIA, 'PAY', { filter: { projectKey: 'OPS' } }),
    );
    expect(widened.items.every((i) => i.project_keys.includes('PAY'))).toBe(true);
    // Jane (site admin) administers every project.
    expect(await app.project('listIncidents', JANE, 'WEB')).toMatchObject({ ok: true });
    expect(await app.project('listIncidents', JANE, 'not a key')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await app.project('listIncidents', JANE, 'NOPE')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no such project, or you may not see it' },
    });
  });
});

describe('the team group', () => {
  const G1 = '952d12c3-5b5b-4d04-bb32-44d383afc4b2';
  const G2 = '0b6f6d7e-1c2a-4e3b-9f00-aa11bb22cc33';
  /** The example site, with some changes to its JSON. */
  function site(change: (json: Fixture) => void) {
    const json = readJson(EXAMPLE_SITE) as Fixture;
    change(json);
    return createApp(createJiraSimulator(loadFixture(json)));
  }
  type Fixture = {
    users: { accountId: string; groups: string[] }[];
    groups?: { name: string; groupId: string }[];
    projects: { key: string; browseGroups?: string[] }[];
  };
  const ok = { ok: true };
  const forbidden = { ok: false, error: { code: 'forbidden' } };

  it('is chosen by name and kept by id: a renamed group keeps access, a reused name gives none', async () => {
    const app = site((j) => {
      j.groups = [{ name: 'All-incidents', groupId: G1 }];
    });
    expect(data(await app.admin('searchGroups', JANE, { query: 'incid' }))).toEqual([
      { groupId: G1, name: 'All-incidents' },
    ]);
    expect(await app.admin('updateSettings', JANE, { teamGroupId: G1 })).toMatchObject({
      ok: true,
      data: { teamGroupId: G1, teamGroupName: 'All-incidents' },
    });
    expect(await app.project('listIncidents', MIA, 'PAY')).toMatchObject(ok);
    // A group that does not exist is not saved.
    expect(await app.admin('updateSettings', JANE, { teamGroupId: G2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'no such group: choose it again' },
    });
    expect(await app.admin('updateSettings', JANE, { teamGroupId: 'All-incidents' })).toMatchObject(
      { ok: false, error: { code: 'invalid' } },
    );

    // Later the group is renamed, and a new group takes its old name, with Raj in it.
    const later = site((j) => {
      j.groups = [
        { name: 'Old-incidents', groupId: G1 },
        { name: 'All-incidents', groupId: G2 },
      ];
      for (const u of j.users) {
        if (u.accountId === MIA) u.groups = ['jira-software-users', 'Old-incidents'];
        if (u.accountId === RAJ) u.groups = ['jira-software-users', 'All-incidents'];
      }
    });
    await later.docs.set('settings', await app.docs.get('settings'));
    expect(await later.project('listIncidents', MIA, 'PAY')).toMatchObject(ok);
    expect(await later.project('listIncidents', RAJ, 'PAY')).toMatchObject(forbidden);
    // The page shows the group's name as Jira has it now.
    expect(await later.admin('getOverview', JANE)).toMatchObject({
      ok: true,
      data: { settings: { teamGroupId: G1, teamGroupName: 'Old-incidents' } },
    });
  });

  it('lets a member in only on the pages of projects they may browse', async () => {
    const app = site((j) => {
      const pay = j.projects.find((p) => p.key === 'PAY');
      if (pay) pay.browseGroups = ['jira-admins-acme']; // Mia may not browse PAY
    });
    data(await app.admin('updateSettings', JANE, { teamGroupId: teamId(app) }));
    expect(await app.project('listIncidents', MIA, 'PAY')).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'only administrators of this project, or the team allowed to see incidents, can see them',
      },
    });
    expect(await app.project('getIncident', MIA, 'PAY', { id: 'a'.repeat(32) })).toMatchObject(
      forbidden,
    );
    expect(await app.project('listIncidents', MIA, 'OPS')).toMatchObject(ok);
  });

  it('saved by name by an older version, gives access to nobody until it is chosen again', async () => {
    const app = createApp();
    const { teamGroupId: _t, ...current } = DEFAULT_SETTINGS;
    await app.docs.set('settings', { ...current, teamGroup: 'All-incidents' });
    expect(await app.project('listIncidents', MIA, 'PAY')).toMatchObject(forbidden);
    expect(await app.admin('getOverview', JANE)).toMatchObject({
      ok: true,
      data: {
        settings: { teamGroupId: null, teamGroupName: null, legacyTeamGroupName: 'All-incidents' },
      },
    });
    // Choosing it again (by id) clears the old name.
    const saved = data<Record<string, unknown>>(
      await app.admin('updateSettings', JANE, { teamGroupId: teamId(app) }),
    );
    expect(saved).not.toHaveProperty('legacyTeamGroupName');
    expect(await app.project('listIncidents', MIA, 'PAY')).toMatchObject(ok);
  });
});

describe('an incident with many places', () => {
  it('comes a page of places at a time, and a project page pages through its own only', async () => {
    const app = createApp();
    data(await app.admin('updateSettings', JANE, { teamGroupId: teamId(app) }));
    // One secret in 250 issues: every third one in PAY, the rest in OPS.
    let id = '';
    for (let n = 1; n <= 250; n++) {
      const projectKey = n % 3 === 0 ? 'PAY' : 'OPS';
      const r = await recordToken(
        app,
        'one-secret',
        projectKey,
        20_000 + n,
        n,
        new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
      );
      id = r.incidents[0]?.id ?? id;
    }
    type Detail = {
      occurrences: { id: string; location: { projectKey: string } }[];
      cursor?: string;
    };
    const all = async (call: (payload: unknown) => Promise<unknown>) => {
      const places: Detail['occurrences'] = [];
      const sizes: number[] = [];
      let cursor: string | undefined;
      do {
        const d = data<Detail>(await call(cursor ? { id, cursor } : { id }));
        places.push(...d.occurrences);
        sizes.push(d.occurrences.length);
        cursor = d.cursor;
      } while (cursor);
      return { places, sizes };
    };
    const admin = await all((p) => app.admin('getIncident', JANE, p));
    expect(admin.sizes).toEqual([100, 100, 50]);
    expect(new Set(admin.places.map((o) => o.id)).size).toBe(250);
    const pay = await all((p) => app.project('getIncident', MIA, 'PAY', p));
    expect(pay.places).toHaveLength(83);
    expect(pay.places.every((o) => o.location.projectKey === 'PAY')).toBe(true);
    expect(new Set(pay.places.map((o) => o.id)).size).toBe(83);
    expect(await app.admin('getIncident', JANE, { id, cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});

describe('a secret in several projects, seen from one project page', () => {
  /** The example site with Raj as the administrator of PAY, and of PAY only. */
  function payAdminApp() {
    const json = readJson(EXAMPLE_SITE) as { projects: { key: string; admins?: string[] }[] };
    for (const p of json.projects) if (p.key === 'PAY') p.admins = [RAJ];
    return createApp(createJiraSimulator(loadFixture(json)));
  }
  let minute = 0;
  /** Records one GitHub token (`secret`) in one issue of `projectKey`; the incident's id. */
  async function plant(
    app: ReturnType<typeof createApp>,
    secret: string,
    projectKey: string,
    n: number,
  ): Promise<string> {
    const r = await recordToken(
      app,
      secret,
      projectKey,
      30_000 + n,
      n,
      new Date(Date.UTC(2026, 0, 1) + ++minute * 60_000).toISOString(),
    );
    const id = r.incidents[0]?.id;
    if (!id) throw new Error('nothing recorded');
    return id;
  }
  type Shown = Incident & { shared_with_other_projects?: boolean };

  it("show a project page only its own project's keys, counts and dates", async () => {
    const app = payAdminApp();
    // OPS first (an earlier first-seen date), then PAY once, then OPS again (a later last-seen).
    await plant(app, 'shared', 'OPS', 1);
    await plant(app, 'shared', 'OPS', 2);
    const shared = await plant(app, 'shared', 'PAY', 3);
    await plant(app, 'shared', 'OPS', 4);
    const own = await plant(app, 'own', 'PAY', 5);
    const site = data<{ incident: Shown }>(
      await app.admin('getIncident', JANE, { id: shared }),
    ).incident;
    expect(site).toMatchObject({ project_keys: ['OPS', 'PAY'], occurrences_count: 4 });

    const list = await app.project('listIncidents', RAJ, 'PAY');
    expect(JSON.stringify(list)).not.toContain('OPS');
    const items = data<{ items: Shown[] }>(list).items;
    const inList = items.find((i) => i.id === shared);
    const payPlace = data<{
      occurrences: { date: string; last_seen: string; location: { projectKey: string } }[];
    }>(await app.admin('getIncident', JANE, { id: shared })).occurrences.find(
      (o) => o.location.projectKey === 'PAY',
    );
    expect(payPlace?.date).not.toBe(site.date);
    expect(inList).toMatchObject({
      project_keys: ['PAY'],
      occurrences_count: 1,
      present_count: 1,
      shared_with_other_projects: true,
      date: payPlace?.date,
      last_seen: payPlace?.last_seen,
    });
    expect(items.find((i) => i.id === own)).toMatchObject({
      project_keys: ['PAY'],
      shared_with_other_projects: false,
    });

    const detail = await app.project('getIncident', RAJ, 'PAY', { id: shared });
    expect(JSON.stringify(detail)).not.toContain('OPS');
    expect(data<{ incident: Shown }>(detail).incident).toMatchObject({
      project_keys: ['PAY'],
      occurrences_count: 1,
      present_count: 1,
      shared_with_other_projects: true,
    });
    // The admin page still sees the whole incident.
    expect(site).not.toHaveProperty('shared_with_other_projects');
    expect(site).not.toHaveProperty('by_project');
    // An incident stored before per-project figures existed is counted from its places.
    const stored = await app.deps.store.getIncident(shared);
    if (!stored) throw new Error('not stored');
    const { by_project: _p, ...legacy } = stored;
    await app.deps.store.putIncident(legacy);
    const again = data<{ items: Shown[] }>(await app.project('listIncidents', RAJ, 'PAY'));
    expect(again.items.find((i) => i.id === shared)).toEqual(inList);
  });

  it('refuse every action from a project page on an incident that other projects share', async () => {
    const app = payAdminApp();
    const shared = await plant(app, 'shared', 'PAY', 1);
    await plant(app, 'shared', 'OPS', 2);
    const own = await plant(app, 'own', 'PAY', 3);
    for (const action of [
      { type: 'resolve' },
      { type: 'ignore', reason: 'test_credential' },
      { type: 'assign', assigneeId: RAJ },
    ]) {
      expect(await app.project('incidentAction', RAJ, 'PAY', { id: shared, action })).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message:
            'this secret also appears in other projects: a Jira administrator handles it from the app’s admin page',
        },
      });
    }
    expect(
      data<{ incident: Incident }>(await app.admin('getIncident', JANE, { id: shared })).incident,
    ).toMatchObject({ status: 'TRIGGERED' });
    expect(app.pushes.delivery).toEqual([]);
    // An incident wholly inside the project is the project's to handle.
    const done = await app.project('incidentAction', RAJ, 'PAY', {
      id: own,
      action: { type: 'resolve' },
    });
    expect(done).toMatchObject({
      ok: true,
      data: { status: 'RESOLVED', project_keys: ['PAY'], shared_with_other_projects: false },
    });
  });

  it('act on several incidents at once, each checked and answered on its own', async () => {
    const app = payAdminApp();
    const shared = await plant(app, 'bulk-shared', 'PAY', 1);
    await plant(app, 'bulk-shared', 'OPS', 2);
    const own = await plant(app, 'bulk-own', 'PAY', 3);
    const elsewhere = await plant(app, 'bulk-ops', 'OPS', 4);
    const ignore = { type: 'ignore', reason: 'test_credential' };
    const r = data<{ results: { id: string; ok: boolean; error?: { code: string } }[] }>(
      await app.project('bulkIncidentAction', RAJ, 'PAY', {
        ids: [own, shared, elsewhere],
        action: ignore,
      }),
    );
    // The project page's rules hold row by row: its own incident changes, a shared one is
    // refused, another project's is unknown to it.
    expect(r.results.map((x) => [x.id, x.ok, x.error?.code])).toEqual([
      [own, true, undefined],
      [shared, false, 'forbidden'],
      [elsewhere, false, 'not-found'],
    ]);
    const status = async (id: string) =>
      data<{ incident: Incident }>(await app.admin('getIncident', JANE, { id })).incident.status;
    expect(await status(own)).toBe('IGNORED');
    expect(await status(shared)).toBe('TRIGGERED');
    expect(await status(elsewhere)).toBe('TRIGGERED');
    // The admin page acts on any; a conflict (already resolved) is that row's answer only.
    await app.admin('incidentAction', JANE, { id: elsewhere, action: { type: 'resolve' } });
    const admin = data<{ results: { ok: boolean; error?: { code: string } }[] }>(
      await app.admin('bulkIncidentAction', JANE, {
        ids: [shared, elsewhere],
        action: { type: 'resolve' },
      }),
    );
    expect(admin.results.map((x) => x.ok)).toEqual([true, false]);
    expect(admin.results[1]?.error?.code).toBe('conflict');
    // Checked like any payload; nobody else may use it.
    for (const bad of [
      { ids: [], action: ignore },
      { ids: [own, own], action: ignore },
    ])
      expect(await app.admin('bulkIncidentAction', JANE, bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    expect(
      await app.project('bulkIncidentAction', MIA, 'PAY', { ids: [own], action: ignore }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sort, search and count a list, a project page its own share only', async () => {
    const app = payAdminApp();
    const a = await plant(app, 'sorted-a', 'PAY', 1);
    const b = await plant(app, 'sorted-b', 'PAY', 2);
    await plant(app, 'sorted-b', 'OPS', 3);
    await plant(app, 'sorted-b', 'OPS', 4);
    const c = await plant(app, 'sorted-c', 'OPS', 5);
    type List = { items: Incident[]; total?: { count: number; capped: boolean }; cursor?: string };
    const admin = data<List>(
      await app.admin('listIncidents', JANE, { filter: { sort: 'occurrences' }, limit: 2 }),
    );
    expect(admin.items.map((i) => i.id)).toEqual([b, c]);
    expect(admin.total).toEqual({ count: 3, capped: false });
    // The next page carries no total (the first page has it).
    const next = data<List>(
      await app.admin('listIncidents', JANE, {
        filter: { sort: 'occurrences' },
        limit: 2,
        cursor: admin.cursor,
      }),
    );
    expect(next.items.map((i) => i.id)).toEqual([a]);
    expect(next.total).toBeUndefined();
    // A project page sorts by its own share: one place of b is in PAY, as for a.
    const project = data<List>(
      await app.project('listIncidents', RAJ, 'PAY', { filter: { sort: 'occurrences' } }),
    );
    expect(project.items.map((i) => i.id)).toEqual([b, a]);
    expect(project.total).toEqual({ count: 2, capped: false });
    // Search by issue key (any case), scoped to the page's project.
    const byIssue = (key: string) =>
      app.project('listIncidents', RAJ, 'PAY', { filter: { search: key } });
    expect(data<List>(await byIssue('pay-1')).items.map((i) => i.id)).toEqual([a]);
    expect(data<List>(await byIssue('OPS-5')).items).toEqual([]);
    const found = data<List>(
      await app.admin('listIncidents', JANE, { filter: { search: '  OPS-5 ' } }),
    );
    expect(found.items.map((i) => i.id)).toEqual([c]);
    expect(found.total).toEqual({ count: 1, capped: false });
    // By detector name or masked preview.
    const byName = data<List>(
      await app.admin('listIncidents', JANE, { filter: { search: 'GitHub', sort: 'severity' } }),
    );
    expect(byName.total?.count).toBe(3);
    expect(await app.admin('listIncidents', JANE, { filter: { sort: 'nonsense' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  /**
   * An incident with `count` numbered places, each in PAY or OPS as `where(n)` says, paged through
   * on PAY's project page: its places, and the store pages each "Load more" read (by cursor).
   */
  async function pageProjectPlaces(where: (n: number) => 'PAY' | 'OPS' | undefined, count = 300) {
    const app = payAdminApp();
    let id = '';
    for (let n = 1; n <= count; n++) {
      const key = where(n);
      if (key === 'PAY') id = await plant(app, 'many', key, n);
      else if (key) await plant(app, 'many', key, n);
    }
    const store = app.deps.store;
    const occurrencePage = store.occurrencePage.bind(store);
    let reads: (string | undefined)[] = [];
    store.occurrencePage = (incidentId, limit, cursor) => {
      reads.push(cursor);
      return occurrencePage(incidentId, limit, cursor);
    };
    const places: string[] = [];
    const loadMoreReads: (string | undefined)[][] = [];
    let cursor: string | undefined;
    do {
      reads = [];
      const d = data<{ occurrences: { id: string }[]; cursor?: string }>(
        await app.project('getIncident', RAJ, 'PAY', cursor ? { id, cursor } : { id }),
      );
      if (cursor) loadMoreReads.push(reads);
      places.push(...d.occurrences.map((o) => o.id));
      cursor = d.cursor;
    } while (cursor);
    return { places, loadMoreReads };
  }

  it("pages a project's places, each Load more reading on from the last (no earlier page again)", async () => {
    const alone = await pageProjectPlaces((n) => (n % 2 === 0 ? 'PAY' : undefined));
    const shared = await pageProjectPlaces((n) => (n % 2 === 0 ? 'PAY' : 'OPS'));
    expect(shared.places).toEqual(alone.places);
    expect(new Set(shared.places).size).toBe(150);
    // One store page each: the one holding the 101st place (from the start: 2 and 3 pages).
    expect(alone.loadMoreReads.map((r) => r.length)).toEqual([1]);
    expect(shared.loadMoreReads.map((r) => r.length)).toEqual([1]);
    // A page cut in the middle of a store page: the next call starts inside that store page.
    const twoThirds = await pageProjectPlaces((n) => (n % 3 === 0 ? 'OPS' : 'PAY'));
    expect(new Set(twoThirds.places).size).toBe(200);
    expect(twoThirds.places).toHaveLength(200);
    expect(twoThirds.loadMoreReads).toHaveLength(1);
    expect(twoThirds.loadMoreReads[0]?.length).toBe(2);
    expect(twoThirds.loadMoreReads[0]).not.toContain(undefined);
  });

  it('walks at most ten store pages a call: past them, the cursor reads on', async () => {
    // 1,050 places of OPS before the one of PAY: the first call stops after 1,000 of them.
    const r = await pageProjectPlaces((n) => (n <= 1050 ? 'OPS' : 'PAY'), 1051);
    expect(r.places).toHaveLength(1);
    expect(r.loadMoreReads.map((x) => x.length)).toEqual([1]);
  });

  it("refuses a project page's cursor it did not make", async () => {
    const app = payAdminApp();
    const id = await plant(app, 'one', 'PAY', 1);
    for (const cursor of ['100', '100.0', 'x.0', '5.not-a-store-cursor'])
      expect(await app.project('getIncident', RAJ, 'PAY', { id, cursor })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
  });
});
