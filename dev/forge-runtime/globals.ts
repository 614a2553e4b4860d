/**
 * The two globals the Forge SDKs look for, so `@forge/kvs` (and `@forge/api`'s runtime helpers)
 * run unmodified in Node: `global.__forge_fetch__(target, path, init)` answers platform calls, and
 * `global.__forge_runtime__` describes the invocation.
 *
 * `@forge/kvs` reads `__forge_runtime__` once, when it is first imported: if `runtime.kvs.url` and
 * `runtime.kvs.host` are set it sends `{type:'kvs'}` plus bearer/host headers, otherwise
 * `{type:'kvs', provider:'app', remote:'kvs'}`. It looks `__forge_fetch__` up on every call. Both
 * shapes reach the KVS emulation here, so install the globals before importing `@forge/kvs` (or any
 * module that imports it), e.g. with a dynamic `import()` after `installForgeGlobals()`.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { EntityDeclaration } from './entities.js';
import { createKvsEmulator, type KvsEmulator, type KvsRequestInit } from './kvs.js';

export interface ForgeFetchTarget {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  readonly [field: string]: unknown;
}

export type ForgeFetch = (
  target: ForgeFetchTarget,
  path: string,
  init?: KvsRequestInit,
) => Promise<Response>;

export interface ForgeRuntime {
  readonly appContext: {
    readonly appId: string;
    readonly appVersion: string;
    readonly environmentId: string;
    readonly environmentType: string;
    readonly invocationId: string;
    readonly installationId: string;
    readonly moduleKey: string;
    readonly permissions: { readonly scopes: readonly string[]; readonly external: object };
  };
  readonly contextAri: string;
  readonly aaid?: string;
  readonly proxy: { readonly token: string; readonly url: string };
  readonly tracing: { readonly traceId: string; readonly spanId: string };
  readonly lambdaContext: { readonly getRemainingTimeInMillis: () => number };
  readonly metrics: {
    counter(name: string, tags?: unknown): { incr(): void; decr(): void };
    timing(name: string, tags?: unknown): { measure(): { stop(): void } };
  };
  readonly kvs?: { readonly url: string; readonly host: string };
}

export interface ForgeGlobalsOptions {
  /** manifest.yml's `app.storage.entities` (ignored when `kvs` is given). */
  readonly entities?: readonly EntityDeclaration[];
  /** An emulator to answer KVS calls (a fresh in-memory one otherwise). */
  readonly kvs?: KvsEmulator;
  /** Answers every other target type (`fpp`, `sql`, ...); without it those calls reject. */
  readonly route?: ForgeFetch;
  /** Fields to override in the default runtime. */
  readonly runtime?: Partial<ForgeRuntime>;
}

export interface ForgeGlobals {
  readonly kvs: KvsEmulator;
  readonly runtime: ForgeRuntime;
  readonly fetch: ForgeFetch;
  /** Restores whatever the two globals held before. */
  uninstall(): void;
}

const noop = (): void => undefined;

export function defaultRuntime(overrides: Partial<ForgeRuntime> = {}): ForgeRuntime {
  const id = '00000000-0000-4000-8000-000000000000';
  return {
    appContext: {
      appId: id,
      appVersion: '1.0.0',
      environmentId: id,
      environmentType: 'DEVELOPMENT',
      invocationId: randomUUID(),
      installationId: id,
      moduleKey: 'local-harness',
      permissions: { scopes: ['storage:app'], external: {} },
    },
    contextAri: `ari:cloud:jira::site/${id}`,
    proxy: { token: 'local-harness-token', url: 'https://forge-runtime.invalid' },
    tracing: { traceId: randomUUID().replaceAll('-', ''), spanId: randomUUID().slice(0, 16) },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics: {
      counter: () => ({ incr: noop, decr: noop }),
      timing: () => ({ measure: () => ({ stop: noop }) }),
    },
    ...overrides,
  };
}

/** The `__forge_fetch__` implementation: KVS calls to the emulator, the rest to `route`. */
export function forgeFetch(kvs: KvsEmulator, route?: ForgeFetch): ForgeFetch {
  return (target, path, init) => {
    if (target.type === 'kvs') return kvs.handle(path, init);
    if (route) return route(target, path, init);
    return Promise.reject(
      new Error(`forge-runtime: no route for ${target.type} call to ${path} (pass options.route)`),
    );
  };
}

const FETCH = '__forge_fetch__';
const RUNTIME = '__forge_runtime__';

/** Defines `global.__forge_fetch__` and `global.__forge_runtime__`. */
export function installForgeGlobals(options: ForgeGlobalsOptions = {}): ForgeGlobals {
  const kvs =
    options.kvs ?? createKvsEmulator(options.entities ? { entities: options.entities } : {});
  const runtime = defaultRuntime(options.runtime);
  const fetch = forgeFetch(kvs, options.route);
  const g = globalThis as Record<string, unknown>;
  const before = { fetch: g[FETCH], runtime: g[RUNTIME], had: [FETCH in g, RUNTIME in g] };
  g[FETCH] = fetch;
  g[RUNTIME] = runtime;
  return {
    kvs,
    runtime,
    fetch,
    uninstall() {
      if (g[FETCH] !== fetch) return; // someone installed over us: leave theirs in place
      if (before.had[0]) g[FETCH] = before.fetch;
      else Reflect.deleteProperty(g, FETCH);
      if (before.had[1]) g[RUNTIME] = before.runtime;
      else Reflect.deleteProperty(g, RUNTIME);
    },
  };
}
