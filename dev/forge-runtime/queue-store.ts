/**
 * Where the runtime keeps async events (`@forge/events` pushes) until a consumer has handled them:
 * in memory, or in SQLite beside the KVS records (sqlite-backend.ts) so a restart resumes them.
 * @module
 */

export interface QueuedEvent {
  /** Store order, assigned by `add`. */
  readonly seq: number;
  readonly eventId: string;
  readonly queueName: string;
  readonly jobId: string;
  readonly body: unknown;
  /** Virtual epoch ms at which it may be delivered. */
  readonly dueAt: number;
  /** Virtual epoch ms of the first push: the retention window (24 h) counts from it. */
  readonly pushedAt: number;
  /** Deliveries so far that did not succeed. */
  readonly retryCount: number;
  readonly retryReason?: string;
  readonly retryData?: unknown;
  readonly delayInSeconds?: number;
  /** A fault-injected second copy of an event. */
  readonly duplicate?: boolean;
}

export interface QueueStore {
  add(event: Omit<QueuedEvent, 'seq'>): QueuedEvent;
  update(event: QueuedEvent): void;
  remove(seq: number): void;
  /** Every pending event, by due time then store order. */
  list(): QueuedEvent[];
  getMeta(name: string): string | undefined;
  setMeta(name: string, value: string): void;
}

export function createMemoryQueueStore(): QueueStore {
  const events = new Map<number, QueuedEvent>();
  const meta = new Map<string, string>();
  let next = 1;
  return {
    add(event) {
      const stored = { ...event, seq: next++ };
      events.set(stored.seq, stored);
      return stored;
    },
    update(event) {
      if (events.has(event.seq)) events.set(event.seq, event);
    },
    remove(seq) {
      events.delete(seq);
    },
    list: () => [...events.values()].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq),
    getMeta: (name) => meta.get(name),
    setMeta(name, value) {
      meta.set(name, value);
    },
  };
}
