/**
 * A local Forge platform around the app's functions: reads manifest.yml and invokes the functions
 * the way Forge does, so the real `@forge/api`, `@forge/kvs` and `@forge/events` run unmodified.
 *
 * - Globals, installed once per process while a runtime is open: `__forge_fetch__` (a function)
 *   and `__forge_runtime__` (a getter) read the current invocation from an AsyncLocalStorage;
 *   `fetch` is the egress filter (manifest `permissions.external.fetch.backend` hosts plus
 *   `allowEgress(host)`; anything else gets the platform's 403). All three are stable functions,
 *   so a bundle that captured `fetch` at require time keeps working across runtimes. Install the
 *   runtime BEFORE loading the app (`@forge/api` binds `global.fetch` when it is required).
 * - Platform calls: `kvs` to the KVS emulation (any KvsBackend: memory or SQLite), `fpp` to
 *   stargate's queue endpoints (publish, stats, cancel) handled here, other `fpp` calls to
 *   `options.product` (Jira), with the invocation's account for `provider:'user'`.
 * - Virtual time: `now()` is `options.now()` (real time by default) plus an offset that grows when
 *   `advance(ms)` is called, when `runQueues` skips to the next delayed event, when a trigger waits
 *   out a retry, and by `options.latency(call)` per platform call. With `virtualDate: true` the
 *   global `Date` (`Date.now()`, `new Date()`) reads the same clock, so the app and the harness
 *   agree (delays, the app's own soft deadlines, the watchdog's "stalled for 30 min"). Without it,
 *   delays are honoured in virtual time for delivery order only. The offset is kept in the queue
 *   store, so a runtime reopened on the same SQLite file continues the same clock.
 * - Limits: an invocation that is past its limit (consumers and scheduled triggers: manifest
 *   `timeoutSeconds`, default 55 s; everything else 25 s) in virtual time when it makes a platform
 *   call, or when it returns, is killed: its further platform calls reject and its event is
 *   redelivered. One that does not settle within its limit in real time is killed too.
 * - Faults (`rate`, seeded `random`): that share of queue deliveries also delivers a duplicate,
 *   and that share of consumer invocations is killed after a random number of platform calls.
 * - Bursts: `runConcurrently` delivers product events as they arrive and runs queue consumers, up
 *   to `concurrency` invocations at once, on virtual time (virtual-time.ts): each platform call
 *   and each `setTimeout` of an invocation sleeps on the virtual clock, so invocations interleave
 *   at every await in a seeded order; the base clock stands still meanwhile, so the figures of a
 *   burst do not depend on how fast this machine replays it. `kvsRateLimits` turns on Forge's
 *   per-installation KVS rate limits (kvs-limits.ts): past them KVS answers 429 `TOO_MANY_REQUESTS`.
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createMemoryKvsBackend, type KvsBackend } from './backend.js';
import { defaultRuntime, type ForgeFetchTarget, type ForgeRuntime } from './globals.js';
import { createKvsEmulator, type KvsEmulator, type KvsRequestInit } from './kvs.js';
import {
  egressHost,
  hostAllowed,
  loadManifest,
  type ManifestFunction,
  type RuntimeManifest,
} from './manifest.js';
import { createMemoryQueueStore, type QueuedEvent, type QueueStore } from './queue-store.js';
import { createSqliteQueueStore, type SqliteKvsBackend } from './sqlite-backend.js';
import { createKvsLimiter, type KvsLimiter, type KvsRateLimits } from './kvs-limits.js';
import { createVirtualScheduler, VirtualTimeout, type VirtualScheduler } from './virtual-time.js';
import { seededRandom } from '../site-gen/prng.js';

export type InvocationKind = 'trigger' | 'consumer' | 'resolver' | 'scheduled' | 'preUninstall';

export interface InvocationInfo {
  readonly id: string;
  readonly kind: InvocationKind;
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly accountId?: string;
  /** Virtual epoch ms. */
  readonly startedAt: number;
  readonly limitMs: number;
  /** Platform calls made so far (KVS, product, queue, egress). */
  readonly calls: number;
}

export interface PlatformCall {
  readonly target: ForgeFetchTarget | { readonly type: 'egress' };
  readonly path: string;
  readonly invocation: InvocationInfo | undefined;
}

export interface ForgeRuntimeFaults {
  /** 0..1: share of queue deliveries duplicated, and of consumer invocations killed midway. */
  readonly rate: number;
  /** A seeded generator in [0, 1) (see `seededRandom`). */
  readonly random: () => number;
  /** A killed invocation dies after 0..this-1 platform calls. Default 30. */
  readonly maxCallsBeforeKill?: number;
}

export interface ForgeRuntimeOptions {
  readonly manifestPath: string;
  /** `forge/index.onIssueEventTrigger` → the function (the caller decides how to load it). */
  readonly loadHandler: (handler: string) => Promise<unknown>;
  /** Where KVS records live. Default: in memory. A SqliteKvsBackend also keeps the queue. */
  readonly kvs?: KvsBackend;
  /** Where pending queue events live. Default: the SQLite file of `kvs`, or memory. */
  readonly queue?: QueueStore;
  /** `fpp` calls other than stargate (Jira). */
  readonly product?: (
    target: ForgeFetchTarget,
    path: string,
    init: KvsRequestInit | undefined,
    invocation: InvocationInfo | undefined,
  ) => Promise<Response>;
  /** Allowed egress (`global.fetch`). Default: the fetch that was global before. */
  readonly egress?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Base clock, epoch ms. Default: real time. */
  readonly now?: () => number;
  /** Virtual ms each platform call takes (default 0). */
  readonly latency?: (call: PlatformCall) => number;
  /** Make the global Date follow the virtual clock while this runtime is open. */
  readonly virtualDate?: boolean;
  readonly faults?: ForgeRuntimeFaults;
  /** Default a fixed UUID. */
  readonly cloudId?: string;
  /** Retention window of async events, virtual ms. Default 24 h. */
  readonly retentionMs?: number;
  /** Forge's per-installation KVS rate limits (KVS_RATE_LIMITS); default none. */
  readonly kvsRateLimits?: KvsRateLimits;
}

/** Product events that arrive at a virtual time (see runConcurrently). */
export interface Arrival {
  /** Virtual epoch ms. */
  readonly at: number;
  /** Called at `at` (a bulk edit's write to Jira): the events it makes. */
  readonly events: () => readonly {
    readonly eventType: string;
    readonly payload: Record<string, unknown>;
  }[];
}

export interface ConcurrentRunOptions {
  /** Invocations at once, triggers and consumers together. Default 100 (Forge has no set bound). */
  readonly concurrency?: number;
  /** Seed of the interleaving. Default 1. */
  readonly seed?: number;
  /** Queues whose pending events do not keep the run going (incident delivery to a down API). */
  readonly ignoreQueues?: readonly string[];
}

export interface ConcurrentRunResult {
  readonly startedAt: number;
  readonly endedAt: number;
  /** The most invocations in flight at once. */
  readonly maxInFlight: number;
  readonly triggers: number;
  readonly deliveries: number;
}

export interface FunctionStats {
  invocations: number;
  successes: number;
  /** Re-deliveries or re-invocations scheduled (InvocationError, failure, kill). */
  retries: number;
  /** Invocations that threw or were killed. */
  failures: number;
  kills: number;
  /** Fault-injected duplicate deliveries. */
  duplicates: number;
  /** Events dropped at the end of their retention window, or triggers out of retries. */
  dropped: number;
  /** Platform calls made (KVS, product, queue, egress), the rejected ones of a killed run included. */
  calls: number;
  /**
   * KVS, secret and custom-entity requests: what Forge's storage quotas limit and an app vendor
   * pays for. A read gets or queries, a write sets, deletes or commits a batch or transaction;
   * units are Forge's 10 KB billing units (the response of a read, the request of a write).
   */
  kvsReads: number;
  kvsWrites: number;
  kvsReadUnits: number;
  kvsWriteUnits: number;
  /** Time spent in invocations on the virtual clock (platform latency, waits). */
  virtualMs: number;
  /** Real time spent in invocations on this machine (compute). */
  wallMs: number;
  /** KVS requests refused with TOO_MANY_REQUESTS (kvsRateLimits). */
  kvsThrottled: number;
}

/** Forge bills KVS requests in 10 KB units, at least one per request. */
const KVS_UNIT = 10 * 1024;
const kvsUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / KVS_UNIT));
const KVS_READ = /\/(get|query)$/;

export interface EgressRecord {
  readonly host: string;
  readonly allowed: boolean;
  /** The function that made it; undefined outside any invocation. */
  readonly functionKey: string | undefined;
}

export type InvocationOutcome =
  | { readonly kind: 'ok'; readonly value: unknown }
  | {
      readonly kind: 'retry';
      readonly retryAfter?: number;
      readonly retryReason?: string;
      readonly retryData?: unknown;
    }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'killed'; readonly reason: 'timeout' | 'fault' };

export interface TriggerResult {
  readonly moduleKey: string;
  readonly functionKey: string;
  /** `filtered`: ignoreSelf dropped a self-generated event. */
  readonly status: 'ok' | 'filtered' | 'failed';
  readonly attempts: number;
  readonly outcome?: InvocationOutcome;
}

export interface RunQueuesResult {
  readonly invocations: number;
  /** Events still pending for a consumer. */
  readonly remaining: number;
  readonly stoppedBy: 'empty' | 'maxInvocations';
}

export interface ResolverCall {
  readonly accountId?: string;
  readonly extension?: unknown;
}

export interface LocalForgeRuntime {
  readonly manifest: RuntimeManifest;
  readonly kvs: KvsEmulator;
  readonly queue: QueueStore;
  /** Virtual epoch ms. */
  now(): number;
  advance(ms: number): void;
  allowEgress(host: string): void;
  /**
   * Every egress request the app made: host, whether the allow-list let it through, the function.
   * Hosts only, never paths or headers (a Bot API token travels in its path).
   */
  readonly egressLog: readonly EgressRecord[];
  trigger(
    eventType: string,
    payload: Record<string, unknown>,
    options?: { readonly selfGenerated?: boolean },
  ): Promise<TriggerResult[]>;
  resolver(
    moduleKey: string,
    functionKey: string,
    payload: unknown,
    call?: ResolverCall,
  ): Promise<unknown>;
  scheduled(moduleKey: string): Promise<InvocationOutcome>;
  preUninstall(): Promise<InvocationOutcome[]>;
  runQueues(options?: { readonly maxInvocations?: number }): Promise<RunQueuesResult>;
  /** Delivers `arrivals` and runs the queues, many invocations at once, until all is done. */
  runConcurrently(
    arrivals: readonly Arrival[],
    options?: ConcurrentRunOptions,
  ): Promise<ConcurrentRunResult>;
  /** Pending queue events (due or delayed). */
  pending(): QueuedEvent[];
  stats(): Record<string, FunctionStats>;
  /** A platform call from outside any invocation (as the harness). */
  forgeFetch(target: ForgeFetchTarget, path: string, init?: KvsRequestInit): Promise<Response>;
  /** Restores the globals when no runtime is left open. Does not close the KVS backend. */
  close(): void;
}

export const QUEUE_LIMITS = {
  eventsPerPush: 50,
  pushBytes: 200 * 1024,
  maxDelaySeconds: 900,
  productEventRetries: 4,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOCK_META = 'clockOffsetMs';
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

export { seededRandom };

// --- Process-wide globals ------------------------------------------------------------------------

interface Invocation {
  readonly runtime: RuntimeImpl;
  readonly info: InvocationInfo & { calls: number };
  readonly forge: ForgeRuntime;
  killAfter: number | undefined;
  killed: 'timeout' | 'fault' | undefined;
  /** Settles the invocation as soon as it is killed (its code may still run, cut off). */
  onKill: () => void;
}

const als = new AsyncLocalStorage<Invocation>();
const open: RuntimeImpl[] = [];
const g = globalThis as Record<string, unknown>;
const realNow = Date.now.bind(Date);
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
let saved: { readonly descriptors: Map<string, PropertyDescriptor | undefined> } | undefined;

const current = (): { runtime: RuntimeImpl | undefined; invocation: Invocation | undefined } => {
  const invocation = als.getStore();
  return { runtime: invocation?.runtime ?? open.at(-1), invocation };
};

const globalForgeFetch = (
  target: ForgeFetchTarget,
  path: string,
  init?: KvsRequestInit,
): Promise<Response> => {
  const { runtime, invocation } = current();
  if (!runtime) return Promise.reject(new Error('forge-runtime: no runtime is open'));
  return runtime.platformFetch(invocation, target, path, init);
};

const globalFetch = (input: unknown, init?: RequestInit): Promise<Response> => {
  const { runtime, invocation } = current();
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input);
  if (!runtime) return Promise.reject(new Error('forge-runtime: no runtime is open'));
  return runtime.egressFetch(invocation, url, init);
};

/** An invocation's timers run on the virtual clock while a burst runs (runConcurrently). */
const globalSetTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const scheduler = als.getStore()?.runtime.scheduler;
  if (scheduler)
    return scheduler.setTimeout(() => {
      fn(...args);
    }, ms ?? 0);
  return realSetTimeout(fn, ms, ...args);
};
const globalClearTimeout = (handle: unknown): void => {
  if (handle instanceof VirtualTimeout) {
    for (const r of open) r.scheduler?.clearTimeout(handle);
    return;
  }
  realClearTimeout(handle as Parameters<typeof clearTimeout>[0]);
};

const runtimeGetter = (): ForgeRuntime | undefined => {
  const { runtime, invocation } = current();
  return invocation?.forge ?? runtime?.outside;
};

function installGlobals(): void {
  if (saved) return;
  const descriptors = new Map<string, PropertyDescriptor | undefined>();
  for (const name of [
    '__forge_fetch__',
    '__forge_runtime__',
    'fetch',
    'setTimeout',
    'clearTimeout',
  ]) {
    descriptors.set(name, Object.getOwnPropertyDescriptor(g, name));
  }
  saved = { descriptors };
  Object.defineProperty(g, '__forge_fetch__', {
    value: globalForgeFetch,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(g, '__forge_runtime__', { get: runtimeGetter, configurable: true });
  Object.defineProperty(g, 'fetch', { value: globalFetch, configurable: true, writable: true });
  for (const [name, value] of [
    ['setTimeout', globalSetTimeout],
    ['clearTimeout', globalClearTimeout],
  ] as const)
    Object.defineProperty(g, name, { value, configurable: true, writable: true });
}

function restoreGlobals(): void {
  if (!saved) return;
  for (const [name, d] of saved.descriptors) {
    if (d) Object.defineProperty(g, name, d);
    else Reflect.deleteProperty(g, name);
  }
  saved = undefined;
}

/** Replaces the global Date with one that reads `clock` when given no arguments. */
function installVirtualDate(clock: () => number): () => void {
  const Real = Date;
  class VirtualDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock());
      else super(...(args as [number]));
    }
    static override now(): number {
      return clock();
    }
  }
  g.Date = VirtualDate;
  return () => {
    if (g.Date === VirtualDate) g.Date = Real;
  };
}

// --- The runtime ---------------------------------------------------------------------------------

type Handler = (...args: unknown[]) => unknown;

class Killed extends Error {
  constructor(reason: string) {
    super(`forge-runtime: invocation killed (${reason})`);
    this.name = 'InvocationKilled';
  }
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function asRetry(v: unknown): InvocationOutcome | undefined {
  if (!isObject(v) || v._retry !== true) return undefined;
  const o = isObject(v.retryOptions) ? v.retryOptions : {};
  return {
    kind: 'retry',
    ...(typeof o.retryAfter === 'number' ? { retryAfter: o.retryAfter } : {}),
    ...(typeof o.retryReason === 'string' ? { retryReason: o.retryReason } : {}),
    ...(o.retryData !== undefined ? { retryData: o.retryData } : {}),
  };
}

const hasDb = (b: KvsBackend): b is SqliteKvsBackend =>
  'db' in b && typeof (b as Partial<SqliteKvsBackend>).close === 'function';

class RuntimeImpl implements LocalForgeRuntime {
  readonly manifest: RuntimeManifest;
  readonly kvs: KvsEmulator;
  readonly queue: QueueStore;
  readonly outside: ForgeRuntime;
  private readonly options: ForgeRuntimeOptions;
  private readonly baseNow: () => number;
  /** The base clock's reading when a burst began: during one, only virtual time passes. */
  private frozenAt: number | undefined;
  private offset: number;
  private readonly egressHosts = new Set<string>();
  readonly egressLog: EgressRecord[] = [];
  private readonly previousFetch:
    ((url: string, init?: RequestInit) => Promise<Response>) | undefined;
  private readonly handlers = new Map<string, Promise<Handler>>();
  private readonly functionStats = new Map<string, FunctionStats>();
  private readonly jobs = new Map<string, { success: number; failed: number }>();
  private readonly cloudId: string;
  private readonly restoreDate: (() => void) | undefined;
  private closed = false;
  /** Set while runConcurrently runs: platform calls and timers sleep on it. */
  scheduler: VirtualScheduler | undefined;
  private random: () => number = seededRandom(1);
  private readonly kvsLimiter: KvsLimiter | undefined;
  private inFlight = 0;
  private maxInFlight = 0;

  constructor(options: ForgeRuntimeOptions) {
    this.options = options;
    this.manifest = loadManifest(options.manifestPath);
    this.baseNow = options.now ?? realNow;
    const backend = options.kvs ?? createMemoryKvsBackend();
    this.queue =
      options.queue ??
      (hasDb(backend) ? createSqliteQueueStore(backend.db) : createMemoryQueueStore());
    this.offset = Number(this.queue.getMeta(CLOCK_META) ?? '0') || 0;
    this.kvs = createKvsEmulator({
      entities: this.manifest.entities,
      backend,
      now: () => this.now(),
    });
    for (const a of this.manifest.egress) this.egressHosts.add(egressHost(a));
    this.kvsLimiter =
      options.kvsRateLimits && createKvsLimiter(options.kvsRateLimits, () => this.now());
    this.cloudId = options.cloudId ?? '00000000-0000-4000-8000-000000000000';
    const before: unknown = saved ? undefined : g.fetch;
    const prior = open.at(-1)?.previousFetch;
    this.previousFetch =
      typeof before === 'function'
        ? (before as (url: string, init?: RequestInit) => Promise<Response>)
        : prior;
    this.outside = this.forgeRuntime('local-harness', undefined, undefined);
    installGlobals();
    open.push(this);
    this.restoreDate = options.virtualDate ? installVirtualDate(() => this.now()) : undefined;
  }

  get installContext(): string {
    return `ari:cloud:jira::site/${this.cloudId}`;
  }

  now(): number {
    return (this.frozenAt ?? this.baseNow()) + this.offset;
  }

  advance(ms: number): void {
    if (ms <= 0) return;
    this.offset += ms;
    this.queue.setMeta(CLOCK_META, String(this.offset));
  }

  allowEgress(host: string): void {
    this.egressHosts.add(egressHost(host));
  }

  stats(): Record<string, FunctionStats> {
    return Object.fromEntries([...this.functionStats].map(([k, s]) => [k, { ...s }]));
  }

  pending(): QueuedEvent[] {
    return this.queue.list();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.restoreDate?.();
    const i = open.indexOf(this);
    if (i >= 0) open.splice(i, 1);
    if (open.length === 0) restoreGlobals();
  }

  forgeFetch(target: ForgeFetchTarget, path: string, init?: KvsRequestInit): Promise<Response> {
    return this.platformFetch(undefined, target, path, init);
  }

  // --- Platform calls ----------------------------------------------------------------------------

  /**
   * A platform call's way in: a killed invocation is refused, the call's latency passes (a sleep
   * on the virtual clock during a burst, else a jump of it), an invocation past its limit dies.
   */
  private async enter(invocation: Invocation | undefined, call: PlatformCall): Promise<void> {
    if (invocation) {
      this.statsOf(invocation.info.functionKey).calls += 1;
      if (invocation.killed) throw new Killed(invocation.killed);
      invocation.info.calls += 1;
      if (invocation.killAfter !== undefined && invocation.info.calls > invocation.killAfter) {
        invocation.killed = 'fault';
        invocation.onKill();
        throw new Killed('fault');
      }
    }
    const ms =
      this.options.latency?.(invocation ? { ...call, invocation: { ...invocation.info } } : call) ??
      0;
    await this.pass(ms);
    if (!invocation) return;
    if (invocation.killed) throw new Killed(invocation.killed);
    if (this.now() - invocation.info.startedAt > invocation.info.limitMs) {
      invocation.killed = 'timeout';
      invocation.onKill();
      throw new Killed('timeout');
    }
  }

  /** Lets `ms` of virtual time pass: a sleep during a burst (others run meanwhile), else a jump. */
  private async pass(ms: number): Promise<void> {
    if (this.scheduler) await this.scheduler.sleep(ms);
    else this.advance(ms);
  }

  async platformFetch(
    invocation: Invocation | undefined,
    target: ForgeFetchTarget,
    path: string,
    init?: KvsRequestInit,
  ): Promise<Response> {
    await this.enter(invocation, { target, path, invocation: invocation?.info });
    if (target.type === 'kvs') {
      const write = !KVS_READ.test(path);
      if (invocation && this.kvsLimiter && !this.kvsLimiter.admit(write)) {
        this.statsOf(invocation.info.functionKey).kvsThrottled += 1;
        return json(429, { code: 'TOO_MANY_REQUESTS', message: 'Rate limit exceeded' });
      }
      const res = await this.kvs.handle(path, init);
      // The app's storage use only: the harness's own set-up calls are not the app's cost.
      if (invocation) {
        const stats = this.statsOf(invocation.info.functionKey);
        const units = write
          ? kvsUnits(Buffer.byteLength(typeof init?.body === 'string' ? init.body : ''))
          : kvsUnits((await res.clone().arrayBuffer()).byteLength);
        this.kvsLimiter?.charge(write, units);
        if (write) {
          stats.kvsWrites += 1;
          stats.kvsWriteUnits += units;
        } else {
          stats.kvsReads += 1;
          stats.kvsReadUnits += units;
        }
      }
      return res;
    }
    if (target.type === 'fpp' && target.remote === 'stargate') return this.stargate(path, init);
    if (target.type === 'fpp' && this.options.product) {
      const withUser =
        target.provider === 'user' && target.accountId === undefined && invocation?.info.accountId
          ? { ...target, accountId: invocation.info.accountId }
          : target;
      return this.options.product(
        withUser,
        path,
        init,
        invocation ? { ...invocation.info } : undefined,
      );
    }
    throw new Error(`forge-runtime: no route for ${target.type} call to ${path}`);
  }

  async egressFetch(
    invocation: Invocation | undefined,
    url: string,
    init?: RequestInit,
  ): Promise<Response> {
    await this.enter(invocation, {
      target: { type: 'egress' },
      path: url,
      invocation: invocation?.info,
    });
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return new Response('invalid URL', { status: 400 });
    }
    const allowed = hostAllowed(host, this.egressHosts);
    this.egressLog.push({ host, allowed, functionKey: invocation?.info.functionKey });
    if (!allowed) {
      return json(403, {
        message: `URL not included in the external fetch backend permissions: ${host}`,
      });
    }
    const egress = this.options.egress ?? this.previousFetch;
    if (!egress) throw new Error('forge-runtime: no egress route (pass options.egress)');
    return egress(url, init);
  }

  private stargate(path: string, init?: KvsRequestInit): Response {
    let req: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(typeof init?.body === 'string' ? init.body : '');
      if (!isObject(parsed)) throw new Error('not an object');
      req = parsed;
    } catch {
      return json(400, { message: 'The request body is not valid JSON' });
    }
    const queueName = req.queueName;
    const jobId = req.jobId;
    if (typeof queueName !== 'string' || !QUEUE_NAME.test(queueName)) {
      return json(400, { message: 'Invalid queue name' });
    }
    if (typeof jobId !== 'string' || jobId === '') return json(400, { message: 'Missing jobId' });
    if (path.startsWith('/webhook/queue/publish/'))
      return this.publish(queueName, jobId, req.payload);
    const pendingOfJob = this.queue.list().filter((e) => e.jobId === jobId);
    const job = this.jobs.get(jobId);
    if (path.startsWith('/webhook/queue/stats/')) {
      if (!job && pendingOfJob.length === 0) return json(404, { message: 'Job not found' });
      return json(200, {
        success: job?.success ?? 0,
        inProgress: pendingOfJob.length,
        failed: job?.failed ?? 0,
      });
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      if (!job && pendingOfJob.length === 0) return json(404, { message: 'Job not found' });
      for (const e of pendingOfJob) this.queue.remove(e.seq);
      return new Response(null, { status: 204 });
    }
    return json(404, { message: `No such queue endpoint: ${path}` });
  }

  private publish(queueName: string, jobId: string, payload: unknown): Response {
    if (!Array.isArray(payload) || payload.length === 0) {
      return json(400, { message: 'No events to push' });
    }
    if (payload.length > QUEUE_LIMITS.eventsPerPush) {
      return json(400, {
        message: `Too many events: at most ${QUEUE_LIMITS.eventsPerPush} per push`,
      });
    }
    if (Buffer.byteLength(JSON.stringify(payload)) > QUEUE_LIMITS.pushBytes) {
      return json(413, {
        errorMessage: `The payload is too big: at most ${QUEUE_LIMITS.pushBytes / 1024} KB per push`,
      });
    }
    const events: { body: Record<string, unknown>; delay: number }[] = [];
    for (const e of payload) {
      if (!isObject(e) || !isObject(e.body)) {
        return json(400, { message: 'Every event needs a body that is a JSON object' });
      }
      const delay = e.delayInSeconds ?? 0;
      if (typeof delay !== 'number' || delay < 0 || delay > QUEUE_LIMITS.maxDelaySeconds) {
        return json(400, {
          message: `delayInSeconds must be between 0 and ${QUEUE_LIMITS.maxDelaySeconds}`,
        });
      }
      events.push({ body: e.body, delay });
    }
    const at = this.now();
    for (const e of events) {
      this.queue.add({
        eventId: randomUUID(),
        queueName,
        jobId,
        body: e.body,
        dueAt: at + e.delay * 1000,
        pushedAt: at,
        retryCount: 0,
        ...(e.delay > 0 ? { delayInSeconds: e.delay } : {}),
      });
    }
    if (!this.jobs.has(jobId)) this.jobs.set(jobId, { success: 0, failed: 0 });
    return new Response(null, { status: 201 });
  }

  // --- Invocations -------------------------------------------------------------------------------

  private statsOf(functionKey: string): FunctionStats {
    let s = this.functionStats.get(functionKey);
    if (!s) {
      s = {
        invocations: 0,
        successes: 0,
        retries: 0,
        failures: 0,
        kills: 0,
        duplicates: 0,
        dropped: 0,
        calls: 0,
        kvsReads: 0,
        kvsWrites: 0,
        kvsReadUnits: 0,
        kvsWriteUnits: 0,
        virtualMs: 0,
        wallMs: 0,
        kvsThrottled: 0,
      };
      this.functionStats.set(functionKey, s);
    }
    return s;
  }

  private fn(functionKey: string): ManifestFunction {
    const f = this.manifest.functions.get(functionKey);
    if (!f) throw new Error(`forge-runtime: manifest has no function ${functionKey}`);
    return f;
  }

  private handler(f: ManifestFunction): Promise<Handler> {
    let h = this.handlers.get(f.handler);
    if (!h) {
      h = this.options.loadHandler(f.handler).then((loaded) => {
        if (typeof loaded !== 'function') {
          throw new Error(`forge-runtime: handler ${f.handler} is not a function`);
        }
        return loaded as Handler;
      });
      this.handlers.set(f.handler, h);
    }
    return h;
  }

  private forgeRuntime(
    moduleKey: string,
    accountId: string | undefined,
    remaining: (() => number) | undefined,
  ): ForgeRuntime {
    const base = defaultRuntime();
    return defaultRuntime({
      appContext: {
        ...base.appContext,
        appId: this.manifest.appId,
        installationId: this.cloudId,
        moduleKey,
        permissions: { scopes: [...this.manifest.scopes], external: {} },
      },
      contextAri: this.installContext,
      ...(accountId !== undefined ? { aaid: accountId } : {}),
      lambdaContext: { getRemainingTimeInMillis: remaining ?? (() => 25_000) },
    });
  }

  /** Runs one invocation of `functionKey` for `moduleKey` with the platform's arguments. */
  private async invoke(
    kind: InvocationKind,
    functionKey: string,
    moduleKey: string,
    args: readonly unknown[],
    extra: { readonly accountId?: string; readonly killAfter?: number } = {},
  ): Promise<InvocationOutcome> {
    const f = this.fn(functionKey);
    const handler = await this.handler(f);
    const info = {
      id: randomUUID(),
      kind,
      functionKey,
      moduleKey,
      ...(extra.accountId !== undefined ? { accountId: extra.accountId } : {}),
      startedAt: this.now(),
      limitMs: f.limitMs,
      calls: 0,
    };
    const remaining = (): number => Math.max(0, info.startedAt + info.limitMs - this.now());
    let onKill = (): void => undefined;
    const killed = new Promise<'killed'>((resolve) => {
      onKill = () => {
        resolve('killed');
      };
    });
    const invocation: Invocation = {
      runtime: this,
      info,
      forge: this.forgeRuntime(moduleKey, extra.accountId, remaining),
      killAfter: extra.killAfter,
      killed: undefined,
      onKill,
    };
    const stats = this.statsOf(functionKey);
    stats.invocations += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const wallStart = performance.now();
    let timer: NodeJS.Timeout | undefined;
    // In a burst the virtual limit alone applies: hundreds in flight take real time to interleave.
    const hang = new Promise<'hang'>((resolve) => {
      if (this.scheduler) return;
      timer = realSetTimeout(() => {
        resolve('hang');
      }, f.limitMs);
      timer.unref();
    });
    let outcome: InvocationOutcome;
    try {
      const result = await Promise.race([
        als.run(invocation, () => Promise.resolve().then(() => handler(...args))),
        hang,
        killed,
      ]);
      if (result === 'hang') invocation.killed ??= 'timeout';
      if (!invocation.killed && this.now() - info.startedAt > info.limitMs) {
        invocation.killed = 'timeout';
      }
      outcome = invocation.killed
        ? { kind: 'killed', reason: invocation.killed }
        : (asRetry(result) ?? { kind: 'ok', value: result });
    } catch (error) {
      outcome = invocation.killed
        ? { kind: 'killed', reason: invocation.killed }
        : { kind: 'error', error };
    } finally {
      this.inFlight -= 1;
      realClearTimeout(timer);
      stats.virtualMs += this.now() - info.startedAt;
      stats.wallMs += performance.now() - wallStart;
    }
    if (outcome.kind === 'ok') stats.successes += 1;
    if (outcome.kind === 'error' || outcome.kind === 'killed') stats.failures += 1;
    if (outcome.kind === 'killed') stats.kills += 1;
    // A killed invocation keeps no further access, even if its code still runs.
    invocation.killed ??= 'timeout';
    return outcome;
  }

  async trigger(
    eventType: string,
    payload: Record<string, unknown>,
    options: { readonly selfGenerated?: boolean } = {},
  ): Promise<TriggerResult[]> {
    const results: TriggerResult[] = [];
    const lifecycle = eventType.startsWith('avi:forge:');
    // The harness marks an event self-generated, or the event says so (the simulator's do).
    const selfGenerated = options.selfGenerated ?? payload.selfGenerated === true;
    for (const m of this.manifest.triggers) {
      if (!m.events.includes(eventType)) continue;
      if (selfGenerated && m.ignoreSelf) {
        results.push({
          moduleKey: m.key,
          functionKey: m.function,
          status: 'filtered',
          attempts: 0,
        });
        continue;
      }
      const event: Record<string, unknown> = {
        ...payload,
        eventType,
        ...(lifecycle ? {} : { selfGenerated }),
      };
      const context = {
        installContext: this.installContext,
        ...(typeof payload.atlassianId === 'string'
          ? { principal: { accountId: payload.atlassianId } }
          : {}),
      };
      let attempts = 0;
      let outcome: InvocationOutcome;
      for (;;) {
        attempts += 1;
        outcome = await this.invoke('trigger', m.function, m.key, [{ ...event }, context]);
        if (outcome.kind === 'ok') break;
        const stats = this.statsOf(m.function);
        if (attempts > QUEUE_LIMITS.productEventRetries) {
          stats.dropped += 1;
          break;
        }
        stats.retries += 1;
        const reason = retryReason(outcome);
        event.retryContext = {
          retryCount: attempts,
          retryReason: reason,
          ...(outcome.kind === 'retry' && outcome.retryData !== undefined
            ? { retryData: outcome.retryData }
            : {}),
        };
        await this.pass(retryDelaySeconds(outcome, attempts - 1) * 1000);
      }
      results.push({
        moduleKey: m.key,
        functionKey: m.function,
        status: outcome.kind === 'ok' ? 'ok' : 'failed',
        attempts,
        outcome,
      });
    }
    return results;
  }

  async resolver(
    moduleKey: string,
    functionKey: string,
    payload: unknown,
    call: ResolverCall = {},
  ): Promise<unknown> {
    const m = this.manifest.resolvers.get(moduleKey);
    if (!m) throw new Error(`forge-runtime: module ${moduleKey} has no resolver`);
    const outcome = await this.invoke(
      'resolver',
      m.function,
      moduleKey,
      [
        {
          call: { functionKey, payload },
          context: {
            ...(call.extension !== undefined ? { extension: call.extension } : {}),
            cloudId: this.cloudId,
            moduleKey,
            localId: `${moduleKey}-local`,
            ...(call.accountId !== undefined ? { accountId: call.accountId } : {}),
          },
        },
        {
          principal: call.accountId !== undefined ? { accountId: call.accountId } : undefined,
          installContext: this.installContext,
        },
      ],
      call.accountId !== undefined ? { accountId: call.accountId } : {},
    );
    if (outcome.kind === 'ok') return outcome.value;
    if (outcome.kind === 'error') throw outcome.error;
    throw new Error(`forge-runtime: resolver ${moduleKey}.${functionKey}: ${outcome.kind}`);
  }

  private plainArgs(moduleKey: string): unknown[] {
    return [
      { context: { cloudId: this.cloudId, moduleKey }, contextToken: 'local-context-token' },
      { principal: undefined, installContext: this.installContext },
    ];
  }

  async scheduled(moduleKey: string): Promise<InvocationOutcome> {
    const m = this.manifest.scheduled.find((s) => s.key === moduleKey);
    if (!m) throw new Error(`forge-runtime: no scheduledTrigger ${moduleKey}`);
    const outcome = await this.invoke('scheduled', m.function, m.key, this.plainArgs(m.key));
    // The platform wants {statusCode: 204}; anything else is recorded as a failed run.
    if (outcome.kind === 'ok') {
      const code = isObject(outcome.value) ? outcome.value.statusCode : undefined;
      if (code !== 204) {
        const stats = this.statsOf(m.function);
        stats.successes -= 1;
        stats.failures += 1;
        return { kind: 'error', error: new Error(`scheduled trigger answered ${String(code)}`) };
      }
    }
    return outcome;
  }

  async preUninstall(): Promise<InvocationOutcome[]> {
    const outcomes: InvocationOutcome[] = [];
    for (const m of this.manifest.preUninstall) {
      outcomes.push(await this.invoke('preUninstall', m.function, m.key, this.plainArgs(m.key)));
    }
    return outcomes;
  }

  async runQueues(options: { readonly maxInvocations?: number } = {}): Promise<RunQueuesResult> {
    const max = options.maxInvocations ?? 10_000;
    const consumers = new Map(this.manifest.consumers.map((c) => [c.queue, c]));
    let invocations = 0;
    for (;;) {
      const pending = this.queue.list().filter((e) => consumers.has(e.queueName));
      const first = pending[0];
      if (!first) return { invocations, remaining: 0, stoppedBy: 'empty' };
      if (invocations >= max) {
        return { invocations, remaining: pending.length, stoppedBy: 'maxInvocations' };
      }
      if (first.dueAt > this.now()) {
        this.advance(first.dueAt - this.now());
        continue;
      }
      const consumer = consumers.get(first.queueName);
      if (!consumer) continue;
      invocations += 1;
      await this.deliver(first, consumer.function, consumer.key);
    }
  }

  async runConcurrently(
    arrivals: readonly Arrival[],
    options: ConcurrentRunOptions = {},
  ): Promise<ConcurrentRunResult> {
    if (this.scheduler) throw new Error('forge-runtime: a burst is already running');
    const limit = Math.max(1, options.concurrency ?? 100);
    const ignored = new Set(options.ignoreQueues ?? []);
    const consumers = new Map(this.manifest.consumers.map((c) => [c.queue, c]));
    this.random = seededRandom(options.seed ?? 1);
    const scheduler = createVirtualScheduler({
      now: () => this.now(),
      advanceTo: (ms) => {
        this.advance(ms - this.now());
      },
      random: () => this.random(),
    });
    this.scheduler = scheduler;
    // The real time a burst takes to replay (this machine's speed and load) is no time at all.
    this.frozenAt = this.baseNow();
    this.maxInFlight = this.inFlight;
    const startedAt = this.now();
    const waiting: (() => Promise<unknown>)[] = [];
    const delivering = new Set<number>();
    let running = 0;
    let fed = false;
    let triggers = 0;
    let deliveries = 0;
    let wakeAt: number | undefined;
    let failure: unknown;

    const queued = () =>
      this.queue
        .list()
        .filter(
          (e) => consumers.has(e.queueName) && !ignored.has(e.queueName) && !delivering.has(e.seq),
        );
    const nextJob = (): (() => Promise<unknown>) | undefined => {
      const job = waiting.shift();
      if (job) return job;
      const due = queued().find((e) => e.dueAt <= this.now());
      const consumer = due && consumers.get(due.queueName);
      if (!due || !consumer) return undefined;
      delivering.add(due.seq);
      deliveries += 1;
      return () =>
        this.deliver(due, consumer.function, consumer.key).finally(() => {
          delivering.delete(due.seq);
        });
    };
    const pump = (): void => {
      while (running < limit) {
        const job = nextJob();
        if (!job) break;
        running += 1;
        void job()
          .catch((e: unknown) => {
            failure ??= e;
          })
          .finally(() => {
            running -= 1;
            pump();
          });
      }
      // A delayed queue event (a retry's backoff) wakes the pump when it falls due.
      const later = queued().find((e) => e.dueAt > this.now());
      if (running < limit && later && (wakeAt === undefined || later.dueAt < wakeAt)) {
        wakeAt = later.dueAt;
        void scheduler.sleep(later.dueAt - this.now()).then(() => {
          wakeAt = undefined;
          pump();
        });
      }
    };
    const feed = async (): Promise<void> => {
      for (const a of [...arrivals].sort((x, y) => x.at - y.at)) {
        if (a.at > this.now()) await scheduler.sleep(a.at - this.now());
        for (const e of a.events()) {
          triggers += 1;
          waiting.push(() => this.trigger(e.eventType, e.payload));
        }
        pump();
      }
      fed = true;
      pump();
    };
    try {
      void feed();
      await scheduler.runUntil(
        () =>
          failure !== undefined ||
          (fed && running === 0 && waiting.length === 0 && queued().length === 0),
      );
      if (failure !== undefined)
        throw failure instanceof Error ? failure : new Error('a burst job failed');
    } finally {
      this.scheduler = undefined;
      const frozenAt = this.frozenAt;
      this.frozenAt = undefined;
      this.offset -= this.baseNow() - frozenAt;
      this.queue.setMeta(CLOCK_META, String(this.offset));
    }
    return { startedAt, endedAt: this.now(), maxInFlight: this.maxInFlight, triggers, deliveries };
  }

  private async deliver(e: QueuedEvent, functionKey: string, moduleKey: string): Promise<void> {
    const stats = this.statsOf(functionKey);
    const retention = this.options.retentionMs ?? DAY_MS;
    const job = this.jobs.get(e.jobId) ?? { success: 0, failed: 0 };
    this.jobs.set(e.jobId, job);
    if (this.now() - e.pushedAt > retention) {
      this.queue.remove(e.seq);
      stats.dropped += 1;
      job.failed += 1;
      return;
    }
    const faults = this.options.faults;
    if (faults && !e.duplicate && faults.random() < faults.rate) {
      const { seq: _seq, ...copy } = e;
      this.queue.add({ ...copy, duplicate: true, dueAt: this.now() });
      stats.duplicates += 1;
    }
    const killAfter =
      faults && faults.random() < faults.rate
        ? Math.floor(faults.random() * (faults.maxCallsBeforeKill ?? 30))
        : undefined;
    const event = {
      body: e.body,
      queueName: e.queueName,
      jobId: e.jobId,
      eventId: e.eventId,
      ...(e.delayInSeconds !== undefined ? { delayInSeconds: e.delayInSeconds } : {}),
      ...(e.retryCount > 0
        ? {
            retryContext: {
              retryCount: e.retryCount,
              retryReason: e.retryReason,
              retryData: e.retryData,
              retentionWindow: {
                startTime: new Date(e.pushedAt).toISOString(),
                remainingTimeMs: Math.max(0, e.pushedAt + retention - this.now()),
              },
            },
          }
        : {}),
    };
    const outcome = await this.invoke(
      'consumer',
      functionKey,
      moduleKey,
      [event, { installContext: this.installContext }],
      killAfter !== undefined ? { killAfter } : {},
    );
    if (outcome.kind === 'ok') {
      this.queue.remove(e.seq);
      job.success += 1;
      return;
    }
    stats.retries += 1;
    const { retryData: _old, ...rest } = e;
    this.queue.update({
      ...rest,
      retryCount: e.retryCount + 1,
      retryReason: retryReason(outcome),
      ...(outcome.kind === 'retry' && outcome.retryData !== undefined
        ? { retryData: outcome.retryData }
        : {}),
      dueAt: this.now() + retryDelaySeconds(outcome, e.retryCount) * 1000,
    });
  }
}

function retryReason(outcome: InvocationOutcome): string {
  if (outcome.kind === 'retry') return outcome.retryReason ?? 'FUNCTION_RETRY_REQUEST';
  if (outcome.kind === 'killed' && outcome.reason === 'timeout') return 'FUNCTION_TIME_OUT';
  return 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
}

/** The app's `retryAfter`, else exponential backoff: 5 s, 10 s, 20 s … up to 15 min. */
function retryDelaySeconds(outcome: InvocationOutcome, previousRetries: number): number {
  if (outcome.kind === 'retry' && outcome.retryAfter !== undefined) {
    return Math.min(QUEUE_LIMITS.maxDelaySeconds, Math.max(1, outcome.retryAfter));
  }
  return Math.min(QUEUE_LIMITS.maxDelaySeconds, 5 * 2 ** Math.min(previousRetries, 10));
}

/**
 * Opens a runtime and installs the Forge globals (process-wide, shared by every open runtime).
 * Load the app (its `@forge/*` modules) only after this.
 */
export function createForgeRuntime(options: ForgeRuntimeOptions): LocalForgeRuntime {
  return new RuntimeImpl(options);
}
