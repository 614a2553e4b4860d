import { describe, expect, it } from 'vitest';
import { createJiraClient, JiraShapeError } from '../../src/jira/client.js';
import { createJiraHttp, type HttpResponse, type JiraFetch } from '../../src/jira/http.js';
import { createJiraUsers, createUserJiraClient } from '../../src/jira/users.js';

const json = (body: unknown): HttpResponse => {
  const text = JSON.stringify(body);
  return {
    status: 200,
    headers: { get: () => null },
    text: () => Promise.resolve(text),
    arrayBuffer: () => Promise.resolve(new TextEncoder().encode(text).buffer),
  };
};

/** A transport over a fetch that answers by path, with the paths it was asked. */
function over(answer: (path: string) => unknown) {
  const paths: string[] = [];
  const fetch: JiraFetch = (path) => {
    paths.push(path);
    return Promise.resolve(json(answer(path)));
  };
  const http = createJiraHttp({
    fetch,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    now: () => 0,
  });
  return { http, paths };
}

const user = (accountId: string, displayName: string, extra: Record<string, unknown> = {}) => ({
  self: `https://acme.atlassian.net/rest/api/3/user?accountId=${accountId}`,
  accountId,
  displayName,
  accountType: 'atlassian',
  active: true,
  emailAddress: `${accountId}@example.com`,
  avatarUrls: { '48x48': 'https://avatar.example/x.png' },
  ...extra,
});

describe('usersWithPermissions', () => {
  const ask = { permissions: ['BROWSE_PROJECTS'], projectKey: 'PAY', startAt: 0, maxResults: 1000 };

  it('keeps active people only, with their id and name and nothing else', async () => {
    const { http, paths } = over(() => [
      user('a1', 'Ana Lima'),
      user('a2', 'Ana Bot', { accountType: 'app' }),
      user('a3', 'Ana Customer', { accountType: 'customer' }),
      user('a4', 'Ana Gone', { active: false }),
      { accountId: 'a5', accountType: 'atlassian', active: true }, // name hidden by its profile
    ]);
    const client = createJiraClient(http);
    expect(await client.usersWithPermissions({ ...ask, query: 'ana l&x' })).toEqual([
      { accountId: 'a1', displayName: 'Ana Lima' },
    ]);
    await client.usersWithPermissions({
      permissions: ['ADMINISTER'],
      accountId: 'a1',
      startAt: 0,
      maxResults: 50,
    });
    expect(paths).toEqual([
      '/rest/api/3/user/permission/search?permissions=BROWSE_PROJECTS&projectKey=PAY&query=ana%20l%26x&startAt=0&maxResults=1000',
      '/rest/api/3/user/permission/search?permissions=ADMINISTER&accountId=a1&startAt=0&maxResults=50',
    ]);
    // Users are identity objects: 2 points each.
    expect(http.stats().byEndpoint['GET /rest/api/3/user/permission/search']).toMatchObject({
      requests: 2,
      points: 2 * (1 + 2 * 5),
    });
  });

  it('names the endpoint, not the query, when Jira answers something else', async () => {
    const { http } = over(() => ({ values: [] }));
    const error = await createJiraClient(http)
      .usersWithPermissions({ ...ask, query: 'secret-name' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraShapeError);
    expect(String(error)).toContain('/rest/api/3/user/permission/search');
    expect(String(error)).not.toContain('secret-name');
  });
});

describe('usersByIds', () => {
  it('asks for 50 ids at a time, each id once, and pages when Jira pages', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `id-${i}`);
    const { http, paths } = over((path) => {
      const url = new URL(path, 'https://jira.invalid');
      const asked = url.searchParams.getAll('accountId');
      const startAt = Number(url.searchParams.get('startAt'));
      // This server pages by 30 whatever maxResults says, and does not know id-7.
      const known = asked.filter((id) => id !== 'id-7');
      const page = known.slice(startAt, startAt + 30);
      return {
        startAt,
        maxResults: 30,
        total: known.length,
        isLast: startAt + page.length >= known.length,
        values: page.map((id) => user(id, `Name ${id}`)),
      };
    });
    const found = await createJiraUsers(http).usersByIds([...ids, 'id-0', 'id-1']);
    expect(found.map((u) => u.accountId)).toEqual(ids.filter((id) => id !== 'id-7'));
    expect(found[0]).toEqual({ accountId: 'id-0', displayName: 'Name id-0' });
    expect(
      paths.map((p) => new URL(p, 'https://jira.invalid').searchParams.getAll('accountId')),
    ).toEqual([ids.slice(0, 50), ids.slice(0, 50), ids.slice(50)]);
    expect(paths.map((p) => p.replace(/^.*&startAt/, 'startAt'))).toEqual([
      'startAt=0&maxResults=50',
      'startAt=30&maxResults=50',
      'startAt=0&maxResults=10',
    ]);
    expect(http.stats().byEndpoint['GET /rest/api/3/user/bulk']?.requests).toBe(3);
  });

  it('asks nothing for no ids', async () => {
    const { http, paths } = over(() => ({ values: [] }));
    expect(await createJiraUsers(http).usersByIds([])).toEqual([]);
    expect(paths).toEqual([]);
  });
});

describe('createUserJiraClient', () => {
  it('is the client and the user look-ups over one transport', async () => {
    const { http, paths } = over((path) =>
      path.startsWith('/rest/api/3/mypermissions')
        ? { permissions: { ADMINISTER: { havePermission: true } } }
        : { values: [user('a1', 'Ana Lima')] },
    );
    const client = createUserJiraClient(http);
    expect(await client.myPermissions(['ADMINISTER'])).toEqual({ ADMINISTER: true });
    expect(await client.usersByIds(['a1'])).toHaveLength(1);
    expect(paths).toHaveLength(2);
    expect(http.stats().requests).toBe(2);
  });
});
