import { describe, expect, it } from 'vitest';
import { createJiraSimulator } from '../../../dev/jira-sim/server.js';
import { asObj, call, list, type Obj } from './call.js';
import { syntheticSite, USERS } from './sites.js';

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
