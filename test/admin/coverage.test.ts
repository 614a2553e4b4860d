// What Jira keeps from the app, counted: the app access rules a scan meets, and "Check coverage"
// (the viewing admin's Jira against the app's), over the simulator's hidden-content site.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import type { Coverage } from '../../src/admin/coverage.js';
import { HIDDEN, hiddenContentJson, USERS } from '../dev/jira-sim/sites.js';
import { createApp } from './app-harness.js';

const hiddenApp = () => createApp(createJiraSimulator(loadFixture(hiddenContentJson())));

// The test names the shape it expects back.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function data<T>(r: unknown): T {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: T }).data;
}

describe('coverage', () => {
  it('compares the admin’s view with the app’s: projects, issues by reason, comments', async () => {
    const app = hiddenApp();
    const c = data<Coverage>(await app.admin('checkCoverage', USERS.admin));
    expect(c.blockedProjects).toEqual([HIDDEN.blockedProject]);
    expect(c.hiddenProjects).toEqual([HIDDEN.unbrowsableProject]);
    // The blocked project is not compared: its issues are left out as the admin through the app too.
    expect(c.compared).toEqual([
      { key: 'DOC', adminIssues: 0, appIssues: 0, behindLevel: 0 },
      { key: 'OPS', adminIssues: 130, appIssues: 127, behindLevel: 3 },
    ]);
    expect(c.hiddenIssues).toBe(HIDDEN.securedIssues.length);
    expect(c.behindLevel).toBe(HIDDEN.securedIssues.length);
    // Of the admin's 50 most recently updated OPS issues, the 49 the app sees too (one is behind
    // the level); OPS-7's role comment is hidden from the app, OPS-3's secops comment from the
    // admin too (so it is not counted).
    expect(c.comments).toEqual({ issuesSampled: 49, hidden: 1 });
    expect(c.notCompared).toBe(0);
    // Kept for the overview, with nothing but keys, counts and the time.
    const overview = data<{ hidden: { coverage: Coverage } }>(
      await app.admin('incidentOverview', USERS.admin),
    );
    expect(overview.hidden.coverage).toEqual(c);
    expect(JSON.stringify(app.docs.data.get('coverage'))).not.toMatch(/Security issue|restricted/);
  });

  it('bounds every figure by what the viewing admin may see', async () => {
    const json = hiddenContentJson();
    // An admin outside the security level: the levelled issues are hidden from both.
    const issues = (json.issues as { security?: { groups: string[] } }[]).map((i) =>
      i.security ? { ...i, security: { ...i.security, groups: ['secops'] } } : i,
    );
    const app = createApp(createJiraSimulator(loadFixture({ ...json, issues })));
    const c = data<Coverage>(await app.admin('checkCoverage', USERS.admin));
    expect(c.compared.find((p) => p.key === 'OPS')).toEqual({
      key: 'OPS',
      adminIssues: 127,
      appIssues: 127,
      behindLevel: 0,
    });
  });

  it('is for Jira admins only, and takes no payload', async () => {
    const app = hiddenApp();
    expect(await app.admin('checkCoverage', USERS.dev)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.admin('checkCoverage', USERS.admin, { all: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(app.docs.data.has('coverage')).toBe(false);
  });

  it('records at the start of a scan which of its projects an app access rule blocks', async () => {
    const app = hiddenApp();
    const job = data<{ id: string }>(await app.admin('startScan', USERS.admin, {}));
    await app.drainScans();
    const site = data<{ hidden: { scan: { blocked: string[] } } }>(
      await app.admin('incidentOverview', USERS.admin),
    );
    expect(site.hidden.scan.blocked).toEqual([HIDDEN.blockedProject]);
    expect(app.docs.data.get(`scan-policy:${job.id}`)).toMatchObject({ blocked: ['PAY'] });
    // A project page hears only of its own project.
    const ops = data<{ hidden: { scan: { blocked: string[] } } }>(
      await app.project('incidentOverview', USERS.admin, 'OPS'),
    );
    expect(ops.hidden.scan.blocked).toEqual([]);
    const pay = data<{ hidden: { scan: { blocked: string[] } } }>(
      await app.project('incidentOverview', USERS.admin, 'PAY'),
    );
    expect(pay.hidden.scan.blocked).toEqual(['PAY']);
  });

  it('scans all the same when Jira will not tell its data policy, and says nothing it does not know', async () => {
    const sim = createJiraSimulator(loadFixture(hiddenContentJson()));
    const refusing = {
      ...sim,
      fetch: (path: string, init: Parameters<typeof sim.fetch>[1]) =>
        path.includes('/data-policy/')
          ? Promise.resolve(new Response('{"errorMessages":["no"]}', { status: 403 }))
          : sim.fetch(path, init),
    };
    const app = createApp(refusing);
    const job = data<{ id: string; status: string }>(await app.admin('startScan', USERS.admin, {}));
    expect(job.status).toBe('running');
    expect(app.docs.data.has(`scan-policy:${job.id}`)).toBe(false);
    const c = data<Coverage>(await app.admin('checkCoverage', USERS.admin));
    // Unknown, not "none": PAY is then compared like any project (0 issues for both).
    expect(c.blockedProjects).toEqual([]);
    expect(c.compared.map((p) => p.key)).toEqual(['DOC', 'OPS', 'PAY']);
  });
});
