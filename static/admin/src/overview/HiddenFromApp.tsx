/**
 * What Jira keeps from the app, in counts and reasons: projects an app access rule (data security
 * policy) blocks, projects the app's user may not browse, issues behind a security level and
 * comments restricted to a group or role the app is not in. From what Jira answered: at the start
 * of the last scan (app access rules) and in the last "Check coverage" (the admin's view against
 * the app's), which the admin page can run again.
 */
import { useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { formatCount, formatDate } from '../format';
import { ExternalLink } from '../links';
import type { Coverage, IncidentOverview } from '../types';
import { InlineError } from '../ui';

/** Atlassian's page on what an app access rule blocks in Jira. */
export const APP_ACCESS_RULES_URL =
  'https://support.atlassian.com/security-and-access-policies/docs/app-access-rule-coverage-summary-for-jira-cloud/';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;
const keys = (list: readonly string[]) => list.join(', ');

function When({ at }: { at: string }) {
  return <time dateTime={at}>{formatDate(at)}</time>;
}

export function HiddenFromApp({
  o,
  onCheck,
}: {
  o: IncidentOverview;
  /** Runs a coverage check (admin page only); the overview reloads after it. */
  onCheck?: (() => Promise<unknown>) | undefined;
}) {
  const { scan, coverage } = o.hidden;
  return (
    <div className="overview-hidden">
      <h3>Hidden from the app by Jira</h3>
      {scan ? (
        <p>
          {scan.blocked.length === 0 ? (
            <>No app access rule blocked the last scan</>
          ) : (
            <>
              <strong>{plural(scan.blocked.length, 'project')}</strong> kept from apps by an app
              access rule (data security policy): {keys(scan.blocked)}. Nothing in{' '}
              {scan.blocked.length === 1 ? 'it' : 'them'} was scanned
            </>
          )}{' '}
          <span className="muted small">
            (Jira&apos;s data policy, asked at the start of the scan, <When at={scan.checkedAt} />
            ).
          </span>
        </p>
      ) : null}
      {coverage === null ? (
        <p className="muted small">
          Jira leaves out, without saying so, what the app may not see.
          {onCheck
            ? ' Check coverage compares what you see with what the app sees, and counts the difference.'
            : ' An administrator can check coverage from the admin page.'}
        </p>
      ) : 'hiddenProjects' in coverage ? (
        <SiteCoverage c={coverage} />
      ) : (
        <ProjectCoverageText c={coverage} />
      )}
      <p className="muted small">
        <ExternalLink href={APP_ACCESS_RULES_URL}>What an app access rule blocks</ExternalLink>.
        Give the app&apos;s user a place in a security level, group or role to have what it protects
        scanned.
      </p>
      {onCheck ? <CheckButton onCheck={onCheck} /> : null}
    </div>
  );
}

function SiteCoverage({ c }: { c: Coverage }) {
  const compared = c.compared.length;
  return (
    <>
      <ul className="overview-unread">
        <li>
          <strong>{plural(c.blockedProjects.length + c.hiddenProjects.length, 'project')}</strong>{' '}
          hidden from the app
          {c.blockedProjects.length > 0 ? ` · app access rule: ${keys(c.blockedProjects)}` : ''}
          {c.hiddenProjects.length > 0
            ? ` · the app's user may not browse: ${keys(c.hiddenProjects)}`
            : ''}
        </li>
        <li>
          <strong>{plural(c.hiddenIssues, 'issue')}</strong> you see and the app does not, of which{' '}
          <strong>{formatCount(c.behindLevel)}</strong> behind a security level the app is not in
          <span className="muted small">
            {' '}
            (issue counts as you and as the app in {plural(compared, 'project')}
            {c.notCompared > 0 ? `; ${formatCount(c.notCompared)} more not compared` : ''})
          </span>
        </li>
        <li>
          <strong>{plural(c.comments.hidden, 'comment')}</strong> restricted to a group or role the
          app is not in
          <span className="muted small">
            {' '}
            (in the {plural(c.comments.issuesSampled, 'issue')} compared: each project&apos;s most
            recently updated ones)
          </span>
        </li>
      </ul>
      <p className="muted small">
        Checked <When at={c.checkedAt} /> by comparing your view of Jira with the app&apos;s. You
        see only what you may see, so these are the least that is hidden.
      </p>
    </>
  );
}

function ProjectCoverageText({
  c,
}: {
  c: Exclude<IncidentOverview['hidden']['coverage'], Coverage | null>;
}) {
  const p = 'project' in c ? c.project : undefined;
  return (
    <p>
      {c.blocked
        ? 'An app access rule keeps this project’s content from apps: nothing in it is scanned. '
        : null}
      {p ? (
        <>
          <strong>{plural(Math.max(0, p.adminIssues - p.appIssues), 'issue')}</strong> here an
          administrator sees and the app does not, of which{' '}
          <strong>{formatCount(p.behindLevel)}</strong> behind a security level.{' '}
        </>
      ) : null}
      <span className="muted small">
        Coverage checked <When at={c.checkedAt} />.
      </span>
    </p>
  );
}

function CheckButton({ onCheck }: { onCheck: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          onCheck().then(
            () => {
              setBusy(false);
            },
            (e: unknown) => {
              setBusy(false);
              setError(toApiError(e));
            },
          );
        }}
      >
        {busy ? 'Checking coverage…' : 'Check coverage'}
      </button>
      <InlineError error={error} />
    </>
  );
}
