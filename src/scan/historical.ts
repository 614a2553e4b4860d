/**
 * The historical scan as a step function: a JSON job record in, one bounded piece of work done,
 * the next record out. The record is the checkpoint: a step that dies before returning leaves the
 * old record, and the next step redoes the same piece; recording is idempotent (occurrence keys)
 * and counters only move with the record, so nothing is skipped or counted twice.
 *
 * Phases: each chosen project's documentation (a few projects a step), then the issues page by
 * page (`search/jql` with `nextPageToken`), down to the issue within a page when a step must stop
 * early. Incremental mode (`since`) reads only issues updated since then.
 * @module
 */
import { isTextField, type FieldMeta, type UnitSkip } from '../content/issue-units.js';
import type { Scanner } from '../engine/scan.js';
import { scopeOf, type Incident } from '../incidents/model.js';
import { recordScan } from '../incidents/record.js';
import { seenIn, type Seen } from '../incidents/versions.js';
import type { IncidentStore } from '../incidents/store.js';
import type { JiraClient } from '../jira/client.js';
import { JiraHttpError } from '../jira/http.js';
import { finishedOnly, scanIssues, searchFields } from './scan-issue.js';
import type { ValiditySession } from '../validity/index.js';
import { scanProjectDocs } from './scan-project.js';

export type JobStatus = 'running' | 'paused' | 'cancelled' | 'done' | 'failed';

export interface JobCounters {
  readonly projectsScanned: number;
  readonly issuesScanned: number;
  /** From `approximate-count` at the start: for progress only. */
  readonly issuesEstimated: number;
  readonly units: number;
  /** Occurrences found (places, before grouping into incidents). */
  readonly findings: number;
  readonly skipped: number;
  readonly pages: number;
  readonly steps: number;
}

export interface HistoricalJob {
  readonly version: 1;
  readonly id: string;
  readonly status: JobStatus;
  readonly projects: readonly string[];
  /** ISO time: incremental scan of issues updated since then. */
  readonly since?: string;
  readonly jql: string;
  /** Text-bearing fields of the site, fixed at the start so every page reads the same ones. */
  readonly textFields: readonly FieldMeta[];
  readonly phase: 'projects' | 'issues' | 'done';
  readonly projectIndex: number;
  /** `nextPageToken` of the page being read; absent for the first page. */
  readonly cursor?: string;
  /** Issues of that page already recorded (a step may stop within a page). */
  readonly doneInPage: number;
  readonly counters: JobCounters;
  /** The first skips with their reasons (the count is in counters.skipped). */
  readonly skips: readonly UnitSkip[];
  readonly errors: readonly { readonly at: string; readonly message: string }[];
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
}

export interface HistoricalDeps {
  readonly client: JiraClient;
  readonly scanner: Scanner;
  readonly store: IncidentStore;
  readonly baseUrl: string;
  /** ISO time. */
  readonly now: () => string;
  /** Issues per search page. Default 100 (Jira's cap with real fields). */
  readonly pageSize?: number;
  /** Projects whose documentation one step reads. Default 10. */
  readonly projectsPerStep?: number;
  /** Checked between issues: true makes the step checkpoint and return. */
  readonly shouldStop?: () => boolean;
  /** Validity checks of what this step finds; absent: checks off (no egress at all). */
  readonly validity?: ValiditySession;
}

export interface StepResult {
  readonly job: HistoricalJob;
  /** Incidents created or changed by this step (for the outbox). */
  readonly incidents: Incident[];
}

const MAX_KEPT_SKIPS = 100;
const MAX_KEPT_ERRORS = 20;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/** JQL minute literal in UTC, moved back 15 minutes: JQL reads dates in the user's time zone. */
function jqlSince(iso: string): string {
  const d = new Date(Date.parse(iso) - 15 * 60_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export function historicalJql(projects: readonly string[], since?: string): string {
  const where = `project in (${projects.map((k) => `"${k}"`).join(', ')})`;
  const incremental = since ? ` AND updated >= "${jqlSince(since)}"` : '';
  return `${where}${incremental} ORDER BY key ASC`;
}

export type StartResult =
  | { readonly ok: true; readonly job: HistoricalJob }
  | { readonly ok: false; readonly error: string };

/** Plans a job: which projects (all visible ones when none are named), which fields, how many issues. */
export async function startHistoricalJob(
  request: { id: string; projects?: readonly string[]; since?: string },
  deps: Pick<HistoricalDeps, 'client' | 'now'>,
): Promise<StartResult> {
  if (request.since !== undefined && Number.isNaN(Date.parse(request.since)))
    return { ok: false, error: `since is not a date: ${JSON.stringify(request.since)}` };
  const bad = (request.projects ?? []).filter((k) => !PROJECT_KEY.test(k));
  if (bad.length > 0) return { ok: false, error: `not project keys: ${bad.join(', ')}` };

  const visible = (await deps.client.projects(request.projects))
    .map((p) => p.key)
    .filter((k): k is string => typeof k === 'string');
  const unknown = (request.projects ?? []).filter((k) => !visible.includes(k));
  if (unknown.length > 0)
    return { ok: false, error: `unknown or hidden projects: ${unknown.join(', ')}` };
  const projects = [...new Set(visible)].sort();
  const textFields = (await deps.client.fields())
    .map((f) => f as unknown as FieldMeta)
    .filter((f) => typeof f.id === 'string' && isTextField(f))
    .map((f) => (f.schema ? { id: f.id, schema: f.schema } : { id: f.id }));
  const jql = historicalJql(projects, request.since);
  const issuesEstimated = projects.length > 0 ? await deps.client.approximateCount(jql) : 0;
  const now = deps.now();
  return {
    ok: true,
    job: {
      version: 1,
      id: request.id,
      status: projects.length > 0 ? 'running' : 'done',
      projects,
      ...(request.since ? { since: request.since } : {}),
      jql,
      textFields,
      phase: projects.length > 0 ? 'projects' : 'done',
      projectIndex: 0,
      doneInPage: 0,
      counters: {
        projectsScanned: 0,
        issuesScanned: 0,
        issuesEstimated,
        units: 0,
        findings: 0,
        skipped: 0,
        pages: 0,
        steps: 0,
      },
      skips: [],
      errors: [],
      startedAt: now,
      updatedAt: now,
      ...(projects.length > 0 ? {} : { finishedAt: now }),
    },
  };
}

type Tally = { units: number; findings: number; skipped: UnitSkip[] };

function advance(
  job: HistoricalJob,
  change: Partial<HistoricalJob>,
  tally: Tally,
  add: Partial<JobCounters>,
  now: string,
): HistoricalJob {
  const c = job.counters;
  const counters: JobCounters = {
    ...c,
    projectsScanned: c.projectsScanned + (add.projectsScanned ?? 0),
    issuesScanned: c.issuesScanned + (add.issuesScanned ?? 0),
    pages: c.pages + (add.pages ?? 0),
    units: c.units + tally.units,
    findings: c.findings + tally.findings,
    skipped: c.skipped + tally.skipped.length,
    steps: c.steps + 1,
  };
  const skips = [...job.skips, ...tally.skipped].slice(0, MAX_KEPT_SKIPS);
  const next: HistoricalJob = { ...job, ...change, counters, skips, updatedAt: now };
  return next.phase === 'done' ? { ...next, status: 'done', finishedAt: now } : next;
}

/** One bounded piece of work. Throws Jira errors (rate limits included) with the job unchanged. */
export async function historicalStep(
  job: HistoricalJob,
  deps: HistoricalDeps,
): Promise<StepResult> {
  if (job.status !== 'running') return { job, incidents: [] };
  const tally: Tally = { units: 0, findings: 0, skipped: [] };
  const incidents = new Map<string, Incident>();
  const record = async (
    scope: string,
    found: Parameters<typeof recordScan>[1]['found'],
    skipped: readonly UnitSkip[],
    seen?: Seen,
  ): Promise<void> => {
    const r = await recordScan(deps.store, {
      scope,
      covers: finishedOnly('all', skipped),
      found,
      kind: 'historical',
      now: deps.now(),
      ...(deps.validity ? { validityOf: deps.validity.resultFor } : {}),
      ...(seen ? { seen } : {}),
    });
    for (const i of r.incidents) incidents.set(i.id, i);
  };

  if (job.phase === 'projects') {
    const keys = job.projects.slice(
      job.projectIndex,
      job.projectIndex + (deps.projectsPerStep ?? 10),
    );
    const described = await deps.client.projects(keys);
    for (const key of keys) {
      const r = await scanProjectDocs(
        key,
        described.find((d) => d.key === key),
        deps,
      );
      tally.units += r.units;
      tally.findings += r.occurrences.length;
      tally.skipped.push(...r.skipped);
      await record(scopeOf({ projectKey: key }), r.occurrences, r.skipped);
    }
    const projectIndex = job.projectIndex + keys.length;
    const change: Partial<HistoricalJob> =
      projectIndex >= job.projects.length ? { projectIndex, phase: 'issues' } : { projectIndex };
    return {
      job: advance(job, change, tally, { projectsScanned: keys.length }, deps.now()),
      incidents: [...incidents.values()],
    };
  }

  if (job.phase === 'issues') {
    let page;
    try {
      page = await deps.client.searchPage({
        jql: job.jql,
        fields: searchFields(job.textFields),
        maxResults: deps.pageSize ?? 100,
        ...(job.cursor ? { nextPageToken: job.cursor } : {}),
      });
    } catch (e) {
      if (!job.cursor || !(e instanceof JiraHttpError) || e.status !== 400) throw e;
      return { job: restartListing(job, deps.now()), incidents: [] };
    }
    const todo = page.issues
      .slice(job.doneInPage)
      .flatMap((i) =>
        typeof i.id === 'string' &&
        typeof i.key === 'string' &&
        typeof i.fields === 'object' &&
        i.fields
          ? [{ id: i.id, key: i.key, fields: i.fields as Record<string, unknown> }]
          : [],
      );
    const malformed = page.issues.length - job.doneInPage - todo.length;
    const results = await scanIssues(
      todo,
      {
        client: deps.client,
        scanner: deps.scanner,
        baseUrl: deps.baseUrl,
        fields: job.textFields,
        ...(deps.validity ? { onSecret: deps.validity.onSecret } : {}),
      },
      deps.shouldStop,
    );
    // Recording costs storage calls too (many under KVS rate limits): past the deadline the
    // issues scanned but not recorded wait for the next step, which reads them again.
    let recorded = 0;
    for (const issue of todo) {
      const r = results.get(issue.id);
      if (!r || (recorded > 0 && deps.shouldStop?.() === true)) break;
      recorded += 1;
      tally.units += r.units;
      tally.findings += r.occurrences.length;
      tally.skipped.push(...r.skipped);
      // Content we could not read is not evidence that a secret was removed.
      // The version the search read: what is fetched on its own later is no older.
      const seen = seenIn(issue.fields.updated, 'all', false);
      if (!r.unreadable) await record(`issue:${issue.id}`, r.occurrences, r.skipped, seen);
    }
    const done = recorded + (recorded === todo.length ? malformed : 0);
    if (malformed > 0 && recorded === todo.length) {
      tally.skipped.push({
        location: { projectKey: '', field: 'summary', url: deps.baseUrl },
        reason: `${malformed} search result(s) without id, key or fields`,
      });
    }
    const pageDone = job.doneInPage + done >= page.issues.length;
    let change: Partial<HistoricalJob>;
    if (!pageDone) change = { doneInPage: job.doneInPage + done };
    else if (page.nextPageToken) change = { cursor: page.nextPageToken, doneInPage: 0 };
    else change = { phase: 'done', doneInPage: 0 };
    return {
      job: advance(
        job,
        change,
        tally,
        { issuesScanned: recorded, pages: pageDone ? 1 : 0 },
        deps.now(),
      ),
      incidents: [...incidents.values()],
    };
  }
  return { job, incidents: [] };
}

/**
 * Jira's page tokens expire after 7 days (a long pause) and are refused with a 400: list the
 * issues again from the start. Recording is idempotent, so issues scanned twice change nothing;
 * their counters start again so that nothing is counted twice.
 */
function restartListing(job: HistoricalJob, now: string): HistoricalJob {
  const { cursor: _c, ...rest } = job;
  return withError(
    {
      ...rest,
      doneInPage: 0,
      counters: { ...job.counters, issuesScanned: 0, pages: 0, units: 0, findings: 0, skipped: 0 },
      skips: [],
    },
    'the search page token was refused (expired after a long pause?): listing the issues again from the start',
    now,
  );
}

/** Admin controls: errors as values, so a resolver can answer plainly. */
export function controlJob(
  job: HistoricalJob,
  action: 'pause' | 'resume' | 'cancel',
  now: string,
): { ok: true; job: HistoricalJob } | { ok: false; error: string } {
  const finished = job.status === 'done' || job.status === 'cancelled' || job.status === 'failed';
  if (finished)
    return {
      ok: false,
      error: `the scan has already ${job.status === 'done' ? 'finished' : job.status === 'cancelled' ? 'been cancelled' : 'failed'}`,
    };
  if (action === 'pause' && job.status !== 'running')
    return { ok: false, error: 'the scan is not running' };
  if (action === 'resume' && job.status !== 'paused')
    return { ok: false, error: 'the scan is not paused' };
  const status: JobStatus =
    action === 'pause' ? 'paused' : action === 'resume' ? 'running' : 'cancelled';
  return {
    ok: true,
    job: { ...job, status, updatedAt: now, ...(status === 'cancelled' ? { finishedAt: now } : {}) },
  };
}

/** Records an error that stopped a step, keeping the last few. */
export function withError(
  job: HistoricalJob,
  message: string,
  now: string,
  fatal = false,
): HistoricalJob {
  const errors = [...job.errors, { at: now, message }].slice(-MAX_KEPT_ERRORS);
  return fatal
    ? { ...job, errors, status: 'failed', finishedAt: now, updatedAt: now }
    : { ...job, errors, updatedAt: now };
}
