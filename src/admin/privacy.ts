/**
 * Personal data, as Marketplace apps must handle it: the only personal data kept are Atlassian
 * account ids (who an incident is assigned to, who last changed its status). They are reported to
 * the platform every week; those it marks closed are erased from every incident.
 * @module
 */
import type { Incident } from '../incidents/model.js';
import { updateIncident } from '../incidents/store.js';
import type { AppDeps } from './context.js';

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
  deps: Pick<AppDeps, 'store' | 'now'>,
  report: PersonalDataReporter,
): Promise<{ reported: number; erased: number; incidentsChanged: number }> {
  const incidents = await allIncidents(deps);
  const latest = new Map<string, string>();
  for (const i of incidents) {
    for (const id of [i.assignee_id, i.status_changed_by]) {
      if (!id) continue;
      const seen = latest.get(id);
      if (!seen || i.updated_at > seen) latest.set(id, i.updated_at);
    }
  }
  if (latest.size === 0) return { reported: 0, erased: 0, incidentsChanged: 0 };
  const answer = await report(
    [...latest].map(([accountId, updatedAt]) => ({ accountId, updatedAt })),
  );
  const closed = new Set(answer.filter((a) => a.status === 'closed').map((a) => a.accountId));
  let changed = 0;
  for (const i of incidents) {
    if (!mentions(i, closed)) continue;
    // Erased from the incident as stored when written, so a scan's counts in between are kept.
    const next = await updateIncident(deps.store, i.id, (now) =>
      mentions(now, closed) ? erased(now, closed, deps.now()) : undefined,
    );
    if (next) changed++;
  }
  return { reported: latest.size, erased: closed.size, incidentsChanged: changed };
}
