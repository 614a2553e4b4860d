/**
 * The overview: where the open risk is (by severity, validity, project and detector family), the
 * oldest open incidents, what was found week by week, how much is monitored and what could not be
 * read. Every count is a link to the incidents table filtered to exactly those incidents. Shared by
 * the admin page (the site) and the project page (that project's share, decided by the server).
 */
import type { ReactNode } from 'react';
import type { IncidentsApi } from '../api';
import { formatCount, formatDate, JOB_STATUS_LABELS, SEVERITY_LABELS } from '../format';
import { useLoad } from '../hooks';
import type { IncidentFilter, IncidentOverview, Severity } from '../types';
import { LoadError, Loading, Lozenge } from '../ui';
import { severityTone } from '../incidents/tones';
import { VALIDITY_LABELS } from '../incidents/validity';
import { WeeklyChart } from './WeeklyChart';
import { HiddenFromApp } from './HiddenFromApp';

/** Where a figure leads: the incidents table with a filter, or one incident. */
export type ShowTarget = { readonly filter: IncidentFilter } | { readonly incidentId: string };

export interface OverviewViewProps {
  readonly api: Pick<IncidentsApi, 'incidentOverview'>;
  readonly onShow: (target: ShowTarget) => void;
  /** "Check coverage" (the admin page): the overview loads again once it is done. */
  readonly checkCoverage?: () => Promise<unknown>;
}

type OpenStatus = 'TRIGGERED' | 'ASSIGNED';
const OPEN: readonly { status: OpenStatus; label: string }[] = [
  { status: 'TRIGGERED', label: 'Triggered' },
  { status: 'ASSIGNED', label: 'Assigned' },
];

/** The header row of an open-incident table: its first column, then one per open status. */
function OpenHead({ first }: { readonly first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {OPEN.map((o) => (
          <th key={o.status} scope="col" className="num">
            {o.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

interface Split {
  readonly value: string;
  readonly TRIGGERED: number;
  readonly ASSIGNED: number;
}

/** The incidents first seen in the week starting on `week` (a Monday, UTC): Monday to Sunday. */
export function weekFilter(week: string): IncidentFilter {
  const sunday = new Date(Date.parse(`${week}T00:00:00Z`) + 6 * 86_400_000);
  return { firstSeenFrom: week, firstSeenTo: sunday.toISOString().slice(0, 10) };
}

/** A count that opens the table filtered to what it counts; zero is plain text. */
function Figure({
  n,
  filter,
  what,
  onShow,
}: {
  n: number;
  filter: IncidentFilter;
  /** "triggered critical incidents": read after the number by screen readers. */
  what: string;
  onShow: OverviewViewProps['onShow'];
}) {
  if (n === 0) return <span className="muted">0</span>;
  return (
    <button
      type="button"
      className="link-button figure"
      aria-label={`${formatCount(n)} ${what}: show them`}
      onClick={() => {
        onShow({ filter });
      }}
    >
      {formatCount(n)}
    </button>
  );
}

/** One dimension's open counts, a row per value, Triggered and Assigned as linked columns. */
function SplitTable({
  caption,
  header,
  rows,
  label,
  filterOf,
  onShow,
}: {
  caption: string;
  header: string;
  rows: readonly Split[];
  label: (value: string) => ReactNode;
  filterOf: (value: string) => IncidentFilter;
  onShow: OverviewViewProps['onShow'];
}) {
  if (rows.length === 0) return <p className="muted">No open incident.</p>;
  return (
    <table className="table overview-table">
      <caption className="sr-only">{caption}</caption>
      <OpenHead first={header} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.value}>
            <th scope="row">{label(r.value)}</th>
            {OPEN.map((o) => (
              <td key={o.status} className="num">
                <Figure
                  n={r[o.status]}
                  filter={{ status: o.status, ...filterOf(r.value) }}
                  what={`${o.label.toLowerCase()} incidents, ${header.toLowerCase()} ${r.value}`}
                  onShow={onShow}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Panel({
  title,
  wide = false,
  children,
}: {
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`panel overview-panel${wide ? ' overview-wide' : ''}`} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function OverviewView({ api, onShow, checkCoverage }: OverviewViewProps) {
  const { state, reload } = useLoad(() => api.incidentOverview());
  if (state.status === 'loading') return <Loading label="Loading the overview…" />;
  if (state.status === 'error')
    return <LoadError error={state.error} what="the overview" onRetry={reload} />;
  const onCheck = checkCoverage
    ? async () => {
        await checkCoverage();
        reload();
      }
    : undefined;
  return <OverviewPanels o={state.data} onShow={onShow} onCheck={onCheck} />;
}

function OverviewPanels({
  o,
  onShow,
  onCheck,
}: {
  o: IncidentOverview;
  onShow: OverviewViewProps['onShow'];
  onCheck: (() => Promise<unknown>) | undefined;
}) {
  const open = o.open.TRIGGERED + o.open.ASSIGNED;
  const site = o.scope === 'site';
  return (
    <div className="overview">
      <p className="overview-headline">
        <strong>{formatCount(open)}</strong> open incident
        {open === 1 ? '' : 's'}:{' '}
        <Figure
          n={o.open.TRIGGERED}
          filter={{ status: 'TRIGGERED' }}
          what="triggered incidents"
          onShow={onShow}
        />{' '}
        triggered (nobody assigned),{' '}
        <Figure
          n={o.open.ASSIGNED}
          filter={{ status: 'ASSIGNED' }}
          what="assigned incidents"
          onShow={onShow}
        />{' '}
        assigned.
      </p>
      <div className="overview-grid">
        <Panel title="Open by severity">
          <SplitTable
            caption="Open incidents by severity"
            header="Severity"
            rows={o.bySeverity}
            label={(v) => (
              <Lozenge tone={severityTone(v as Severity)}>{SEVERITY_LABELS[v as Severity]}</Lozenge>
            )}
            filterOf={(v) => ({ severity: v as Severity })}
            onShow={onShow}
          />
        </Panel>
        <Panel title="Open by validity">
          <SplitTable
            caption="Open incidents by validity"
            header="Validity"
            rows={o.byValidity}
            label={(v) => VALIDITY_LABELS[v as keyof typeof VALIDITY_LABELS]}
            filterOf={(v) => ({ validity: v as keyof typeof VALIDITY_LABELS })}
            onShow={onShow}
          />
        </Panel>
        {site && o.byProject ? (
          <Panel title="Open by project">
            <SplitTable
              caption="Open incidents by project"
              header="Project"
              rows={o.byProject}
              label={(v) => v}
              filterOf={(v) => ({ projectKey: v })}
              onShow={onShow}
            />
          </Panel>
        ) : null}
        <Panel title="Open by detector family" wide>
          <FamilyTable families={o.byFamily} onShow={onShow} />
        </Panel>
      </div>
      <Panel title="Incidents found per week, last 12 weeks">
        <WeeklyChart
          weeks={o.foundPerWeek}
          title="Incidents found per week"
          onWeek={(week) => {
            onShow({ filter: weekFilter(week) });
          }}
        />
      </Panel>
      <div className="overview-grid">
        <Panel title="Oldest open incidents">
          {o.oldest.length === 0 ? (
            <p className="muted">No open incident.</p>
          ) : (
            <ol className="overview-oldest">
              {o.oldest.map((i) => (
                <li key={i.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onShow({ incidentId: i.id });
                    }}
                  >
                    {i.detector.display_name}
                  </button>{' '}
                  <code className="secret">{i.secret_preview}</code>{' '}
                  <span className="muted small">
                    first seen <time dateTime={i.date}>{formatDate(i.date)}</time>
                    {site ? ` · ${i.project_keys.join(', ')}` : ''}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title="Monitoring">
          <Monitoring o={o} />
        </Panel>
        <Panel title="What could not be read">
          <Unread o={o} />
          <HiddenFromApp o={o} onCheck={onCheck} />
        </Panel>
      </div>
    </div>
  );
}

function FamilyTable({
  families,
  onShow,
}: {
  families: IncidentOverview['byFamily'];
  onShow: OverviewViewProps['onShow'];
}) {
  if (families.length === 0) return <p className="muted">No open incident.</p>;
  return (
    <table className="table overview-table">
      <caption className="sr-only">Open incidents by detector family and detector</caption>
      <OpenHead first="Family and detector" />
      {families.map((f) => (
        <tbody key={f.family}>
          <tr className="overview-family">
            <th scope="rowgroup">{f.family}</th>
            {OPEN.map((o) => (
              <td key={o.status} className="num">
                <Figure
                  n={f[o.status]}
                  filter={{ status: o.status, family: f.family }}
                  what={`${o.label.toLowerCase()} incidents found by the ${f.family} family`}
                  onShow={onShow}
                />
              </td>
            ))}
          </tr>
          {f.detectors.map((d) => (
            <tr key={d.value}>
              <th scope="row" className="overview-detector">
                {d.name}
              </th>
              {OPEN.map((o) => (
                <td key={o.status} className="num">
                  <Figure
                    n={d[o.status]}
                    filter={{ status: o.status, detector: d.value }}
                    what={`${o.label.toLowerCase()} incidents found by ${d.name}`}
                    onShow={onShow}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function Monitoring({ o }: { o: IncidentOverview }) {
  const m = o.monitoring;
  const last = m.lastScan;
  return (
    <dl className="overview-facts">
      {'projectsVisible' in m ? (
        <>
          <dt>Projects monitored</dt>
          <dd>
            {formatCount(m.projectsMonitored)} of the {formatCount(m.projectsVisible)} the app can
            see
          </dd>
        </>
      ) : (
        <>
          <dt>This project</dt>
          <dd>{m.monitored ? 'Monitored' : 'Outside the monitored perimeter'}</dd>
        </>
      )}
      <dt>Last historical scan</dt>
      <dd>
        {last ? (
          <>
            {JOB_STATUS_LABELS[last.status]},{' '}
            <time dateTime={last.finishedAt ?? last.startedAt}>
              {formatDate(last.finishedAt ?? last.startedAt)}
            </time>
            {last.issuesScanned !== undefined
              ? ` · ${formatCount(last.issuesScanned)} issues in ${formatCount(last.projects ?? 0)} projects`
              : ''}
          </>
        ) : (
          'None yet'
        )}
      </dd>
      <dt>Real-time changes scanned this week</dt>
      <dd>{formatCount(m.realtimeEventsThisWeek)}</dd>
    </dl>
  );
}

function Unread({ o }: { o: IncidentOverview }) {
  const { kinds, scanSkipped } = o.unread;
  return (
    <>
      {kinds.length === 0 ? (
        <p>Nothing was skipped in the last scan or in real time.</p>
      ) : (
        <ul className="overview-unread">
          {kinds.map((k) => (
            <li key={k.kind}>
              <strong>{formatCount(k.count)}</strong> {k.label}
            </li>
          ))}
        </ul>
      )}
      {scanSkipped !== undefined && scanSkipped > kinds.reduce((n, k) => n + k.count, 0) ? (
        <p className="muted small">
          The last scan skipped {formatCount(scanSkipped)} pieces of content in all; the Historical
          scan tab lists the first of them with their reasons.
        </p>
      ) : null}
    </>
  );
}
