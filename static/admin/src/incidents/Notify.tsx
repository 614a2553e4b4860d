/**
 * Who was told about an incident's secret, and the Notify action: Jira emails the issue's reporter
 * and the author of the comment or worklog, once per place (notifications must be turned on).
 */
import { useId, useState } from 'react';
import type { IncidentsApi } from '../api';
import { formatDate } from '../format';
import { useAction } from '../hooks';
import type { NotificationRecord } from '../types';
import { InlineError, InlineSuccess } from '../ui';
import { useUserNames, type NameCache } from './names';

export function Notify({
  api,
  incidentId,
  enabled,
  records,
  names,
  canAct,
}: {
  api: IncidentsApi;
  incidentId: string;
  enabled: boolean;
  records: readonly NotificationRecord[];
  names: NameCache;
  /** False on a project page for an incident other projects share (refused server-side too). */
  canAct: boolean;
}) {
  const headingId = useId();
  const { busy, error, run } = useAction();
  const [shown, setShown] = useState(records);
  const [done, setDone] = useState<string | undefined>();
  const known = useUserNames(
    names,
    shown.flatMap((r) => [r.by, ...r.to.users]),
  );
  const name = (id: string) => known.get(id) ?? 'a person';
  if (!enabled && shown.length === 0) return null;
  const notify = async () => {
    const r = await run(() => api.notifyIncident(incidentId));
    if (!r) return;
    setShown(r.notifications);
    setDone(
      r.sent.length > 0
        ? `Jira is emailing the people involved in ${r.sent.length} place${r.sent.length === 1 ? '' : 's'}.`
        : 'Nobody new to notify: every place was notified already or has no one to tell.',
    );
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>People notified</h3>
      {shown.length === 0 ? (
        <p className="muted">Nobody was notified about this secret yet.</p>
      ) : (
        <ul className="plain-list">
          {shown.map((r) => (
            <li key={r.occurrence_id}>
              {r.issue_key}: the reporter
              {r.to.users.length > 0 ? ` and ${r.to.users.map(name).join(', ')}` : ''}, on{' '}
              <time dateTime={r.at}>{formatDate(r.at)}</time>
              {r.by ? ` (sent by ${name(r.by)})` : ' (sent when the secret was found)'}
              {r.state === 'sending' ? ' (not confirmed by Jira)' : ''}
            </li>
          ))}
        </ul>
      )}
      {enabled && canAct ? (
        <>
          <p className="muted small">
            Jira emails the issue’s reporter and whoever wrote the comment or worklog: the kind of
            secret, a link to the place and how to revoke it, never the secret.
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void notify()}>
            {busy ? 'Notifying…' : 'Notify the people involved'}
          </button>
          {done ? <InlineSuccess>{done}</InlineSuccess> : null}
        </>
      ) : null}
      <InlineError error={error} />
    </section>
  );
}
