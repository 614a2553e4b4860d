/**
 * Notifying the people involved in a leak (opt-in): Jira emails the issue's reporter and the author
 * of the comment or worklog that holds the secret, through `POST /issue/{id}/notify`. The text is
 * fixed: the kind of secret, the place (a link) and how to revoke it; never the secret, never its
 * masked preview. Each place is notified at most once: a record is written before the request (a
 * crash after it leaves the place notified, never emailed twice) and kept beside the incident.
 * @module
 */
import { remediationFor, type Remediation } from '../detectors/remediation.js';
import type { Incident, StoredOccurrence } from '../incidents/model.js';
import type { IssueNotification } from '../jira/client.js';
import type { AppDeps } from './context.js';
import { onlyInHistory } from './guidance.js';

/** What the app keeps of one notification (beside the incident, by place). */
export interface NotificationRecord {
  readonly occurrence_id: string;
  readonly issue_key: string;
  /** When it was sent (ISO). */
  readonly at: string;
  /** The account that asked for it (the Notify action); absent when sent for a new real-time incident. */
  readonly by?: string;
  /** Jira emailed the issue's reporter and these accounts (the authors of the comment or worklog). */
  readonly to: { readonly reporter: true; readonly users: readonly string[] };
  /** `sending` until Jira took it; a record left `sending` by a crash is never sent again. */
  readonly state: 'sending' | 'sent';
}

export interface NotifySkip {
  readonly occurrence_id: string;
  readonly reason: string;
}

export interface NotifyOutcome {
  readonly sent: readonly NotificationRecord[];
  readonly skipped: readonly NotifySkip[];
}

export const NOTIFIED = 'notified:';
const keyOf = (incidentId: string, occurrenceId: string) =>
  `${NOTIFIED}${incidentId}:${occurrenceId}`;

/** The notifications recorded for an incident, oldest first. */
export async function notificationsOf(
  docs: AppDeps['docs'],
  incidentId: string,
): Promise<NotificationRecord[]> {
  const out: NotificationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await docs.list<NotificationRecord>(`${NOTIFIED}${incidentId}:`, 100, cursor);
    out.push(...page.items.map((i) => i.value));
    cursor = page.cursor;
  } while (cursor);
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The place in words, for the email (no field names: they can be anything). */
export function placeWords(o: Pick<StoredOccurrence, 'location'>): string {
  const l = o.location;
  if (l.historyId !== undefined) return 'the issue history (an old value)';
  if (l.commentId !== undefined) return 'a comment';
  if (l.worklogId !== undefined) return 'a worklog';
  if (l.attachmentId !== undefined) return 'an attachment';
  if (l.field === 'summary') return 'the summary';
  if (l.field === 'description') return 'the description';
  if (l.field === 'environment') return 'the environment field';
  return 'a field';
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The fixed text of one notification. It names the kind of secret (the detector's name), the
 * place and its link, and the guidance: nothing taken from the issue's content.
 */
export function notificationText(
  incident: Pick<Incident, 'detector'>,
  place: Pick<StoredOccurrence, 'location' | 'url'>,
  guidance: Remediation,
  historyOnly: boolean,
): Pick<IssueNotification, 'subject' | 'textBody' | 'htmlBody'> {
  const kind = incident.detector.display_name;
  const issue = place.location.issueKey ?? place.location.projectKey;
  const where = placeWords(place);
  const author =
    place.location.commentId !== undefined
      ? ' or wrote the comment that holds it'
      : place.location.worklogId !== undefined
        ? ' or wrote the worklog that holds it'
        : '';
  const still = historyOnly
    ? 'It was removed from the issue but is still visible in the issue history; Jira keeps old values.'
    : 'Removing it from Jira is not enough: Jira keeps old values in the issue history.';
  const lines = [
    `Secret Scanner for Jira found a secret in ${issue}, in ${where}: a ${kind}.`,
    `Where: ${place.url}`,
    '',
    `Treat it as leaked. ${still} Revoke or rotate it:`,
    guidance.steps,
    `The provider's instructions: ${guidance.url}`,
    '',
    `You get this email because you reported ${issue}${author}. It does not contain the secret.`,
  ];
  const html = [
    `<p>Secret Scanner for Jira found a secret in <a href="${escapeHtml(place.url)}">${escapeHtml(issue)}</a>, in ${escapeHtml(where)}: a <strong>${escapeHtml(kind)}</strong>.</p>`,
    `<p>Treat it as leaked. ${escapeHtml(still)} Revoke or rotate it:</p>`,
    `<p>${escapeHtml(guidance.steps)}</p>`,
    `<p><a href="${escapeHtml(guidance.url)}">The provider's instructions</a></p>`,
    `<p>You get this email because you reported ${escapeHtml(issue)}${escapeHtml(author)}. It does not contain the secret.</p>`,
  ];
  return {
    subject: `Secret found in ${issue}: ${kind}`,
    textBody: lines.join('\n'),
    htmlBody: html.join('\n'),
  };
}

/**
 * The places to notify about: present places in issues (a project's own documentation has no
 * reporter). In an issue, each comment, worklog and field holding it, or, when only its history
 * still holds it, the first history entry: one email per issue history, not one per entry.
 */
export function placesToNotify(places: readonly StoredOccurrence[]): StoredOccurrence[] {
  const byIssue = new Map<string, StoredOccurrence[]>();
  for (const o of places) {
    if (o.presence !== 'present' || o.location.issueId === undefined) continue;
    const list = byIssue.get(o.location.issueId) ?? [];
    list.push(o);
    byIssue.set(o.location.issueId, list);
  }
  return [...byIssue.values()].flatMap((list) => {
    const live = list.filter((o) => o.location.historyId === undefined);
    return live.length > 0 ? live : list.slice(0, 1);
  });
}

/** The people who wrote the comment or worklog (author and last editor), as Jira names them now. */
async function authorsOf(
  deps: Pick<AppDeps, 'asApp'>,
  o: StoredOccurrence,
): Promise<string[] | undefined> {
  const { issueId, commentId, worklogId } = o.location;
  if (issueId === undefined) return [];
  const item =
    commentId !== undefined
      ? await deps.asApp.comment(issueId, commentId)
      : worklogId !== undefined
        ? await deps.asApp.worklog(issueId, worklogId)
        : undefined;
  if (commentId === undefined && worklogId === undefined) return [];
  if (!item) return undefined; // deleted since
  const ids = [item.author, item.updateAuthor].flatMap((a) => {
    const u = a as { accountId?: unknown; accountType?: unknown } | undefined;
    return typeof u?.accountId === 'string' && u.accountType !== 'app' ? [u.accountId] : [];
  });
  return [...new Set(ids)];
}

/**
 * Notifies the people involved in each place of `places` not notified yet. `by` is the account
 * that asked (absent for a new real-time incident). Jira's refusals are skips with a reason.
 */
export async function notifyPlaces(
  deps: Pick<AppDeps, 'asApp' | 'docs' | 'now'>,
  incident: Incident,
  places: readonly StoredOccurrence[],
  by?: string,
): Promise<NotifyOutcome> {
  const guidance = remediationFor(incident.detector.family) ?? remediationFor('custom');
  if (!guidance) throw new Error('no generic remediation guidance');
  const historyOnly = await onlyInHistory(places);
  const sent: NotificationRecord[] = [];
  const skipped: NotifySkip[] = [];
  for (const place of placesToNotify(places)) {
    const key = keyOf(incident.id, place.id);
    if (await deps.docs.get(key)) {
      skipped.push({ occurrence_id: place.id, reason: 'already notified' });
      continue;
    }
    let users: string[] | undefined;
    try {
      users = await authorsOf(deps, place);
    } catch {
      // Jira would not say who wrote it (rate limit, outage): the place waits for the next try.
      skipped.push({ occurrence_id: place.id, reason: 'Jira could not say who wrote the place' });
      continue;
    }
    if (users === undefined) {
      skipped.push({ occurrence_id: place.id, reason: 'the comment or worklog is gone' });
      continue;
    }
    const record: NotificationRecord = {
      occurrence_id: place.id,
      issue_key: place.location.issueKey ?? place.location.projectKey,
      at: deps.now(),
      ...(by ? { by } : {}),
      to: { reporter: true, users },
      state: 'sending',
    };
    await deps.docs.set(key, record);
    try {
      await deps.asApp.notify(place.location.issueId ?? '', {
        ...notificationText(incident, place, guidance, historyOnly),
        to: { reporter: true, users: users.map((accountId) => ({ accountId })) },
        restrict: { permissions: [{ key: 'BROWSE' }] },
      });
    } catch (e) {
      // Not sent: the place may be notified again later.
      await deps.docs.delete(key);
      const status = (e as { status?: unknown }).status;
      skipped.push({
        occurrence_id: place.id,
        reason:
          typeof status === 'number'
            ? `Jira refused the notification (HTTP ${status})`
            : 'Jira could not be reached',
      });
      continue;
    }
    const done: NotificationRecord = { ...record, state: 'sent' };
    await deps.docs.set(key, done);
    sent.push(done);
  }
  return { sent, skipped };
}

/**
 * After a real-time scan: the people involved in each incident it created are notified (when an
 * admin turned notifications on). An incident that existed before is left to the Notify action.
 */
export async function notifyNewIncidents(
  deps: Pick<AppDeps, 'asApp' | 'docs' | 'now'>,
  result: {
    readonly incidents: readonly Incident[];
    readonly appeared: readonly StoredOccurrence[];
  },
): Promise<NotifyOutcome> {
  const sent: NotificationRecord[] = [];
  const skipped: NotifySkip[] = [];
  for (const incident of result.incidents) {
    // Created by this scan: first seen when last written.
    if (incident.date !== incident.updated_at || incident.occurrences_count === 0) continue;
    const places = result.appeared.filter((o) => o.incident_id === incident.id);
    const r = await notifyPlaces(deps, incident, places);
    sent.push(...r.sent);
    skipped.push(...r.skipped);
  }
  return { sent, skipped };
}
