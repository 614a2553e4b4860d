/**
 * `POST /rest/api/3/issue/{issue}/notify`, as Jira answers it: 204 when the email is queued, 400
 * for a missing subject or body or an unknown recipient. The simulator records every notification
 * it queues, and refuses (400) one whose text holds a secret or a masked preview: the app must send
 * the kind of secret, the place and the guidance, never the value nor a part of it.
 * @module
 */
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import { canBrowse } from './render.js';
import type { IssueDef, SimSite } from './fixture.js';

/** A notification the simulator queued. */
export interface SimNotification {
  readonly issueId: string;
  readonly issueKey: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  /** Account ids Jira would email (reporter and users, restricted to those who may browse). */
  readonly recipients: readonly string[];
}

export class NotifyRefusal extends Error {}

// The built-in detectors, as the app runs them by default: what counts as a secret here.
const scanner = createScanner({
  detectors: DETECTORS,
  fingerprintKey: 'jira-sim-notify-check-key',
});

interface Body {
  subject?: unknown;
  textBody?: unknown;
  htmlBody?: unknown;
  to?: { reporter?: unknown; users?: unknown };
  restrict?: { permissions?: unknown };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Checks and records one notification; throws NotifyRefusal with Jira's wording on a 400. */
export function queueNotification(
  site: SimSite,
  issue: IssueDef,
  raw: string | undefined,
  queued: SimNotification[],
): void {
  let body: Body;
  try {
    body = JSON.parse(raw ?? '') as Body;
  } catch {
    throw new NotifyRefusal('The request body is not JSON.');
  }
  const subject = text(body.subject);
  const textBody = text(body.textBody);
  const htmlBody = text(body.htmlBody);
  if (!textBody && !htmlBody) throw new NotifyRefusal('A notification needs a body.');
  const all = `${subject}\n${textBody}\n${htmlBody}`;
  const found = scanner.scan(all).findings;
  if (found.length > 0)
    throw new NotifyRefusal(`The notification holds a secret (${found[0]?.detector ?? ''}).`);
  if (/\*{4}/.test(all)) throw new NotifyRefusal('The notification holds a masked preview.');
  const ids = new Set<string>();
  const reporter = (issue.fields.reporter as { accountId?: string } | undefined)?.accountId;
  if (body.to?.reporter === true) {
    if (!reporter) throw new NotifyRefusal('The recipient is invalid: the issue has no reporter.');
    ids.add(reporter);
  }
  const users = Array.isArray(body.to?.users) ? (body.to.users as { accountId?: unknown }[]) : [];
  for (const u of users) {
    const id = typeof u.accountId === 'string' ? u.accountId : '';
    if (!site.user(id)) throw new NotifyRefusal(`The recipient is invalid: ${id}.`);
    ids.add(id);
  }
  if (ids.size === 0) throw new NotifyRefusal('The notification has no recipient.');
  const project = site.project(issue.fields.project.key);
  const browse = JSON.stringify(body.restrict?.permissions ?? []).includes('"BROWSE"');
  const recipients = [...ids].filter((id) => {
    const user = site.user(id);
    return !browse || (user !== undefined && project !== undefined && canBrowse(user, project));
  });
  queued.push({ issueId: issue.id, issueKey: issue.key, subject, textBody, htmlBody, recipients });
}
