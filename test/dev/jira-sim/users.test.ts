import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../../dev/jira-sim/server.js';
import { asObj, call, list, type Obj } from './call.js';
import { syntheticJson, syntheticSite, USERS } from './sites.js';

const SEARCH = '/rest/api/3/user/search';
const BULK = '/rest/api/3/user/bulk';
const names = (users: unknown): unknown[] => (users as Obj[]).map((u) => u.displayName);

describe('GET /user/search', () => {
  it('finds users by any part of their display name, any case, in Jira’s user shape', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'GET', `${SEARCH}?query=AD`);
    expect(r.status).toBe(200);
    expect(names(r.json)).toEqual(['Ada Admin', 'Lee Lead']);
    expect((r.json as Obj[])[0]).toEqual({
      self: `https://synthetic.atlassian.net/rest/api/3/user?accountId=${encodeURIComponent(USERS.admin)}`,
      accountId: USERS.admin,
      displayName: 'Ada Admin',
      active: true,
      timeZone: 'UTC',
      accountType: 'atlassian',
    });
    expect(names((await call(sim, 'GET', `${SEARCH}?query=%20sec%20o`)).json)).toEqual(['Sec Ops']);
    expect((await call(sim, 'GET', `${SEARCH}?query=nobody`)).json).toEqual([]);
  });

  it('pages with startAt and maxResults, and needs a query', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const all = names((await call(sim, 'GET', `${SEARCH}?query=e`)).json);
    expect(all.length).toBeGreaterThan(2);
    const page = await call(sim, 'GET', `${SEARCH}?query=e&startAt=1&maxResults=2`);
    expect(names(page.json)).toEqual(all.slice(1, 3));
    const missing = await call(sim, 'GET', SEARCH);
    expect(missing.status).toBe(400);
    expect(asObj(missing.json).errorMessages).toEqual([
      "The query parameter 'query' or 'accountId' is required.",
    ]);
    expect((await call(sim, 'GET', `${SEARCH}?query=e&maxResults=x`)).status).toBe(400);
  });

  it('is counted like every endpoint: 1 point plus 2 per user', async () => {
    const sim = createJiraSimulator(syntheticSite());
    await call(sim, 'GET', `${SEARCH}?query=lee`);
    await call(sim, 'GET', `${SEARCH}?query=nobody`);
    await call(sim, 'GET', SEARCH);
    expect(sim.stats().byEndpoint['GET /rest/api/3/user/search']).toEqual({
      requests: 3,
      points: 3 + 2,
    });
  });
});

describe('GET /user/bulk', () => {
  it('answers a page of the named users, leaving out unknown ids', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const ids = [USERS.lead, 'unknown:1', USERS.admin, USERS.lead];
    const r = await call(sim, 'GET', `${BULK}?${ids.map((id) => `accountId=${id}`).join('&')}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ startAt: 0, maxResults: 10, total: 2, isLast: true });
    expect(asObj(r.json)).not.toHaveProperty('nextPage');
    expect(names(list(r.json, 'values'))).toEqual(['Lee Lead', 'Ada Admin']);
    expect(sim.stats().byEndpoint['GET /rest/api/3/user/bulk']).toEqual({
      requests: 1,
      points: 1 + 2 * 2,
    });
  });

  it('pages by maxResults (10 by default) with a next page link', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const query = Object.values(USERS)
      .map((id) => `accountId=${id}`)
      .join('&');
    const first = await call(sim, 'GET', `${BULK}?${query}&maxResults=3`);
    expect(first.json).toMatchObject({ startAt: 0, maxResults: 3, total: 4, isLast: false });
    expect(String(asObj(first.json).nextPage)).toMatch(/startAt=3/);
    const rest = await call(sim, 'GET', `${BULK}?${query}&maxResults=3&startAt=3`);
    expect(rest.json).toMatchObject({ startAt: 3, total: 4, isLast: true });
    expect(list(rest.json, 'values')).toHaveLength(1);
    const none = await call(sim, 'GET', BULK);
    expect(none.status).toBe(400);
    expect(asObj(none.json).errorMessages).toEqual([
      "The 'accountId' query parameter is required.",
    ]);
  });
});

describe('GET /user/permission/search', () => {
  const PERMITTED = '/rest/api/3/user/permission/search';
  /** The synthetic site, where only Jira admins, PAY's admin and the secops group browse DOC. */
  function site() {
    const json = syntheticJson() as { projects: { key: string; browseGroups?: string[] }[] };
    for (const p of json.projects) if (p.key === 'DOC') p.browseGroups = ['secops'];
    return createJiraSimulator(loadFixture(json));
  }
  const who = async (
    sim: ReturnType<typeof site>,
    query: string,
    headers: Record<string, string> = {},
  ) => {
    const r = await call(sim, 'GET', `${PERMITTED}?${query}`, undefined, headers);
    return r.status === 200 ? names(r.json) : r.status;
  };

  it('finds Jira admins, a project’s admins and who may browse it, by name or by account id', async () => {
    const sim = site();
    expect(await who(sim, 'permissions=ADMINISTER&query=a')).toEqual(['Ada Admin']);
    expect(await who(sim, `permissions=ADMINISTER&accountId=${USERS.admin}`)).toEqual([
      'Ada Admin',
    ]);
    expect(await who(sim, `permissions=ADMINISTER&accountId=${USERS.lead}`)).toEqual([]);
    // Jira's admins administer every project; Lee administers PAY only.
    expect(await who(sim, 'permissions=ADMINISTER_PROJECTS&projectKey=PAY&query=l')).toEqual([
      'Lee Lead',
    ]);
    expect(await who(sim, 'permissions=ADMINISTER_PROJECTS&projectKey=PAY&query=a')).toEqual([
      'Ada Admin',
    ]);
    expect(await who(sim, 'permissions=ADMINISTER_PROJECTS&projectKey=OPS&query=l')).toEqual([]);
    // DOC's browsers: its group's member and Jira's admins; everyone browses OPS.
    const browseDoc = 'permissions=BROWSE_PROJECTS&projectKey=DOC';
    expect(await who(sim, `${browseDoc}&query=s`)).toEqual(['Sec Ops']);
    expect(await who(sim, `${browseDoc}&query=a`)).toEqual(['Ada Admin']);
    expect(await who(sim, `${browseDoc}&query=d`)).toEqual([]);
    expect(await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=d')).toEqual([
      'Dev Eloper',
    ]);
    // Every permission listed must be held.
    expect(
      await who(sim, 'permissions=ADMINISTER_PROJECTS,BROWSE_PROJECTS&projectKey=DOC&query=s'),
    ).toEqual([]);
    // The query matches the start of a word of the name, or of the email address.
    expect(await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=ELO')).toEqual([
      'Dev Eloper',
    ]);
    expect(await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=ada@')).toEqual([
      'Ada Admin',
    ]);
    expect(await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=loper')).toEqual([]);
    expect(await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=dev%20el')).toEqual([
      'Dev Eloper',
    ]);
  });

  it('takes the range of users first and then filters it, as Jira documents', async () => {
    const sim = site();
    // Users in the site's order: Ada, Dev, Lee, Sec. Only Lee matches "l".
    const browse = 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=l';
    expect(await who(sim, browse)).toEqual(['Lee Lead']);
    // A page of the first two holds no one, though someone matches later.
    expect(await who(sim, `${browse}&startAt=0&maxResults=2`)).toEqual([]);
    expect(await who(sim, `${browse}&startAt=2&maxResults=1`)).toEqual(['Lee Lead']);
    expect(await who(sim, `${browse}&startAt=3&maxResults=5`)).toEqual([]);
  });

  it('answers Jira admins, a project’s admins about their project, and the app; refuses others', async () => {
    const sim = site();
    const pay = 'permissions=BROWSE_PROJECTS&projectKey=PAY&query=s';
    const as = (id: string) => ({ 'X-Sim-Account-Id': id });
    expect(await who(sim, pay, as(USERS.admin))).toEqual(['Sec Ops']);
    expect(await who(sim, pay, as(USERS.lead))).toEqual(['Sec Ops']);
    expect(
      await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=s', as(USERS.lead)),
    ).toBe(403);
    expect(await who(sim, pay, as(USERS.dev))).toBe(403);
    expect(await who(sim, 'permissions=ADMINISTER&query=a', as(USERS.lead))).toBe(403);
  });

  it('refuses what Jira refuses, with its words, and counts 1 point plus 2 per user', async () => {
    const sim = site();
    const refused = async (query: string) => {
      const r = await call(sim, 'GET', `${PERMITTED}?${query}`);
      return [r.status, asObj(r.json).errorMessages];
    };
    expect(await refused('query=a')).toEqual([
      400,
      ["The 'permissions' query parameter is required."],
    ]);
    expect(await refused('permissions=NOPE&query=a')).toEqual([
      400,
      ['Invalid permission key(s): NOPE.'],
    ]);
    expect(await refused('permissions=ADMINISTER')).toEqual([
      400,
      ["The query parameter 'query' or 'accountId' is required."],
    ]);
    expect(await refused('permissions=BROWSE_PROJECTS&projectKey=NOPE&query=a')).toEqual([
      404,
      ["No project could be found with key 'NOPE'."],
    ]);
    expect(sim.stats().byEndpoint[`GET ${PERMITTED}`]).toMatchObject({ requests: 4, points: 4 });
    await who(sim, 'permissions=BROWSE_PROJECTS&projectKey=OPS&query=l');
    expect(sim.stats().byEndpoint[`GET ${PERMITTED}`]).toMatchObject({
      requests: 5,
      points: 5 + 2,
    });
  });
});
