/**
 * Validity check runs: re-checks the incidents still `valid` or `failed_to_check` (daily, from a
 * scheduled trigger), as a queue consumer like the historical scan. A run first takes a snapshot
 * of the incident ids to check (pages of ids, so incidents whose validity changes during the run
 * do not shift the listing under it), then checks them a batch at a time, checkpointing after
 * every batch and re-queuing itself well before the consumer's time limit.
 *
 * Limits, so a site with thousands of incidents neither hammers one provider nor overruns:
 * - a per-run budget (`maxChecks`): the snapshot takes at most that many incidents, the least
 *   recently checked first as the store lists them oldest first;
 * - per provider, at most `perProvider` checks a run, at most `concurrency` in flight at once
 *   (the session's limit), and a provider that answers 429 gets no more requests this run;
 * incidents left over keep their validity and are deferred to the next run.
 * The app never stores a secret: each check reads the place again (see recheck in check-now.ts).
 * @module
 */
import type { Incident } from '../incidents/model.js';
import { JiraRateLimitError } from '../jira/http.js';
import { checkerFor, createValiditySession } from '../validity/index.js';
import { makeFingerprinter } from '../engine/fingerprint.js';
import { recheck, record, type RecheckContext } from './check-now.js';
import { fingerprintKey, scannerOf, textFields, type AppDeps } from './context.js';
import { isProviderChecked, loadSettings, type Settings } from './settings.js';
import type { FieldMeta } from '../content/issue-units.js';

export interface CheckRunLimits {
  /** Incidents checked at most per run. */
  readonly maxChecks: number;
  /** Checks of one provider at most per run. */
  readonly perProvider: number;
  /** Incidents checked at once (and requests in flight to one provider). */
  readonly concurrency: number;
}

export const DEFAULT_CHECK_RUN_LIMITS: CheckRunLimits = {
  maxChecks: 2000,
  perProvider: 1000,
  concurrency: 4,
};

/** The validities a scheduled run re-checks. */
export const RECHECKED = ['valid', 'failed_to_check'] as const;

export interface CheckRunCounters {
  readonly checked: number;
  readonly valid: number;
  readonly invalid: number;
  readonly failed_to_check: number;
  /** Left for the next run: a provider over its share, rate-limited or switched off. */
  readonly deferred: number;
}

export interface CheckRun {
  readonly id: string;
  readonly status: 'running' | 'done' | 'cancelled';
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly limits: CheckRunLimits;
  /** Queue events consumed so far: an event whose step is not this is stale. */
  readonly step: number;
  /** Snapshot: which validity is being listed, and where its listing stands. */
  readonly snapshot: {
    readonly phase: number;
    readonly cursor?: string;
    readonly done: boolean;
    /** Id pages written (`check-run:<id>:ids:<n>`) and their lengths. */
    readonly pages: number;
    readonly sizes: readonly number[];
    readonly total: number;
  };
  /** Index of the next incident to check, across the snapshot's pages. */
  readonly next: number;
  readonly byProvider: Readonly<Record<string, number>>;
  /** Providers that answered 429 this run: nothing more is sent to them. */
  readonly rateLimited: readonly string[];
  readonly counters: CheckRunCounters;
}

const CURRENT = 'check-run-current';
const runKey = (id: string): string => `check-run:${id}`;
const idsKey = (id: string, page: number): string => `check-run:${id}:ids:${page}`;
const PAGE = 200;

export async function getCheckRun(
  deps: Pick<AppDeps, 'docs'>,
  id: string,
): Promise<CheckRun | undefined> {
  return deps.docs.get<CheckRun>(runKey(id));
}

export async function currentCheckRun(deps: Pick<AppDeps, 'docs'>): Promise<CheckRun | undefined> {
  const id = await deps.docs.get<string>(CURRENT);
  return id ? getCheckRun(deps, id) : undefined;
}

export type StartCheckRunResult =
  { readonly ok: true; readonly run: CheckRun } | { readonly ok: false; readonly error: string };

/** Starts a run (the scheduled trigger); one at a time, and only when checks are on. */
export async function startCheckRun(
  deps: AppDeps,
  limits: Partial<CheckRunLimits> = {},
): Promise<StartCheckRunResult> {
  const settings = await loadSettings(deps.docs);
  if (!settings.validityChecks.enabled || !deps.validity)
    return { ok: false, error: 'validity checks are off' };
  const current = await currentCheckRun(deps);
  if (current?.status === 'running') return { ok: false, error: 'a check run is in progress' };
  const now = deps.now();
  const run: CheckRun = {
    id: deps.newId(),
    status: 'running',
    startedAt: now,
    updatedAt: now,
    limits: { ...DEFAULT_CHECK_RUN_LIMITS, ...limits },
    step: 0,
    snapshot: { phase: 0, done: false, pages: 0, sizes: [], total: 0 },
    next: 0,
    byProvider: {},
    rateLimited: [],
    counters: { checked: 0, valid: 0, invalid: 0, failed_to_check: 0, deferred: 0 },
  };
  await deps.docs.set(runKey(run.id), run);
  await deps.docs.set(CURRENT, run.id);
  await deps.queues.pushCheckRun(run.id, 0);
  return { ok: true, run };
}

export type CheckRunEventOutcome =
  | { readonly kind: 'stale' | 'stopped' | 'done' }
  | { readonly kind: 'requeued'; readonly delaySeconds: number };

/**
 * One consumer invocation: snapshot pages, then batches of checks, until `softDeadlineMs` has
 * passed (checked between batches), checkpointing after each; then it re-queues itself.
 */
export async function runCheckRunEvent(
  deps: AppDeps,
  event: { runId: string; step: number },
  clock: { nowMs: () => number; softDeadlineMs: number },
): Promise<CheckRunEventOutcome> {
  let run = await getCheckRun(deps, event.runId);
  if (!run || run.status !== 'running') return { kind: 'stopped' };
  if (run.step !== event.step) return { kind: 'stale' };
  run = { ...run, step: run.step + 1 };
  await save(deps, run);
  const past = (): boolean => clock.nowMs() >= clock.softDeadlineMs;
  const settings = await loadSettings(deps.docs);
  if (!settings.validityChecks.enabled || !deps.validity) {
    await save(deps, { ...run, status: 'cancelled' });
    return { kind: 'stopped' };
  }
  while (!run.snapshot.done && !past()) run = await save(deps, await snapshotPage(deps, run));
  if (run.snapshot.done && !past()) {
    const session = createValiditySession({
      ...deps.validity,
      now: deps.now,
      fingerprint: makeFingerprinter(await fingerprintKey(deps)),
      isProviderEnabled: (p) => isProviderChecked(settings, p),
      keepIdentity: settings.validityChecks.keepIdentity,
      perProvider: run.limits.concurrency,
    });
    let fields: Promise<readonly FieldMeta[]> | undefined;
    const pages = new Map<number, readonly string[]>();
    const ctx: BatchContext = {
      session,
      scanner: await scannerOf(deps, settings),
      fields: () => (fields ??= textFields(deps)),
      page: async (n) => {
        const ids = pages.get(n) ?? (await deps.docs.get<string[]>(idsKey(event.runId, n))) ?? [];
        pages.set(n, ids);
        return ids;
      },
    };
    while (run.next < run.snapshot.total && !past()) {
      try {
        run = await save(deps, await checkBatch(deps, run, ctx, settings));
      } catch (e) {
        if (!(e instanceof JiraRateLimitError)) throw e; // the platform retries; checkpoint kept
        const delaySeconds = Math.min(900, Math.max(1, Math.ceil(e.retryAfterMs / 1000)));
        await deps.queues.pushCheckRun(run.id, run.step, delaySeconds);
        return { kind: 'requeued', delaySeconds };
      }
    }
  }
  if (run.snapshot.done && run.next >= run.snapshot.total) {
    await save(deps, { ...run, status: 'done' });
    for (let p = 0; p < run.snapshot.pages; p++) await deps.docs.delete(idsKey(run.id, p));
    return { kind: 'done' };
  }
  await deps.queues.pushCheckRun(run.id, run.step, 0);
  return { kind: 'requeued', delaySeconds: 0 };
}

async function save(deps: AppDeps, run: CheckRun): Promise<CheckRun> {
  const next = { ...run, updatedAt: deps.now() };
  await deps.docs.set(runKey(run.id), next);
  return next;
}

/** Lists one page of the current phase's incidents into the snapshot, within the budget. */
async function snapshotPage(deps: AppDeps, run: CheckRun): Promise<CheckRun> {
  const s = run.snapshot;
  const validity = RECHECKED[s.phase];
  const room = run.limits.maxChecks - s.total;
  if (validity === undefined || room <= 0) return { ...run, snapshot: { ...s, done: true } };
  const page = await deps.store.listIncidents(
    { validity, order: 'oldest' },
    Math.min(PAGE, room),
    s.cursor,
  );
  const ids = page.items.map((i) => i.id);
  if (ids.length > 0) await deps.docs.set(idsKey(run.id, s.pages), ids);
  const pages = ids.length > 0 ? s.pages + 1 : s.pages;
  const sizes = ids.length > 0 ? [...s.sizes, ids.length] : s.sizes;
  const total = s.total + ids.length;
  const { cursor: _old, ...rest } = s;
  const snapshot = page.cursor
    ? { ...rest, pages, sizes, total, cursor: page.cursor }
    : { ...rest, pages, sizes, total, phase: s.phase + 1, done: s.phase + 1 >= RECHECKED.length };
  return { ...run, snapshot };
}

/** The snapshot's ids from `from`, at most `n`, reading only the pages they sit in. */
async function idsAt(run: CheckRun, ctx: BatchContext, from: number, n: number): Promise<string[]> {
  const out: string[] = [];
  let start = 0;
  for (let p = 0; p < run.snapshot.sizes.length && out.length < n; p++) {
    const size = run.snapshot.sizes[p] ?? 0;
    if (from < start + size) {
      const ids = await ctx.page(p);
      out.push(...ids.slice(Math.max(0, from - start), Math.max(0, from - start) + n - out.length));
    }
    start += size;
  }
  return out;
}

interface BatchContext extends RecheckContext {
  /** A page of the snapshot's ids (read once per invocation). */
  readonly page: (n: number) => Promise<readonly string[]>;
}

/** Checks the next `concurrency` incidents at once; each result is stored as it comes. */
async function checkBatch(
  deps: AppDeps,
  run: CheckRun,
  ctx: BatchContext,
  settings: Settings,
): Promise<CheckRun> {
  const ids = await idsAt(run, ctx, run.next, run.limits.concurrency);
  const byProvider = { ...run.byProvider };
  const rateLimited = new Set(run.rateLimited);
  const c = { ...run.counters };
  const todo: Incident[] = [];
  for (const id of ids) {
    const incident = await deps.store.getIncident(id);
    const checker = incident ? checkerFor(incident.detector.name) : undefined;
    // Gone, or checked since the run started (a "Check now"): nothing to do.
    if (!incident || (incident.validity_checked_at ?? '') >= run.startedAt) continue;
    const provider = checker?.provider;
    if (
      !checker ||
      !provider ||
      !isProviderChecked(settings, provider) ||
      rateLimited.has(provider) ||
      (byProvider[provider] ?? 0) >= run.limits.perProvider
    ) {
      c.deferred++;
      continue;
    }
    byProvider[provider] = (byProvider[provider] ?? 0) + 1;
    todo.push(incident);
  }
  const results = await Promise.all(
    todo.map(async (incident) => {
      const result = await recheck(deps, incident, ctx);
      await record(deps, incident, result);
      return { incident, result };
    }),
  );
  for (const { incident, result } of results) {
    c.checked++;
    if (result.validity === 'valid') c.valid++;
    else if (result.validity === 'invalid') c.invalid++;
    else c.failed_to_check++;
    const provider = checkerFor(incident.detector.name)?.provider;
    if (provider && result.reason === 'rate_limited') rateLimited.add(provider);
  }
  return {
    ...run,
    next: run.next + ids.length,
    byProvider,
    rateLimited: [...rateLimited],
    counters: c,
  };
}

/** Watchdog: a running check run whose chain broke (an invocation killed) goes on. */
export async function restartStalledCheckRun(
  deps: AppDeps,
  stalledAfterMs: number,
): Promise<boolean> {
  const run = await currentCheckRun(deps);
  if (run?.status !== 'running') return false;
  if (Date.parse(deps.now()) - Date.parse(run.updatedAt) < stalledAfterMs) return false;
  await deps.queues.pushCheckRun(run.id, run.step);
  return true;
}
