/**
 * Delivering the outbox to the incident API, at least once and in the latest state.
 *
 * - `enqueue` stores one entry per changed incident (after the change itself is stored), with a
 *   fresh `seq`, due at once. A burst of changes to one incident leaves one entry.
 * - `deliverDue` reads the entries that are due, loads each incident and its occurrences as they
 *   are now, sends them, and removes an entry only after a 2xx and only if it still has the `seq`
 *   it sent (`removeIf`), so a change made during the delivery stays pending. A process that dies
 *   at any point loses nothing: an entry not removed is sent again, and the server's upsert is
 *   idempotent.
 * - A failure keeps the entries and sets when to try again: `Retry-After` when the server gives
 *   one, else 30 s doubling per attempt up to 1 h, with jitter (x0.75-1.25, capped at 1 h).
 *   Incidents the server rejects (400: a bug on one side) are held for a day, or until they
 *   change again (enqueue makes them due at once).
 * - Storage and clock come in as ports; errors recorded in entries are the client's messages,
 *   which never carry the token or a response body.
 * @module
 */
import type { ApiFailure, IncidentApi } from './incident-api.js';
import type { OutboxStore } from './outbox.js';
import type { IncidentReport } from './report.js';
import type { IncidentStore } from './store.js';

export const DELIVERY_POLICY = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  /** A server's Retry-After is honoured within these bounds. */
  minRetryAfterMs: 1000,
  maxRetryAfterMs: 24 * 60 * 60_000,
  /** How long an incident the server rejected waits, unless it changes again. */
  rejectedHoldMs: 24 * 60 * 60_000,
} as const;

/** Later than any real time: `due(HORIZON, n)` lists entries whatever their `notBefore`. */
const HORIZON = '9999-12-31T23:59:59.999Z';
/** How many pending entries are looked at to find the next attempt time. */
const PEEK = 100;
const MAX_ERROR = 500;

/**
 * Stores the incidents for delivery: one entry each, due at `now`, attempts reset. Call it after
 * the changes are stored (delivery reads the incident as it is when it runs).
 */
export async function enqueue(
  outbox: OutboxStore,
  incidentIds: readonly string[],
  now: string,
  newSeq: () => string,
): Promise<number> {
  const ids = [...new Set(incidentIds)];
  for (const id of ids)
    await outbox.putEntry({ id, seq: newSeq(), enqueuedAt: now, attempts: 0, notBefore: now });
  return ids.length;
}

/** Exponential backoff with jitter: 30 s x 2^attempts, capped at 1 h; `random` in [0, 1). */
export function backoffMs(attempts: number, random: number): number {
  const { baseDelayMs, maxDelayMs } = DELIVERY_POLICY;
  const nominal = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempts, 30));
  return Math.round(Math.min(maxDelayMs, nominal * (0.75 + 0.5 * random)));
}

/** How long a failed entry waits: the server's word when it gave one, else the backoff. */
export function retryDelayMs(failure: ApiFailure, attempts: number, random: number): number {
  const { minRetryAfterMs, maxRetryAfterMs, rejectedHoldMs } = DELIVERY_POLICY;
  if (failure.kind === 'rejected') return rejectedHoldMs;
  if (failure.retryAfterMs !== undefined)
    return Math.min(maxRetryAfterMs, Math.max(minRetryAfterMs, failure.retryAfterMs));
  return backoffMs(attempts, random);
}

export interface DeliverOptions {
  readonly outbox: OutboxStore;
  readonly store: Pick<IncidentStore, 'getIncident' | 'occurrencesOfIncident'>;
  readonly api: Pick<IncidentApi, 'upsert'>;
  /** ISO time. */
  readonly now: () => string;
  /** Entries read and sent per run (the client splits them into requests under its limits). */
  readonly batchSize: number;
  /** In [0, 1): jitter. */
  readonly random: () => number;
}

export interface DeliveryReport {
  /** Entries whose incident the server acknowledged (one changed meanwhile stays pending). */
  readonly delivered: number;
  /** Entries kept with a later `notBefore` (including `rejected`). */
  readonly failed: number;
  /** Of those, incidents the server refused: held, not retried at once. */
  readonly rejected: number;
  /** Entries removed because their incident is no longer stored. */
  readonly dropped: number;
  /** Entries left in the outbox. */
  readonly pending: number;
  /**
   * When a run should come next (absent when nothing is pending): the earliest `notBefore` of the
   * first 100 entries `due` lists (exact for a store that lists by `notBefore`, as the memory
   * outbox does), never before the retry time of a failure of the whole API in this run.
   */
  readonly nextAttemptAt?: string;
  /** The failure of this run, for the admin page (no token, no response body). */
  readonly error?: string;
  readonly notes: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const clip = (s: string): string => (s.length > MAX_ERROR ? `${s.slice(0, MAX_ERROR - 1)}…` : s);

export async function deliverDue(opts: DeliverOptions): Promise<DeliveryReport> {
  const { outbox, store, api } = opts;
  const started = opts.now();
  const entries = await outbox.due(started, Math.max(1, opts.batchSize));
  const notes: string[] = [];
  const reports: IncidentReport[] = [];
  const sent: typeof entries = [];
  let dropped = 0;
  for (const e of entries) {
    const incident = await store.getIncident(e.id);
    if (!incident) {
      await outbox.removeIf(e.id, e.seq);
      dropped++;
      notes.push(`incident ${e.id} is no longer stored: dropped from the outbox`);
      continue;
    }
    const occurrences = (await store.occurrencesOfIncident(e.id))
      .map(({ incident_id: _i, scope: _s, ...o }) => o)
      .sort((a, b) => a.id.localeCompare(b.id));
    reports.push({ ...incident, occurrences });
    sent.push(e);
  }

  let delivered = 0;
  let failed = 0;
  let rejectedCount = 0;
  let error: string | undefined;
  /** Set when the whole API failed (down, rate limited, token): no run before this time. */
  let notUntil: number | undefined;
  if (reports.length > 0) {
    const r = await api.upsert(reports);
    const ok = new Set(r.ok ? sent.map((e) => e.id) : r.delivered);
    const rejected = new Map(r.ok ? [] : r.rejected.map((x) => [x.id, x]));
    const after = Date.parse(opts.now());
    const draw = opts.random();
    for (const e of sent) {
      if (ok.has(e.id)) {
        await outbox.removeIf(e.id, e.seq);
        delivered++;
        continue;
      }
      if (r.ok) continue; // not reached: every sent incident is acknowledged
      failed++;
      const refused = rejected.get(e.id);
      const wait = refused
        ? DELIVERY_POLICY.rejectedHoldMs
        : retryDelayMs(r.kind === 'rejected' ? { ...r, kind: 'unavailable' } : r, e.attempts, draw);
      const notBefore = iso(after + wait);
      if (refused) rejectedCount++;
      else if (r.kind !== 'rejected') notUntil = Math.min(notUntil ?? Infinity, after + wait);
      // A newer change (another seq) is pending: it keeps its own, earlier schedule.
      const current = await outbox.getEntry(e.id);
      if (current?.seq !== e.seq) continue;
      const lastError = refused
        ? `${refused.message}; held until ${notBefore} unless the incident changes`
        : r.message;
      await outbox.putEntry({
        ...current,
        attempts: current.attempts + 1,
        notBefore,
        lastError: clip(lastError),
      });
    }
    if (!r.ok) error = clip(r.message);
  }

  const pending = await outbox.count();
  let nextAttemptAt: string | undefined;
  if (pending > 0) {
    const now = Date.parse(opts.now());
    const waiting = await outbox.due(HORIZON, PEEK);
    const earliest = waiting.reduce((m, e) => Math.min(m, Date.parse(e.notBefore)), Infinity);
    const next = Math.max(now, Number.isFinite(earliest) ? earliest : now, notUntil ?? now);
    nextAttemptAt = iso(next);
  }
  return {
    delivered,
    failed,
    rejected: rejectedCount,
    dropped,
    pending,
    ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
    ...(error === undefined ? {} : { error }),
    notes,
  };
}
