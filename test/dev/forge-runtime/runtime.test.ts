// The local Forge runtime driving the REAL app (src/forge/index.ts bundled like Forge bundles it)
// against the Jira simulator: lifecycle events, a historical scan through the admin resolver and
// the queue, faults that duplicate events and kill consumers midway, a restart on the same SQLite
// file, and the platform's queue and egress limits.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../../dev/jira-sim/fixture.js';
import { createJiraSimulator, type JiraSimulator } from '../../../dev/jira-sim/server.js';
import type { ForgeFetchTarget } from '../../../dev/forge-runtime/globals.js';
import {
  createForgeRuntime,
  seededRandom,
  type ForgeRuntimeOptions,
  type FunctionStats,
  type LocalForgeRuntime,
} from '../../../dev/forge-runtime/runtime.js';
import { createSqliteKvsBackend } from '../../../dev/forge-runtime/sqlite-backend.js';
import { bundleApp, productRoute } from '../../../dev/harness/harness.js';
import { sharedPath } from '../../shared-path.js';

const JANE = '557058:aa11bb22-cc33-4d44-8e55-ff6677889900'; // a site admin in the fixture
const ADMIN = 'secret-scanner-admin';
const MANIFEST = fileURLToPath(new URL('../../../manifest.yml', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'forge-runtime-'));
const fixture: unknown = JSON.parse(readFileSync(sharedPath('fixtures/example-site.json'), 'utf8'));
const PUBLISH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';
const STARGATE: ForgeFetchTarget = { type: 'fpp', provider: 'app', remote: 'stargate' };

beforeAll(async () => {
  await bundleApp(out);
}, 60_000);

/** A fresh load of the bundle, as a restarted process would (after the runtime is installed). */
function loadBundle(): Record<string, unknown> {
  const req = createRequire(join(out, 'package.json'));
  Reflect.deleteProperty(req.cache, req.resolve('./index.cjs'));
  return req('./index.cjs') as Record<string, unknown>;
}

let opened: LocalForgeRuntime[] = [];
afterEach(() => {
  for (const rt of opened.reverse()) rt.close();
  opened = [];
});

const product = productRoute;

function open(
  sim: JiraSimulator,
  extra: Partial<ForgeRuntimeOptions> = {},
): { rt: LocalForgeRuntime } {
  let app: Record<string, unknown> | undefined;
  const rt = createForgeRuntime({
    manifestPath: MANIFEST,
    loadHandler: (handler) => {
      const [file, name] = handler.split('.');
      if (file !== 'forge/index' || name === undefined) throw new Error(`unexpected ${handler}`);
      app ??= loadBundle();
      return Promise.resolve(app[name]);
    },
    product: product(sim),
    virtualDate: true,
    // Every platform call takes 10 s of virtual time inside a consumer, so the app's soft deadline
    // (780 of its 900 s) passes mid-scan and the consumer re-queues itself.
    latency: (call) => (call.invocation?.kind === 'consumer' ? 10_000 : 0),
    ...extra,
  });
  opened.push(rt);
  return { rt };
}

const site = (): JiraSimulator => createJiraSimulator(loadFixture(fixture));

interface Ok<T> {
  ok: true;
  data: T;
}
const data = (r: unknown): unknown => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<unknown>).data;
};

interface Job {
  id: string;
  status: string;
  counters: { steps: number };
}
interface Incident {
  detector: { name: string };
  secret_preview: string;
  severity: string;
  status: string;
  project_keys: string[];
  occurrences_count: number;
  present_count: number;
}

async function incidents(rt: LocalForgeRuntime): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | undefined;
  do {
    const page = data(
      await rt.resolver(
        ADMIN,
        'listIncidents',
        { limit: 100, ...(cursor ? { cursor } : {}) },
        { accountId: JANE },
      ),
    ) as { items: Incident[]; cursor?: string };
    // Ids and hashes depend on the installation's random fingerprint key, dates on the clock.
    all.push(
      ...page.items.map((i) =>
        [
          i.detector.name,
          i.secret_preview,
          i.severity,
          i.status,
          i.project_keys.join(','),
          i.occurrences_count,
          i.present_count,
        ].join(' '),
      ),
    );
    cursor = page.cursor;
  } while (cursor);
  return all.sort();
}

const startScan = async (rt: LocalForgeRuntime): Promise<Job> =>
  data(await rt.resolver(ADMIN, 'startScan', {}, { accountId: JANE })) as Job;
const getScan = async (rt: LocalForgeRuntime, jobId: string): Promise<Job> =>
  data(await rt.resolver(ADMIN, 'getScan', { jobId }, { accountId: JANE })) as Job;

/** Runs the queues to the end; if the job's chain broke (a kill after a checkpoint), the hourly
 * watchdog restarts it, as the platform's scheduled trigger would. */
async function scanToEnd(rt: LocalForgeRuntime, jobId: string): Promise<Job> {
  for (let hour = 0; hour < 24; hour++) {
    await rt.runQueues({ maxInvocations: 2000 });
    const job = await getScan(rt, jobId);
    if (job.status !== 'running') return job;
    rt.advance(60 * 60 * 1000);
    expect(await rt.scheduled('stalled-job-watchdog')).toMatchObject({ kind: 'ok' });
  }
  throw new Error('the scan did not finish in 24 virtual hours');
}

/** The fault-free reference: computed once. */
interface Reference {
  incidents: string[];
  stats: FunctionStats | undefined;
}
let reference: Reference | undefined;
async function faultFree(): Promise<Reference> {
  if (reference) return reference;
  const { rt } = open(site());
  await rt.trigger('avi:forge:installed:app', { id: 'install-1', app: { id: 'a', version: '1' } });
  const job = await startScan(rt);
  const done = await scanToEnd(rt, job.id);
  expect(done.status).toBe('done');
  reference = {
    incidents: await incidents(rt),
    stats: rt.stats()['historical-scan-worker'],
  };
  rt.close();
  return reference;
}

describe('createForgeRuntime with the real app', () => {
  it('makes the fingerprint key on the installed lifecycle event', async () => {
    const { rt } = open(site());
    expect(rt.kvs.backend.get('secret', 'fingerprint-key')).toBeUndefined();
    const results = await rt.trigger('avi:forge:installed:app', {
      id: 'install-1',
      installerAccountId: JANE,
      app: { id: 'a', version: '1' },
    });
    expect(results).toEqual([
      expect.objectContaining({ moduleKey: 'lifecycle-trigger', status: 'ok', attempts: 1 }),
    ]);
    expect(rt.kvs.backend.get('secret', 'fingerprint-key')).toBeDefined();
    expect(rt.stats()['on-lifecycle']).toMatchObject({ invocations: 1, successes: 1 });
  });

  it('drops a self-generated issue event for an ignoreSelf trigger', async () => {
    const { rt } = open(site());
    const results = await rt.trigger(
      'avi:jira:updated:issue',
      { issue: { id: '10001', key: 'OPS-1' } },
      { selfGenerated: true },
    );
    expect(results).toEqual([
      {
        moduleKey: 'issue-content-trigger',
        functionKey: 'on-issue-event',
        status: 'filtered',
        attempts: 0,
      },
    ]);
    expect(rt.stats()['on-issue-event']).toBeUndefined();
  });

  it('runs a historical scan started by the admin resolver to done through the queue', async () => {
    const ref = await faultFree();
    expect(ref.incidents.length).toBeGreaterThan(3);
    // The consumer re-queued itself: one job, several invocations, none failed.
    expect(ref.stats?.invocations).toBeGreaterThan(1);
    expect(ref.stats).toMatchObject({ failures: 0, kills: 0, retries: 0, duplicates: 0 });
  }, 60_000);

  it('lists exactly the fault-free incidents with 30 % of events duplicated and consumers killed', async () => {
    const ref = await faultFree();
    const { rt } = open(site(), { faults: { rate: 0.3, random: seededRandom(7) } });
    await rt.trigger('avi:forge:installed:app', {
      id: 'install-1',
      app: { id: 'a', version: '1' },
    });
    const job = await startScan(rt);
    expect((await scanToEnd(rt, job.id)).status).toBe('done');
    expect(await incidents(rt)).toEqual(ref.incidents);
    const s = rt.stats()['historical-scan-worker'];
    expect(s?.duplicates).toBeGreaterThan(0);
    expect(s?.kills).toBeGreaterThan(0);
    expect(s?.retries).toBeGreaterThan(0);
    expect(rt.pending()).toEqual([]);
  }, 60_000);

  it('continues a scan after closing and reopening the SQLite file mid-scan', async () => {
    const ref = await faultFree();
    const path = join(mkdtempSync(join(tmpdir(), 'forge-state-')), 'state.db');
    const sim = site();
    const first = createSqliteKvsBackend(path);
    const a = open(sim, { kvs: first }).rt;
    await a.trigger('avi:forge:installed:app', { id: 'install-1', app: { id: 'a', version: '1' } });
    const job = await startScan(a);
    const partial = await a.runQueues({ maxInvocations: 1 });
    expect(partial).toMatchObject({ invocations: 1, stoppedBy: 'maxInvocations', remaining: 1 });
    const clock = a.now();
    a.close();
    first.close();

    const second = createSqliteKvsBackend(path);
    const b = open(sim, { kvs: second }).rt;
    expect(b.now()).toBeGreaterThanOrEqual(clock); // the virtual clock goes on
    expect(b.pending()).toHaveLength(1);
    expect((await getScan(b, job.id)).status).toBe('running');
    expect((await scanToEnd(b, job.id)).status).toBe('done');
    expect(await incidents(b)).toEqual(ref.incidents);
    b.close();
    second.close();
  }, 60_000);

  it('redelivers an event whose consumer ran past its time limit', async () => {
    const { rt } = open(site(), {
      // 400 virtual seconds per Jira call: 900 s are gone after the third.
      latency: (call) =>
        call.invocation?.kind === 'consumer' && call.target.type === 'fpp' ? 400_000 : 0,
    });
    await rt.trigger('avi:forge:installed:app', {
      id: 'install-1',
      app: { id: 'a', version: '1' },
    });
    await startScan(rt);
    await rt.runQueues({ maxInvocations: 1 });
    expect(rt.stats()['historical-scan-worker']).toMatchObject({ kills: 1, retries: 1 });
    const [event] = rt.pending();
    expect(event).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' });
  });
});

describe('the platform limits', () => {
  const push = (rt: LocalForgeRuntime, payload: unknown[]) =>
    rt.forgeFetch(STARGATE, PUBLISH, {
      method: 'POST',
      body: JSON.stringify({
        queueName: 'historical-scan',
        jobId: 'job-1',
        type: 'avi:forge:app:event',
        schema: 'ari:cloud:ecosystem::forge/app-event-2',
        payload,
        time: new Date().toISOString(),
      }),
    });

  it('refuses an oversized push, too many events or too long a delay, and takes a good one', async () => {
    const { rt } = open(site());
    const big = await push(rt, [{ body: { blob: 'x'.repeat(210 * 1024) } }]);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errorMessage: string }).errorMessage).toContain('200 KB');
    const many = Array.from({ length: 51 }, (_, i) => ({ body: { i } }));
    expect((await push(rt, many)).status).toBe(400);
    expect((await push(rt, [{ body: { i: 1 }, delayInSeconds: 901 }])).status).toBe(400);
    expect((await push(rt, [{ body: 'not an object' }])).status).toBe(400);
    expect(rt.pending()).toEqual([]);
    const ok = await push(rt, [{ body: { i: 1 }, delayInSeconds: 900 }, { body: { i: 2 } }]);
    expect(ok.status).toBe(201);
    expect(rt.pending().map((e) => [e.body, e.dueAt - e.pushedAt])).toEqual([
      [{ i: 2 }, 0],
      [{ i: 1 }, 900_000],
    ]);
    const stats = await rt.forgeFetch(STARGATE, '/webhook/queue/stats/x', {
      method: 'POST',
      body: JSON.stringify({ queueName: 'historical-scan', jobId: 'job-1' }),
    });
    expect(await stats.json()).toEqual({ success: 0, inProgress: 2, failed: 0 });
  });

  it('delivers delayed events in virtual time, and the app sees the same clock', async () => {
    const { rt } = open(site());
    const before = rt.now();
    expect(Math.abs(Date.now() - before)).toBeLessThan(1000);
    await push(rt, [{ body: { jobId: 'nope', step: 0 }, delayInSeconds: 600 }]);
    expect(await rt.runQueues()).toEqual({ invocations: 1, remaining: 0, stoppedBy: 'empty' });
    expect(rt.now() - before).toBeGreaterThanOrEqual(600_000);
    expect(Math.abs(Date.now() - rt.now())).toBeLessThan(1000);
    expect(Math.abs(new Date().getTime() - rt.now())).toBeLessThan(1000);
  });

  it('lets no real time pass during a burst, only virtual time', async () => {
    let real = 1_000_000;
    const { rt } = open(site(), { now: () => real });
    const before = rt.now();
    const r = await rt.runConcurrently([
      {
        at: before + 1000,
        // The machine is slow: replaying this arrival takes 5 s of real time.
        events: () => {
          real += 5000;
          return [];
        },
      },
    ]);
    expect(r.endedAt - r.startedAt).toBe(1000);
    expect(rt.now()).toBe(r.endedAt);
    // After it the base clock counts again, from where the burst left the clock.
    real += 100;
    expect(rt.now()).toBe(r.endedAt + 100);
  });

  it('lets egress reach only the manifest hosts and those added at run time', async () => {
    const reached: string[] = [];
    const { rt } = open(site(), {
      egress: (url) => {
        reached.push(url);
        return Promise.resolve(new Response('{}', { status: 200 }));
      },
    });
    expect((await fetch('https://api.gitguardian.com/v1/health')).status).toBe(200);
    expect((await fetch('https://incidents.example.com/v1/incidents')).status).toBe(403);
    rt.allowEgress('incidents.example.com');
    expect((await fetch('https://incidents.example.com/v1/incidents')).status).toBe(200);
    expect(reached).toEqual([
      'https://api.gitguardian.com/v1/health',
      'https://incidents.example.com/v1/incidents',
    ]);
  });

  it('gives each resolver invocation its own account, module and deadline', async () => {
    const { rt } = open(site());
    const g = globalThis as {
      __forge_runtime__?: { aaid?: string; appContext: { moduleKey: string } };
    };
    expect(g.__forge_runtime__?.aaid).toBeUndefined();
    const overview = await rt.resolver(ADMIN, 'getOverview', {}, { accountId: JANE });
    expect(overview).toMatchObject({ ok: true });
    const refused = await rt.resolver(ADMIN, 'getOverview', {}, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
