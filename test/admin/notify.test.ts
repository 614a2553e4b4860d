// Notifying the people involved (opt-in): on a new real-time incident and with the Notify action,
// Jira (the simulator) emails the issue's reporter and the comment's author, once per place, with
// a fixed text that never holds the secret nor its preview.
import { describe, expect, it } from 'vitest';
import { textToAdf } from '../../dev/jira-sim/writes.js';
import { onIssueEvent } from '../../src/admin/events.js';
import {
  notificationsOf,
  notificationText,
  placesToNotify,
  type NotifyOutcome,
} from '../../src/admin/notify.js';
import { reportPersonalData } from '../../src/admin/privacy.js';
import { NOTIFICATIONS_OFF, SHARED_INCIDENT } from '../../src/admin/resolvers.js';
import { remediationFor } from '../../src/detectors/remediation.js';
import type { Incident, StoredOccurrence } from '../../src/incidents/model.js';
import { createApp, JANE, MIA } from './app-harness.js';

// A GitHub token with a valid checksum, written for these tests.
const GH = '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';
const REPORTER = MIA; // OPS-1's reporter in the example site

type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
// The test names the shape it expects back.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function data<T>(r: unknown): T {
  const res = r as Result<T>;
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

/** JANE comments a token on OPS-1; the trigger's event is handled as Forge would deliver it. */
async function commentToken(app: ReturnType<typeof createApp>) {
  const { issue, comment } = app.sim.site.addComment('OPS-1', textToAdf(`use ${GH}`), JANE);
  await onIssueEvent(app.deps, {
    eventType: 'avi:jira:commented:issue',
    issue: { id: issue.id, key: issue.key, fields: { project: { key: 'OPS' } } },
    comment: { id: comment.id },
  });
  const [incident] = (await app.deps.store.listIncidents({}, 10)).items;
  if (!incident) throw new Error('no incident');
  return incident;
}

const turnOn = async (app: ReturnType<typeof createApp>) =>
  data(await app.admin('updateSettings', JANE, { notifyPeople: true }));

describe('notifications', () => {
  it('are off by default: a new incident emails nobody and the Notify action is refused', async () => {
    const app = createApp();
    const incident = await commentToken(app);
    expect(app.sim.notifications).toEqual([]);
    expect(await app.admin('notifyIncident', JANE, { id: incident.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: NOTIFICATIONS_OFF },
    });
  });

  it('on a new real-time incident, email the reporter and the comment author once', async () => {
    const app = createApp();
    await turnOn(app);
    const incident = await commentToken(app);
    expect(app.sim.notifications).toHaveLength(1);
    const [n] = app.sim.notifications;
    expect(n?.issueKey).toBe('OPS-1');
    expect([...(n?.recipients ?? [])].sort()).toEqual([JANE, REPORTER].sort());
    expect(n?.textBody).toContain('GitHub personal access token');
    expect(n?.textBody).toContain(remediationFor('github')?.url);
    expect(n?.textBody).toContain('a comment');
    const all = `${n?.subject} ${n?.textBody} ${n?.htmlBody}`;
    expect(all).not.toContain(GH);
    expect(all).not.toContain(incident.secret_preview);

    // The Notify action finds the place notified already: nothing is sent twice.
    const again = data<NotifyOutcome>(await app.admin('notifyIncident', JANE, { id: incident.id }));
    expect(again.sent).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['already notified']);
    expect(app.sim.notifications).toHaveLength(1);
    // Recorded on the incident: who was emailed and when; sent automatically (no `by`).
    const detail = data<{ notifications: { by?: string; to: unknown; state: string }[] }>(
      await app.admin('getIncident', JANE, { id: incident.id }),
    );
    expect(detail.notifications).toEqual([
      expect.objectContaining({ to: { reporter: true, users: [JANE] }, state: 'sent' }),
    ]);
    expect(detail.notifications[0]?.by).toBe(undefined);
  });

  it('with the Notify action: sends once, records who asked, and a project page may notify its own incidents only', async () => {
    const app = createApp();
    const incident = await commentToken(app); // off: nothing sent yet
    await turnOn(app);
    await app.admin('updateSettings', JANE, { teamGroupId: app.sim.site.groupId('All-incidents') });
    const r = data<NotifyOutcome>(
      await app.project('notifyIncident', MIA, 'OPS', { id: incident.id }),
    );
    expect(r.sent).toEqual([
      expect.objectContaining({ by: MIA, issue_key: 'OPS-1', state: 'sent' }),
    ]);
    expect(app.sim.notifications).toHaveLength(1);
    expect(await app.project('notifyIncident', MIA, 'PAY', { id: incident.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await app.admin('notifyIncident', JANE, { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    // Shared with another project: only the admin page acts on it.
    const shared: Incident = { ...incident, project_keys: ['OPS', 'PAY'] };
    await app.deps.store.putIncident(shared);
    expect(await app.project('notifyIncident', MIA, 'OPS', { id: incident.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: SHARED_INCIDENT },
    });
  });

  it('keeps a place un-notified when Jira refuses, so it can be tried again', async () => {
    const app = createApp();
    const incident = await commentToken(app);
    await turnOn(app);
    // The reporter of OPS-1 is gone from the issue: Jira answers 400.
    const issue = app.sim.site.issue('OPS-1');
    if (!issue) throw new Error('no OPS-1');
    const reporter = issue.fields.reporter;
    delete issue.fields.reporter;
    const refused = data<NotifyOutcome>(
      await app.admin('notifyIncident', JANE, { id: incident.id }),
    );
    expect(refused.sent).toEqual([]);
    expect(refused.skipped[0]?.reason).toMatch(/HTTP 400/);
    issue.fields.reporter = reporter;
    const sent = data<NotifyOutcome>(await app.admin('notifyIncident', JANE, { id: incident.id }));
    expect(sent.sent).toHaveLength(1);
  });
});

describe('personal data in notification records', () => {
  it('reports who was notified and who asked, and erases closed accounts', async () => {
    const app = createApp();
    const incident = await commentToken(app);
    await turnOn(app);
    await app.admin('notifyIncident', JANE, { id: incident.id });
    let reported: string[] = [];
    await reportPersonalData(app.deps, (accounts) => {
      reported = accounts.map((a) => a.accountId);
      return Promise.resolve([{ accountId: JANE, status: 'closed' as const }]);
    });
    expect(reported).toContain(JANE);
    const [record] = await notificationsOf(app.docs, incident.id);
    expect(record).toMatchObject({ to: { reporter: true, users: [] }, state: 'sent' });
    expect(JSON.stringify(record)).not.toContain(JANE);
  });
});

describe('the notification text', () => {
  const place = {
    url: 'https://acme.atlassian.net/browse/OPS-1?focusedCommentId=20001',
    location: {
      projectKey: 'OPS',
      issueKey: 'OPS-1',
      issueId: '10001',
      field: 'comment' as const,
      commentId: '20001',
    },
  };
  const incident = {
    detector: {
      name: 'github-pat',
      display_name: 'GitHub personal access token',
      family: 'github',
    },
  };
  it('names the kind, the place and the guidance, and escapes what goes into HTML', () => {
    const guidance = { steps: 'Delete <it> & make a new one.', url: 'https://docs.github.com/x' };
    const t = notificationText(incident, place, guidance, false);
    expect(t.subject).toBe('Secret found in OPS-1: GitHub personal access token');
    expect(t.textBody).toContain(place.url);
    expect(t.textBody).toContain('wrote the comment that holds it');
    expect(t.htmlBody).toContain('Delete &lt;it&gt; &amp; make a new one.');
    expect(notificationText(incident, place, guidance, true).textBody).toContain(
      'still visible in the issue history; Jira keeps old values',
    );
  });

  it('is sent for each live place of an issue, or once for an issue whose history alone holds it', () => {
    const o = (id: string, issueId: string | undefined, extra: object = {}): StoredOccurrence =>
      ({
        id,
        presence: 'present',
        location: {
          projectKey: 'OPS',
          field: 'description',
          ...(issueId ? { issueId } : {}),
          ...extra,
        },
      }) as StoredOccurrence;
    const picked = placesToNotify([
      o('a', '1'),
      o('b', '1', { historyId: '9' }),
      o('c', '2', { historyId: '7' }),
      o('d', '2', { historyId: '8' }),
      o('e', undefined), // project documentation: no reporter to tell
      { ...o('f', '3'), presence: 'removed' },
    ]);
    expect(picked.map((p) => p.id)).toEqual(['a', 'c']);
  });
});
