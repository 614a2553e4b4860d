import { describe, expect, it } from 'vitest';
import { createJiraClient, isTruncated, JiraShapeError } from '../../src/jira/client.js';
import { createJiraHttp, type HttpResponse, type JiraFetch } from '../../src/jira/http.js';

const json = (body: unknown, status = 200): HttpResponse => ({
  status,
  headers: { get: () => null },
  text: () => Promise.resolve(JSON.stringify(body)),
  arrayBuffer: () => Promise.resolve(new TextEncoder().encode(JSON.stringify(body)).buffer),
});

/** A tiny Jira: routes on method + path, records every call. */
function fakeJira(
  route: (method: string, path: string, body: Record<string, unknown>) => HttpResponse,
) {
  const calls: {
    method: string;
    path: string;
    body: Record<string, unknown>;
    headers: Record<string, string>;
  }[] = [];
  const fetch: JiraFetch = (path, init) => {
    const body = init.body ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    calls.push({ method: init.method, path, body, headers: init.headers });
    return Promise.resolve(route(init.method, path, body));
  };
  const http = createJiraHttp({
    fetch,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    now: () => 0,
  });
  return { client: createJiraClient(http), calls, http };
}

describe('JiraClient', () => {
  it('pages search/jql by nextPageToken with an explicit field list', async () => {
    const { client, calls } = fakeJira((_m, _p, body) =>
      json(
        body.nextPageToken
          ? { issues: [{ id: '2' }] }
          : { issues: [{ id: '1' }], nextPageToken: 't1' },
      ),
    );
    const first = await client.searchPage({
      jql: 'project = OPS ORDER BY id ASC',
      fields: ['summary'],
    });
    expect(first).toEqual({ issues: [{ id: '1' }], nextPageToken: 't1' });
    const second = await client.searchPage({
      jql: 'project = OPS ORDER BY id ASC',
      fields: ['summary'],
      nextPageToken: 't1',
    });
    expect(second).toEqual({ issues: [{ id: '2' }] });
    expect(calls.map((c) => [c.method, c.path, c.body.fields, c.body.nextPageToken])).toEqual([
      ['POST', '/rest/api/3/search/jql', ['summary'], undefined],
      ['POST', '/rest/api/3/search/jql', ['summary'], 't1'],
    ]);
  });

  it('pages comments by startAt until total', async () => {
    const all = Array.from({ length: 230 }, (_, i) => ({ id: String(i) }));
    const { client, calls } = fakeJira((_m, path) => {
      const u = new URL(path, 'https://x');
      const startAt = Number(u.searchParams.get('startAt'));
      return json({
        startAt,
        maxResults: 100,
        total: all.length,
        comments: all.slice(startAt, startAt + 100),
      });
    });
    expect((await client.comments('10001')).map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(calls).toHaveLength(3);
  });

  it('fetches changelogs in bulk: 1000 issues and 10 fields a request, following tokens', async () => {
    const { client, calls } = fakeJira((_m, _p, body) => {
      const ids = body.issueIdsOrKeys as string[];
      if (!body.nextPageToken) {
        return json({
          issueChangeLogs: [{ issueId: ids[0], changeHistories: [{ id: 'h1' }] }],
          nextPageToken: 'n',
        });
      }
      return json({ issueChangeLogs: [{ issueId: ids[0], changeHistories: [{ id: 'h2' }] }] });
    });
    const ids = Array.from({ length: 1500 }, (_, i) => String(10000 + i));
    const fields = Array.from({ length: 12 }, (_, i) => `customfield_${i}`);
    const map = await client.changelogs(ids, fields);
    // 2 issue chunks x 2 field chunks x 2 pages
    expect(calls).toHaveLength(8);
    expect(
      calls.every(
        (c) =>
          (c.body.issueIdsOrKeys as string[]).length <= 1000 &&
          (c.body.fieldIds as string[]).length <= 10,
      ),
    ).toBe(true);
    expect(map.get('10000')?.map((h) => h.id)).toEqual(['h1', 'h2', 'h1', 'h2']);
  });

  it('asks attachments for a byte range without redirect, and keeps the cap', async () => {
    const { client, calls } = fakeJira(() => ({
      status: 200,
      headers: { get: () => null },
      text: () => Promise.resolve(''),
      arrayBuffer: () => Promise.resolve(new Uint8Array(50).buffer),
    }));
    expect((await client.attachmentHead('50001', 10)).length).toBe(10);
    expect(calls[0]?.path).toBe('/rest/api/3/attachment/content/50001?redirect=false');
    expect(calls[0]?.headers.Range).toBe('bytes=0-9');
  });

  it('reads mypermissions as booleans', async () => {
    const { client, calls } = fakeJira(() =>
      json({
        permissions: {
          ADMINISTER_PROJECTS: { havePermission: true },
          ADMINISTER: { havePermission: false },
        },
      }),
    );
    expect(await client.myPermissions(['ADMINISTER_PROJECTS', 'ADMINISTER'], 'OPS')).toEqual({
      ADMINISTER_PROJECTS: true,
      ADMINISTER: false,
    });
    expect(calls[0]?.path).toBe(
      '/rest/api/3/mypermissions?permissions=ADMINISTER_PROJECTS%2CADMINISTER&projectKey=OPS',
    );
  });

  it('names the endpoint when a response has the wrong shape', async () => {
    const { client } = fakeJira(() => json({ nope: true }));
    await expect(client.searchPage({ jql: 'x', fields: [] })).rejects.toBeInstanceOf(
      JiraShapeError,
    );
    await expect(client.fields()).rejects.toThrow('unexpected response from /rest/api/3/field');
  });
});

describe('isTruncated', () => {
  it('is true when the embedded list is shorter than total or does not start at 0', () => {
    expect(isTruncated({ startAt: 0, total: 2, comments: [{}, {}] }, 'comments')).toBe(false);
    expect(isTruncated({ startAt: 0, total: 25, comments: [{}, {}] }, 'comments')).toBe(true);
    expect(isTruncated({ startAt: 5, total: 7, comments: [{}, {}] }, 'comments')).toBe(true);
    expect(isTruncated({ total: 1 }, 'worklogs')).toBe(true);
  });
});
