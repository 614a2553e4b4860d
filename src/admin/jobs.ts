/**
 * Historical scan jobs in the app: started by an admin, run by a queue consumer one bounded
 * stretch at a time, checkpointed after every step, re-queued well before the time limit, delayed
 * on a rate limit, paused, resumed and cancelled from the admin page.
 * @module
 */
import { JiraRateLimitError } from '../jira/http.js';
import {
  controlJob,
  historicalStep,
  startHistoricalJob,
  withError,
  type HistoricalJob,
} from '../scan/historical.js';
import { enqueueIncidents } from './delivery.js';
import { customWorkOf, fingerprintKey, validitySessionOf, type AppDeps } from './context.js';
import { isMonitored, loadSettings, scannerFor } from './settings.js';
import { recordScanPolicy } from './coverage.js';

/**
 * A job record as the app stores it: which queue event made its last checkpoint, and whether that
 * invocation got as far as queuing the next step.
 */
type ChainedJob = HistoricalJob & { readonly chainedFrom?: number; readonly requeued?: boolean };

const JOB_PREFIX = 'job:';
const jobKey = (id: string): string => `${JOB_PREFIX}${id}`;
const CURRENT = 'job-current';

export type JobResult<T> = { ok: true; value: T } | { ok: false; error: string };

export async function getJob(deps: Pick<AppDeps, 'docs'>, id: string) {
  return deps.docs.get<HistoricalJob>(jobKey(id));
}

/** Past and present jobs, newest first. */
export async function listJobs(deps: Pick<AppDeps, 'docs'>, limit = 20): Promise<HistoricalJob[]> {
  const all: HistoricalJob[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.docs.list<HistoricalJob>(JOB_PREFIX, 100, cursor);
    all.push(...page.items.map((i) => i.value));
    cursor = page.cursor;
  } while (cursor);
  return all.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, limit);
}

/** Starts a scan of the chosen projects (all monitored ones by default); one job at a time. */
export async function startScan(
  deps: AppDeps,
  request: { projects?: readonly string[]; since?: string },
): Promise<JobResult<HistoricalJob>> {
  const currentId = await deps.docs.get<string>(CURRENT);
  const current = currentId ? await getJob(deps, currentId) : undefined;
  if (current && (current.status === 'running' || current.status === 'paused'))
    return { ok: false, error: 'a scan is already in progress: pause, finish or cancel it first' };
  const settings = await loadSettings(deps.docs);
  let projects = request.projects;
  if (!projects) {
    const all = (await deps.asApp.projects())
      .map((p) => p.key)
      .filter((k) => typeof k === 'string');
    projects = all.filter((k) => isMonitored(settings, k));
    if (projects.length === 0) return { ok: false, error: 'no monitored project to scan' };
  }
  const outside = projects.filter((k) => !isMonitored(settings, k));
  if (outside.length > 0)
    return { ok: false, error: `outside the monitored perimeter: ${outside.join(', ')}` };
  const started = await startHistoricalJob(
    { id: deps.newId(), projects, ...(request.since ? { since: request.since } : {}) },
    { client: deps.asApp, now: deps.now },
  );
  if (!started.ok) return started;
  // What app access rules keep from this scan, for the overview. Informational: Jira failing to
  // say is no reason not to scan (the overview then says it is not known).
  await recordScanPolicy(deps, started.job.id, projects).catch(() => undefined);
  await deps.docs.set(jobKey(started.job.id), started.job);
  await deps.docs.set(CURRENT, started.job.id);
  if (started.job.status === 'running') await deps.queues.pushScan(started.job.id, 0);
  return { ok: true, value: started.job };
}

export async function controlScan(
  deps: AppDeps,
  id: string,
  action: 'pause' | 'resume' | 'cancel',
): Promise<JobResult<HistoricalJob>> {
  const job = await getJob(deps, id);
  if (!job) return { ok: false, error: 'no such scan' };
  const r = controlJob(job, action, deps.now());
  if (!r.ok) return r;
  await deps.docs.set(jobKey(id), r.job);
  // Resuming starts a new chain from the checkpoint; the old chain stopped at the pause.
  if (action === 'resume') await deps.queues.pushScan(id, r.job.counters.steps);
  return { ok: true, value: r.job };
}

export type ScanEventOutcome =
  | { readonly kind: 'stale' | 'stopped' | 'done' }
  | { readonly kind: 'requeued'; readonly delaySeconds: number };

/**
 * One consumer invocation: steps the job until `softDeadlineMs` has passed (checked between
 * issues), checkpointing after every step, then re-queues itself. A duplicate or stale event (its
 * step is not the job's) does nothing, so at-least-once delivery cannot run a job twice over.
 */
export async function runScanEvent(
  deps: AppDeps,
  event: { jobId: string; step: number },
  clock: { nowMs: () => number; softDeadlineMs: number },
): Promise<ScanEventOutcome> {
  let job: ChainedJob | undefined = await getJob(deps, event.jobId);
  if (!job || job.status !== 'running') return { kind: 'stopped' };
  if (job.counters.steps !== event.step) {
    // The event that made the last checkpoint, delivered again: its invocation died before it
    // queued the next step (or did queue it: then one of the two is stale next time). Go on.
    if (job.chainedFrom === event.step && job.requeued !== true) {
      await requeue(deps, job, 0);
      return { kind: 'requeued', delaySeconds: 0 };
    }
    return { kind: 'stale' };
  }
  const settings = await loadSettings(deps.docs);
  // Custom detectors share one budget per invocation; once less than one text's worth is left,
  // the step ends and the next invocation goes on with a fresh one.
  const customWork = customWorkOf(deps, 'consumer');
  const scanner = scannerFor(settings, await fingerprintKey(deps), customWork);
  // One session per invocation: a secret found twice in it is sent once.
  const validity = await validitySessionOf(deps, settings);
  const past = (): boolean =>
    clock.nowMs() >= clock.softDeadlineMs || customWork.pool.remaining < customWork.perText;
  while (job.status === 'running' && !past()) {
    try {
      const r = await historicalStep(job, {
        client: deps.asApp,
        scanner,
        store: deps.store,
        baseUrl: deps.baseUrl,
        now: deps.now,
        shouldStop: past,
        ...(validity ? { validity } : {}),
      });
      job = r.job;
      await enqueueIncidents(
        deps,
        r.incidents.map((i) => i.id),
      );
    } catch (e) {
      if (!(e instanceof JiraRateLimitError)) {
        await deps.docs.set(jobKey(job.id), withError(job, describe(e), deps.now()));
        throw e; // the platform retries the event; the checkpoint is unchanged
      }
      job = withError(job, e.message, deps.now());
      await deps.docs.set(jobKey(job.id), job);
      const delaySeconds = Math.min(900, Math.max(1, Math.ceil(e.retryAfterMs / 1000)));
      await requeue(deps, job, delaySeconds);
      return { kind: 'requeued', delaySeconds };
    }
    // Re-read before writing: an admin may have paused or cancelled meanwhile.
    const latest = await getJob(deps, job.id);
    if (latest && latest.status !== 'running') job = { ...job, status: latest.status };
    await deps.docs.set(jobKey(job.id), job);
  }
  if (job.status === 'done') return { kind: 'done' };
  if (job.status !== 'running') return { kind: 'stopped' };
  await requeue(deps, job, 0);
  return { kind: 'requeued', delaySeconds: 0 };
}

/** Queues the next step, then notes that it did (a redelivered event then knows it is stale). */
async function requeue(deps: AppDeps, job: ChainedJob, delaySeconds: number): Promise<void> {
  await deps.queues.pushScan(job.id, job.counters.steps, delaySeconds);
  const latest: ChainedJob | undefined = await getJob(deps, job.id);
  if (latest && latest.counters.steps === job.counters.steps)
    await deps.docs.set(jobKey(job.id), { ...latest, requeued: true });
}

/** Watchdog: a running job whose chain broke (an invocation killed after its checkpoint) restarts. */
export async function restartStalledJobs(deps: AppDeps, stalledAfterMs: number): Promise<string[]> {
  const restarted: string[] = [];
  for (const job of await listJobs(deps, 100)) {
    if (job.status !== 'running') continue;
    if (Date.parse(deps.now()) - Date.parse(job.updatedAt) < stalledAfterMs) continue;
    await deps.queues.pushScan(job.id, job.counters.steps);
    restarted.push(job.id);
  }
  return restarted;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error';
}
