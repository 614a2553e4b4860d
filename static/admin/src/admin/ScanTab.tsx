/**
 * Historical scans: start one (all monitored projects or chosen ones, optionally only issues
 * updated since a date), follow the running one (polled every few seconds), pause, resume or
 * cancel it, and read past scans with their figures and errors.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { adminApi, toApiError, type ApiError } from '../api';
import { formatCount, formatDate, JOB_STATUS_LABELS } from '../format';
import { useAction, useLoad } from '../hooks';
import type { HistoricalJob, JobStatus, Project, RealtimeSkip } from '../types';
import {
  Empty,
  Field,
  InlineError,
  InlineSuccess,
  LoadError,
  Loading,
  Lozenge,
  ProgressBar,
  type Tone,
} from '../ui';

/** How often a running scan's progress is read. */
export const POLL_MS = 3000;

interface ScanData {
  readonly jobs: readonly HistoricalJob[];
  readonly projects: readonly Project[];
}

const isActive = (j: HistoricalJob): boolean => j.status === 'running' || j.status === 'paused';

const JOB_TONES: Record<JobStatus, Tone> = {
  running: 'information',
  paused: 'warning',
  cancelled: 'neutral',
  done: 'success',
  failed: 'danger',
};

/** `onScanEnded`: a scan finished, was cancelled or failed (the incidents list reloads then). */
export function ScanTab({ onScanEnded }: { onScanEnded?: () => void } = {}) {
  const { state, reload, update } = useLoad(async (): Promise<ScanData> => {
    const [jobs, projects] = await Promise.all([adminApi.listScans(), adminApi.listProjects()]);
    return { jobs, projects: [...projects].sort((a, b) => a.key.localeCompare(b.key)) };
  });
  const put = useCallback(
    (job: HistoricalJob) => {
      if (job.status === 'done' || job.status === 'cancelled' || job.status === 'failed')
        onScanEnded?.();
      update((d) => ({
        ...d,
        jobs: d.jobs.some((j) => j.id === job.id)
          ? d.jobs.map((j) => (j.id === job.id ? job : j))
          : [job, ...d.jobs],
      }));
    },
    [update, onScanEnded],
  );
  // Cancelling removes the scan's section (and the button that had focus): focus moves to the
  // result instead of falling to the page.
  const [cancelled, setCancelled] = useState(false);
  const cancelledRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (cancelled) cancelledRef.current?.focus();
  }, [cancelled]);
  const started = useCallback(
    (job: HistoricalJob) => {
      setCancelled(false);
      put(job);
    },
    [put],
  );
  if (state.status === 'loading') return <Loading label="Loading scans…" />;
  if (state.status === 'error')
    return <LoadError error={state.error} what="the scans" onRetry={reload} />;
  const { jobs, projects } = state.data;
  const current = jobs.find(isActive);
  return (
    <div className="scans">
      {current ? (
        <CurrentScan
          key={current.id}
          job={current}
          onJob={put}
          onCancelled={() => {
            setCancelled(true);
          }}
        />
      ) : cancelled ? (
        <div tabIndex={-1} ref={cancelledRef} className="action-result">
          <InlineSuccess>
            Scan cancelled. Its findings so far are kept (see Past scans).
          </InlineSuccess>
        </div>
      ) : null}
      <StartScan projects={projects} current={current?.id} onStarted={started} />
      <PastScans jobs={jobs.filter((j) => j !== current)} running={current !== undefined} />
      <RealtimeSkips />
    </div>
  );
}

function CurrentScan({
  job,
  onJob,
  onCancelled,
}: {
  job: HistoricalJob;
  onJob: (job: HistoricalJob) => void;
  onCancelled: () => void;
}) {
  const { busy, error, run } = useAction();
  const [pollError, setPollError] = useState<ApiError | undefined>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const headingId = useId();

  // While it runs, read its progress every few seconds (a paused scan changes only by a click).
  useEffect(() => {
    if (job.status !== 'running') return;
    let live = true;
    const timer = setTimeout(() => {
      adminApi.getScan(job.id).then(
        (j) => {
          if (!live) return;
          setPollError(undefined);
          onJob(j);
        },
        (e: unknown) => {
          if (live) setPollError(toApiError(e));
        },
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // A new answer is a new job object: the next read is scheduled from it (or after an error).
  }, [job, onJob, pollError]);

  const control = async (action: 'pause' | 'resume' | 'cancel') => {
    setConfirmCancel(false);
    const j = await run(() => adminApi.controlScan(job.id, action));
    if (!j) return;
    onJob(j);
    if (j.status === 'cancelled') onCancelled();
  };
  const c = job.counters;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Scan in progress{' '}
        <Lozenge tone={JOB_TONES[job.status]}>{JOB_STATUS_LABELS[job.status]}</Lozenge>
      </h2>
      <ProgressBar value={c.issuesScanned} max={c.issuesEstimated} label="Issues scanned" />
      <p aria-live="polite">
        {phaseText(job)} {formatCount(c.issuesScanned)}
        {c.issuesEstimated > 0 ? ` of about ${formatCount(c.issuesEstimated)}` : ''} issues scanned,{' '}
        {formatCount(c.findings)} finding{c.findings === 1 ? '' : 's'}.
      </p>
      <p className="muted small">
        {projectsText(job)} Started {formatDate(job.startedAt)}
        {job.since ? `, issues updated since ${formatDate(job.since)}` : ''}.
      </p>
      <div className="inline-form">
        {/* One button that turns from Pause into Resume: it keeps focus through the change
            (it waits with aria-disabled; disabled would drop focus to the page). */}
        <button
          type="button"
          className={job.status === 'running' ? 'button' : 'button button-primary'}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) void control(job.status === 'running' ? 'pause' : 'resume');
          }}
        >
          {job.status === 'running' ? 'Pause' : 'Resume'}
        </button>
        {confirmCancel ? (
          <span role="group" aria-label="Confirm cancelling the scan" className="confirm">
            <span>Cancel this scan? Its findings so far are kept.</span>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void control('cancel')}
            >
              Yes, cancel the scan
            </button>
            <button
              type="button"
              className="button button-subtle"
              onClick={() => {
                setConfirmCancel(false);
              }}
            >
              Keep scanning
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setConfirmCancel(true);
            }}
          >
            Cancel scan
          </button>
        )}
      </div>
      <InlineError error={error} />
      {pollError ? (
        <p className="inline-message inline-warning" role="status">
          Could not refresh the progress ({pollError.message}); trying again.
        </p>
      ) : null}
      <JobErrors job={job} />
    </section>
  );
}

function phaseText(job: HistoricalJob): string {
  if (job.phase === 'projects') return 'Reading project, component and version descriptions.';
  if (job.phase === 'issues') return 'Reading issues.';
  return 'Finishing.';
}

function projectsText(job: HistoricalJob): string {
  const n = job.projects.length;
  return n <= 5 ? `Projects: ${job.projects.join(', ')}.` : `${formatCount(n)} projects.`;
}

function StartScan({
  projects,
  current,
  onStarted,
}: {
  projects: readonly Project[];
  /** The id of the scan running or paused, if any: one at a time. */
  current: string | undefined;
  onStarted: (job: HistoricalJob) => void;
}) {
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [since, setSince] = useState('');
  /** The scan this form started: "Scan started." is said while that one runs, not after. */
  const [started, setStarted] = useState<string | undefined>();
  const blocked = current !== undefined;
  const { busy, error, run } = useAction();
  const headingId = useId();
  const scopeName = useId();
  const monitored = projects.filter((p) => p.monitored);

  const start = async () => {
    setStarted(undefined);
    const projectsToScan = scope === 'chosen' ? [...chosen] : undefined;
    const job = await run(() =>
      adminApi.startScan({
        ...(projectsToScan ? { projects: projectsToScan } : {}),
        ...(since ? { since: localMidnight(since) } : {}),
      }),
    );
    if (job) {
      onStarted(job);
      setStarted(job.id);
    }
  };
  const noneChosen = scope === 'chosen' && chosen.size === 0;
  // A scan of nothing would "succeed" and find nothing: say why Start is off instead.
  const nothingMonitored = monitored.length === 0;
  const whyOff = `${headingId}-why`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Start a historical scan</h2>
      <p className="muted">
        Reads what is already in Jira: issues with their comments, worklogs, history and text
        attachments, and project, component and version descriptions.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset disabled={blocked || busy}>
          <legend>Projects</legend>
          <label className="choice">
            <input
              type="radio"
              name={scopeName}
              checked={scope === 'all'}
              onChange={() => {
                setScope('all');
              }}
            />{' '}
            All monitored projects ({formatCount(monitored.length)})
          </label>
          <label className="choice">
            <input
              type="radio"
              name={scopeName}
              checked={scope === 'chosen'}
              onChange={() => {
                setScope('chosen');
              }}
            />{' '}
            Chosen projects
          </label>
          {scope === 'chosen' ? (
            monitored.length === 0 ? (
              <p className="muted">No monitored project: include some in the Perimeter tab.</p>
            ) : (
              <ul className="checklist" aria-label="Projects to scan">
                {monitored.map((p) => (
                  <li key={p.key}>
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={chosen.has(p.key)}
                        onChange={(e) => {
                          const on = e.target.checked;
                          setChosen((s) => {
                            const next = new Set(s);
                            if (on) next.add(p.key);
                            else next.delete(p.key);
                            return next;
                          });
                        }}
                      />{' '}
                      {p.key} <span className="muted">{p.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </fieldset>
        <fieldset disabled={blocked || busy}>
          <legend className="sr-only">Since</legend>
          <Field
            label="Only issues updated since (optional)"
            hint="Leave empty to scan everything. A date makes a quicker, incremental scan."
          >
            {(id, hint) => (
              <input
                id={id}
                type="date"
                value={since}
                aria-describedby={hint}
                onChange={(e) => {
                  setSince(e.target.value);
                }}
              />
            )}
          </Field>
        </fieldset>
        <button
          type="submit"
          className="button button-primary"
          disabled={blocked || busy || noneChosen || nothingMonitored}
          aria-describedby={nothingMonitored || blocked ? whyOff : undefined}
        >
          {busy ? 'Starting…' : 'Start scan'}
        </button>
        {blocked ? (
          <p className="hint" id={whyOff}>
            One scan at a time: finish or cancel the scan in progress first.
          </p>
        ) : nothingMonitored ? (
          <p className="hint" id={whyOff}>
            No project is monitored, so there is nothing to scan: include projects in the Perimeter
            tab first.
          </p>
        ) : null}
        <InlineError error={error} />
        {started !== undefined && started === current ? (
          <InlineSuccess>Scan started.</InlineSuccess>
        ) : null}
      </form>
    </section>
  );
}

/** `2026-03-01` (a date input) as the start of that day where the admin is, in ISO form. */
export function localMidnight(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toISOString();
}

/** `running`: a scan is in progress above (so "no scan yet" would be wrong). */
function PastScans({ jobs, running }: { jobs: readonly HistoricalJob[]; running: boolean }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Past scans</h2>
      {jobs.length === 0 ? (
        <Empty
          title={
            running ? 'The first scan is running: it is listed here once it ends.' : 'No scan yet.'
          }
        />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Past historical scans, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
                <th scope="col">Projects</th>
                <th scope="col">Since</th>
                <th scope="col" className="num">
                  Issues
                </th>
                <th scope="col" className="num">
                  Findings
                </th>
                <th scope="col" className="num">
                  Skipped
                </th>
                <th scope="col">Ended</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id}>
                  <td>
                    <time dateTime={j.startedAt}>{formatDate(j.startedAt)}</time>
                  </td>
                  <td>
                    <Lozenge tone={JOB_TONES[j.status]}>{JOB_STATUS_LABELS[j.status]}</Lozenge>
                  </td>
                  <td title={j.projects.join(', ')}>
                    {j.projects.length <= 3
                      ? j.projects.join(', ')
                      : `${formatCount(j.projects.length)} projects`}
                  </td>
                  <td>{j.since ? formatDate(j.since) : 'Everything'}</td>
                  <td className="num">
                    {formatCount(j.counters.issuesScanned)}
                    {j.counters.issuesEstimated > 0 &&
                    j.counters.issuesEstimated !== j.counters.issuesScanned
                      ? ` / ${formatCount(j.counters.issuesEstimated)}`
                      : ''}
                  </td>
                  <td className="num">{formatCount(j.counters.findings)}</td>
                  <td className="num">{formatCount(j.counters.skipped)}</td>
                  <td>{j.finishedAt ? formatDate(j.finishedAt) : '—'}</td>
                  <td>
                    <JobErrors job={j} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function JobErrors({ job, compact = false }: { job: HistoricalJob; compact?: boolean }) {
  const skips = job.skips;
  if (job.errors.length === 0 && skips.length === 0) return compact ? <>None</> : null;
  return (
    <details className="job-errors">
      <summary>
        {job.errors.length > 0
          ? `${formatCount(job.errors.length)} error${job.errors.length === 1 ? '' : 's'}`
          : 'No error'}
        {skips.length > 0 ? `, ${formatCount(job.counters.skipped)} skipped` : ''}
      </summary>
      {job.errors.length > 0 ? (
        <ul>
          {job.errors.map((e, i) => (
            <li key={`${e.at}-${String(i)}`}>
              <time dateTime={e.at}>{formatDate(e.at)}</time>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {skips.length > 0 ? (
        <>
          <p className="small">Skipped (first {formatCount(skips.length)}):</p>
          <ul>
            {skips.map((s, i) => (
              <li key={`${s.location.url}-${String(i)}`}>
                {s.location.issueKey ?? s.location.projectKey}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

/**
 * What real-time scanning could not read (binary or huge files, unreadable content) or left to
 * the background rescan (custom detectors that did not fit in Jira's event time), newest first.
 */
function RealtimeSkips() {
  const headingId = useId();
  const { state, reload } = useLoad(() => adminApi.listRealtimeSkips());
  let body;
  if (state.status === 'loading') body = <Loading label="Loading real-time skips…" />;
  else if (state.status === 'error')
    body = <LoadError error={state.error} what="the real-time skips" onRetry={reload} />;
  else if (state.data.length === 0) body = <p>Nothing skipped.</p>;
  else
    body = (
      <ul className="realtime-skips">
        {state.data.map((s: RealtimeSkip, i) => (
          <li key={`${s.at}-${String(i)}`}>
            <time dateTime={s.at}>{formatDate(s.at)}</time>:{' '}
            {s.location.issueKey ?? s.location.projectKey} ({s.location.field}): {s.reason}
            {s.deferred ? ' (scanned again in the background)' : ''}
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Skipped in real time</h2>
      {body}
    </section>
  );
}
