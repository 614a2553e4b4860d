import { describe, expect, it } from 'vitest';
import {
  onIssueEvent,
  toChangeEvent,
  toProjectChange,
  toWorklogChange,
} from '../../src/admin/events.js';
import { realtimeEventsOf, runRescanEvent } from '../../src/admin/events.js';
import { loadSettings, saveSettings } from '../../src/admin/settings.js';
import { weekOf } from '../../src/incidents/overview.js';
import { createApp } from './app-harness.js';

const issue = {
  id: '10001',
  key: 'OPS-1',
  fields: { project: { id: '10000', key: 'OPS' }, summary: 's' },
};

describe('toChangeEvent', () => {
  it('maps each Forge event to the core event', () => {
    expect(toChangeEvent({ eventType: 'avi:jira:created:issue', issue })).toEqual({
      ok: true,
      event: { type: 'issue_created', issue: { id: '10001', key: 'OPS-1', projectKey: 'OPS' } },
    });
    expect(
      toChangeEvent({
        eventType: 'avi:jira:updated:issue',
        issue,
        changelog: {
          items: [
            { field: 'description', fieldId: 'description', fromString: 'a', toString: 'b' },
            { field: 'Attachment', fieldtype: 'jira', toString: 'app.env' },
            { field: 'Deployment notes', fieldId: 'customfield_10040' },
            { field: 'status', fieldId: 'status' },
          ],
        },
      }),
    ).toMatchObject({
      ok: true,
      event: {
        type: 'issue_updated',
        changedFields: ['description', 'attachment', 'customfield_10040', 'status'],
      },
    });
    expect(
      toChangeEvent({ eventType: 'avi:jira:commented:issue', issue, comment: { id: 20001 } }),
    ).toMatchObject({ ok: true, event: { type: 'comment_upserted', commentId: '20001' } });
    expect(
      toChangeEvent({ eventType: 'avi:jira:deleted:comment', issue, comment: { id: '20001' } }),
    ).toMatchObject({ ok: true, event: { type: 'comment_deleted', commentId: '20001' } });
    expect(toChangeEvent({ eventType: 'avi:jira:deleted:issue', issue })).toMatchObject({
      ok: true,
      event: { type: 'issue_deleted' },
    });
  });

  it('names the files an update added or removed, so only those are read again', () => {
    const update = (items: unknown[]) =>
      toChangeEvent({ eventType: 'avi:jira:updated:issue', issue, changelog: { items } });
    const file = (from: unknown, to: unknown) => ({
      field: 'Attachment',
      fieldtype: 'jira',
      fieldId: 'attachment',
      from,
      to,
    });
    expect(update([file(null, '50002'), file(50001, null)])).toMatchObject({
      ok: true,
      event: {
        changedFields: ['attachment'],
        attachments: { added: ['50002'], removed: ['50001'] },
      },
    });
    // Without ids the core cannot tell which file changed: it reads them all.
    const unnamed = update([{ field: 'Attachment', toString: 'app.env' }]);
    expect(unnamed).toMatchObject({ ok: true, event: { changedFields: ['attachment'] } });
    expect(unnamed.ok && unnamed.event).not.toHaveProperty('attachments');
    const text = update([{ field: 'description', fieldId: 'description' }]);
    expect(text.ok && text.event).not.toHaveProperty('attachments');
  });

  it('reports a payload it cannot use, saying why', () => {
    expect(
      toChangeEvent({ eventType: 'avi:jira:created:issue', issue: { id: '1' } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('unexpected event payload') as string,
    });
    expect(toChangeEvent({ eventType: 'avi:jira:commented:issue', issue })).toEqual({
      ok: false,
      error: 'avi:jira:commented:issue without a comment id',
    });
    expect(toChangeEvent({ eventType: 'avi:jira:viewed:issue', issue })).toEqual({
      ok: false,
      error: 'event "avi:jira:viewed:issue" is not handled',
    });
    expect(toChangeEvent(null).ok).toBe(false);
  });
});

describe('toWorklogChange', () => {
  // Worklog events name the issue by id only: the adapter reads its key and project.
  const client = {
    issue: (id: string) =>
      Promise.resolve(id === '10001' ? { id, key: 'OPS-1', fields: issue.fields } : undefined),
  };

  it('maps created, updated and deleted worklogs to the core event, with the issue looked up', async () => {
    for (const [eventType, type] of [
      ['avi:jira:created:worklog', 'worklog_upserted'],
      ['avi:jira:updated:worklog', 'worklog_upserted'],
      ['avi:jira:deleted:worklog', 'worklog_deleted'],
    ] as const) {
      expect(
        await toWorklogChange({ eventType, worklog: { id: 30001, issueId: '10001' } }, client),
      ).toEqual({
        ok: true,
        event: {
          type,
          issue: { id: '10001', key: 'OPS-1', projectKey: 'OPS' },
          worklogId: '30001',
        },
      });
    }
  });

  it('says why it cannot use a worklog event', async () => {
    const gone = await toWorklogChange(
      { eventType: 'avi:jira:created:worklog', worklog: { id: '30001', issueId: '999' } },
      client,
    );
    expect(gone).toEqual({ ok: false, error: 'issue 999 of worklog 30001 is gone' });
    const malformed = await toWorklogChange(
      { eventType: 'avi:jira:created:worklog', worklog: { id: '1' } },
      client,
    );
    expect(malformed).toMatchObject({ ok: false });
    expect(
      await toWorklogChange(
        { eventType: 'avi:jira:viewed:issue', worklog: { id: '1', issueId: '2' } },
        client,
      ),
    ).toEqual({ ok: false, error: 'event "avi:jira:viewed:issue" is not handled' });
  });
});

describe('toProjectChange', () => {
  // Project events name their project by key, or by id only (versions): then it is looked up.
  const looked: string[] = [];
  const client = {
    project: (idOrKey: string) => {
      looked.push(idOrKey);
      return Promise.resolve(idOrKey === '10000' ? { id: '10000', key: 'OPS' } : undefined);
    },
  };
  const docs = { type: 'project_docs_changed', projectKey: 'OPS' };

  it('maps project, component and version events to the project whose documentation changed', async () => {
    looked.length = 0;
    const cases: [string, Record<string, unknown>, unknown][] = [
      ['avi:jira:updated:project', { project: { id: '10000', key: 'OPS' } }, docs],
      ['avi:jira:restored:project', { project: { id: 10000, key: 'OPS' } }, docs],
      [
        'avi:jira:deleted:project',
        { project: { id: '10000', key: 'OPS' } },
        { type: 'project_deleted', projectKey: 'OPS' },
      ],
      [
        'avi:jira:softdeleted:project',
        { project: { key: 'OPS' } },
        { type: 'project_deleted', projectKey: 'OPS' },
      ],
      [
        'avi:jira:created:component',
        { component: { id: '100', name: 'api', project: 'OPS', projectId: 10000 } },
        docs,
      ],
      ['avi:jira:deleted:component', { component: { id: '100', project: 'OPS' } }, docs],
      ['avi:jira:updated:version', { version: { id: '200', name: '1.0', projectId: 10000 } }, docs],
      ['avi:jira:deleted:version', { version: { id: '200', projectId: '10000' } }, docs],
    ];
    for (const [eventType, payload, event] of cases)
      expect(await toProjectChange({ eventType, ...payload }, client), eventType).toEqual({
        ok: true,
        event,
      });
    // Only the versions, which name their project by id, cost a look-up.
    expect(looked).toEqual(['10000', '10000']);
  });

  it('says why it cannot use a project event, and never trusts its text', async () => {
    const map = (payload: unknown) => toProjectChange(payload, client);
    expect(await map({ eventType: 'avi:jira:updated:version', version: { id: '200' } })).toEqual({
      ok: false,
      error: 'avi:jira:updated:version names no project',
    });
    expect(
      await map({ eventType: 'avi:jira:created:version', version: { id: '1', projectId: 999 } }),
    ).toEqual({
      ok: false,
      error: 'project 999 of avi:jira:created:version is gone (or not visible)',
    });
    expect(
      await map({ eventType: 'avi:jira:updated:component', component: { projectId: { id: 1 } } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('unexpected event payload') as string,
    });
    expect(await map({ eventType: 'avi:jira:archived:project', project: { key: 'OPS' } })).toEqual({
      ok: false,
      error: 'event "avi:jira:archived:project" is not handled',
    });
    expect((await map(null)).ok).toBe(false);
    // A description in the payload is not what is scanned: the event names the project only.
    const r = await map({
      eventType: 'avi:jira:updated:project',
      project: { key: 'OPS', description: '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' },
    });
    expect(r).toEqual({ ok: true, event: docs });
  });
});

describe('onIssueEvent with project events', () => {
  it('rescans documentation inside the perimeter only, and records a deleted project anywhere', async () => {
    const app = createApp();
    const settings = await loadSettings(app.docs);
    await saveSettings(app.docs, { ...settings, excludedProjects: ['PAY'] });
    const event = (eventType: string, key: string) => ({
      eventType,
      project: { id: app.sim.site.project(key)?.id, key },
    });
    expect(await onIssueEvent(app.deps, event('avi:jira:updated:project', 'OPS'))).toMatchObject({
      kind: 'scanned',
      result: { rescanned: 'project' },
    });
    expect(await onIssueEvent(app.deps, event('avi:jira:updated:project', 'PAY'))).toEqual({
      kind: 'skipped',
      reason: 'project PAY is outside the perimeter',
    });
    expect(await onIssueEvent(app.deps, event('avi:jira:deleted:project', 'PAY'))).toMatchObject({
      kind: 'scanned',
      result: { rescanned: 'removed' },
    });
    expect(
      await onIssueEvent(app.deps, { eventType: 'avi:jira:updated:version', version: {} }),
    ).toEqual({ kind: 'skipped', reason: 'avi:jira:updated:version names no project' });
  });
});

describe('real-time events handled this week', () => {
  /** A KVS answer past its rate limit, as the store's adapters raise it. */
  const throttled = () => Object.assign(new Error('KVS throttled'), { retryable: true });
  const created = {
    eventType: 'avi:jira:created:issue',
    issue: { id: '10001', key: 'OPS-1', fields: { project: { id: '10000', key: 'OPS' } } },
  };

  it('counts each event once: in its trigger, or in the rescan it was handed to uncounted', async () => {
    const app = createApp();
    const week = weekOf(app.deps.now());
    const handled = async () => (await realtimeEventsOf(app.deps, week))['project:OPS'] ?? 0;

    // Handled by the trigger: counted there.
    expect(await onIssueEvent(app.deps, created)).toMatchObject({ kind: 'scanned' });
    expect(await handled()).toBe(1);

    // The store refused the trigger before it counted: handed on uncounted, counted by the rescan.
    let refuse = true;
    const before = {
      ...app.deps,
      docs: {
        ...app.deps.docs,
        get: <T>(key: string) => {
          if (refuse) return Promise.reject(throttled());
          return app.deps.docs.get<T>(key);
        },
      },
    };
    expect(await onIssueEvent(before, created)).toMatchObject({ kind: 'queued' });
    expect(app.pushes.rescan.at(-1)).toMatchObject({ uncounted: true });
    expect(await handled()).toBe(1);
    refuse = false;
    await runRescanEvent(app.deps, app.pushes.rescan.at(-1));
    expect(await handled()).toBe(2);

    // Refused after it counted (by the incident store): handed on counted, not counted again.
    const refused = new Proxy(app.deps.store, { get: () => () => Promise.reject(throttled()) });
    const after = { ...app.deps, store: refused };
    expect(await onIssueEvent(after, created)).toMatchObject({ kind: 'queued' });
    expect(app.pushes.rescan.at(-1)).not.toHaveProperty('uncounted');
    await runRescanEvent(app.deps, app.pushes.rescan.at(-1));
    expect(await handled()).toBe(3);
  });
});
