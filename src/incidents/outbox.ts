/**
 * The outbox: every incident change to forward to the incident API is stored first, then delivered
 * in batches, and removed only after the API answered 2xx. One entry per incident: the latest
 * state is read at delivery time, so a burst of changes to one incident is sent once.
 * @module
 */

export interface OutboxEntry {
  /** The incident id: one pending entry per incident. */
  readonly id: string;
  /** Changes with every enqueue, so a delivery removes only the entry it sent (see removeIf). */
  readonly seq: string;
  readonly enqueuedAt: string;
  readonly attempts: number;
  /** ISO time before which the entry is not retried. */
  readonly notBefore: string;
  readonly lastError?: string;
}

export interface OutboxStore {
  getEntry(id: string): Promise<OutboxEntry | undefined>;
  putEntry(entry: OutboxEntry): Promise<void>;
  /** Entries with `notBefore <= now`, oldest first. */
  due(now: string, limit: number): Promise<OutboxEntry[]>;
  /** Removes the entry only if it still has this `seq` (a newer change keeps it pending). */
  removeIf(id: string, seq: string): Promise<void>;
  count(): Promise<number>;
}

export interface MemoryOutbox extends OutboxStore {
  /** Every entry, in `due` order (tests, the harness, a snapshot). */
  entries(): OutboxEntry[];
}

const at = (iso: string): number => Date.parse(iso);

/** Longest due first: by `notBefore`, then by age, then by id (a stable order). */
function dueOrder(a: OutboxEntry, b: OutboxEntry): number {
  return (
    at(a.notBefore) - at(b.notBefore) ||
    at(a.enqueuedAt) - at(b.enqueuedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** The outbox in memory: tests, the CLI and the harness. Entries are copied in and out. */
export function createMemoryOutbox(from: readonly OutboxEntry[] = []): MemoryOutbox {
  const entries = new Map<string, OutboxEntry>(from.map((e) => [e.id, { ...e }]));
  const sorted = (): OutboxEntry[] => [...entries.values()].sort(dueOrder).map((e) => ({ ...e }));
  return {
    getEntry(id) {
      const e = entries.get(id);
      return Promise.resolve(e && { ...e });
    },
    putEntry(entry) {
      entries.set(entry.id, { ...entry });
      return Promise.resolve();
    },
    due(now, limit) {
      const t = at(now);
      return Promise.resolve(
        sorted()
          .filter((e) => at(e.notBefore) <= t)
          .slice(0, limit),
      );
    },
    removeIf(id, seq) {
      if (entries.get(id)?.seq === seq) entries.delete(id);
      return Promise.resolve();
    },
    count: () => Promise.resolve(entries.size),
    entries: sorted,
  };
}
