/**
 * Storage ports for the app's own records beside incidents: JSON documents (settings, jobs, the
 * perimeter), counts many invocations move at once (the overview's tallies, real-time events per
 * week) and secrets (the fingerprint key, the incident API token). The Forge adapter keeps
 * documents in KVS, counts in a KVS custom entity and secrets in the KVS secret store; tests and
 * the CLI keep them in memory.
 * @module
 */

/** JSON documents by key. Keys match Forge KVS's rule: `[a-zA-Z0-9:._\s#-]`, at most 500 chars. */
export interface DocumentStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, with their values, in key order. */
  // The caller names the shape of documents it wrote itself.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  list<T>(
    prefix: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: { key: string; value: T }[]; cursor?: string }>;
}

/**
 * Named sets of counts (`name` -> number) that concurrent invocations add to. A document read and
 * written whole loses one of two updates made at the same moment; here `add` is exact whatever
 * runs at the same time (the Forge adapter: optimistic concurrency on KVS transactions).
 */
export interface CountStore {
  /** Adds `deltas` (positive or negative) to the counts under `key`. */
  add(key: string, deltas: Readonly<Record<string, number>>): Promise<void>;
  /**
   * The counts under `key` (zeros left out), with the version `replace` names; undefined when
   * nothing was ever added or put there.
   */
  read(key: string): Promise<Counted | undefined>;
  /**
   * Sets the counts under `key` (a recount) if no add or replace changed them
   * since the read that gave `version` (undefined: they must not exist). False when one did.
   */
  replace(
    key: string,
    counts: Readonly<Record<string, number>>,
    version?: string,
  ): Promise<boolean>;
  /** Keys starting with `prefix` that hold counts, in key order. */
  keys(prefix: string): Promise<string[]>;
}

export interface Counted {
  readonly counts: Record<string, number>;
  readonly version: string;
}

/** Keeps only the counts that are not zero. */
export const nonZero = (counts: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));

/** Every add runs in one turn of the event loop: exact under any interleaving of awaits. */
export function createMemoryCountStore(): CountStore {
  const data = new Map<string, { counts: Record<string, number>; version: number }>();
  let versions = 0;
  return {
    add(key, deltas) {
      const counts = { ...data.get(key)?.counts };
      for (const [k, n] of Object.entries(deltas)) counts[k] = (counts[k] ?? 0) + n;
      data.set(key, { counts: nonZero(counts), version: ++versions });
      return Promise.resolve();
    },
    read(key) {
      const d = data.get(key);
      return Promise.resolve(d && { counts: { ...d.counts }, version: String(d.version) });
    },
    replace(key, counts, version) {
      if (data.get(key)?.version.toString() !== version) return Promise.resolve(false);
      data.set(key, { counts: nonZero(counts), version: ++versions });
      return Promise.resolve(true);
    },
    keys: (prefix) => Promise.resolve([...data.keys()].filter((k) => k.startsWith(prefix)).sort()),
  };
}

/** Write-only from the outside: a secret is read only by the code that needs it, never returned to a UI. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createMemoryDocumentStore(): DocumentStore & {
  readonly data: Map<string, unknown>;
} {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string) => Promise.resolve(data.get(key) as T | undefined),
    set(key, value) {
      data.set(key, structuredClone(value));
      return Promise.resolve();
    },
    delete(key) {
      data.delete(key);
      return Promise.resolve();
    },
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    list<T>(prefix: string, limit: number, cursor?: string) {
      const keys = [...data.keys()]
        .filter((k) => k.startsWith(prefix) && (!cursor || k > cursor))
        .sort();
      const page = keys.slice(0, limit);
      const items = page.map((key) => ({ key, value: data.get(key) as T }));
      const last = page.at(-1);
      return Promise.resolve(keys.length > limit && last ? { items, cursor: last } : { items });
    },
  };
}

export function createMemorySecretStore(): SecretStore & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => Promise.resolve(data.get(key)),
    set(key, value) {
      data.set(key, value);
      return Promise.resolve();
    },
    delete(key) {
      data.delete(key);
      return Promise.resolve();
    },
  };
}
