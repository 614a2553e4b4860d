import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIncidentApiServer,
  structuralProblems,
  type IncidentApiServer,
  type ServerMode,
} from '../../../dev/incident-api/server.js';
import {
  apiIncidentHead,
  apiOccurrence,
  BATCH_PATH,
  createIncidentApi,
  HEALTH_PATH,
  type ApiIncident,
  type BatchBody,
} from '../../../src/incidents/incident-api.js';
import { incidentReport } from '../../../src/incidents/report.js';
import { createMemoryStore } from '../../../src/incidents/store.js';
import { loadContract, problems } from '../../incidents/contract.js';
import { iso, RAW_SECRET, seedMany, SITE, T0, TOKEN } from '../../incidents/fixtures.js';

const contract = loadContract();
const validateBatch = contract.request('POST', BATCH_PATH);

async function incidents(count: number, each = 2, first = 0): Promise<ApiIncident[]> {
  const store = createMemoryStore();
  await seedMany(store, count, each, iso(T0), first);
  return (await incidentReport(store)).map((r) => ({
    ...apiIncidentHead(r),
    occurrences: r.occurrences.map(apiOccurrence),
  }));
}

const batch = (list: ApiIncident[]): BatchBody => ({
  source: { type: 'jira', site_url: SITE },
  incidents: list,
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

describe('the loopback incident API', () => {
  let server: IncidentApiServer;
  let url = '';
  let close: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    server = createIncidentApiServer({
      token: TOKEN,
      workspace: 'Acme security',
      maxBytes: 200_000,
      validate: (b) => problems(validateBatch, b),
    });
    const listening = await server.listen();
    url = listening.url;
    close = () => listening.close();
  });
  afterAll(() => close());

  async function call(
    method: string,
    path: string,
    body?: unknown,
    token: string | null = TOKEN,
  ): Promise<Answer> {
    const res = await fetch(url + path, {
      method,
      headers: {
        ...(token === null ? {} : { Authorization: `Token ${token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }

  /** The answer matches what the contract says of this operation and status. */
  function conforms(method: string, path: string, a: Answer): void {
    expect(problems(contract.response(method, path, a.status), a.json)).toEqual([]);
    expect(a.headers.get('content-type')).toContain('application/json');
    if (a.status === 429)
      expect(contract.responseHeaders(method, path, 429)).toContain('retry-after');
  }

  it('health: 200 with the workspace for the token, 401 without or with another', async () => {
    const ok = await call('GET', HEALTH_PATH);
    expect(ok).toMatchObject({ status: 200, json: { status: 'ok', workspace: 'Acme security' } });
    conforms('GET', HEALTH_PATH, ok);
    for (const token of [null, 'wrong', `${TOKEN}x`]) {
      const no = await call('GET', HEALTH_PATH, undefined, token);
      expect(no.status).toBe(401);
      conforms('GET', HEALTH_PATH, no);
    }
  });

  it('upsert: by incident id, occurrences merged by id, sent twice stored once', async () => {
    const list = await incidents(3, 4);
    const [a] = list;
    if (!a) throw new Error('no incident');
    // The first occurrences of the first incident, then the rest in another request.
    const first = await call(
      'POST',
      BATCH_PATH,
      batch([{ ...a, occurrences: a.occurrences.slice(0, 2) }]),
    );
    expect(first).toMatchObject({ status: 200, json: { received: 1, stale: 0 } });
    conforms('POST', BATCH_PATH, first);
    const all = await call('POST', BATCH_PATH, batch(list));
    expect(all).toMatchObject({ status: 200, json: { received: 3, stale: 0 } });
    const again = await call('POST', BATCH_PATH, batch(list));
    expect(again.json).toEqual({ received: 3, stale: 0 });
    const held = server.incidents().filter((i) => list.some((x) => x.id === i.id));
    expect(held).toEqual(
      list
        .map((i) => ({
          ...i,
          occurrences: [...i.occurrences].sort((x, y) => x.id.localeCompare(y.id)),
        }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    );
  });

  it('a later state replaces the earlier; an older one is acknowledged and ignored', async () => {
    const [a] = await incidents(1, 1, 100);
    if (!a) throw new Error('no incident');
    const later = iso(T0 + 60_000);
    const resolved: ApiIncident = {
      ...a,
      status: 'RESOLVED',
      resolved_at: later,
      updated_at: later,
      occurrences: a.occurrences.map((o) => ({ ...o, presence: 'removed', removed_at: later })),
    };
    await call('POST', BATCH_PATH, batch([a]));
    expect((await call('POST', BATCH_PATH, batch([resolved]))).json).toEqual({
      received: 1,
      stale: 0,
    });
    const late = await call('POST', BATCH_PATH, batch([a]));
    expect(late).toMatchObject({ status: 200, json: { received: 1, stale: 1 } });
    conforms('POST', BATCH_PATH, late);
    const held = server.incidents().find((i) => i.id === a.id);
    expect(held?.status).toBe('RESOLVED');
    expect(held?.occurrences.map((o) => o.presence)).toEqual(['removed']);
  });

  it('400 for a body that is not JSON or breaks the contract (nothing applied), 413 when too large', async () => {
    const before = server.incidents();
    const notJson = await call('POST', BATCH_PATH, '{"source":');
    expect(notJson).toMatchObject({ status: 400, json: { error: 'invalid_json' } });
    conforms('POST', BATCH_PATH, notJson);
    const [a] = await incidents(1, 1);
    const broken = await call('POST', BATCH_PATH, {
      ...batch([a as ApiIncident]),
      incidents: [{ ...a, secret_preview: RAW_SECRET }],
    });
    expect(broken).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(JSON.stringify(broken.json)).toContain('secret_preview');
    conforms('POST', BATCH_PATH, broken);
    const huge = await call('POST', BATCH_PATH, batch(await incidents(50, 12)));
    expect(huge).toMatchObject({ status: 413, json: { error: 'too_large' } });
    conforms('POST', BATCH_PATH, huge);
    expect(server.incidents()).toEqual(before);
  });

  it.each<[ServerMode, number, string | null]>([
    [{ kind: 'unavailable' }, 503, null],
    [{ kind: 'unavailable', status: 502, retryAfterSeconds: 5 }, 502, '5'],
    [{ kind: 'rate-limited', retryAfterSeconds: 120 }, 429, '120'],
    [{ kind: 'unauthorized' }, 401, null],
    [{ kind: 'forbidden' }, 403, null],
  ])('setMode %j answers %i for a while, then normally again', async (mode, status, retryAfter) => {
    server.setMode(mode, { requests: 2 });
    const body = batch(await incidents(1, 1));
    for (let n = 0; n < 2; n++) {
      const a = await call('POST', BATCH_PATH, body);
      expect(a.status).toBe(status);
      expect(a.headers.get('retry-after')).toBe(retryAfter);
      conforms('POST', BATCH_PATH, a);
    }
    expect((await call('POST', BATCH_PATH, body)).status).toBe(200);
    server.setMode(mode);
    expect((await call('GET', HEALTH_PATH)).status).toBe(status);
    server.setMode({ kind: 'normal' });
    expect((await call('GET', HEALTH_PATH)).status).toBe(200);
  });

  it('404 and 405 with an error code', async () => {
    const errors = contract.schema('Error');
    const missing = await call('POST', '/v1/jira/incidents');
    expect(missing.status).toBe(404);
    expect(problems(errors, missing.json)).toEqual([]);
    const wrong = await call('GET', BATCH_PATH);
    expect(wrong.status).toBe(405);
    expect(problems(errors, wrong.json)).toEqual([]);
  });

  it('logs requests without a header or a body', () => {
    const log = server.requests();
    expect(log.length).toBeGreaterThan(10);
    const text = JSON.stringify(log);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(RAW_SECRET);
    expect(text).not.toContain('secret_preview');
    expect(log.find((q) => q.status === 200 && q.path === BATCH_PATH)).toMatchObject({
      method: 'POST',
      incidents: expect.any(Number) as number,
      occurrences: expect.any(Number) as number,
      bytes: expect.any(Number) as number,
    });
  });

  it("the app's client over HTTP: test connection, then an upsert", async () => {
    const store = createMemoryStore();
    await seedMany(store, 4, 3);
    const client = createIncidentApi({
      fetch: (u, init) => fetch(u, init),
      baseUrl: `${url}/`,
      token: TOKEN,
      siteUrl: SITE,
    });
    expect(await client.testConnection()).toEqual({ ok: true, workspace: 'Acme security' });
    expect(await client.upsert(await incidentReport(store))).toEqual({ ok: true, requests: 1 });
    const wrong = createIncidentApi({
      fetch: (u, init) => fetch(u, init),
      baseUrl: url,
      token: 'nope',
      siteUrl: SITE,
    });
    expect(await wrong.testConnection()).toMatchObject({ ok: false, kind: 'auth', status: 401 });
  });
});

describe('the default structural check', () => {
  it('accepts what the client sends and names what is missing', async () => {
    expect(structuralProblems(batch(await incidents(2)), 50)).toEqual([]);
    expect(structuralProblems([], 50)).toEqual(['body: must be an object']);
    expect(
      structuralProblems({ source: { type: 'jira', site_url: SITE }, incidents: [{ id: 1 }] }, 50),
    ).toEqual([
      '/incidents/0/id: must be a string',
      '/incidents/0/updated_at: must be a date-time',
      '/incidents/0/occurrences: must be an array',
    ]);
    expect(structuralProblems(batch(await incidents(3)), 2)).toEqual([
      '/incidents: must be an array of 1 to 2 incidents',
    ]);
  });

  it('in-process fetch and handle answer like the HTTP server', async () => {
    const s = createIncidentApiServer({ token: TOKEN });
    const r = await s.handle({
      method: 'POST',
      path: `http://127.0.0.1:1${BATCH_PATH}?x=1`,
      headers: { authorization: `Token ${TOKEN}` },
      body: JSON.stringify(batch(await incidents(2))),
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ received: 2, stale: 0 });
    expect(s.incidents()).toHaveLength(2);
  });
});
