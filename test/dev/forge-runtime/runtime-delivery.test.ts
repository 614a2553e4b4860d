// The local runtime's delivery rules with stand-in functions (the real manifest, fake handlers):
// product-event retries (at most 4, virtual time waited out), consumer redelivery with a
// retryContext, fault-injected duplicates and kills, per-invocation runtime globals.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ForgeFetchTarget } from '../../../dev/forge-runtime/globals.js';
import {
  createForgeRuntime,
  seededRandom,
  type ForgeRuntimeOptions,
  type LocalForgeRuntime,
} from '../../../dev/forge-runtime/runtime.js';

const MANIFEST = fileURLToPath(new URL('../../../manifest.yml', import.meta.url));
const STARGATE: ForgeFetchTarget = { type: 'fpp', provider: 'app', remote: 'stargate' };
const KVS: ForgeFetchTarget = { type: 'kvs', provider: 'app', remote: 'kvs' };
const PUBLISH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';

type Stub = (...args: unknown[]) => unknown;
interface ForgeGlobal {
  __forge_fetch__: (target: ForgeFetchTarget, path: string, init?: unknown) => Promise<Response>;
  __forge_runtime__?: {
    aaid?: string;
    appContext: { moduleKey: string };
    lambdaContext: { getRemainingTimeInMillis(): number };
  };
}
const g = globalThis as unknown as ForgeGlobal;

let opened: LocalForgeRuntime[] = [];
afterEach(() => {
  for (const rt of opened.reverse()) rt.close();
  opened = [];
});

function open(stubs: Record<string, Stub>, extra: Partial<ForgeRuntimeOptions> = {}) {
  const rt = createForgeRuntime({
    manifestPath: MANIFEST,
    loadHandler: (handler) => Promise.resolve(stubs[handler.split('.')[1] ?? '']),
    now: () => 1_800_000_000_000,
    ...extra,
  });
  opened.push(rt);
  return rt;
}

const set = (key: string, value: unknown) =>
  g.__forge_fetch__(KVS, '/api/v1/set', { method: 'POST', body: JSON.stringify({ key, value }) });

const push = (rt: LocalForgeRuntime, bodies: object[]) =>
  rt.forgeFetch(STARGATE, PUBLISH, {
    method: 'POST',
    body: JSON.stringify({
      queueName: 'historical-scan',
      jobId: 'job-1',
      payload: bodies.map((body) => ({ body })),
    }),
  });

describe('triggers', () => {
  it('retries an InvocationError at most 4 times, waiting its retryAfter in virtual time', async () => {
    const seen: unknown[] = [];
    const rt = open({
      onIssueEventTrigger: (event) => {
        seen.push((event as { retryContext?: unknown }).retryContext);
        return { _retry: true, retryOptions: { retryAfter: 30, retryReason: 'X', retryData: 1 } };
      },
    });
    const t0 = rt.now();
    const [r] = await rt.trigger('avi:jira:created:issue', { issue: { id: '1' } });
    expect(r).toMatchObject({ status: 'failed', attempts: 5, outcome: { kind: 'retry' } });
    expect(seen[0]).toBeUndefined();
    expect(seen[4]).toEqual({ retryCount: 4, retryReason: 'X', retryData: 1 });
    expect(rt.now() - t0).toBe(4 * 30_000);
    expect(rt.stats()['on-issue-event']).toMatchObject({ invocations: 5, retries: 4, dropped: 1 });
  });

  it('succeeds on a later attempt, and passes selfGenerated through when not filtered', async () => {
    let calls = 0;
    const events: unknown[] = [];
    const rt = open({
      onIssueEventTrigger: (event) => {
        events.push(event);
        calls += 1;
        if (calls === 1) throw new Error('flaky');
        return undefined;
      },
      onLifecycleTrigger: () => undefined,
    });
    const [r] = await rt.trigger('avi:jira:updated:issue', { issue: { id: '1' } });
    expect(r).toMatchObject({ status: 'ok', attempts: 2 });
    expect(events[1]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      retryContext: { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
    });
    // An event the simulator marks self-generated is dropped by ignoreSelf.
    expect(
      await rt.trigger('avi:jira:updated:issue', { selfGenerated: true, issue: { id: '1' } }),
    ).toMatchObject([{ status: 'filtered' }]);
  });
});

describe('consumers', () => {
  it('redelivers a throwing consumer with a retryContext until it succeeds', async () => {
    const seen: unknown[] = [];
    const rt = open({
      historicalScanConsumer: (event) => {
        seen.push(event);
        if (seen.length < 3) throw new Error('not yet');
      },
    });
    expect((await push(rt, [{ step: 0 }])).status).toBe(201);
    const t0 = rt.now();
    expect(await rt.runQueues()).toEqual({ invocations: 3, remaining: 0, stoppedBy: 'empty' });
    expect(seen[0]).toMatchObject({
      body: { step: 0 },
      queueName: 'historical-scan',
      jobId: 'job-1',
    });
    expect(seen[2]).toMatchObject({
      retryContext: { retryCount: 2, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
    });
    expect(rt.now() - t0).toBe((5 + 10) * 1000); // backoff in virtual time
    expect(rt.stats()['historical-scan-worker']).toMatchObject({
      invocations: 3,
      successes: 1,
      failures: 2,
      retries: 2,
    });
    const stats = await rt.forgeFetch(STARGATE, '/webhook/queue/stats/x', {
      method: 'POST',
      body: JSON.stringify({ queueName: 'historical-scan', jobId: 'job-1' }),
    });
    expect(await stats.json()).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('duplicates and kills at the fault rate; a killed run keeps no platform access', async () => {
    let rejected = 0;
    const rt = open(
      {
        historicalScanConsumer: async (event) => {
          const { n } = (event as { body: { n: number } }).body;
          for (let i = 0; i < 5; i++) {
            try {
              await set(`done-${n}-${i}`, true);
            } catch {
              rejected += 1; // the app swallows it: the run still counts as killed
            }
          }
        },
      },
      { faults: { rate: 0.5, random: seededRandom(3), maxCallsBeforeKill: 4 } },
    );
    await push(
      rt,
      Array.from({ length: 20 }, (_, n) => ({ n })),
    );
    const r = await rt.runQueues();
    expect(r.stoppedBy).toBe('empty');
    const s = rt.stats()['historical-scan-worker'];
    expect(s?.duplicates).toBeGreaterThan(0);
    expect(s?.kills).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
    expect(s?.retries).toBe(s?.kills);
    expect(s?.successes).toBe(20 + (s?.duplicates ?? 0));
    // Every event's work was done in the end (at least once).
    const keys = rt.kvs.backend.list('kvs').map(([k]) => k);
    for (let n = 0; n < 20; n++) expect(keys).toContain(`done-${n}-4`);
  });

  it('drops an event that keeps failing once its retention window is over', async () => {
    const rt = open(
      {
        historicalScanConsumer: () => {
          throw new Error('always');
        },
      },
      { retentionMs: 60 * 60 * 1000 },
    );
    await push(rt, [{ step: 0 }]);
    expect((await rt.runQueues()).remaining).toBe(0);
    expect(rt.stats()['historical-scan-worker']?.dropped).toBe(1);
  });
});

describe('the invocation globals', () => {
  it('gives resolvers their account and module; others none; deadlines count down', async () => {
    const seen: unknown[] = [];
    const look = () => {
      const r = g.__forge_runtime__;
      seen.push([r?.aaid, r?.appContext.moduleKey, r?.lambdaContext.getRemainingTimeInMillis()]);
    };
    const rt = open({
      adminResolver: look,
      watchdogScheduled: () => {
        look();
        return { statusCode: 204 };
      },
      outboxRetryScheduled: () => ({ statusCode: 500 }),
      onPreUninstallTrigger: look,
    });
    await rt.resolver('secret-scanner-admin', 'getOverview', {}, { accountId: 'acc-1' });
    expect(await rt.scheduled('stalled-job-watchdog')).toMatchObject({ kind: 'ok' });
    expect(await rt.scheduled('outbox-retry')).toMatchObject({ kind: 'error' });
    expect(await rt.preUninstall()).toEqual([{ kind: 'ok', value: undefined }]);
    expect(seen).toEqual([
      ['acc-1', 'secret-scanner-admin', 25_000],
      [undefined, 'stalled-job-watchdog', 60_000],
      [undefined, 'cleanup-before-uninstall', 55_000],
    ]);
    expect(g.__forge_runtime__?.aaid).toBeUndefined();
  });
});
