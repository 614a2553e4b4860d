/**
 * What the local Forge runtime needs from manifest.yml: functions and their time limits, the
 * modules that invoke them (triggers, consumers, scheduled triggers, preUninstall, resolvers of UI
 * modules), scopes, backend egress addresses, and the custom entities.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { EntityDeclaration } from './entities.js';

export interface ManifestFunction {
  readonly key: string;
  /** `file.export`, relative to src (`forge/index.onIssueEventTrigger`). */
  readonly handler: string;
  /** Milliseconds the platform lets one invocation run. */
  readonly limitMs: number;
}

export interface TriggerModule {
  readonly key: string;
  readonly function: string;
  readonly events: readonly string[];
  readonly ignoreSelf: boolean;
}

export interface ConsumerModule {
  readonly key: string;
  readonly queue: string;
  readonly function: string;
}

export interface FunctionModule {
  readonly key: string;
  readonly function: string;
}

export interface RuntimeManifest {
  readonly appId: string;
  readonly functions: ReadonlyMap<string, ManifestFunction>;
  readonly triggers: readonly TriggerModule[];
  readonly consumers: readonly ConsumerModule[];
  readonly scheduled: readonly FunctionModule[];
  readonly preUninstall: readonly FunctionModule[];
  /** UI modules with a `resolver.function`, by module key. */
  readonly resolvers: ReadonlyMap<string, FunctionModule>;
  readonly scopes: readonly string[];
  /** `permissions.external.fetch.backend` addresses as written. */
  readonly egress: readonly string[];
  readonly entities: readonly EntityDeclaration[];
}

/** Resolvers, UI and product-event triggers. */
export const DEFAULT_LIMIT_S = 25;
/** Consumers and scheduled triggers without `timeoutSeconds`, and preUninstall. */
export const LONG_DEFAULT_LIMIT_S = 55;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || v === '') throw new Error(`manifest: ${what} must be a string`);
  return v;
};

export function parseManifest(source: string): RuntimeManifest {
  const doc: unknown = parse(source);
  if (!isObject(doc)) throw new Error('manifest: not a YAML mapping');
  const app = isObject(doc.app) ? doc.app : {};
  const modules = isObject(doc.modules) ? doc.modules : {};
  const fnRef = (m: Json, where: string): FunctionModule => ({
    key: str(m.key, `${where} key`),
    function: str(m.function, `${where} ${String(m.key)} function`),
  });

  const triggers = objects(modules.trigger).map((m): TriggerModule => {
    const events = (Array.isArray(m.events) ? m.events : []).map((e: unknown) =>
      isObject(e) ? str(e.eventType, 'trigger eventType') : str(e, 'trigger event'),
    );
    const filter = isObject(m.filter) ? m.filter : {};
    return { ...fnRef(m, 'trigger'), events, ignoreSelf: filter.ignoreSelf === true };
  });
  const consumers = objects(modules.consumer).map((m): ConsumerModule => ({
    ...fnRef(m, 'consumer'),
    queue: str(m.queue, 'consumer queue'),
  }));
  const scheduled = objects(modules.scheduledTrigger).map((m) => fnRef(m, 'scheduledTrigger'));
  const preUninstall = objects(modules.preUninstall).map((m) => fnRef(m, 'preUninstall'));
  const resolvers = new Map<string, FunctionModule>();
  for (const [type, list] of Object.entries(modules)) {
    if (type === 'function') continue;
    for (const m of objects(list)) {
      if (isObject(m.resolver) && typeof m.resolver.function === 'string') {
        resolvers.set(str(m.key, `${type} key`), {
          key: str(m.key, `${type} key`),
          function: m.resolver.function,
        });
      }
    }
  }

  // timeoutSeconds counts only for functions referenced only by consumers / scheduled triggers.
  const longOnly = new Set([...consumers, ...scheduled].map((m) => m.function));
  for (const m of [...triggers, ...resolvers.values()]) longOnly.delete(m.function);
  const preUninstallFns = new Set(preUninstall.map((m) => m.function));
  const functions = new Map<string, ManifestFunction>();
  for (const f of objects(modules.function)) {
    const key = str(f.key, 'function key');
    const timeout = typeof f.timeoutSeconds === 'number' ? f.timeoutSeconds : undefined;
    const seconds = longOnly.has(key)
      ? (timeout ?? LONG_DEFAULT_LIMIT_S)
      : preUninstallFns.has(key)
        ? LONG_DEFAULT_LIMIT_S
        : DEFAULT_LIMIT_S;
    functions.set(key, {
      key,
      handler: str(f.handler, `function ${key} handler`),
      limitMs: seconds * 1000,
    });
  }

  const permissions = isObject(doc.permissions) ? doc.permissions : {};
  const external = isObject(permissions.external) ? permissions.external : {};
  const fetch = isObject(external.fetch) ? external.fetch : {};
  const egress = (Array.isArray(fetch.backend) ? fetch.backend : []).flatMap((e: unknown) =>
    typeof e === 'string' ? [e] : isObject(e) && typeof e.address === 'string' ? [e.address] : [],
  );
  const storage = isObject(app.storage) ? app.storage : {};
  return {
    appId: typeof app.id === 'string' ? app.id : 'ari:cloud:ecosystem::app/local',
    functions,
    triggers,
    consumers,
    scheduled,
    preUninstall,
    resolvers,
    scopes: (Array.isArray(permissions.scopes) ? permissions.scopes : []).filter(
      (s: unknown): s is string => typeof s === 'string',
    ),
    egress,
    entities: objects(storage.entities) as unknown as EntityDeclaration[],
  };
}

export function loadManifest(path: string): RuntimeManifest {
  return parseManifest(readFileSync(path, 'utf8'));
}

/**
 * The host part of an egress address (`https://api.example.com`, `api.example.com`,
 * `*.example.com`, `*`): what the runtime matches a URL's hostname against.
 */
export function egressHost(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (trimmed === '*' || trimmed.startsWith('*.')) return trimmed.replace(/\/.*$/, '');
  try {
    return new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return trimmed;
  }
}

/** Whether `hostname` matches one of the hosts (exact, `*.suffix`, or `*`). */
export function hostAllowed(hostname: string, hosts: Iterable<string>): boolean {
  const h = hostname.toLowerCase();
  for (const allowed of hosts) {
    if (allowed === '*' || allowed === h) return true;
    if (allowed.startsWith('*.') && h.endsWith(allowed.slice(1))) return true;
  }
  return false;
}
