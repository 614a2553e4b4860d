import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  deliverDue,
  DELIVERY_POLICY,
  enqueue,
  retryDelayMs,
  type DeliverOptions,
  type DeliveryReport,
} from '../../src/incidents/deliver.js';
import {
  apiIncidentHead,
  apiOccurrence,
  BATCH_PATH,
  createIncidentApi,
  type ApiIncident,
  type IncidentApi,
  type IncidentApiFetch,
} from '../../src/incidents/incident-api.js';
import { applyAction } from '../../src/incidents/model.js';
import { createMemoryOutbox, type MemoryOutbox } from '../../src/incidents/outbox.js';
import { recordScan } from '../../src/incidents/record.js';
import { incidentReport } from '../../src/incidents/report.js';
import { createMemoryStore, type MemoryStore } from '../../src/incidents/store.js';
import { createIncidentApiServer, type IncidentApiServer } from '../../dev/incident-api/server.js';
import { loadContract, problems } from './contract.js';
import { iso, RAW_SECRET, seedMany, SITE, T0, TOKEN, type Seeded } from './fixtures.js';

const validateBatch = loadContract().request('POST', BATCH_PATH);
const S = 1000;

interface World {
  readonly store: MemoryStore;
  readonly outbox: MemoryOutbox;
  readonly server: IncidentApiServer;
  readonly seeded: Seeded[];
  /** Every request body the client sent. */
  readonly bodies: string[];
  readonly reports: DeliveryReport[];
  readonly clock: { ms: number };
  readonly now: () => string;
  readonly newSeq: () => string;
  api(fetch?: IncidentApiFetch, baseUrl?: string): IncidentApi;
  run(extra?: Partial<DeliverOptions>): Promise<DeliveryReport>;
  /** Runs at each nextAttemptAt until the outbox is empty. */
  drain(maxRuns?: number): Promise<void>;
  /** What the server should hold: the store's incidents as the client sends them. */
  expected(): Promise<ApiIncident[]>;
  enqueueAll(): Promise<void>;
}

async function world(count: number, each = 1): Promise<World> {
  const store = createMemoryStore();
  const seeded = await seedMany(store, count, each);
  const outbox = createMemoryOutbox();
  const server = createIncidentApiServer({
    token: TOKEN,
    validate: (b) => problems(validateBatch, b),
  });
  const bodies: string[] = [];
  const reports: DeliveryReport[] = [];
  const clock = { ms: T0 };
  const now = (): string => iso(clock.ms);
  let seq = 0;
  const newSeq = (): string => `seq-${++seq}`;
  const api = (fetch: IncidentApiFetch = server.fetch, baseUrl = 'http://127.0.0.1:9') =>
    createIncidentApi({
      fetch: (url, init) => {
        bodies.push(init.body ?? '');
        return fetch(url, init);
      },
      baseUrl,
      token: TOKEN,
      siteUrl: SITE,
      now: () => clock.ms,
    });
  const w: World = {
    store,
    outbox,
    server,
    seeded,
    bodies,
    reports,
    clock,
    now,
    newSeq,
    api,
    async run(extra = {}) {
      const r = await deliverDue({
        outbox,
        store,
        api: api(),
        now,
        batchSize: 50,
        random: () => 0.5,
        ...extra,
      });
      reports.push(r);
      return r;
    },
    async drain(maxRuns = 30) {
      for (let n = 0; n < maxRuns; n++) {
        const r = await w.run();
        if (r.pending === 0) return;
        if (r.nextAttemptAt) clock.ms = Math.max(clock.ms, Date.parse(r.nextAttemptAt));
      }
      throw new Error('the outbox did not drain');
    },
    async expected() {
      return (await incidentReport(store))
        .map((r) => ({
          ...apiIncidentHead(r),
          occurrences: r.occurrences.map(apiOccurrence).sort((a, b) => a.id.localeCompare(b.id)),
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    },
    async enqueueAll() {
      await enqueue(
        outbox,
        seeded.map((s) => s.incident.id),
        now(),
        newSeq,
      );
    },
  };
  return w;
}

/** Accepted (2xx) upserts that carried each incident id. */
function acceptedPerIncident(server: IncidentApiServer): Map<string, number> {
  const n = new Map<string, number>();
  for (const q of server.requests())
    if (q.status === 200 && q.path === BATCH_PATH)
      for (const id of q.incidentIds) n.set(id, (n.get(id) ?? 0) + 1);
  return n;
}

async function resolveIncident(w: World, id: string): Promise<void> {
  const i = await w.store.getIncident(id);
  if (!i) throw new Error('no incident');
  const r = applyAction(i, { type: 'resolve' }, '557058:admin', w.now());
  if (!r.ok) throw new Error(r.error);
  await w.store.putIncident(r.incident);
  await enqueue(w.outbox, [id], w.now(), w.newSeq);
}

/** The secret was edited away from the issue of incident `s`: its occurrence is removed. */
async function removeFromIssue(w: World, s: Seeded): Promise<void> {
  const o = s.occurrences[0];
  if (!o) throw new Error('no occurrence');
  const r = await recordScan(w.store, {
    scope: o.scope,
    covers: 'all',
    found: [],
    kind: 'realtime',
    now: w.now(),
  });
  await enqueue(
    w.outbox,
    r.incidents.map((i) => i.id),
    w.now(),
    w.newSeq,
  );
}

function noLeaks(w: World): void {
  const stored = JSON.stringify([w.outbox.entries(), w.reports, w.server.requests()]);
  expect(stored).not.toContain(TOKEN);
  expect(stored).not.toContain(RAW_SECRET);
  for (const b of w.bodies) {
    expect(b).not.toContain(RAW_SECRET);
    expect(b).not.toContain(TOKEN);
  }
}

describe('the outbox', () => {
  it('enqueue: one entry per incident, a fresh seq, due now, attempts reset', async () => {
    const w = await world(2);
    const [a, b] = w.seeded.map((s) => s.incident.id) as [string, string];
    expect(await enqueue(w.outbox, [a, b, a], w.now(), w.newSeq)).toBe(2);
    expect(w.outbox.entries()).toEqual(
      [
        { id: a, seq: 'seq-1', enqueuedAt: iso(T0), attempts: 0, notBefore: iso(T0) },
        { id: b, seq: 'seq-2', enqueuedAt: iso(T0), attempts: 0, notBefore: iso(T0) },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    await w.outbox.putEntry({
      id: a,
      seq: 'seq-2b',
      enqueuedAt: iso(T0),
      attempts: 4,
      notBefore: iso(T0 + 3600 * S),
      lastError: 'x',
    });
    await enqueue(w.outbox, [a], iso(T0 + 5 * S), w.newSeq);
    expect(await w.outbox.getEntry(a)).toEqual({
      id: a,
      seq: 'seq-3',
      enqueuedAt: iso(T0 + 5 * S),
      attempts: 0,
      notBefore: iso(T0 + 5 * S),
    });
  });

  it('memory outbox: due in order of notBefore, removeIf only for the same seq, copies', async () => {
    const o = createMemoryOutbox();
    const entry = (id: string, notBefore: number) => ({
      id,
      seq: `${id}-1`,
      enqueuedAt: iso(T0),
      attempts: 0,
      notBefore: iso(notBefore),
    });
    await o.putEntry(entry('c', T0 + 2 * S));
    await o.putEntry(entry('a', T0 + 5 * S));
    await o.putEntry(entry('b', T0));
    expect((await o.due(iso(T0 + 3 * S), 10)).map((e) => e.id)).toEqual(['b', 'c']);
    expect((await o.due(iso(T0 + 9 * S), 1)).map((e) => e.id)).toEqual(['b']);
    await o.removeIf('b', 'other');
    expect(await o.count()).toBe(3);
    await o.removeIf('b', 'b-1');
    expect(await o.count()).toBe(2);
    const got = await o.getEntry('a');
    if (got) (got as { attempts: number }).attempts = 99;
    expect((await o.getEntry('a'))?.attempts).toBe(0);
  });

  it('backoff: 30 s doubling to 1 h with jitter; Retry-After honoured within bounds', () => {
    expect(backoffMs(0, 0.5)).toBe(30 * S);
    expect(backoffMs(1, 0.5)).toBe(60 * S);
    expect(backoffMs(3, 0.5)).toBe(240 * S);
    expect(backoffMs(0, 0)).toBe(22.5 * S);
    expect(backoffMs(0, 0.999999)).toBeLessThanOrEqual(37.5 * S);
    expect(backoffMs(7, 0.5)).toBe(3600 * S);
    expect(backoffMs(500, 0.999)).toBe(3600 * S);
    expect(backoffMs(6, 0)).toBe(1440 * S);
    const f = { ok: false as const, message: 'x' };
    expect(retryDelayMs({ ...f, kind: 'rate-limited', retryAfterMs: 120 * S }, 9, 0.5)).toBe(
      120 * S,
    );
    expect(retryDelayMs({ ...f, kind: 'rate-limited', retryAfterMs: 0 }, 0, 0.5)).toBe(S);
    expect(retryDelayMs({ ...f, kind: 'unavailable', retryAfterMs: 1e12 }, 0, 0.5)).toBe(
      DELIVERY_POLICY.maxRetryAfterMs,
    );
    expect(retryDelayMs({ ...f, kind: 'auth' }, 2, 0.5)).toBe(120 * S);
    expect(retryDelayMs({ ...f, kind: 'rejected' }, 0, 0.5)).toBe(DELIVERY_POLICY.rejectedHoldMs);
  });
});

describe('deliverDue', () => {
  it('nothing due: no request, nothing pending', async () => {
    const w = await world(1);
    expect(await w.run()).toEqual({
      delivered: 0,
      failed: 0,
      rejected: 0,
      dropped: 0,
      pending: 0,
      notes: [],
    });
    expect(w.server.requests()).toHaveLength(0);
  });

  it('server down for a while, changes meanwhile, then up: everything once, in its latest state', async () => {
    const w = await world(5);
    const listening = await w.server.listen();
    try {
      const real: IncidentApiFetch = (url, init) => fetch(url, init);
      const run = () => w.run({ api: w.api(real, listening.url) });
      await w.enqueueAll();
      w.server.setMode({ kind: 'unavailable' }, { requests: 3 });

      const first = await run();
      expect(first).toMatchObject({ delivered: 0, failed: 5, pending: 5 });
      expect(first.error).toMatch(/unavailable \(503 unavailable on POST/);
      expect(first.nextAttemptAt).toBe(iso(T0 + 30 * S));
      for (const e of w.outbox.entries())
        expect(e).toMatchObject({ attempts: 1, notBefore: iso(T0 + 30 * S) });
      expect(w.outbox.entries()[0]?.lastError).toContain('503');

      // Changes while it is down: a status change, a secret edited away, then the same again.
      const [a, b] = w.seeded as [Seeded, Seeded];
      w.clock.ms = T0 + 5 * S;
      await resolveIncident(w, a.incident.id);
      w.clock.ms = T0 + 6 * S;
      await removeFromIssue(w, b);
      expect(await w.outbox.count()).toBe(5);

      // The changed ones are due at once (attempts reset); still down.
      const second = await run();
      expect(second).toMatchObject({ delivered: 0, failed: 2, pending: 5 });
      // The API as a whole failed again: no run before the retry of that failure.
      expect(second.nextAttemptAt).toBe(iso(T0 + 36 * S));

      w.clock.ms = T0 + 36 * S;
      const third = await run();
      expect(third).toMatchObject({ delivered: 0, failed: 5 });
      // Every entry now has 2 attempts: 60 s.
      expect(third.nextAttemptAt).toBe(iso(T0 + 96 * S));
      expect(w.outbox.entries().map((e) => e.attempts)).toEqual([2, 2, 2, 2, 2]);

      w.clock.ms = T0 + 96 * S;
      const fourth = await run();
      expect(fourth).toMatchObject({ delivered: 5, failed: 0, pending: 0 });
      expect(fourth).not.toHaveProperty('nextAttemptAt');
      expect(fourth).not.toHaveProperty('error');

      expect(w.server.incidents()).toEqual(await w.expected());
      expect(w.server.incidents().find((i) => i.id === a.incident.id)?.status).toBe('RESOLVED');
      const bHeld = w.server.incidents().find((i) => i.id === b.incident.id);
      expect(bHeld?.presence).toBe('removed');
      expect(bHeld?.occurrences[0]?.presence).toBe('removed');
      expect([...acceptedPerIncident(w.server).values()]).toEqual([1, 1, 1, 1, 1]);
      expect(w.server.requests().map((q) => q.status)).toEqual([503, 503, 503, 200]);
      noLeaks(w);
    } finally {
      await listening.close();
    }
  });

  it('network down (connection refused), then a server again: delivered', async () => {
    const w = await world(3);
    await w.enqueueAll();
    const gone = await w.server.listen();
    await gone.close();
    const real: IncidentApiFetch = (url, init) => fetch(url, init);
    const down = await w.run({ api: w.api(real, gone.url) });
    expect(down).toMatchObject({ delivered: 0, failed: 3, pending: 3 });
    expect(down.error).toContain('unreachable');
    const up = await w.server.listen();
    try {
      w.clock.ms = Date.parse(down.nextAttemptAt ?? '');
      expect(await w.run({ api: w.api(real, up.url) })).toMatchObject({ delivered: 3, pending: 0 });
    } finally {
      await up.close();
    }
    expect(w.server.incidents()).toEqual(await w.expected());
    noLeaks(w);
  });

  it('rate limited: waits Retry-After before the next request', async () => {
    const w = await world(3);
    await w.enqueueAll();
    w.server.setMode({ kind: 'rate-limited', retryAfterSeconds: 120 }, { requests: 1 });
    const limited = await w.run();
    expect(limited).toMatchObject({ delivered: 0, failed: 3, pending: 3 });
    expect(limited.nextAttemptAt).toBe(iso(T0 + 120 * S));
    expect(limited.error).toContain('retry after 120 s');
    for (const e of w.outbox.entries()) expect(e.notBefore).toBe(iso(T0 + 120 * S));

    w.clock.ms = T0 + 60 * S;
    expect(await w.run()).toMatchObject({ delivered: 0, failed: 0, pending: 3 });
    expect(w.server.requests()).toHaveLength(1);

    w.clock.ms = T0 + 120 * S;
    expect(await w.run()).toMatchObject({ delivered: 3, pending: 0 });
    expect(w.server.incidents()).toEqual(await w.expected());
    noLeaks(w);
  });

  it('auth failure: kept, the error recorded, retried with backoff until the token works', async () => {
    const w = await world(2);
    await w.enqueueAll();
    w.server.setMode({ kind: 'unauthorized' });
    const waits: number[] = [];
    for (let n = 0; n < 4; n++) {
      const r = await w.run();
      expect(r).toMatchObject({ delivered: 0, failed: 2, pending: 2 });
      expect(r.error).toContain('refused the token (401 unauthorized');
      waits.push(Date.parse(r.nextAttemptAt ?? '') - w.clock.ms);
      w.clock.ms = Date.parse(r.nextAttemptAt ?? '');
    }
    expect(waits).toEqual([30 * S, 60 * S, 120 * S, 240 * S]);
    for (const e of w.outbox.entries()) {
      expect(e.attempts).toBe(4);
      expect(e.lastError).toContain("check the token in the app's settings");
    }
    w.server.setMode({ kind: 'normal' });
    expect(await w.run()).toMatchObject({ delivered: 2, pending: 0 });
    expect(w.server.incidents()).toEqual(await w.expected());
    noLeaks(w);
  });

  it('a burst of changes to one incident is sent once, in its last state', async () => {
    const w = await world(1);
    const [s] = w.seeded as [Seeded];
    for (let n = 1; n <= 10; n++) {
      w.clock.ms = T0 + n * S;
      const i = await w.store.getIncident(s.incident.id);
      if (!i) throw new Error('gone');
      const action = n % 2 === 1 ? { type: 'resolve' as const } : { type: 'reopen' as const };
      const r = applyAction(i, action, '557058:admin', w.now());
      if (!r.ok) throw new Error(r.error);
      await w.store.putIncident(r.incident);
      await enqueue(w.outbox, [s.incident.id], w.now(), w.newSeq);
    }
    expect(await w.outbox.count()).toBe(1);
    expect(await w.run()).toMatchObject({ delivered: 1, pending: 0 });
    expect(w.server.requests()).toHaveLength(1);
    const [held] = w.server.incidents();
    expect(held?.updated_at).toBe(iso(T0 + 10 * S));
    expect(held?.status).toBe('TRIGGERED');
  });

  it('a change made during the delivery stays pending and goes next', async () => {
    const w = await world(2);
    await w.enqueueAll();
    const [a] = w.seeded as [Seeded];
    const inner = w.api();
    let changed = false;
    const racing: Pick<IncidentApi, 'upsert'> = {
      async upsert(incidents) {
        if (!changed) {
          changed = true;
          w.clock.ms = T0 + 2 * S;
          await resolveIncident(w, a.incident.id); // stored after the batch was read
        }
        return inner.upsert(incidents);
      },
    };
    const r = await w.run({ api: racing });
    expect(r).toMatchObject({ failed: 0, pending: 1 });
    expect(r.nextAttemptAt).toBe(iso(T0 + 2 * S));
    expect((await w.outbox.getEntry(a.incident.id))?.seq).toBe('seq-3');
    expect(w.server.incidents().find((i) => i.id === a.incident.id)?.status).toBe('TRIGGERED');
    expect(await w.run()).toMatchObject({ delivered: 1, pending: 0 });
    expect(w.server.incidents().find((i) => i.id === a.incident.id)?.status).toBe('RESOLVED');
    expect(w.server.incidents()).toEqual(await w.expected());
  });

  it('a change made while a delivery fails keeps its own (earlier) schedule', async () => {
    const w = await world(1);
    await w.enqueueAll();
    const [a] = w.seeded as [Seeded];
    w.server.setMode({ kind: 'unavailable' }, { requests: 1 });
    const inner = w.api();
    const racing: Pick<IncidentApi, 'upsert'> = {
      async upsert(incidents) {
        const r = await inner.upsert(incidents);
        w.clock.ms = T0 + S;
        await resolveIncident(w, a.incident.id);
        return r;
      },
    };
    const r = await w.run({ api: racing });
    expect(r).toMatchObject({ failed: 1, pending: 1 });
    expect(await w.outbox.getEntry(a.incident.id)).toMatchObject({
      seq: 'seq-2',
      attempts: 0,
      notBefore: iso(T0 + S),
    });
  });

  it('crash after the API accepted, before removal: delivered again next run, stored once', async () => {
    const w = await world(3);
    await w.enqueueAll();
    const crashing: MemoryOutbox = {
      ...w.outbox,
      removeIf: () => Promise.reject(new Error('process died')),
    };
    await expect(w.run({ outbox: crashing })).rejects.toThrow('process died');
    expect(await w.outbox.count()).toBe(3);
    expect(w.server.incidents()).toEqual(await w.expected());

    expect(await w.run()).toMatchObject({ delivered: 3, pending: 0 });
    expect(w.server.incidents()).toEqual(await w.expected());
    expect([...acceptedPerIncident(w.server).values()]).toEqual([2, 2, 2]);
    expect(w.server.requests().map((q) => q.status)).toEqual([200, 200]);
  });

  it('a crash at any step, before or after its effect, loses nothing', async () => {
    const steps: number[] = [];
    for (const serverDown of [false, true])
      for (const after of [false, true])
        for (let k = 1; ; k++) {
          const w = await world(3);
          await w.enqueueAll();
          await enqueue(w.outbox, ['0'.repeat(32)], w.now(), w.newSeq); // no longer stored
          if (serverDown) w.server.setMode({ kind: 'unavailable' }, { requests: 1 });
          let calls = 0;
          let crashed = false as boolean;
          const step = async <T>(effect: () => Promise<T>): Promise<T> => {
            if (++calls !== k) return effect();
            crashed = true;
            if (!after) throw new Error(`crash before step ${k}`);
            await effect();
            throw new Error(`crash after step ${k}`);
          };
          const wrap = <T extends object>(target: T): T =>
            new Proxy(target, {
              get(t, p, r) {
                const v: unknown = Reflect.get(t, p, r);
                return typeof v === 'function'
                  ? (...args: unknown[]) =>
                      step(() => (v as (...a: unknown[]) => Promise<unknown>).apply(t, args))
                  : v;
              },
            });
          const run = w.run({ outbox: wrap(w.outbox), store: wrap(w.store), api: wrap(w.api()) });
          await run.catch(() => undefined);
          w.server.setMode({ kind: 'normal' });
          await w.drain();
          expect(w.server.incidents(), `k=${k} after=${after} down=${serverDown}`).toEqual(
            await w.expected(),
          );
          expect(await w.outbox.count()).toBe(0);
          if (!crashed) {
            steps.push(k - 1);
            break;
          }
        }
    // due; 4 incident reads, 3 occurrence reads, the ghost's removal; the upsert; then 3 removals
    // and count (14), or 3 x (getEntry, putEntry), count and the peek for the next time (18).
    expect(steps).toEqual([14, 14, 18, 18]);
  });

  it('an incident gone from the store is dropped with a note', async () => {
    const w = await world(1);
    await w.enqueueAll();
    const ghost = 'a'.repeat(32);
    await enqueue(w.outbox, [ghost], w.now(), w.newSeq);
    const r = await w.run();
    expect(r).toMatchObject({ delivered: 1, dropped: 1, pending: 0 });
    expect(r.notes).toEqual([`incident ${ghost} is no longer stored: dropped from the outbox`]);
    expect(w.server.incidents().map((i) => i.id)).toEqual([w.seeded[0]?.incident.id]);
  });

  it('a rejected incident is held (not retried at once) and does not hold back the others', async () => {
    const store = createMemoryStore();
    const seeded = await seedMany(store, 6);
    const bad = seeded[4]?.incident.id ?? '';
    const server = createIncidentApiServer({
      token: TOKEN,
      validate: (body) =>
        JSON.stringify(body).includes(bad)
          ? [`/incidents: refused, echo ${TOKEN} ${RAW_SECRET}`]
          : [],
    });
    const outbox = createMemoryOutbox();
    const now = () => iso(T0);
    await enqueue(
      outbox,
      seeded.map((s) => s.incident.id),
      now(),
      () => 'seq',
    );
    const api = createIncidentApi({
      fetch: server.fetch,
      baseUrl: 'http://localhost:1',
      token: TOKEN,
      siteUrl: SITE,
    });
    const r = await deliverDue({ outbox, store, api, now, batchSize: 50, random: () => 0.5 });
    expect(r).toMatchObject({ delivered: 5, failed: 1, rejected: 1, pending: 1 });
    expect(r.error).toContain('rejected the request (400 invalid_request');
    expect(r.nextAttemptAt).toBe(iso(T0 + DELIVERY_POLICY.rejectedHoldMs));
    const [held] = outbox.entries();
    expect(held).toMatchObject({
      id: bad,
      attempts: 1,
      notBefore: iso(T0 + DELIVERY_POLICY.rejectedHoldMs),
    });
    expect(held?.lastError).toContain('400 invalid_request');
    expect(held?.lastError).toContain('unless the incident changes');
    const text = JSON.stringify([r, outbox.entries()]);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(RAW_SECRET);
    expect(server.incidents()).toHaveLength(5);
    // A change makes it due again at once.
    await enqueue(outbox, [bad], iso(T0 + S), () => 'seq-2');
    expect((await outbox.due(iso(T0 + S), 10)).map((e) => e.id)).toEqual([bad]);
  });

  it('more due than one batch: next run at once; the whole batch failing: not before its retry', async () => {
    const w = await world(7);
    await w.enqueueAll();
    const r = await w.run({ batchSize: 3 });
    expect(r).toMatchObject({ delivered: 3, pending: 4, nextAttemptAt: iso(T0) });
    w.server.setMode({ kind: 'unavailable', retryAfterSeconds: 10 }, { requests: 1 });
    const down = await w.run({ batchSize: 3 });
    expect(down).toMatchObject({
      delivered: 0,
      failed: 3,
      pending: 4,
      nextAttemptAt: iso(T0 + 10 * S),
    });
    await w.drain();
    expect(w.server.incidents()).toEqual(await w.expected());
    expect([...acceptedPerIncident(w.server).values()].every((n) => n === 1)).toBe(true);
  });

  it('a big incident over several requests counts as delivered only when all of it arrived', async () => {
    const store = createMemoryStore();
    await seedMany(store, 1, 400);
    const outbox = createMemoryOutbox();
    const server = createIncidentApiServer({ token: TOKEN });
    const [only] = (await incidentReport(store)).map((i) => i.id);
    await enqueue(outbox, [only ?? ''], iso(T0), () => 'seq');
    let n = 0;
    const fetch: IncidentApiFetch = (url, init) => {
      if (++n === 2) server.setMode({ kind: 'unavailable' }, { requests: 1 });
      return server.fetch(url, init);
    };
    const api = createIncidentApi({
      fetch,
      baseUrl: 'http://localhost:1',
      token: TOKEN,
      siteUrl: SITE,
      maxBytesPerRequest: 30_000,
    });
    const opts = { outbox, store, api, batchSize: 50, random: () => 0.5 };
    const r = await deliverDue({ ...opts, now: () => iso(T0) });
    expect(r).toMatchObject({ delivered: 0, failed: 1, pending: 1 });
    expect(server.incidents()[0]?.occurrences.length).toBeLessThan(400);
    const again = await deliverDue({ ...opts, now: () => iso(T0 + 60 * S) });
    expect(again).toMatchObject({ delivered: 1, pending: 0 });
    expect(server.incidents()[0]?.occurrences).toHaveLength(400);
  });
});
