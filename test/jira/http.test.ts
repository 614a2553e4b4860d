import { describe, expect, it } from 'vitest';
import {
  createJiraHttp,
  endpointOf,
  JiraHttpError,
  JiraRateLimitError,
  type HttpResponse,
  type JiraFetch,
} from '../../src/jira/http.js';

const res = (status: number, body = '', headers: Record<string, string> = {}): HttpResponse => {
  const h = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    headers: { get: (n) => h.get(n.toLowerCase()) ?? null },
    text: () => Promise.resolve(body),
    arrayBuffer: () => Promise.resolve(new TextEncoder().encode(body).buffer),
  };
};

/** A fetch that answers from a script, and the waits the client asked for. */
function scripted(answers: (HttpResponse | Error)[]): {
  fetch: JiraFetch;
  calls: string[];
  waits: number[];
  http: ReturnType<typeof createJiraHttp>;
} {
  const calls: string[] = [];
  const waits: number[] = [];
  const fetch: JiraFetch = (path, init) => {
    calls.push(`${init.method} ${path}`);
    const a = answers.shift();
    if (!a) throw new Error('no more answers');
    return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
  };
  const http = createJiraHttp({
    fetch,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    now: () => Date.parse('2026-11-26T10:00:00Z'),
  });
  return { fetch, calls, waits, http };
}

describe('createJiraHttp', () => {
  it('returns parsed JSON and counts requests and points per endpoint', async () => {
    const s = scripted([res(200, JSON.stringify({ issues: [{ id: '1' }, { id: '2' }] }))]);
    const r = await s.http.request('POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = OPS' },
    });
    expect(r.json).toEqual({ issues: [{ id: '1' }, { id: '2' }] });
    expect(s.http.stats()).toEqual({
      requests: 1,
      points: 3,
      byEndpoint: {
        'POST /rest/api/3/search/jql': { requests: 1, points: 3, retries: 0, rateLimited: 0 },
      },
    });
  });

  it('honours Retry-After on a burst 429 and retries', async () => {
    const s = scripted([
      res(429, '', { 'Retry-After': '3', 'RateLimit-Reason': 'jira-burst-based' }),
      res(200, '{}'),
    ]);
    await s.http.request('GET', '/rest/api/3/issue/OPS-1');
    expect(s.waits).toEqual([3000]);
    expect(s.http.stats().byEndpoint['GET /rest/api/3/issue/{id}']).toMatchObject({
      requests: 2,
      retries: 1,
      rateLimited: 1,
    });
  });

  it('does not retry a quota 429: the caller must pause until the window resets', async () => {
    const s = scripted([
      res(429, '', {
        'X-RateLimit-Reset': '2026-11-26T11:00:00Z',
        'RateLimit-Reason': 'jira-quota-global-based',
      }),
    ]);
    const err = await s.http.request('GET', '/rest/api/3/field').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JiraRateLimitError);
    expect(err).toMatchObject({
      kind: 'quota',
      retryAfterMs: 3_600_000,
      endpoint: 'GET /rest/api/3/field',
    });
    expect(s.calls).toHaveLength(1);
  });

  it('hands a burst wait longer than the caller can afford back as an error', async () => {
    const s = scripted([
      res(429, '', { 'Retry-After': '60', 'RateLimit-Reason': 'jira-burst-based' }),
    ]);
    await expect(s.http.request('GET', '/rest/api/3/field')).rejects.toMatchObject({
      kind: 'burst',
      retryAfterMs: 60_000,
    });
  });

  it('backs off exponentially with jitter on 5xx and network errors, then gives up', async () => {
    const s = scripted([res(503), new Error('ECONNRESET'), res(502), res(500), res(500)]);
    const err = await s.http.request('GET', '/rest/api/3/project/search').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JiraHttpError);
    expect((err as JiraHttpError).status).toBe(500);
    expect(s.waits).toEqual([2000, 4000, 8000]); // then 16 s > maxWaitMs: given back
  });

  it('fails at once on other 4xx, without the response body in the message', async () => {
    const s = scripted([res(404, '{"errorMessages":["secret ghp_abc in here"]}')]);
    const err = (await s.http
      .request('GET', '/rest/api/3/issue/10001')
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toBe('Jira answered 404 on GET /rest/api/3/issue/{id}');
    expect(s.calls).toHaveLength(1);
  });
});

describe('endpointOf', () => {
  it('templates ids and issue keys, drops the query', () => {
    expect(endpointOf('get', '/rest/api/3/issue/OPS-12/comment?startAt=50')).toBe(
      'GET /rest/api/3/issue/{id}/comment',
    );
    expect(endpointOf('GET', '/rest/api/3/attachment/content/50001')).toBe(
      'GET /rest/api/3/attachment/content/{id}',
    );
    expect(endpointOf('GET', '/rest/api/3/project/OPS/components')).toBe(
      'GET /rest/api/3/project/{id}/components',
    );
    expect(endpointOf('GET', '/rest/api/3/issue/10001/comment/20001')).toBe(
      'GET /rest/api/3/issue/{id}/comment/{id}',
    );
    for (const fixed of ['/rest/api/3/project/search', '/rest/api/3/changelog/bulkfetch']) {
      expect(endpointOf('GET', fixed)).toBe(`GET ${fixed}`);
    }
  });
});
