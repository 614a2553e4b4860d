import { describe, expect, it } from 'vitest';
import {
  API_LIMITS,
  BATCH_PATH,
  HEALTH_PATH,
  checkBaseUrl,
  createIncidentApi,
  utf8Length,
  type ApiResponse,
  type IncidentApiFetch,
  type IncidentApiOptions,
} from '../../src/incidents/incident-api.js';
import { incidentReport, type IncidentReport } from '../../src/incidents/report.js';
import { createMemoryStore } from '../../src/incidents/store.js';
import { createIncidentApiServer } from '../../dev/incident-api/server.js';
import { loadContract, problems } from './contract.js';
import {
  fullIncident,
  location,
  RAW_SECRET,
  seedIncident,
  seedMany,
  SITE,
  TOKEN,
  type Seeded,
} from './fixtures.js';

const contract = loadContract();
const validateBatch = contract.request('POST', BATCH_PATH);

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly redirect: string;
}

function response(status: number, body = '', headers: Record<string, string> = {}): ApiResponse {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    headers: { get: (n) => lower.get(n.toLowerCase()) ?? null },
    text: () => Promise.resolve(body),
  };
}

/** A fetch that records requests and answers with `answer` (200 `{received}` by default). */
function recorder(answer?: (req: Sent, n: number) => ApiResponse | Promise<ApiResponse>) {
  const sent: Sent[] = [];
  const fetch: IncidentApiFetch = async (url, init) => {
    const req: Sent = { url, ...init };
    sent.push(req);
    if (answer) return answer(req, sent.length - 1);
    const body = JSON.parse(init.body ?? '{"incidents":[]}') as { incidents: unknown[] };
    return response(200, JSON.stringify({ received: body.incidents.length }));
  };
  return { fetch, sent };
}

const bodyOf = (s: Sent): { incidents: IncidentReport[] } & Record<string, unknown> =>
  JSON.parse(s.body ?? '') as { incidents: IncidentReport[] } & Record<string, unknown>;

function api(fetch: IncidentApiFetch, extra: Partial<IncidentApiOptions> = {}) {
  return createIncidentApi({
    fetch,
    baseUrl: 'https://incidents.example.com',
    token: TOKEN,
    siteUrl: SITE,
    ...extra,
  });
}

async function reportsOf(seeded: readonly Seeded[]): Promise<IncidentReport[]> {
  const store = createMemoryStore();
  for (const s of seeded) {
    await store.putIncident(s.incident);
    for (const o of s.occurrences) await store.putOccurrence(o);
  }
  return incidentReport(store);
}

async function many(count: number, each = 1): Promise<IncidentReport[]> {
  const store = createMemoryStore();
  await seedMany(store, count, each);
  return incidentReport(store);
}

describe('the request body and the contract', () => {
  it('validates against the OpenAPI request schema, every optional field included', async () => {
    const store = createMemoryStore();
    const full = fullIncident(await seedIncident(store, 0, [location(1)]));
    const reports = await reportsOf([full]);
    const { fetch, sent } = recorder();
    const r = await api(fetch, { cloudId: '0f4a2b1c-8d3e-4f5a-9b6c-7d8e9f0a1b2c' }).upsert([
      ...reports,
      {
        ...(reports[0] as IncidentReport),
        id: 'f'.repeat(32),
        status: 'IGNORED',
        ignore_reason: 'false_positive',
      },
    ]);
    expect(r).toEqual({ ok: true, requests: 1 });
    expect(sent).toHaveLength(1);
    const [req] = sent;
    if (!req) throw new Error('no request');
    expect(problems(validateBatch, bodyOf(req))).toEqual([]);
    expect(req.url).toBe(`https://incidents.example.com${BATCH_PATH}`);
    expect(req.method).toBe('POST');
    expect(req.headers).toMatchObject({
      Authorization: `Token ${TOKEN}`,
      'Content-Type': 'application/json',
    });
    expect(req.redirect).toBe('manual');
    expect(bodyOf(req).source).toEqual({
      type: 'jira',
      site_url: SITE,
      cloud_id: '0f4a2b1c-8d3e-4f5a-9b6c-7d8e9f0a1b2c',
    });

    // Every field of the contract is one we send, and nothing else is sent.
    const sentIncidentKeys = new Set(bodyOf(req).incidents.flatMap((i) => Object.keys(i)));
    const sentOccurrences = bodyOf(req).incidents.flatMap((i) => i.occurrences);
    const sentOccurrenceKeys = new Set(sentOccurrences.flatMap((o) => Object.keys(o)));
    const sentLocationKeys = new Set(sentOccurrences.flatMap((o) => Object.keys(o.location)));
    const props = (name: string): string[] => {
      const s = (contract.spec.components as { schemas: Record<string, { properties: object }> })
        .schemas[name];
      return Object.keys(s?.properties ?? {}).sort();
    };
    expect([...sentIncidentKeys].sort()).toEqual(props('Incident'));
    expect([...sentOccurrenceKeys].sort()).toEqual(props('Occurrence'));
    expect([...sentLocationKeys].sort()).toEqual(props('Location'));
  });

  it("the contract's own example is valid", () => {
    const op = (contract.spec.paths as Record<string, { post: unknown }>)[BATCH_PATH]?.post as {
      requestBody: {
        content: { 'application/json': { examples: Record<string, { value: unknown }> } };
      };
    };
    const examples = Object.values(op.requestBody.content['application/json'].examples);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(problems(validateBatch, e.value)).toEqual([]);
  });

  it('negative control: the schema refuses internal fields, raw previews, bad values, too many', async () => {
    const reports = await many(1);
    const { fetch, sent } = recorder();
    await api(fetch).upsert(reports);
    const good = bodyOf(sent[0] as Sent);
    expect(problems(validateBatch, good)).toEqual([]);
    const mutate = (f: (b: { incidents: Record<string, unknown>[] }) => void): unknown => {
      const b = structuredClone(good) as unknown as { incidents: Record<string, unknown>[] };
      f(b);
      return b;
    };
    const first = (b: { incidents: Record<string, unknown>[] }) => b.incidents[0] ?? {};
    const occ = (b: { incidents: Record<string, unknown>[] }) =>
      (first(b).occurrences as Record<string, unknown>[])[0] ?? {};
    const bad: [string, unknown][] = [
      ['scope', mutate((b) => (occ(b).scope = 'issue:10001'))],
      ['incident_id', mutate((b) => (occ(b).incident_id = first(b).id))],
      ['raw preview', mutate((b) => (first(b).secret_preview = RAW_SECRET))],
      ['a secret field', mutate((b) => (first(b).secret = RAW_SECRET))],
      ['status', mutate((b) => (first(b).status = 'OPEN'))],
      ['no updated_at', mutate((b) => delete first(b).updated_at)],
      ['bad time', mutate((b) => (first(b).date = 'yesterday'))],
      ['51 incidents', mutate((b) => (b.incidents = Array.from({ length: 51 }, () => first(b))))],
      ['no incidents', mutate((b) => (b.incidents = []))],
      ['source', mutate((b) => ((b as unknown as Record<string, unknown>).source = { type: 'x' }))],
    ];
    for (const [what, body] of bad) expect(problems(validateBatch, body), what).not.toEqual([]);
  });

  it('never sends anything raw: unknown fields are left out, an unmasked preview is masked', async () => {
    const [report] = await many(1);
    if (!report) throw new Error('no report');
    const leaky = {
      ...report,
      secret_preview: RAW_SECRET,
      raw: RAW_SECRET,
      occurrences: report.occurrences.map((o) => ({
        ...o,
        scope: 'issue:1',
        incident_id: report.id,
        text: RAW_SECRET,
        location: { ...o.location, snippet: RAW_SECRET },
      })),
    } as IncidentReport;
    const { fetch, sent } = recorder();
    expect((await api(fetch).upsert([leaky])).ok).toBe(true);
    const body = (sent[0] as Sent).body ?? '';
    expect(body).not.toContain(RAW_SECRET);
    expect(body).not.toContain('scope');
    expect(body).not.toContain('incident_id');
    expect(bodyOf(sent[0] as Sent).incidents[0]?.secret_preview).toBe('********');
    expect(problems(validateBatch, bodyOf(sent[0] as Sent))).toEqual([]);
  });
});

describe('splitting under the limits', () => {
  it('at most 50 incidents a request, in order, each once', async () => {
    const reports = await many(120);
    const { fetch, sent } = recorder();
    expect(await api(fetch).upsert(reports)).toEqual({ ok: true, requests: 3 });
    expect(sent.map((s) => bodyOf(s).incidents.length)).toEqual([50, 50, 20]);
    expect(sent.flatMap((s) => bodyOf(s).incidents.map((i) => i.id))).toEqual(
      reports.map((r) => r.id),
    );
    for (const s of sent) expect(problems(validateBatch, bodyOf(s))).toEqual([]);
  });

  it('spreads a big incident over requests under the byte limit; the server merges them', async () => {
    const store = createMemoryStore();
    const places = Array.from({ length: 300 }, (_, k) =>
      location(k + 1, { field: 'changelog', historyId: String(k), historyField: 'Überschrift 🚀' }),
    );
    await seedIncident(store, 100, places);
    await seedMany(store, 3, 2);
    const reports = await incidentReport(store);
    const maxBytes = 20_000;
    const server = createIncidentApiServer({
      token: TOKEN,
      maxBytes,
      validate: (b) => problems(validateBatch, b),
    });
    const bodies: string[] = [];
    const fetch: IncidentApiFetch = (url, init) => {
      bodies.push(init.body ?? '');
      return server.fetch(url, init);
    };
    const r = await api(fetch, { maxBytesPerRequest: maxBytes }).upsert(reports);
    expect(r.ok).toBe(true);
    expect(bodies.length).toBeGreaterThan(3);
    for (const b of bodies) {
      expect(Buffer.byteLength(b, 'utf8')).toBeLessThanOrEqual(maxBytes);
      expect(utf8Length(b)).toBe(Buffer.byteLength(b, 'utf8'));
    }
    // Requests are packed: all but the last are nearly full.
    for (const b of bodies.slice(0, -1))
      expect(Buffer.byteLength(b, 'utf8')).toBeGreaterThan(maxBytes - 1000);
    const held = server.incidents();
    expect(held).toHaveLength(4);
    for (const rep of reports) {
      const h = held.find((i) => i.id === rep.id);
      expect(h?.occurrences.map((o) => o.id).sort()).toEqual(
        rep.occurrences.map((o) => o.id).sort(),
      );
    }
    expect(server.requests().every((q) => q.status === 200)).toBe(true);
  });

  it('an occurrence that fits no request is rejected without being sent; the rest go', async () => {
    const store = createMemoryStore();
    const [small] = await seedMany(store, 1);
    const big = await seedIncident(store, 7, [
      location(50, { field: 'changelog', historyId: '1', historyField: 'x'.repeat(5000) }),
    ]);
    const { fetch, sent } = recorder();
    const r = await api(fetch, { maxBytesPerRequest: 4000 }).upsert(await incidentReport(store));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('rejected');
    expect(r.delivered).toEqual([small?.incident.id]);
    expect(r.rejected.map((x) => x.id)).toEqual([big.incident.id]);
    expect(sent).toHaveLength(1);
  });

  it('an empty upsert sends nothing', async () => {
    const { fetch, sent } = recorder();
    expect(await api(fetch).upsert([])).toEqual({ ok: true, requests: 0 });
    expect(sent).toHaveLength(0);
  });

  it('never goes above the contract limits, whatever it is asked', async () => {
    const { fetch, sent } = recorder();
    await api(fetch, { maxIncidentsPerRequest: 500, maxBytesPerRequest: 10e6 }).upsert(
      await many(60),
    );
    expect(sent.map((s) => bodyOf(s).incidents.length)).toEqual([API_LIMITS.maxIncidents, 10]);
  });
});

describe('failures as values', () => {
  const leakyBody = JSON.stringify({
    error: 'invalid_request',
    details: [`echo ${TOKEN} ${RAW_SECRET} BODY-MARKER`],
  });
  const cases: [string, ApiResponse | Error, Record<string, unknown>][] = [
    ['400', response(400, leakyBody), { kind: 'rejected', status: 400 }],
    ['413', response(413, '{"error":"too_large"}'), { kind: 'rejected', status: 413 }],
    ['401', response(401, leakyBody), { kind: 'auth', status: 401 }],
    ['403', response(403, leakyBody), { kind: 'auth', status: 403 }],
    [
      '429 + Retry-After',
      response(429, leakyBody, { 'Retry-After': '120' }),
      { kind: 'rate-limited', status: 429, retryAfterMs: 120_000 },
    ],
    [
      '429 + HTTP date',
      response(429, '', { 'Retry-After': new Date(Date.UTC(2026, 2, 1, 9, 1)).toUTCString() }),
      { kind: 'rate-limited', retryAfterMs: 60_000 },
    ],
    ['503', response(503, leakyBody), { kind: 'unavailable', status: 503 }],
    [
      '503 + Retry-After',
      response(503, '', { 'retry-after': '30' }),
      { kind: 'unavailable', retryAfterMs: 30_000 },
    ],
    ['500 not JSON', response(500, `<html>${TOKEN}</html>`), { kind: 'unavailable', status: 500 }],
    ['404', response(404, leakyBody), { kind: 'config', status: 404 }],
    ['302', response(302, '', { location: 'https://elsewhere' }), { kind: 'config', status: 302 }],
    [
      'network',
      Object.assign(new Error(`connect failed with Token ${TOKEN}`), {
        cause: { code: 'ECONNREFUSED' },
      }),
      { kind: 'network' },
    ],
  ];

  it.each(cases)('%s', async (_name, answer, expected) => {
    const fetch: IncidentApiFetch = () =>
      answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    const opts = { now: () => Date.UTC(2026, 2, 1, 9, 0) };
    const up = await api(fetch, opts).upsert(await many(2));
    const conn = await api(fetch, opts).testConnection();
    for (const r of [up, conn]) {
      expect(r).toMatchObject({ ok: false, ...expected });
      const text = JSON.stringify(r);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(RAW_SECRET);
      expect(text).not.toContain('BODY-MARKER');
      expect(text).not.toContain('html');
    }
    if (!up.ok && up.kind !== 'rejected') expect(up.delivered).toEqual([]);
    if (answer instanceof Error) expect(JSON.stringify(up)).toContain('ECONNREFUSED');
    if (!up.ok && up.status === 400) expect(up.message).toContain('400 invalid_request');
  });

  it('isolates a rejected incident by bisection; the others are delivered', async () => {
    const reports = await many(20);
    const bad = reports[13]?.id ?? '';
    const { fetch, sent } = recorder((req) => {
      const ids = bodyOf(req).incidents.map((i) => i.id);
      return ids.includes(bad)
        ? response(400, '{"error":"invalid_request"}')
        : response(200, JSON.stringify({ received: ids.length }));
    });
    const r = await api(fetch).upsert(reports);
    expect(r).toMatchObject({ ok: false, kind: 'rejected', status: 400 });
    if (r.ok) return;
    expect(r.rejected.map((x) => x.id)).toEqual([bad]);
    expect([...r.delivered].sort()).toEqual(
      reports
        .map((x) => x.id)
        .filter((id) => id !== bad)
        .sort(),
    );
    expect(sent.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(20)));
  });

  it('splits further on 413 when the server takes less than the contract says', async () => {
    const server = createIncidentApiServer({ token: TOKEN, maxBytes: 6_000 });
    const store = createMemoryStore();
    await seedIncident(
      store,
      100,
      Array.from({ length: 40 }, (_, k) => location(k + 1)),
    );
    await seedMany(store, 10, 1);
    const reports = await incidentReport(store);
    const r = await api(server.fetch).upsert(reports);
    expect(r.ok).toBe(true);
    expect(server.requests().some((q) => q.status === 413)).toBe(true);
    expect(
      server
        .incidents()
        .map((i) => i.occurrences.length)
        .sort((a, b) => a - b),
    ).toEqual([...Array<number>(10).fill(1), 40]);
  });

  it('stops at a failure that concerns the whole API: what came before is delivered', async () => {
    const reports = await many(120);
    const { fetch, sent } = recorder((req, n) =>
      n === 1
        ? response(503)
        : response(200, JSON.stringify({ received: bodyOf(req).incidents.length })),
    );
    const r = await api(fetch).upsert(reports);
    expect(sent).toHaveLength(2);
    expect(r).toMatchObject({ ok: false, kind: 'unavailable', status: 503, rejected: [] });
    if (r.ok) return;
    expect(r.delivered).toEqual(reports.slice(0, 50).map((x) => x.id));
  });
});

describe('configuration', () => {
  it.each([
    ['http://incidents.example.com', 'https'],
    ['ftp://127.0.0.1', 'https'],
    ['https://user:pw@incidents.example.com', 'credentials'],
    ['https://incidents.example.com/?token=1', 'query'],
    ['not a url', 'not a URL'],
  ])('refuses %s', async (baseUrl, why) => {
    expect(checkBaseUrl(baseUrl)).toMatchObject({ ok: false });
    const { fetch, sent } = recorder();
    const r = await api(fetch, { baseUrl }).upsert(await many(1));
    expect(r).toMatchObject({ ok: false, kind: 'config' });
    if (!r.ok) expect(r.message).toContain(why);
    expect(await api(fetch, { baseUrl }).testConnection()).toMatchObject({ kind: 'config' });
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:9/api/', 'http://[::1]:9/api'],
    ['https://gg.example.com/prefix//', 'https://gg.example.com/prefix'],
  ])('takes %s', async (baseUrl, normal) => {
    expect(checkBaseUrl(baseUrl)).toEqual({ ok: true, url: normal });
    const { fetch, sent } = recorder(() => response(200, '{"status":"ok"}'));
    await api(fetch, { baseUrl }).testConnection();
    expect(sent[0]?.url).toBe(normal + HEALTH_PATH);
  });

  it('refuses a token that could split a header, without echoing it', async () => {
    const token = `${TOKEN}\r\nX-Evil: 1`;
    const { fetch, sent } = recorder();
    const r = await api(fetch, { token }).testConnection();
    expect(r).toMatchObject({ ok: false, kind: 'config' });
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(await api(fetch, { token: '' }).upsert(await many(1))).toMatchObject({ kind: 'config' });
    expect(await api(fetch, { siteUrl: 'jira' }).upsert(await many(1))).toMatchObject({
      kind: 'config',
    });
    expect(sent).toHaveLength(0);
  });

  it('testConnection: GET /v1/health with the token; the workspace name as plain text', async () => {
    const { fetch, sent } = recorder(() =>
      response(200, JSON.stringify({ status: 'ok', workspace: 'Acme\nsecurity\u0007' })),
    );
    expect(await api(fetch).testConnection()).toEqual({ ok: true, workspace: 'Acme security' });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: `https://incidents.example.com${HEALTH_PATH}`,
      headers: { Authorization: `Token ${TOKEN}` },
    });
    expect(sent[0]?.body).toBeUndefined();
    const bare = recorder(() => response(204));
    expect(await api(bare.fetch).testConnection()).toEqual({ ok: true });
  });
});
