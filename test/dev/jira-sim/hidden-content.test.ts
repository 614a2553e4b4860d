// What Jira hides from an app, as the simulator models it: an app access rule (data security
// policy) on a project, issues behind a security level, comments restricted to a group, each for
// the app, for a user through the app (Forge asUser) and for a user directly.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../../dev/jira-sim/server.js';
import { asObj, call, list } from './call.js';
import { HIDDEN, hiddenContentJson, syntheticSite, USERS } from './sites.js';

const sim = () => createJiraSimulator(loadFixture(hiddenContentJson()));
const COUNT = '/rest/api/3/search/approximate-count';
const through = (accountId: string) => ({ 'X-Sim-Account-Id': accountId });
const direct = (email: string) => ({
  authorization: `Basic ${Buffer.from(`${email}:token`).toString('base64')}`,
});

async function count(
  s: ReturnType<typeof sim>,
  jql: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const r = await call(s, 'POST', COUNT, { jql }, headers);
  expect(r.status).toBe(200);
  return asObj(r.json).count as number;
}

describe('content hidden from the app', () => {
  it('leaves a blocked project out of searches and counts, yet lists it, and says so in its data policy', async () => {
    const s = sim();
    expect(await count(s, 'project = PAY')).toBe(0);
    // The app acting as a user is still the app: the rule applies.
    expect(await count(s, 'project = PAY', through(USERS.lead))).toBe(0);
    // A person (no app) sees its issues.
    expect(await count(s, 'project = PAY', direct('dev@example.com'))).toBe(12);
    expect((await call(s, 'GET', '/rest/api/3/issue/PAY-1')).status).toBe(404);
    // Key and name are never blocked; a project the app user may not browse is not listed.
    const projects = await call(s, 'GET', '/rest/api/3/project/search');
    expect(list(projects.json, 'values').map((p) => p.key)).toEqual(['DOC', 'OPS', 'PAY']);
    const admins = await call(s, 'GET', '/rest/api/3/project/search', undefined, {
      ...through(USERS.admin),
    });
    expect(list(admins.json, 'values').map((p) => p.key)).toEqual(['DOC', 'OPS', 'PAY', 'SEC']);
    expect(await count(s, 'project = SEC')).toBe(0);
    expect(await count(s, 'project = SEC', through(USERS.admin))).toBe(1);
    const policy = await call(s, 'GET', '/rest/api/3/data-policy/project?ids=10000,10001');
    expect(policy.json).toEqual({
      projectDataPolicies: [
        { id: 10000, dataPolicy: { anyContentBlocked: false } },
        { id: 10001, dataPolicy: { anyContentBlocked: true } },
      ],
    });
    const person = await call(s, 'GET', '/rest/api/3/data-policy/project?ids=10001', undefined, {
      ...direct('dev@example.com'),
    });
    expect(person.json).toEqual({
      projectDataPolicies: [{ id: 10001, dataPolicy: { anyContentBlocked: false } }],
    });
    expect((await call(s, 'GET', '/rest/api/3/data-policy/project?ids=')).status).toBe(400);
    expect((await call(s, 'GET', '/rest/api/3/data-policy/project?ids=99999')).status).toBe(400);
  });

  it('hides issues behind a security level from all but its members, and counts them by level', async () => {
    const s = sim();
    const levelled = 'project = OPS AND level is not EMPTY';
    expect(await count(s, 'project = OPS')).toBe(130 - HIDDEN.securedIssues.length);
    expect(await count(s, levelled)).toBe(0);
    expect(await count(s, levelled, through(USERS.secops))).toBe(3);
    expect(await count(s, 'project = OPS', through(USERS.secops))).toBe(130);
    expect(await count(s, 'project = OPS AND level IS EMPTY', through(USERS.secops))).toBe(127);
    // Nor is a user outside its groups.
    expect(await count(s, levelled, through(USERS.dev))).toBe(0);
    expect(await count(s, levelled, through(USERS.admin))).toBe(3);
    expect((await call(s, 'GET', '/rest/api/3/issue/OPS-4')).status).toBe(404);
    expect(
      (await call(s, 'GET', '/rest/api/3/issue/OPS-4', undefined, through(USERS.secops))).status,
    ).toBe(200);
    const bulk = await call(s, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['OPS-4'],
    });
    expect(list(bulk.json, 'issueChangeLogs')).toEqual([]);
  });

  it("hides a group's comments from an app in no group, and from nobody else who is in it", async () => {
    const s = sim();
    const path = '/rest/api/3/issue/OPS-3/comment';
    expect(asObj((await call(s, 'GET', path)).json).total).toBe(2 - HIDDEN.restrictedComments);
    expect(asObj((await call(s, 'GET', path, undefined, through(USERS.secops))).json).total).toBe(
      2,
    );
    // A role's comment: its project's admins see it, the app never does.
    const role = '/rest/api/3/issue/OPS-7/comment';
    expect(asObj((await call(s, 'GET', role)).json).total).toBe(0);
    expect(asObj((await call(s, 'GET', role, undefined, through(USERS.admin))).json).total).toBe(1);
    // A site without `app` lets the app see every comment, as before.
    const legacy = createJiraSimulator(syntheticSite());
    expect(asObj((await call(legacy, 'GET', path)).json).total).toBe(2);
  });

  it('rejects a level clause it does not support', async () => {
    const r = await call(sim(), 'POST', COUNT, { jql: 'project = OPS AND level = "x"' });
    expect(r.status).toBe(400);
  });
});
