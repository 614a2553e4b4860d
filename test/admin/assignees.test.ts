// Who may be assigned an incident: the picker offers only people who can see it, and an
// assignment to anyone else is refused on the server, row by row in bulk, with nothing changed.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import type { Incident } from '../../src/incidents/model.js';
import { recordScan } from '../../src/incidents/record.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';
import { createApp, JANE, MIA, RAJ } from './app-harness.js';

const PERSON: Record<string, { accountId: string; displayName: string }> = {
  [JANE]: { accountId: JANE, displayName: 'Jane Doe' },
  [RAJ]: { accountId: RAJ, displayName: 'Raj Patel' },
  [MIA]: { accountId: MIA, displayName: 'Mia Chen' },
};
const people = (...ids: string[]) => ids.map((id) => PERSON[id]);

/**
 * The example site where Jane administers Jira, Raj administers PAY and nothing else, Mia is in
 * the All-incidents group, and only Jira's admins may browse WEB.
 */
function site(team: boolean) {
  const json = readJson(EXAMPLE_SITE) as {
    projects: { key: string; admins?: string[]; browseGroups?: string[] }[];
  };
  for (const p of json.projects) {
    if (p.key === 'PAY') p.admins = [RAJ];
    if (p.key === 'WEB') p.browseGroups = ['jira-admins-acme'];
  }
  const app = createApp(createJiraSimulator(loadFixture(json)));
  const teamGroupId = team ? app.sim.site.groupId('All-incidents') : null;
  return { app, ready: app.admin('updateSettings', JANE, { teamGroupId }) };
}

let issue = 40_000;
/** An incident (one GitHub token) with a place in each of `projects`; its id. */
async function incidentIn(app: ReturnType<typeof createApp>, projects: string[]) {
  const fingerprint = `fp-${++issue}`;
  let id = '';
  for (const projectKey of projects) {
    const n = ++issue;
    const at = { projectKey, issueKey: `${projectKey}-${n}`, issueId: String(n) };
    const r = await recordScan(app.deps.store, {
      scope: `issue:${n}`,
      covers: 'all',
      kind: 'realtime',
      now: new Date(Date.UTC(2026, 1, 1) + n * 1000).toISOString(),
      found: [
        {
          ...{ detector: 'github-pat', name: 'GitHub token', family: 'github', fingerprint },
          ...{ redacted: 'ghp_…wxyz', severity: 'high', start: 0, end: 40, line: 1, column: 1 },
          location: { ...at, field: 'summary', url: `https://x.test/browse/${at.issueKey}` },
        },
      ],
    });
    id = r.incidents[0]?.id ?? '';
  }
  return id;
}

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const assign = (id: string, assigneeId: string) => ({
  id,
  action: { type: 'assign', assigneeId },
});

describe('searchAssignees', () => {
  it('offers only Jira admins and the project’s admins when no team group is chosen', async () => {
    const { app, ready } = site(false);
    await ready;
    const pay = await incidentIn(app, ['PAY']);
    const ops = await incidentIn(app, ['OPS']);
    const search = (ids: string[], query: string) =>
      app.admin('searchAssignees', JANE, { ids, query });
    expect(await search([pay], 'j')).toEqual({ ok: true, data: people(JANE) });
    expect(await search([pay], 'r')).toEqual({ ok: true, data: people(RAJ) });
    expect(await search([pay], 'm')).toEqual({ ok: true, data: [] });
    expect(await search([ops], 'r')).toEqual({ ok: true, data: [] });
    // Matched by a prefix of any word of the name, any case.
    expect(await search([pay], 'PAT')).toEqual({ ok: true, data: people(RAJ) });
  });

  it('adds the team group’s members who may browse every project of the incidents', async () => {
    const { app, ready } = site(true);
    await ready;
    const pay = await incidentIn(app, ['PAY']);
    const payOps = await incidentIn(app, ['PAY', 'OPS']);
    const web = await incidentIn(app, ['WEB']);
    const names = async (ids: string[], query: string) => {
      const r = (await app.admin('searchAssignees', JANE, { ids, query })) as Answer;
      return (r.data as { displayName: string }[]).map((u) => u.displayName);
    };
    const everyone = async (ids: string[]) => [
      ...(await names(ids, 'j')),
      ...(await names(ids, 'm')),
      ...(await names(ids, 'r')),
    ];
    expect(await everyone([pay])).toEqual(['Jane Doe', 'Mia Chen', 'Raj Patel']);
    // Raj administers PAY only: he cannot see the OPS part of a shared secret.
    expect(await everyone([payOps])).toEqual(['Jane Doe', 'Mia Chen']);
    // Mia is in the team but may not browse WEB.
    expect(await everyone([web])).toEqual(['Jane Doe']);
    // Bulk: whoever can see every selected incident.
    expect(await everyone([pay, web])).toEqual(['Jane Doe']);
    expect(await everyone([pay, payOps])).toEqual(['Jane Doe', 'Mia Chen']);
  });

  it('asks Jira as the app, a bounded number of times, and never for another project', async () => {
    const { app, ready } = site(true);
    await ready;
    const pay = await incidentIn(app, ['PAY']);
    const before = app.sim.stats().byEndpoint;
    const searches = before['GET /rest/api/3/user/permission/search']?.requests ?? 0;
    expect(await app.admin('searchAssignees', JANE, { ids: [pay], query: 'm' })).toEqual({
      ok: true,
      data: people(MIA),
    });
    const after = app.sim.stats().byEndpoint;
    // Jira admins, PAY's admins, who may browse PAY: one window of Jira's reach each.
    expect((after['GET /rest/api/3/user/permission/search']?.requests ?? 0) - searches).toBe(3);
    // Mia's groups, once: she browses PAY without administering it.
    expect(after['GET /rest/api/3/user/groups']?.requests).toBe(
      (before['GET /rest/api/3/user/groups']?.requests ?? 0) + 1,
    );
  });

  it('answers a project page for its own incidents only, and only people it lets in', async () => {
    const { app, ready } = site(true);
    await ready;
    const pay = await incidentIn(app, ['PAY']);
    const shared = await incidentIn(app, ['PAY', 'OPS']);
    const ops = await incidentIn(app, ['OPS']);
    expect(await app.project('searchAssignees', RAJ, 'PAY', { ids: [pay], query: 'm' })).toEqual({
      ok: true,
      data: people(MIA),
    });
    expect(
      await app.project('searchAssignees', RAJ, 'PAY', { ids: [shared], query: 'j' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await app.project('searchAssignees', RAJ, 'PAY', { ids: [pay, ops], query: 'j' }),
    ).toEqual({ ok: false, error: { code: 'not-found', message: 'no such incident' } });
    // Raj administers no other project, and is not in the team: the page itself refuses him.
    expect(
      await app.project('searchAssignees', RAJ, 'OPS', { ids: [ops], query: 'j' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.admin('searchAssignees', MIA, { ids: [pay], query: 'j' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a bad payload, and a viewer Jira does not let look people up', async () => {
    const { app, ready } = site(true);
    await ready;
    const pay = await incidentIn(app, ['PAY']);
    for (const payload of [
      { query: 'j' },
      { ids: [], query: 'j' },
      { ids: [pay], query: '  ' },
      { ids: [pay, pay], query: 'j' },
      { ids: ['../x'], query: 'j' },
      { ids: [pay], query: 'j', max: 500 },
    ])
      expect(await app.admin('searchAssignees', JANE, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    const { sim } = app;
    const denied = createApp({
      ...sim,
      fetch: async (path, init) => {
        const r = await sim.fetch(path, init);
        if (!path.includes('permissions=USER_PICKER')) return r;
        const body = '{"permissions":{"USER_PICKER":{"key":"USER_PICKER","havePermission":false}}}';
        return { ...r, text: () => Promise.resolve(body) };
      },
    });
    await denied.admin('updateSettings', JANE, { teamGroupId: null });
    const again = await incidentIn(denied, ['PAY']);
    expect(await denied.admin('searchAssignees', JANE, { ids: [again], query: 'j' })).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'your Jira account may not look up people (it needs the Browse users and groups permission)',
      },
    });
  });
});

describe('assigning', () => {
  const status = async (app: ReturnType<typeof createApp>, id: string) =>
    ((await app.admin('getIncident', JANE, { id })) as { data: { incident: Incident } }).data
      .incident;

  it('refuses someone who cannot see the incident, says what would let them, changes nothing', async () => {
    const { app, ready } = site(false);
    await ready;
    const ops = await incidentIn(app, ['OPS']);
    const pushed = app.pushes.delivery.length;
    expect(await app.admin('incidentAction', JANE, assign(ops, RAJ))).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message:
          'Raj Patel cannot see this incident: make them an admin of OPS, or choose a team group for them in the app’s settings',
      },
    });
    expect(await status(app, ops)).toMatchObject({ status: 'TRIGGERED' });
    expect(app.pushes.delivery.length).toBe(pushed);
    // A project's admin, and a Jira admin, may be assigned.
    const pay = await incidentIn(app, ['PAY']);
    expect(await app.admin('incidentAction', JANE, assign(pay, RAJ))).toMatchObject({
      ok: true,
      data: { status: 'ASSIGNED', assignee_id: RAJ },
    });
    expect(await app.admin('incidentAction', JANE, assign(ops, JANE))).toMatchObject({ ok: true });
  });

  it('names what is missing: the team group, browsing, every project of a shared secret', async () => {
    const { app, ready } = site(true);
    await ready;
    const payOps = await incidentIn(app, ['PAY', 'OPS', 'WEB']);
    const web = await incidentIn(app, ['WEB']);
    const refused = async (id: string, who: string) =>
      ((await app.admin('incidentAction', JANE, assign(id, who))) as Answer).error?.message;
    expect(await refused(payOps, RAJ)).toBe(
      'Raj Patel cannot see this incident: add them to the team group or make them an admin of OPS and WEB',
    );
    expect(await refused(web, MIA)).toBe(
      'Mia Chen cannot see this incident: let them browse WEB or make them an admin of WEB',
    );
    expect(await refused(web, '712020:no-such-person')).toBe(
      'This person cannot see this incident: add them to the team group or make them an admin of WEB',
    );
  });

  it('refuses a forged assignment from a project page; assigning oneself needs no look-up', async () => {
    const { app, ready } = site(false);
    await ready;
    const pay = await incidentIn(app, ['PAY']);
    // Without a team group Mia cannot see PAY's incidents, whatever the page sends.
    expect(await app.project('incidentAction', RAJ, 'PAY', assign(pay, MIA))).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/^Mia Chen cannot see/) as string },
    });
    const searches = app.sim.stats().byEndpoint['GET /rest/api/3/user/permission/search'];
    expect(await app.project('incidentAction', RAJ, 'PAY', assign(pay, RAJ))).toMatchObject({
      ok: true,
      data: { status: 'ASSIGNED' },
    });
    expect(app.sim.stats().byEndpoint['GET /rest/api/3/user/permission/search']).toEqual(searches);
  });

  it('in bulk, checks each row and asks Jira once per project, not once per row', async () => {
    const { app, ready } = site(true);
    await ready;
    const pay1 = await incidentIn(app, ['PAY']);
    const pay2 = await incidentIn(app, ['PAY']);
    const web = await incidentIn(app, ['WEB']);
    const payWeb = await incidentIn(app, ['PAY', 'WEB']);
    const before = app.sim.stats().byEndpoint['GET /rest/api/3/user/permission/search'];
    const r = (await app.admin('bulkIncidentAction', JANE, {
      ids: [pay1, web, pay2, payWeb],
      action: { type: 'assign', assigneeId: MIA },
    })) as { data: { results: { id: string; ok: boolean; error?: { message: string } }[] } };
    expect(r.data.results.map((x) => [x.id, x.ok, x.error?.message])).toEqual([
      [pay1, true, undefined],
      [
        web,
        false,
        'Mia Chen cannot see this incident: let them browse WEB or make them an admin of WEB',
      ],
      [pay2, true, undefined],
      [
        payWeb,
        false,
        'Mia Chen cannot see this incident: let them browse WEB or make them an admin of WEB',
      ],
    ]);
    expect((await status(app, web)).status).toBe('TRIGGERED');
    expect((await status(app, pay2)).assignee_id).toBe(MIA);
    // Jira admins once; PAY's and WEB's admins and browsers once each.
    const after = app.sim.stats().byEndpoint['GET /rest/api/3/user/permission/search'];
    expect((after?.requests ?? 0) - (before?.requests ?? 0)).toBe(5);
  });
});
