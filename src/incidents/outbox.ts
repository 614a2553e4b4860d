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
