/**
 * Where the KVS emulation keeps its records. The protocol layer (kvs.ts) does all validation,
 * querying and ordering over these few primitives, so a harness can swap the in-memory backend for
 * a persistent one (SQLite) without touching the protocol.
 * @module
 */

export interface StoredRecord {
  /** Parsed JSON, never null. */
  readonly value: unknown;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Epoch milliseconds after which the record no longer exists (TTL). */
  readonly expiresAt?: number;
}

/**
 * A space is one namespace of keys: `kvs` (plain keys), `secret`, or `entity:<name>`. Reads of a
 * key never see another space's record.
 */
export interface KvsBackend {
  get(space: string, key: string): StoredRecord | undefined;
  put(space: string, key: string, record: StoredRecord): void;
  delete(space: string, key: string): void;
  /** Every record of a space in key order (UTF-16 code unit order), expired ones included. */
  list(space: string): [string, StoredRecord][];
  /** Runs `apply` so that either all of its writes land or none do. */
  atomically(apply: () => void): void;
}

export interface MemoryKvsBackend extends KvsBackend {
  /** The spaces that hold at least one record. */
  spaces(): string[];
  clear(): void;
}

/**
 * Records live in Maps. `atomically` copies every space first and restores them if `apply` throws,
 * so a failed transaction leaves nothing behind (cheap at test sizes).
 */
export function createMemoryKvsBackend(): MemoryKvsBackend {
  const data = new Map<string, Map<string, StoredRecord>>();
  const space = (name: string): Map<string, StoredRecord> => {
    const found = data.get(name);
    if (found) return found;
    const made = new Map<string, StoredRecord>();
    data.set(name, made);
    return made;
  };
  return {
    get: (name, key) => data.get(name)?.get(key),
    put(name, key, record) {
      space(name).set(key, record);
    },
    delete(name, key) {
      data.get(name)?.delete(key);
    },
    list(name) {
      return [...(data.get(name) ?? new Map<string, StoredRecord>())].sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
    },
    atomically(apply) {
      const saved = new Map<string, Map<string, StoredRecord>>();
      for (const [name, s] of data) saved.set(name, new Map(s));
      try {
        apply();
      } catch (e) {
        data.clear();
        for (const [name, s] of saved) data.set(name, s);
        throw e;
      }
    },
    spaces: () => [...data].filter(([, s]) => s.size > 0).map(([name]) => name),
    clear() {
      data.clear();
    },
  };
}
