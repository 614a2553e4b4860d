/**
 * The simulator's Forge events have the documented shapes (test/fixtures/forge-events.ts): every
 * write kind is replayed and its event checked field by field, nothing missing and nothing the
 * reference does not list; the nested issue too, and the harness's installed event.
 */
import { describe, expect, it } from 'vitest';
import type { ForgeEvent } from '../../../dev/jira-sim/events.js';
import { parseWriteOp, replayWrite } from '../../../dev/jira-sim/writes.js';
import { installedEvent } from '../../../dev/harness/harness.js';
import { ISSUE_FIELDS, shapeProblems } from '../../fixtures/forge-events.js';
import { syntheticSite, testClock, USERS } from './sites.js';

/**
 * One op of each kind the simulator has, in an order that keeps each valid (`$comment` and
 * `$worklog` stand for the id the last such event named).
 */
const OPS: readonly Record<string, unknown>[] = [
  { op: 'createIssue', project: 'OPS', fields: { summary: 'New', description: 'text' } },
  { op: 'updateIssue', issue: 'OPS-131', fields: { description: 'changed' } },
  { op: 'addAttachment', issue: 'OPS-131', filename: 'app.env', content: 'A=1' },
  { op: 'addComment', issue: 'OPS-131', body: 'first' },
  { op: 'editComment', issue: 'OPS-131', comment: '$comment', body: 'edited' },
  { op: 'deleteComment', issue: 'OPS-131', comment: '$comment' },
  { op: 'addWorklog', issue: 'OPS-131', comment: 'worked', timeSpentSeconds: 60 },
  { op: 'editWorklog', issue: 'OPS-131', worklog: '$worklog', comment: 'worked more' },
  { op: 'deleteWorklog', issue: 'OPS-131', worklog: '$worklog' },
  { op: 'deleteIssue', issue: 'OPS-131' },
  { op: 'updateProject', project: 'OPS', description: 'Runbook' },
  { op: 'upsertComponent', project: 'OPS', name: 'billing', description: 'Billing API' },
  { op: 'upsertComponent', project: 'OPS', component: '100', description: 'API v2' },
  { op: 'deleteComponent', project: 'OPS', component: '100' },
  { op: 'upsertVersion', project: 'OPS', name: '9.0', description: 'Next' },
  { op: 'upsertVersion', project: 'OPS', version: '200', description: 'Changed' },
  { op: 'deleteVersion', project: 'OPS', version: '200' },
];

function replayAll(): ForgeEvent[] {
  const site = syntheticSite(testClock().now);
  const last: Record<string, string> = {};
  return OPS.map((raw) => {
    const op = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? (last[v] ?? v) : v]),
    );
    const parsed = parseWriteOp({ ...op, author: USERS.lead });
    if (!parsed.ok) throw new Error(`${JSON.stringify(raw)}: ${parsed.error}`);
    const event = replayWrite(site, parsed.op);
    if (!event) throw new Error(`${JSON.stringify(raw)} sent no event`);
    if ('comment' in event) last.$comment = event.comment.id;
    if ('worklog' in event) last.$worklog = event.worklog.id;
    // As delivered: JSON, not the simulator's objects.
    return JSON.parse(JSON.stringify(event)) as ForgeEvent;
  });
}

describe('simulated events', () => {
  const events = replayAll();

  it('are one of every kind the app subscribes to that the simulator can cause', () => {
    expect(events.map((e) => e.eventType)).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
      'avi:jira:updated:issue',
      'avi:jira:commented:issue',
      'avi:jira:commented:issue',
      'avi:jira:deleted:comment',
      'avi:jira:created:worklog',
      'avi:jira:updated:worklog',
      'avi:jira:deleted:worklog',
      'avi:jira:deleted:issue',
      'avi:jira:updated:project',
      'avi:jira:created:component',
      'avi:jira:updated:component',
      'avi:jira:deleted:component',
      'avi:jira:created:version',
      'avi:jira:updated:version',
      'avi:jira:deleted:version',
    ]);
  });

  it.each(events.map((e, i) => [`${i} ${e.eventType}`, e] as const))(
    '%s has the documented top-level shape',
    (_, event) => {
      expect(shapeProblems(event.eventType, event as unknown as Record<string, unknown>)).toEqual(
        [],
      );
      expect(Number.isSafeInteger(Number(event.timestamp))).toBe(true);
    },
  );

  it('carry the documented issue: id, key and the small subset of fields', () => {
    for (const e of events) {
      if (!('issue' in e)) continue;
      expect(Object.keys(e.issue).sort()).toEqual(['fields', 'id', 'key']);
      for (const f of Object.keys(e.issue.fields)) expect(ISSUE_FIELDS).toContain(f);
      expect(e.issue.fields.project.key).toMatch(/^[A-Z]+$/);
    }
  });

  it('list changelog items with the documented field, fieldId, from/to and their strings', () => {
    for (const e of events) {
      if (e.eventType !== 'avi:jira:updated:issue') continue;
      for (const item of e.changelog.items) {
        expect(item).toEqual(
          expect.objectContaining({
            field: expect.any(String) as unknown,
            fieldId: expect.any(String) as unknown,
          }),
        );
        for (const k of ['from', 'fromString', 'to', 'toString'] as const)
          expect(item[k] === null || typeof item[k] === 'string', k).toBe(true);
      }
    }
  });

  it('departures from the documented shape are caught (negative control)', () => {
    const withActor = { ...events[6], atlassianId: USERS.lead };
    expect(shapeProblems('avi:jira:created:worklog', withActor)).toEqual([
      'atlassianId: not in the documented payload',
    ]);
    const { timestamp: _, ...noTime } = events[0] as unknown as Record<string, unknown>;
    expect(shapeProblems('avi:jira:created:issue', noTime)).toEqual([
      'timestamp: expected string, got undefined',
    ]);
  });
});

describe('the harness installed event', () => {
  it('has the documented life cycle shape', () => {
    expect(shapeProblems('avi:forge:installed:app', installedEvent(USERS.admin))).toEqual([]);
  });
});
