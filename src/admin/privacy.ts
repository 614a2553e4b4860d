/**
 * Personal data, as Marketplace apps must handle it: the only personal data kept are Atlassian
 * account ids (who an incident is assigned to, who last changed its status, who wrote the comment,
 * worklog or history entry a secret was found in, who was notified of an incident and who asked).
 * They are reported to the platform every week; those it marks closed are erased from every
 * incident, occurrence and notification record. Names are never kept.
 * @module
 */
import type { Incident, StoredOccurrence } from '../incidents/model.js';
import { updateIncident } from '../incidents/store.js';
import type { AppDeps } from './context.js';
import { NOTIFIED, type NotificationRecord } from './notify.js';

export interface ReportedAccount {
  readonly accountId: string;
  /** When we last stored data about this account (ISO). */
  readonly updatedAt: string;
}

/** The platform's answer for one account: `closed` ones must be erased. */
export interface AccountStatus {
  readonly accountId: string;
  readonly status: 'closed' | 'updated';
}

export type PersonalDataReporter = (accounts: ReportedAccount[]) => Promise<AccountStatus[]>;

async function allIncidents(deps: Pick<AppDeps, 'store'>): Promise<Incident[]> {
  const out: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listIncidents({}, 100, cursor);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

async function allNotifications(
  docs: AppDeps['docs'],
): Promise<{ key: string; value: NotificationRecord }[]> {
  const out: { key: string; value: NotificationRecord }[] = [];
  let cursor: string | undefined;
  do {
    const page = await docs.list<NotificationRecord>(NOTIFIED, 100, cursor);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

const peopleOf = (n: NotificationRecord): string[] => [...(n.by ? [n.by] : []), ...n.to.users];

/** Notification records without the closed accounts (a record naming none of them is kept as is). */
async function eraseFromNotifications(
  docs: AppDeps['docs'],
  records: readonly { key: string; value: NotificationRecord }[],
  closed: ReadonlySet<string>,
): Promise<void> {
  for (const { key, value } of records) {
    if (!peopleOf(value).some((id) => closed.has(id))) continue;
    const { by, ...rest } = value;
    await docs.set(key, {
      ...rest,
      ...(by && !closed.has(by) ? { by } : {}),
      to: { ...value.to, users: value.to.users.filter((id) => !closed.has(id)) },
    });
  }
}

const mentions = (i: Incident, closed: ReadonlySet<string>): boolean =>
  (i.assignee_id !== undefined && closed.has(i.assignee_id)) ||
  (i.status_changed_by !== undefined && closed.has(i.status_changed_by));

/** The incident without the closed accounts it names. */
function erased(i: Incident, closed: ReadonlySet<string>, now: string): Incident {
  const assigneeGone = i.assignee_id !== undefined && closed.has(i.assignee_id);
  const changerGone = i.status_changed_by !== undefined && closed.has(i.status_changed_by);
  const { assignee_id: _a, status_changed_by: _c, ...rest } = i;
  return {
    ...rest,
    ...(!assigneeGone && i.assignee_id ? { assignee_id: i.assignee_id } : {}),
    ...(!changerGone && i.status_changed_by ? { status_changed_by: i.status_changed_by } : {}),
    // An incident assigned to a closed account is open again, for someone else to take.
    ...(assigneeGone && i.status === 'ASSIGNED' ? { status: 'TRIGGERED' as const } : {}),
    updated_at: now,
  };
}

export async function reportPersonalData(
  deps: Pick<AppDeps, 'store' | 'now' | 'docs'>,
  report: PersonalDataReporter,
): Promise<{ reported: number; erased: number; incidentsChanged: number }> {
  const incidents = await allIncidents(deps);
  const notifications = await allNotifications(deps.docs);
  const latest = new Map<string, string>();
  const saw = (id: string | undefined, at: string): void => {
    if (!id) return;
    const seen = latest.get(id);
    if (!seen || at > seen) latest.set(id, at);
  };
  const authored: StoredOccurrence[] = [];
  for (const i of incidents) {
    saw(i.assignee_id, i.updated_at);
    saw(i.status_changed_by, i.updated_at);
    for (const o of await deps.store.occurrencesOfIncident(i.id)) {
      if (o.location.authorId === undefined) continue;
      authored.push(o);
      saw(o.location.authorId, o.last_seen);
    }
  }
  for (const { value } of notifications) for (const id of peopleOf(value)) saw(id, value.at);
  if (latest.size === 0) return { reported: 0, erased: 0, incidentsChanged: 0 };
  const answer = await report(
    [...latest].map(([accountId, updatedAt]) => ({ accountId, updatedAt })),
  );
  const closed = new Set(answer.filter((a) => a.status === 'closed').map((a) => a.accountId));
  await eraseFromNotifications(deps.docs, notifications, closed);
  let changed = 0;
  for (const i of incidents) {
    if (!mentions(i, closed)) continue;
    // Erased from the incident as stored when written, so a scan's counts in between are kept.
    const next = await updateIncident(deps.store, i.id, (now) =>
      mentions(now, closed) ? erased(now, closed, deps.now()) : undefined,
    );
    if (next) changed++;
  }
  for (const o of authored) {
    if (!closed.has(o.location.authorId ?? '')) continue;
    // The place stays (its id does not include the author); only who wrote it is forgotten.
    const { authorId: _a, ...location } = o.location;
    await deps.store.putOccurrence({ ...o, location });
  }
  return { reported: latest.size, erased: closed.size, incidentsChanged: changed };
}
