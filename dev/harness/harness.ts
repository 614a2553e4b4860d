/**
 * The local harness: the real app (src/forge/index.ts bundled the way Forge bundles it) on the
 * local Forge runtime, reading a Jira simulator, forwarding to a loopback incident API. What
 * `npm run harness` and `npm start` run, and what end-to-end tests drive.
 * @module
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createIncidentApiServer, type IncidentApiServer } from '../incident-api/server.js';
import {
  createForgeRuntime,
  seededRandom,
  type Arrival,
  type ConcurrentRunResult,
  type PlatformCall,
  type ForgeRuntimeOptions,
  type FunctionStats,
  type LocalForgeRuntime,
} from '../forge-runtime/runtime.js';
import { createSqliteKvsBackend } from '../forge-runtime/sqlite-backend.js';
import { KVS_RATE_LIMITS, type KvsRateLimits } from '../forge-runtime/kvs-limits.js';
import { jiraBurstPerSecond } from '../jira-sim/limits.js';
import { loadFixture } from '../jira-sim/fixture.js';
import type { ForgeEvent } from '../jira-sim/events.js';
import { createJiraSimulator, type JiraSimulator } from '../jira-sim/server.js';
import { parseWriteOp, replayWrite } from '../jira-sim/writes.js';
import { locationKey } from '../../src/incidents/model.js';
import {
  withWhere,
  type IncidentReport,
  type ReadableReport,
  type ReportOccurrence,
} from '../../src/incidents/report.js';
import { placePeople, type FieldName } from '../../src/incidents/place.js';
import type { JiraUser } from '../../src/jira/users.js';
import type { PlaceNamesJson } from '../../src/admin/places.js';
import type { Incident } from '../../src/incidents/model.js';
import type { HistoricalJob } from '../../src/scan/historical.js';
import { SIM_HOSTS, type ProviderSim } from '../provider-sim/sim.js';

/** The repository root, whether this runs from dev/ (tests) or dist/dev/ (npm scripts). */
export const ROOT = fileURLToPath(new URL('.', import.meta.url)).replace(
  /(dist\/)?dev\/harness\/$/,
  '',
);
export const ADMIN_PAGE = 'secret-scanner-admin';
export const PROJECT_PAGE = 'secret-scanner-project';
const API_TOKEN = 'local-harness-incident-api-token';

/** Bundles src/forge/index.ts into one CommonJS file, as `forge deploy` would. */
export async function bundleApp(
  outDir = mkdtempSync(join(tmpdir(), 'harness-app-')),
): Promise<string> {
  const outfile = join(outDir, 'index.cjs');
  await build({
    entryPoints: [join(ROOT, 'src/forge/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Product (`fpp`) calls to the simulator; a user call carries who makes it. */
export function productRoute(sim: JiraSimulator): NonNullable<ForgeRuntimeOptions['product']> {
  return async (target, path, init) => {
    const headers: Record<string, string> = {
      ...(init?.headers as Record<string, string> | undefined),
    };
    if (target.provider === 'user' && typeof target.accountId === 'string')
      headers['X-Sim-Account-Id'] = target.accountId;
    const r = await sim.handle({
      method: init?.method ?? 'GET',
      path,
      headers,
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    });
    return new Response(r.status === 204 ? null : r.body, { status: r.status, headers: r.headers });
  };
}

export interface HarnessOptions {
  /** A site fixture (parsed JSON). */
  readonly fixture: unknown;
  /** The bundled app (bundleApp); bundled anew when absent. */
  readonly appFile?: string;
  /** SQLite file for KVS and the queue: state survives a restart. Default: memory. */
  readonly dbPath?: string;
  /** 0..1: Jira answers 429/503, queue events delivered twice, consumers killed midway. */
  readonly faultRate?: number;
  readonly seed?: number;
  /** Start a loopback incident API and configure the app to forward to it. */
  readonly incidentApi?: boolean;
  /** Virtual ms each Jira call takes inside a queue consumer: a scan then spans invocations. */
  readonly jiraLatencyMs?: number;
  /** Virtual ms each egress request (a validity check) takes inside a queue consumer. */
  readonly egressLatencyMs?: number;
  /**
   * Answer the validity checkers' hosts with this provider simulator (dev/provider-sim), so no
   * real provider is ever called. Checks stay off unless `checkValidity` turns them on.
   */
  readonly providerSim?: ProviderSim;
  /** Turn validity checks on in the app's settings (as an admin would). */
  readonly checkValidity?: boolean;
  /**
   * Platform limits of a burst: Forge's KVS rate limits, Jira's per-endpoint burst limits, and
   * every platform call taking virtual time (BURST_LATENCY_MS), so `replayConcurrently` runs
   * many invocations at once as Forge would.
   */
  readonly limits?: boolean | { readonly kvs: KvsRateLimits };
}

/** Virtual ms a platform call takes under `limits`: KVS, Jira, queue pushes, egress. */
export const BURST_LATENCY_MS = { kvs: 10, jira: 60, queue: 20, egress: 100 } as const;

function burstLatency(c: PlatformCall): number {
  const t = c.target;
  if (t.type === 'kvs') return BURST_LATENCY_MS.kvs;
  if (t.type === 'egress') return BURST_LATENCY_MS.egress;
  return 'remote' in t && t.remote === 'stargate' ? BURST_LATENCY_MS.queue : BURST_LATENCY_MS.jira;
}

export interface ConcurrentReplayOptions {
  readonly concurrency: number;
  /** Seed of the interleaving. */
  readonly seed?: number;
}

export interface Harness {
  readonly sim: JiraSimulator;
  readonly runtime: LocalForgeRuntime;
  readonly incidentApi: IncidentApiServer | undefined;
  /** A site admin of the fixture: the harness acts as them. */
  readonly admin: string;
  call(functionKey: string, payload?: unknown, accountId?: string): Promise<unknown>;
  /** Starts a historical scan of all projects and runs the queues until the job ends. */
  historicalScan(): Promise<HistoricalJob>;
  /**
   * The daily validity re-check, now: fires the `validity-recheck` scheduled trigger and runs the
   * queues until its check run has ended.
   */
  checkRun(): Promise<void>;
  /** Replays `--events` ops through the simulator and delivers their Forge events. */
  replay(ops: readonly unknown[]): Promise<{ applied: number; events: number }>;
  /**
   * Replays ops as a burst: each op is written to the simulator at its `atMs` (virtual ms after
   * the start; absent: with the op before), its event delivered at once, up to `concurrency`
   * invocations running together (triggers and queue consumers), until nothing is left to do.
   */
  replayConcurrently(
    ops: readonly unknown[],
    options: ConcurrentReplayOptions,
  ): Promise<ConcurrentRunResult>;
  /** Every incident with its places, each with `where` (its place in words, as the pages say it). */
  incidents(): Promise<ReadableReport[]>;
  stats(started: number): HarnessStats;
  /** Loads a rebuilt app bundle: the site, the stored state and the queues stay as they are. */
  reload(appFile: string): void;
  close(): void;
}

export interface HarnessStats {
  readonly jiraRequests: number;
  readonly jiraPoints: number;
  readonly byEndpoint: Record<
    string,
    { requests: number; points: number; faults?: number; rateLimited?: number }
  >;
  /** Jira answers the simulator turned into 429/503 (the app retried them). */
  readonly jiraFaults: number;
  readonly issuesScanned: number;
  readonly invocations: Record<string, number>;
  readonly retries: number;
  readonly wallMs: number;
  /**
   * What an app vendor pays Forge for and what its quotas limit, summed over the app's
   * invocations: KVS (and custom-entity, secret) reads and writes with their 10 KB billing units,
   * invocations with their time on the virtual clock and on this machine; `byFunction` splits it.
   */
  readonly forge: ForgeCost & { readonly byFunction: Record<string, ForgeCost> };
}

export interface ForgeCost {
  readonly invocations: number;
  readonly kvsReads: number;
  readonly kvsWrites: number;
  readonly kvsReadUnits: number;
  readonly kvsWriteUnits: number;
  readonly virtualMs: number;
  readonly wallMs: number;
}

interface Ok<T> {
  readonly ok: true;
  readonly data: T;
}

/** A resolver's answer that Jira or the app could not serve this time (worth asking again). */
const isUnavailable = (r: unknown): boolean =>
  (r as { ok?: unknown; error?: { code?: unknown } }).ok === false &&
  (r as { error: { code?: unknown } }).error.code === 'unavailable';

// The caller names the shape it asked the resolver for.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function data<T>(r: unknown, what: string): T {
  const res = r as Ok<T> | { ok: false; error: { message: string } };
  if (!res.ok) throw new Error(`${what}: ${res.error.message}`);
  return res.data;
}

export async function createHarness(o: HarnessOptions): Promise<Harness> {
  const rate = o.faultRate ?? 0;
  const seed = o.seed ?? 1;
  const pending: ForgeEvent[] = [];
  const site = loadFixture(o.fixture);
  const sim = createJiraSimulator(site, {
    // Jira's clock (its burst limits, its answers) is the runtime's virtual one once that is open:
    // read through the global Date at each call, not the real Date.now kept before it was installed,
    // so throttling does not depend on how fast this machine replays.
    now: () => Date.now(),
    ...(rate > 0 ? { faults: { rate, random: seededRandom(seed) } } : {}),
    ...(o.limits ? { limits: { burstPerSecond: jiraBurstPerSecond } } : {}),
    onEvent: (e) => pending.push(e),
  });
  const admin = site.users.find((u) => u.siteAdmin)?.accountId;
  if (!admin) throw new Error('the fixture has no site admin to act as');
  const incidentApi = o.incidentApi ? createIncidentApiServer({ token: API_TOKEN }) : undefined;
  let appFile = o.appFile ?? (await bundleApp());
  let app: Record<string, unknown> | undefined;
  const runtime = createForgeRuntime({
    manifestPath: join(ROOT, 'manifest.yml'),
    loadHandler: (handler) => {
      const [file, name] = handler.split('.');
      if (file !== 'forge/index' || name === undefined)
        throw new Error(`unexpected handler ${handler}`);
      // Loaded after the runtime is installed: @forge/kvs reads it on import.
      app ??= createRequire(appFile)(appFile) as Record<string, unknown>;
      return Promise.resolve(app[name]);
    },
    product: productRoute(sim),
    ...(o.dbPath ? { kvs: createSqliteKvsBackend(o.dbPath) } : {}),
    ...(incidentApi || o.providerSim
      ? {
          egress: (url: string, init?: RequestInit) => {
            const host = new URL(url).hostname;
            if (o.providerSim && SIM_HOSTS.includes(host))
              return forwardToProviders(o.providerSim, url, init);
            if (incidentApi) return forwardToApi(incidentApi, url, init);
            return Promise.reject(new Error(`harness: no route for egress to ${host}`));
          },
        }
      : {}),
    virtualDate: true,
    ...(o.limits
      ? {
          kvsRateLimits: o.limits === true ? KVS_RATE_LIMITS : o.limits.kvs,
          latency: burstLatency,
        }
      : {}),
    ...(o.jiraLatencyMs || o.egressLatencyMs
      ? {
          latency: (c: { target: { type: string }; invocation?: { kind: string } | undefined }) =>
            c.invocation?.kind !== 'consumer'
              ? 0
              : c.target.type === 'fpp'
                ? (o.jiraLatencyMs ?? 0)
                : c.target.type === 'egress'
                  ? (o.egressLatencyMs ?? 0)
                  : 0,
        }
      : {}),
    ...(rate > 0 ? { faults: { rate, random: seededRandom(seed + 1) } } : {}),
  });

  const call = (functionKey: string, payload: unknown = {}, accountId = admin): Promise<unknown> =>
    runtime.resolver(ADMIN_PAGE, functionKey, payload, { accountId });
  /**
   * A call of the page reading the outcome: with KVS limits on, a burst may have spent the
   * minute's read units, so a refused call (or one the app answers `unavailable`, having waited
   * out the limit as long as it may) is made again a minute of virtual time later, as an admin
   * reloading the page would.
   */
  const readCall = async (functionKey: string, payload: unknown): Promise<unknown> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await call(functionKey, payload);
        if (attempt >= 5 || !isUnavailable(r)) return r;
        runtime.advance(60_000);
      } catch (e) {
        if (attempt >= 5 || !String(e).includes('TOO_MANY_REQUESTS')) throw e;
        runtime.advance(60_000);
      }
    }
  };

  // The fingerprint key comes from the seed, not from randomness, so two runs of one site print
  // the same incident ids and hashes (the installed event keeps an existing key).
  await runtime.forgeFetch({ type: 'kvs', provider: 'app', remote: 'kvs' }, '/api/v1/secret/set', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: 'fingerprint-key', value: harnessKey(seed) }),
  });
  await runtime.trigger('avi:forge:installed:app', installedEvent(admin));
  if (o.checkValidity)
    data(await call('updateSettings', { validityChecks: { enabled: true } }), 'updateSettings');
  if (incidentApi) {
    const host = 'incidents.local-harness.test';
    runtime.allowEgress(host);
    data(await call('updateSettings', { incidentApiUrl: `https://${host}` }), 'updateSettings');
    data(await call('setIncidentApiToken', { token: API_TOKEN }), 'setIncidentApiToken');
  }

  /**
   * Runs the queues until `done` says so or nothing is pending. Delivery to an incident API that
   * is down re-queues itself for ever: callers wait for what they need, not for an empty queue.
   */
  async function drain(done: () => Promise<boolean> = () => Promise.resolve(false)): Promise<void> {
    for (let i = 0; i < 10_000; i++) {
      if (await done()) return;
      const r = await runtime.runQueues({ maxInvocations: 5 });
      if (r.remaining === 0) return;
    }
    throw new Error('the queues did not settle');
  }
  /**
   * A resolver call asked again while it answers `unavailable` (Jira kept refusing, as injected
   * faults do now and then), as a person would click again: at most a few times.
   */
  const answered = async (name: string, payload: unknown): Promise<unknown> => {
    let r = await call(name, payload);
    for (let i = 0; i < 5 && isUnavailable(r); i++) r = await call(name, payload);
    return r;
  };
  const scanEnded = async (jobId: string): Promise<boolean> => {
    const job = data<HistoricalJob>(await answered('getScan', { jobId }), 'getScan');
    return job.status !== 'running';
  };
  const onlyDeliveryLeft = (): Promise<boolean> =>
    Promise.resolve(runtime.pending().every((e) => e.queueName === 'incident-delivery'));

  return {
    sim,
    runtime,
    incidentApi,
    admin,
    call,
    async historicalScan() {
      const job = data<HistoricalJob>(await answered('startScan', {}), 'startScan');
      await drain(() => scanEnded(job.id));
      const done = data<HistoricalJob>(await answered('getScan', { jobId: job.id }), 'getScan');
      if (done.status !== 'done')
        throw new Error(
          `the scan ended ${done.status}: ${JSON.stringify(done.errors.at(-1) ?? '')}`,
        );
      return done;
    },
    async checkRun() {
      await runtime.scheduled('validity-recheck');
      await drain(() =>
        Promise.resolve(runtime.pending().every((e) => e.queueName !== 'validity-check')),
      );
    },
    async replay(ops) {
      let events = 0;
      for (const raw of ops) {
        // A burst's time stamp (replayConcurrently): one op at a time has no use for it.
        const { atMs: _at, ...rest } = raw as { atMs?: unknown };
        const op = parseWriteOp(rest);
        if (!op.ok) throw new Error(`bad event op: ${op.error}`);
        const event = replayWrite(sim.site, op.op, { baseUrl: site.baseUrl });
        if (event) pending.push(event);
        for (let e = pending.shift(); e; e = pending.shift()) {
          await runtime.trigger(e.eventType, e as unknown as Record<string, unknown>);
          events++;
        }
        await drain(onlyDeliveryLeft);
      }
      return { applied: ops.length, events };
    },
    replayConcurrently(ops, options) {
      const start = runtime.now();
      let at = start;
      const arrivals = ops.map((raw): Arrival => {
        const { atMs, ...rest } = raw as { atMs?: unknown };
        if (atMs !== undefined && (typeof atMs !== 'number' || atMs < 0))
          throw new Error('bad event op: atMs must be a number of ms, at least 0');
        const op = parseWriteOp(rest);
        if (!op.ok) throw new Error(`bad event op: ${op.error}`);
        at = atMs === undefined ? at : start + atMs;
        return {
          at,
          events: () => {
            const event = replayWrite(sim.site, op.op, { baseUrl: site.baseUrl });
            if (event) pending.push(event);
            const out = pending.map((e) => ({
              eventType: e.eventType,
              payload: e as unknown as Record<string, unknown>,
            }));
            pending.length = 0;
            return out;
          },
        };
      });
      return runtime.runConcurrently(arrivals, {
        concurrency: options.concurrency,
        seed: options.seed ?? seed,
        ...(incidentApi ? {} : { ignoreQueues: ['incident-delivery'] }),
      });
    },
    async incidents() {
      const all: Incident[] = [];
      let cursor: string | undefined;
      do {
        const page = data<{ items: Incident[]; cursor?: string }>(
          await readCall('listIncidents', { limit: 100, ...(cursor ? { cursor } : {}) }),
          'listIncidents',
        );
        all.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      const out: IncidentReport[] = [];
      const fields: Record<string, FieldName> = {};
      const components: Record<string, string> = {};
      const versions: Record<string, string> = {};
      for (const i of all) {
        // Places come a page at a time: follow the cursor to the last one.
        let incident: Incident | undefined;
        const occurrences: ReportOccurrence[] = [];
        let next: string | undefined;
        do {
          const d = data<{
            incident: Incident;
            occurrences: ReportOccurrence[];
            names: PlaceNamesJson;
            cursor?: string;
          }>(
            await readCall('getIncident', { id: i.id, ...(next ? { cursor: next } : {}) }),
            'getIncident',
          );
          incident = d.incident;
          Object.assign(fields, d.names.fields);
          Object.assign(components, d.names.components);
          Object.assign(versions, d.names.versions);
          occurrences.push(...d.occurrences);
          next = d.cursor;
        } while (next);
        out.push({
          ...incident,
          occurrences: occurrences.sort(
            (a, b) =>
              locationKey(a.location).localeCompare(locationKey(b.location)) ||
              a.id.localeCompare(b.id),
          ),
        });
      }
      // Authors by name, asked as the admin the way the page asks (50 a call).
      const people = new Map<string, string>();
      const ids = placePeople(out.flatMap((i) => i.occurrences.map((o) => o.location)));
      for (let k = 0; k < ids.length; k += 50)
        for (const u of data<JiraUser[]>(
          await call('userNames', { accountIds: ids.slice(k, k + 50) }),
          'userNames',
        ))
          people.set(u.accountId, u.displayName);
      return withWhere(out, { fields, components, versions, people }).sort(
        (a, b) =>
          a.detector.name.localeCompare(b.detector.name) ||
          a.secret_hash.localeCompare(b.secret_hash),
      );
    },
    stats(started) {
      const s = sim.stats();
      const fn = runtime.stats();
      return {
        jiraRequests: s.requests,
        jiraPoints: s.points,
        byEndpoint: s.byEndpoint,
        jiraFaults: Object.values(s.byEndpoint).reduce((n, v) => n + (v.faults ?? 0), 0),
        issuesScanned: 0,
        invocations: Object.fromEntries(Object.entries(fn).map(([k, v]) => [k, v.invocations])),
        retries: Object.values(fn).reduce((n, v) => n + v.retries, 0),
        wallMs: Date.now() - started,
        forge: forgeCost(fn),
      };
    },
    reload(file) {
      appFile = file;
      app = undefined;
    },
    close() {
      runtime.close();
    },
  };
}

function forgeCost(
  fn: Record<string, FunctionStats>,
): ForgeCost & { byFunction: Record<string, ForgeCost> } {
  const keys = [
    'invocations',
    'kvsReads',
    'kvsWrites',
    'kvsReadUnits',
    'kvsWriteUnits',
    'virtualMs',
    'wallMs',
  ] as const;
  const pick = (s: FunctionStats): ForgeCost =>
    Object.fromEntries(keys.map((k) => [k, Math.round(s[k])])) as unknown as ForgeCost;
  const byFunction = Object.fromEntries(Object.entries(fn).map(([k, v]) => [k, pick(v)]));
  const total = Object.fromEntries(
    keys.map((k) => [k, Object.values(byFunction).reduce((n, v) => n + v[k], 0)]),
  ) as unknown as ForgeCost;
  return { ...total, byFunction };
}

/** A 32-byte hex key from the seed (local runs only: never how a real installation keys). */
function harnessKey(seed: number): string {
  const random = seededRandom(seed ^ 0x5eed);
  return Array.from({ length: 32 }, () =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join('');
}

/** The app's egress to a validity checker's host, answered by the provider simulator. */
async function forwardToProviders(
  sim: ProviderSim,
  url: string,
  init?: RequestInit,
): Promise<Response> {
  const r = await sim.handle(
    {
      method: init?.method ?? 'GET',
      url,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    },
    init?.signal ?? undefined,
  );
  return new Response(r.body, { status: r.status, headers: r.headers });
}

/** The app's egress to the incident API host, answered by the loopback server in process. */
async function forwardToApi(
  api: IncidentApiServer,
  url: string,
  init?: RequestInit,
): Promise<Response> {
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  const r = await api.fetch(url, {
    method: init?.method ?? 'GET',
    headers,
    ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    redirect: 'manual',
  });
  const text = await r.text();
  const h = new Headers();
  for (const name of ['content-type', 'retry-after']) {
    const v = r.headers.get(name);
    if (v !== null) h.set(name, v);
  }
  return new Response(text === '' ? null : text, { status: r.status, headers: h });
}

/** `avi:forge:installed:app` as the life cycle events reference documents it. */
export function installedEvent(installerAccountId: string): Record<string, unknown> {
  return {
    id: 'install',
    installerAccountId,
    app: { id: 'app', version: '1.0.0' },
    environment: { id: 'development' },
  };
}
