/** One incident: what was found, every place it appears (with a link into Jira), and actions. */
import { router } from '@forge/bridge';
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import type { IncidentsApi } from '../api';
import { describePlace, placePeople } from '../../../../src/incidents/place.js';
import {
  formatCount,
  formatDate,
  IGNORE_REASON_LABELS,
  PRESENCE_LABELS,
  safeUrl,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../format';
import { useAction, useLoad } from '../hooks';
import type {
  IgnoreReason,
  Incident,
  IncidentAction,
  JiraUser,
  Occurrence,
  PlaceNamesJson,
} from '../types';
import { Empty, InlineError, InlineSuccess, LoadError, Loading, Lozenge } from '../ui';
import { IgnoreReasonField } from './IgnoreReasonField';
import { AssigneeName } from './AssigneeName';
import { useKnownNames, useUserNames, type NameCache } from './names';
import { useIssueSummaries } from './summaries';
import { PRESENCE_TONE, severityBold, severityTone, statusTone } from './tones';
import { ValidityDetail } from './validity';
import { Notify } from './Notify';
import { Remediation } from './Remediation';
import { ASSIGNABLE_NOBODY } from './assignable';
import { UserPicker } from './UserPicker';

export function IncidentView({
  api,
  id,
  accountId,
  names,
  onBack,
  onChanged,
}: {
  api: IncidentsApi;
  id: string;
  accountId?: string | undefined;
  /** Assignee names, shared with the list. */
  names: NameCache;
  onBack: () => void;
  onChanged: (incident: Incident) => void;
}) {
  const { state, reload, update } = useLoad(() => api.getIncident(id));
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    back.current?.focus();
  }, []);
  return (
    <article className="incident" aria-labelledby={`incident-${id}-title`}>
      <button ref={back} type="button" className="button button-subtle" onClick={onBack}>
        ← Back to incidents
      </button>
      {state.status === 'loading' ? (
        <>
          <h2 id={`incident-${id}-title`}>Incident</h2>
          <Loading label="Loading the incident…" />
        </>
      ) : state.status === 'error' ? (
        <>
          <h2 id={`incident-${id}-title`}>Incident</h2>
          <LoadError error={state.error} what="this incident" onRetry={reload} />
        </>
      ) : (
        <>
          <h2 id={`incident-${id}-title`}>
            {state.data.incident.detector.display_name}{' '}
            <code className="secret">{state.data.incident.secret_preview}</code>
          </h2>
          <Facts incident={state.data.incident} accountId={accountId} names={names} />
          <Actions
            api={api}
            incident={state.data.incident}
            accountId={accountId}
            names={names}
            onDone={(incident) => {
              update((d) => ({ ...d, incident }));
              onChanged(incident);
            }}
          />
          <Remediation guidance={state.data.guidance} />
          <Notify
            api={api}
            incidentId={id}
            enabled={state.data.notifications_enabled === true}
            records={state.data.notifications ?? []}
            names={names}
            canAct={state.data.incident.shared_with_other_projects !== true}
          />
          <Occurrences
            api={api}
            incidentId={id}
            people={names}
            placeNames={state.data.names}
            occurrences={state.data.occurrences}
            cursor={state.data.cursor}
            loadMore={async (cursor) => {
              const more = await api.getIncident(id, cursor);
              update((d) => {
                const seen = new Set(d.occurrences.map((o) => o.id));
                const { cursor: _old, ...rest } = d;
                return {
                  ...rest,
                  occurrences: [
                    ...d.occurrences,
                    ...more.occurrences.filter((o) => !seen.has(o.id)),
                  ],
                  names: mergeNames(d.names, more.names),
                  ...(more.cursor ? { cursor: more.cursor } : {}),
                };
              });
            }}
          />
        </>
      )}
    </article>
  );
}

function Facts({
  incident: i,
  accountId,
  names,
}: {
  incident: Incident;
  accountId?: string | undefined;
  names: NameCache;
}) {
  const known = useKnownNames(names, [i.assignee_id]);
  return (
    <dl className="facts">
      <dt>Secret (masked)</dt>
      <dd>
        <code className="secret">{i.secret_preview}</code>
      </dd>
      {i.partner ? (
        <>
          <dt>Works with</dt>
          <dd>
            {i.partner.name} <code className="secret">{i.partner.preview}</code>
          </dd>
        </>
      ) : null}
      <dt>Detector</dt>
      <dd>
        {i.detector.display_name} <span className="muted">({i.detector.name})</span>
      </dd>
      <dt>Status</dt>
      <dd>
        <Lozenge tone={statusTone(i.status)}>{STATUS_LABELS[i.status]}</Lozenge>
        {i.ignore_reason ? ` ${IGNORE_REASON_LABELS[i.ignore_reason]}` : ''}
        {i.regression ? (
          <>
            {' '}
            <Lozenge tone="neutral" bold>
              Regression
            </Lozenge>
          </>
        ) : null}
      </dd>
      <dt>Severity</dt>
      <dd>
        <Lozenge tone={severityTone(i.severity)} bold={severityBold(i.severity)}>
          {SEVERITY_LABELS[i.severity]}
        </Lozenge>
      </dd>
      <dt>Validity</dt>
      <dd>
        <ValidityDetail incident={i} />
      </dd>
      <dt>Presence</dt>
      <dd>
        <Lozenge tone={PRESENCE_TONE}>{PRESENCE_LABELS[i.presence]}</Lozenge>{' '}
        {`in ${formatCount(i.present_count)} of ${formatCount(i.occurrences_count)} place${i.occurrences_count === 1 ? '' : 's'}`}
      </dd>
      <dt>Projects</dt>
      <dd>
        {i.project_keys.join(', ')}
        {i.shared_with_other_projects ? ' (and other projects)' : ''}
      </dd>
      <dt>First seen</dt>
      <dd>
        <time dateTime={i.date}>{formatDate(i.date)}</time>
      </dd>
      <dt>Last seen</dt>
      <dd>
        <time dateTime={i.last_seen}>{formatDate(i.last_seen)}</time>
      </dd>
      {i.assignee_id ? (
        <>
          <dt>Assignee</dt>
          <dd>
            <AssigneeName id={i.assignee_id} known={known} viewer={accountId} />
          </dd>
        </>
      ) : null}
      {i.resolved_at ? (
        <>
          <dt>Resolved</dt>
          <dd>
            <time dateTime={i.resolved_at}>{formatDate(i.resolved_at)}</time>
          </dd>
        </>
      ) : null}
      <dt>Validity</dt>
      <dd>Not checked: the format matches, whether the secret still works is not tested.</dd>
    </dl>
  );
}

function Actions({
  api,
  incident,
  accountId,
  names,
  onDone,
}: {
  api: IncidentsApi;
  incident: Incident;
  accountId?: string | undefined;
  names: NameCache;
  onDone: (incident: Incident) => void;
}) {
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | undefined>();
  const [assignee, setAssignee] = useState<JiraUser | undefined>();
  // A new key empties the picker once its choice is assigned.
  const [pickerKey, setPickerKey] = useState(0);
  const [reason, setReason] = useState<IgnoreReason | ''>('');
  const headingId = useId();
  // The result of the last action takes focus: the control used is disabled while it runs and
  // often gone after it (Resolve becomes Reopen), and focus must not fall to the page's body.
  const result = useRef<HTMLDivElement>(null);
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    if (settled > 0) result.current?.focus();
  }, [settled]);
  const act = async (action: IncidentAction, message: string) => {
    setDone(undefined);
    const updated = await run(() => api.incidentAction(incident.id, action));
    if (updated) {
      onDone(updated);
      setDone(message);
    }
    setSettled((n) => n + 1);
    return updated;
  };
  const s = incident.status;
  const canAssign = s === 'TRIGGERED' || s === 'ASSIGNED';
  // The server refuses them too: one project's page does not decide for the others.
  if (incident.shared_with_other_projects)
    return (
      <section className="panel actions" aria-labelledby={headingId}>
        <h3 id={headingId}>Actions</h3>
        <p className="hint">
          Actions are not available on this page: this secret also appears in other projects, so a
          Jira administrator handles it from the app’s admin page.
        </p>
      </section>
    );
  const checkValidity = api.checkValidity;
  const checkNow = async () => {
    if (!checkValidity) return;
    setDone(undefined);
    const updated = await run(() => checkValidity(incident.id));
    if (updated) {
      onDone(updated);
      setDone('Validity checked.');
    }
    setSettled((n) => n + 1);
  };
  return (
    <section className="panel actions" aria-labelledby={headingId}>
      <h3 id={headingId}>Actions</h3>
      {checkValidity ? (
        <div className="inline-form">
          <button type="button" className="button" disabled={busy} onClick={() => void checkNow()}>
            Check now
          </button>
          <span className="muted small">
            Reads a place of this secret in Jira again and asks its provider whether it still works.
          </span>
        </div>
      ) : null}
      {canAssign ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const to = assignee;
            if (!to) return;
            names.remember(to);
            void act(
              { type: 'assign', assigneeId: to.accountId },
              `Assigned to ${to.displayName}.`,
            ).then((updated) => {
              if (!updated) return;
              setAssignee(undefined);
              setPickerKey((k) => k + 1);
            });
          }}
        >
          <UserPicker
            key={pickerKey}
            label="Assign to"
            search={(q) => api.searchAssignees([incident.id], q)}
            nobody={ASSIGNABLE_NOBODY}
            picked={assignee}
            onPick={setAssignee}
            disabled={busy}
          />
          <button type="submit" className="button" disabled={busy || !assignee}>
            Assign
          </button>
          {accountId ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act({ type: 'assign', assigneeId: accountId }, 'Assigned to you.')
              }
            >
              Assign to me
            </button>
          ) : null}
          {s === 'ASSIGNED' ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void act({ type: 'unassign' }, 'Unassigned.')}
            >
              Unassign
            </button>
          ) : null}
        </form>
      ) : null}
      <div className="inline-form">
        {s !== 'RESOLVED' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void act({ type: 'resolve' }, 'Resolved.')}
          >
            Resolve
          </button>
        ) : null}
        {s === 'RESOLVED' || s === 'IGNORED' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act({ type: 'reopen' }, 'Reopened.')}
          >
            Reopen
          </button>
        ) : null}
      </div>
      {s !== 'RESOLVED' ? (
        <p className="hint">Resolve once the secret has been revoked or rotated where it works.</p>
      ) : null}
      {s !== 'IGNORED' ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason)
              void act(
                { type: 'ignore', reason },
                `Ignored: ${IGNORE_REASON_LABELS[reason].toLowerCase()}.`,
              );
          }}
        >
          <IgnoreReasonField label="Reason to ignore" reason={reason} onChange={setReason} />
          <button type="submit" className="button" disabled={busy || !reason}>
            Ignore
          </button>
        </form>
      ) : null}
      <div className="action-result" tabIndex={-1} ref={result}>
        <InlineError error={error} />
        {done ? <InlineSuccess>{done}</InlineSuccess> : null}
      </div>
    </section>
  );
}

/** Opens Jira in a new tab through the host (a Custom UI iframe may not open windows itself). */
function openInJira(e: MouseEvent<HTMLAnchorElement>, url: string) {
  e.preventDefault();
  router.open(url).catch(() => {
    window.open(url, '_blank', 'noopener,noreferrer');
  });
}

/** The names of every page of places loaded so far. */
function mergeNames(a?: PlaceNamesJson, b?: PlaceNamesJson): PlaceNamesJson {
  return {
    fields: { ...a?.fields, ...b?.fields },
    components: { ...a?.components, ...b?.components },
    versions: { ...a?.versions, ...b?.versions },
  };
}

function Occurrences({
  api,
  incidentId,
  people,
  placeNames,
  occurrences,
  cursor,
  loadMore,
}: {
  api: IncidentsApi;
  incidentId: string;
  /** Authors' names, shared with the list. */
  people: NameCache;
  placeNames: PlaceNamesJson | undefined;
  occurrences: readonly Occurrence[];
  /** More places follow. */
  cursor: string | undefined;
  loadMore: (cursor: string) => Promise<void>;
}) {
  const headingId = useId();
  const more = useAction();
  // After "Load more places", the first new row takes focus (the button goes after the last page).
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  const focusRow = useRef<number | undefined>(undefined);
  useEffect(() => {
    const n = focusRow.current;
    if (n === undefined || n >= occurrences.length) return;
    focusRow.current = undefined;
    rowsRef.current?.querySelectorAll<HTMLElement>(':scope > tr')[n]?.focus();
  }, [occurrences]);
  const authors = useUserNames(people, placePeople(occurrences.map((o) => o.location)));
  const summaries = useIssueSummaries(
    api,
    incidentId,
    occurrences.map((o) => o.location.issueId),
  );
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Occurrences {cursor ? null : `(${formatCount(occurrences.length)})`}</h3>
      {occurrences.length === 0 ? (
        <Empty title="No place to show.">
          <p>The places of this incident are in projects this page does not cover.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Where the secret appears</caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Where</th>
                <th scope="col">Presence</th>
                <th scope="col">Found by</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
                <th scope="col">Link</th>
              </tr>
            </thead>
            <tbody ref={rowsRef}>
              {occurrences.map((o) => {
                const url = safeUrl(o.url);
                const where = describePlace(o.location, { ...placeNames, people: authors }, o.url);
                const summary =
                  o.location.issueId === undefined ? undefined : summaries.get(o.location.issueId);
                const lines = [...new Set(o.matches.map((m) => m.line))];
                return (
                  <tr key={o.id} tabIndex={-1}>
                    <td>
                      {o.location.issueKey ?? (
                        <span className="muted">Project {o.location.projectKey}</span>
                      )}
                      {summary ? (
                        <span className="issue-summary muted small">
                          {summary.text}
                          {summary.masked ? (
                            <span className="sr-only"> (a secret in the summary is masked)</span>
                          ) : null}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {where}
                      {lines.length > 0 ? (
                        <span className="muted small">
                          {' '}
                          line{lines.length === 1 ? '' : 's'} {lines.join(', ')}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <Lozenge tone={PRESENCE_TONE}>{PRESENCE_LABELS[o.presence]}</Lozenge>
                      {o.removed_at ? (
                        <span className="muted small"> since {formatDate(o.removed_at)}</span>
                      ) : null}
                    </td>
                    <td>{o.kind === 'realtime' ? 'Real-time scan' : 'Historical scan'}</td>
                    <td>
                      <time dateTime={o.date}>{formatDate(o.date)}</time>
                    </td>
                    <td>
                      <time dateTime={o.last_seen}>{formatDate(o.last_seen)}</time>
                    </td>
                    <td>
                      {url ? (
                        <a
                          href={url}
                          target="_blank"
                          rel="noopener noreferrer"
                          onClick={(e) => {
                            openInJira(e, url);
                          }}
                        >
                          Open in Jira
                          <span className="sr-only">
                            {' '}
                            ({o.location.issueKey ?? o.location.projectKey}, {where}; opens a new
                            tab)
                          </span>
                        </a>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor ? (
        <div className="list-footer">
          <p className="muted" aria-live="polite">
            Showing the first {formatCount(occurrences.length)} place
            {occurrences.length === 1 ? '' : 's'}.
          </p>
          {/* Waits with aria-disabled: disabled would drop focus to the page while loading. */}
          <button
            type="button"
            className="button"
            aria-disabled={more.busy || undefined}
            onClick={() => {
              if (more.busy) return;
              focusRow.current = occurrences.length;
              void more.run(() => loadMore(cursor));
            }}
          >
            {more.busy ? 'Loading…' : 'Load more places'}
          </button>
        </div>
      ) : null}
      <InlineError error={more.error} />
    </section>
  );
}
