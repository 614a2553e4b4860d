/**
 * Drives a historical scan of a whole site from the command line: the same step function the
 * Forge queue consumer runs, looped here, with the job and the incidents found so far saved to a
 * state file after every step so an interrupted run resumes where it stopped.
 * @module
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Scanner } from '../engine/scan.js';
import type { ValiditySession } from '../validity/index.js';
import { createMemoryStore, type MemorySnapshot, type MemoryStore } from '../incidents/store.js';
import type { JiraClient } from '../jira/client.js';
import { JiraRateLimitError } from '../jira/http.js';
import { historicalStep, startHistoricalJob, type HistoricalJob } from '../scan/historical.js';

interface StateFile {
  readonly format: 'jira-secret-scanner-state/1';
  readonly site: string;
  readonly projects: readonly string[] | null;
  readonly since: string | null;
  readonly job: HistoricalJob;
  readonly store: MemorySnapshot;
}

export interface SiteScanOptions {
  readonly client: JiraClient;
  readonly scanner: Scanner;
  readonly baseUrl: string;
  readonly projects?: readonly string[];
  readonly since?: string;
  /** Resume from and checkpoint to this file. */
  readonly statePath?: string;
  readonly now: () => string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly progress: (job: HistoricalJob) => void;
  /** Told before a long wait for a rate limit. */
  readonly notice: (message: string) => void;
  /** Longest wait for a rate limit before giving up (state is saved). Default: 65 minutes. */
  readonly maxRateLimitWaitMs?: number;
  /** --check-validity: the session the scan hands each secret to. */
  readonly validity?: ValiditySession;
}

export interface SiteScanResult {
  readonly job: HistoricalJob;
  readonly store: MemoryStore;
  readonly resumed: boolean;
}

export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

async function loadState(path: string, o: SiteScanOptions): Promise<StateFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`cannot read state file ${path}: ${(e as Error).message}`);
  }
  let parsed: Partial<StateFile> | null;
  try {
    parsed = JSON.parse(text) as Partial<StateFile> | null;
  } catch {
    throw new StateFileError(`state file ${path} is not JSON`);
  }
  if (
    parsed?.format !== 'jira-secret-scanner-state/1' ||
    parsed.job?.version !== 1 ||
    !parsed.store
  )
    throw new StateFileError(`state file ${path} is not a scan state of this version`);
  const state = parsed as StateFile;
  const same =
    state.site === o.baseUrl &&
    JSON.stringify(state.projects) === JSON.stringify(o.projects ?? null) &&
    state.since === (o.since ?? null);
  if (!same)
    throw new StateFileError(
      `state file ${path} belongs to another scan (site ${state.site}, projects ${state.projects?.join(',') ?? 'all'}, since ${state.since ?? '-'}); use another file or delete it`,
    );
  return state;
}

async function saveState(path: string, o: SiteScanOptions, job: HistoricalJob, store: MemoryStore) {
  const state: StateFile = {
    format: 'jira-secret-scanner-state/1',
    site: o.baseUrl,
    projects: o.projects ?? null,
    since: o.since ?? null,
    job,
    store: store.snapshot(),
  };
  // Write then rename: a crash mid-write never leaves a half state file.
  const tmp = `${path}.tmp`;
  await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
  await rename(tmp, path);
}

export async function runSiteScan(o: SiteScanOptions): Promise<SiteScanResult> {
  const saved = o.statePath ? await loadState(o.statePath, o) : undefined;
  const store = createMemoryStore(saved?.store);
  let job: HistoricalJob;
  if (saved) {
    job = saved.job;
  } else {
    const started = await startHistoricalJob(
      {
        id: `cli-${o.now()}`,
        ...(o.projects ? { projects: o.projects } : {}),
        ...(o.since ? { since: o.since } : {}),
      },
      o,
    );
    if (!started.ok) throw new StateFileError(started.error);
    job = started.job;
  }
  const checkpoint = async (): Promise<void> => {
    if (o.statePath) await saveState(o.statePath, o, job, store);
  };
  await checkpoint();
  o.progress(job);
  const maxWait = o.maxRateLimitWaitMs ?? 65 * 60_000;
  while (job.status === 'running') {
    try {
      job = (await historicalStep(job, { ...o, store })).job;
    } catch (e) {
      if (!(e instanceof JiraRateLimitError) || e.retryAfterMs > maxWait) throw e;
      o.notice(`${e.message}; waiting${o.statePath ? ' (progress is saved)' : ''}`);
      await o.sleep(Math.max(e.retryAfterMs, 1000));
      continue;
    }
    await checkpoint();
    o.progress(job);
  }
  return { job, store, resumed: saved !== undefined };
}

/** A one-line progress bar: issues done out of Jira's estimate. */
export function progressLine(job: HistoricalJob, width = 24): string {
  const c = job.counters;
  const total = Math.max(c.issuesEstimated, c.issuesScanned, 1);
  const share = job.status === 'done' ? 1 : Math.min(1, c.issuesScanned / total);
  const filled = Math.round(share * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const phase =
    job.phase === 'projects'
      ? `projects ${c.projectsScanned}/${job.projects.length}`
      : `issues ${c.issuesScanned}/~${c.issuesEstimated}`;
  return `[${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${phase} · ${c.findings} finding${c.findings === 1 ? '' : 's'}`;
}
