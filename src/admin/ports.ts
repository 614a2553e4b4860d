/**
 * Storage ports for the app's own records beside incidents: JSON documents (settings, jobs, the
 * perimeter) and secrets (the fingerprint key, the incident API token). The Forge adapter keeps
 * documents in KVS and secrets in the KVS secret store; tests and the CLI keep them in memory.
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
