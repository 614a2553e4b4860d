/**
 * The simulator's REST writes: Jira's status codes and response shapes (checked against the
 * OpenAPI document), the site changes they make, the Forge events they emit (read by the app's
 * `toChangeEvent`), and the `--events` replay going through the same code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toChangeEvent, toProjectChange, toWorklogChange } from '../../../src/admin/events.js';
import { createJiraClient } from '../../../src/jira/client.js';
import { createJiraHttp } from '../../../src/jira/http.js';
import {
  EVENT_ISSUE_FIELDS,
  type ForgeEvent,
  type ProjectDocEvent,
  type WorklogEvent,
} from '../../../dev/jira-sim/events.js';
import { SiteError, type SimSite } from '../../../dev/jira-sim/fixture.js';
import { createJiraSimulator, type JiraSimulator } from '../../../dev/jira-sim/server.js';
import {
  parseWriteOp,
  replayWrite,
  textToAdf,
  type WriteOp,
} from '../../../dev/jira-sim/writes.js';
import { asObj, call, type Called } from './call.js';
import { describeErrors, specValidators, type SpecValidators } from './openapi.js';
import { adf, syntheticSite, testClock, USERS } from './sites.js';

let spec: SpecValidators;
beforeAll(() => {
  spec = specValidators();
});

const ISSUE_T = '/rest/api/3/issue/{issueIdOrKey}';
const COMMENTS_T = '/rest/api/3/issue/{issueIdOrKey}/comment';
const COMMENT_T = '/rest/api/3/issue/{issueIdOrKey}/comment/{id}';
const WORKLOGS_T = '/rest/api/3/issue/{issueIdOrKey}/worklog';
const WORKLOG_T = '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}';

function setup(as: string = USERS.dev): {
  sim: JiraSimulator;
  site: SimSite;
  events: ForgeEvent[];
  send: (method: string, path: string, body?: unknown) => Promise<Called>;
  advance: (ms: number) => void;
} {
  const clock = testClock();
  const site = syntheticSite(clock.now);
  const events: ForgeEvent[] = [];
  const sim = createJiraSimulator(site, { onEvent: (e) => events.push(e) });
  return {
    sim,
    site,
    events,
    send: (method, path, body) => call(sim, method, path, body, { 'X-Sim-Account-Id': as }),
    advance: (ms) => {
      clock.advance(ms);
    },
  };
}

/** The response matches the spec's schema for the operation and status. */
function expectSpec(r: Called, method: string, template: string): void {
  const validate =
    r.status >= 400 && r.status !== 429
      ? spec.schema('ErrorCollection')
      : spec.response(method, template, r.status);
  const ok = validate(r.json);
  expect(ok, describeErrors(validate.errors).join('\n')).toBe(true);
}

function expectRequestSpec(method: string, template: string, body: unknown): void {
  const validate = spec.request(method, template);
  expect(validate(body), describeErrors(validate.errors).join('\n')).toBe(true);
}

/** The event's common shape, and what the app makes of it. */
function mapped(event: ForgeEvent | undefined, actor: string): unknown {
  expect(event).toBeDefined();
  const e = event as Exclude<ForgeEvent, WorklogEvent | ProjectDocEvent>;
  expect(e.selfGenerated).toBe(false);
  expect(e.atlassianId).toBe(actor);
  for (const k of Object.keys(e.issue.fields))
    expect(EVENT_ISSUE_FIELDS as readonly string[]).toContain(k);
  expect(e.issue.fields).not.toHaveProperty('description');
  const m = toChangeEvent(JSON.parse(JSON.stringify(e)));
  expect(m.ok).toBe(true);
  return m.ok ? m.event : undefined;
}

describe('REST writes', () => {
  it('are off by default: the write routes answer 405 as before', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'DELETE', '/rest/api/3/issue/OPS-1', undefined, {
      'X-Sim-Account-Id': USERS.dev,
    });
    expect(r.status).toBe(405);
    expect(sim.site.issue('OPS-1')).toBeDefined();
  });

  it('POST /issue creates: 201 {id, key, self} and avi:jira:created:issue', async () => {
    const { site, events, send } = setup();
    const body = {
      fields: {
        project: { key: 'PAY' },
        summary: 'New one',
        description: adf('password=hunter2'),
        customfield_10050: adf('notes'),
        labels: ['x'],
      },
    };
    expectRequestSpec('POST', '/rest/api/3/issue', body);
    const r = await send('POST', '/rest/api/3/issue', body);
    expect(r.status).toBe(201);
    expectSpec(r, 'POST', '/rest/api/3/issue');
    expect(r.json).toEqual({
      id: '30013',
      key: 'PAY-13',
      self: 'https://synthetic.atlassian.net/rest/api/3/issue/30013',
    });
    const issue = site.issue('PAY-13');
    expect(issue?.fields.description).toEqual(adf('password=hunter2'));
    expect(issue?.fields.reporter).toEqual({ accountId: USERS.dev });
    expect(issue?.fields.creator).toEqual({ accountId: USERS.dev });
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e).toMatchObject({
      eventType: 'avi:jira:created:issue',
      issue: {
        id: '30013',
        key: 'PAY-13',
        fields: {
          summary: 'New one',
          created: '2026-03-01T00:00:00.000+0000',
          updated: '2026-03-01T00:00:00.000+0000',
          project: { id: '10001', key: 'PAY', name: 'Payments' },
          reporter: { accountId: USERS.dev, displayName: 'Dev Eloper' },
          creator: { accountId: USERS.dev },
        },
      },
    });
    expect(mapped(e, USERS.dev)).toEqual({
      type: 'issue_created',
      issue: { id: '30013', key: 'PAY-13', projectKey: 'PAY' },
    });
    // The new issue is served like any other.
    expect((await send('GET', '/rest/api/3/issue/PAY-13?fields=summary')).json).toMatchObject({
      fields: { summary: 'New one' },
    });
  });

  it('POST /issue refusals: 400 with per-field errors, no event', async () => {
    const { site, events, send } = setup();
    const noSummary = await send('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'OPS' } },
    });
    expect([noSummary.status, asObj(noSummary.json).errors]).toEqual([
      400,
      { summary: 'You must specify a summary of the issue.' },
    ]);
    expectSpec(noSummary, 'POST', '/rest/api/3/issue');
    const noProject = await send('POST', '/rest/api/3/issue', { fields: { summary: 's' } });
    expect(asObj(noProject.json).errors).toEqual({ project: 'Specify a valid project ID or key' });
    const badProject = await send('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'NOPE' }, summary: 's' },
    });
    expect([badProject.status, asObj(badProject.json).errors]).toEqual([
      400,
      { project: 'valid project is required' },
    ]);
    const badField = await send('POST', '/rest/api/3/issue', {
      fields: { project: { id: '10000' }, summary: 's', description: 'plain text' },
    });
    expect(badField.status).toBe(400);
    expect(Object.keys(asObj(asObj(badField.json).errors))).toEqual(['description']);
    expect((await send('POST', '/rest/api/3/issue', 'nope')).status).toBe(400);
    expect(site.issues()).toHaveLength(142);
    expect(events).toEqual([]);
  });

  it('writes need a site user (the app has no account here): 403', async () => {
    const sim = createJiraSimulator(syntheticSite(), { writes: true });
    const r = await call(sim, 'DELETE', '/rest/api/3/issue/OPS-1');
    expect(r.status).toBe(403);
    expectSpec(r, 'DELETE', ISSUE_T);
  });

  it('PUT /issue/{id} edits: 204, history written, avi:jira:updated:issue with its changelog', async () => {
    const { site, events, send, advance } = setup(USERS.lead);
    advance(60_000);
    const body = {
      fields: { description: adf('token ghp_x'), summary: 'Renamed' },
      update: { labels: [{ set: ['a', 'b'] }] },
    };
    expectRequestSpec('PUT', ISSUE_T, body);
    const r = await send('PUT', '/rest/api/3/issue/OPS-5', body);
    expect([r.status, r.bytes.length]).toEqual([204, 0]);
    const issue = site.issue('OPS-5');
    expect(issue?.fields.summary).toBe('Renamed');
    expect(issue?.fields.labels).toEqual(['a', 'b']);
    expect(issue?.fields.updated).toBe('2026-03-01T00:01:00.000+0000');
    const history = issue?.changelog.at(-1);
    expect(history?.items.map((i) => i.fieldId)).toEqual(['description', 'summary', 'labels']);
    // The history is served by bulkfetch like the fixture's.
    const logs = await send('POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['OPS-5'],
      fieldIds: ['description'],
    });
    expect(JSON.stringify(logs.json)).toContain('token ghp_x');

    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { key: 'OPS-5', fields: { summary: 'Renamed' } },
      changelog: {
        id: history?.id,
        items: [
          {
            field: 'description',
            fieldtype: 'jira',
            fieldId: 'description',
            from: null,
            fromString: 'Description of OPS-5',
            to: null,
            toString: 'token ghp_x',
          },
          { fieldId: 'summary', fromString: 'Ops issue 5', toString: 'Renamed' },
          { fieldId: 'labels', fromString: 'ops', toString: 'a b' },
        ],
      },
    });
    expect(mapped(e, USERS.lead)).toEqual({
      type: 'issue_updated',
      issue: { id: site.issue('OPS-5')?.id, key: 'OPS-5', projectKey: 'OPS' },
      changedFields: ['description', 'summary', 'labels'],
    });

    // No change: 204, no history, no event. returnIssue: 200 with the issue.
    expect(
      (await send('PUT', '/rest/api/3/issue/OPS-5', { fields: { summary: 'Renamed' } })).status,
    ).toBe(204);
    expect(events).toHaveLength(1);
    const returned = await send('PUT', '/rest/api/3/issue/OPS-5?returnIssue=true', {
      fields: { customfield_10051: 'ref-new' },
    });
    expect(returned.status).toBe(200);
    expect(asObj(asObj(returned.json).fields).customfield_10051).toBe('ref-new');
    expect(events).toHaveLength(2);
    expect(mapped(events[1], USERS.lead)).toMatchObject({ changedFields: ['customfield_10051'] });
  });

  it('PUT /issue/{id} refusals: 404 unknown issue, 400 bad or read-only fields', async () => {
    const { events, send } = setup();
    const missing = await send('PUT', '/rest/api/3/issue/OPS-999', { fields: { summary: 'x' } });
    expect(missing.status).toBe(404);
    expectSpec(missing, 'PUT', ISSUE_T);
    const readOnly = await send('PUT', '/rest/api/3/issue/OPS-1', { fields: { created: 'x' } });
    expect([readOnly.status, Object.keys(asObj(asObj(readOnly.json).errors))]).toEqual([
      400,
      ['created'],
    ]);
    const badUpdate = await send('PUT', '/rest/api/3/issue/OPS-1', {
      update: { labels: [{ add: 'x' }] },
    });
    expect(badUpdate.status).toBe(400);
    expect((await send('PUT', '/rest/api/3/issue/OPS-1', { nope: 1 })).status).toBe(400);
    expect(events).toEqual([]);
  });

  it('comments: POST 201, PUT 200, DELETE 204, each with its Forge event', async () => {
    const { site, events, send, advance } = setup(USERS.secops);
    const issueId = site.issue('OPS-3')?.id;
    const ref = { id: issueId, key: 'OPS-3', projectKey: 'OPS' };

    const addBody = {
      body: adf('aws key AKIA...'),
      visibility: { type: 'group', value: 'secops' },
    };
    expectRequestSpec('POST', COMMENTS_T, addBody);
    const added = await send('POST', '/rest/api/3/issue/OPS-3/comment', addBody);
    expect(added.status).toBe(201);
    expectSpec(added, 'POST', COMMENTS_T);
    const id = asObj(added.json).id as string;
    expect(added.json).toMatchObject({
      body: adf('aws key AKIA...'),
      author: { accountId: USERS.secops },
      visibility: { type: 'group', value: 'secops' },
      created: '2026-03-01T00:00:00.000+0000',
    });
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      comment: { id, body: adf('aws key AKIA...'), author: { accountId: USERS.secops } },
    });
    expect(mapped(events[0], USERS.secops)).toEqual({
      type: 'comment_upserted',
      issue: ref,
      commentId: id,
    });

    advance(5000);
    const editBody = { body: adf('redacted') };
    expectRequestSpec('PUT', COMMENT_T, editBody);
    const edited = await send('PUT', `/rest/api/3/issue/OPS-3/comment/${id}`, editBody);
    expect(edited.status).toBe(200);
    expectSpec(edited, 'PUT', COMMENT_T);
    expect(edited.json).toMatchObject({
      id,
      body: adf('redacted'),
      created: '2026-03-01T00:00:00.000+0000',
      updated: '2026-03-01T00:00:05.000+0000',
    });
    // An edit is the same event type as an add (Jira has no "updated comment" event).
    expect(events[1]).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      comment: { id, body: adf('redacted'), updated: '2026-03-01T00:00:05.000+0000' },
    });
    expect(mapped(events[1], USERS.secops)).toEqual({
      type: 'comment_upserted',
      issue: ref,
      commentId: id,
    });

    const deleted = await send('DELETE', `/rest/api/3/issue/OPS-3/comment/${id}`);
    expect([deleted.status, deleted.bytes.length]).toEqual([204, 0]);
    expect(site.issue('OPS-3')?.comments.map((c) => c.id)).toEqual(['51000', '51001']);
    expect(events[2]).toMatchObject({
      eventType: 'avi:jira:deleted:comment',
      comment: { id, body: adf('redacted') },
    });
    expect(mapped(events[2], USERS.secops)).toEqual({
      type: 'comment_deleted',
      issue: ref,
      commentId: id,
    });
    // The event's comment is Jira's REST comment.
    const validate = spec.schema('Comment');
    for (const e of events) expect(validate((e as { comment: unknown }).comment)).toBe(true);
  });

  it('comment refusals: 404 unknown or hidden comment, 400 bad body, no event', async () => {
    const { events, send } = setup(USERS.dev);
    const hidden = await send('PUT', '/rest/api/3/issue/OPS-3/comment/51001', { body: adf('x') });
    expect(hidden.status).toBe(404); // restricted to secops
    expectSpec(hidden, 'PUT', COMMENT_T);
    expect((await send('DELETE', '/rest/api/3/issue/OPS-3/comment/51001')).status).toBe(404);
    expect((await send('DELETE', '/rest/api/3/issue/OPS-3/comment/99999')).status).toBe(404);
    expect(
      (await send('POST', '/rest/api/3/issue/OPS-999/comment', { body: adf('x') })).status,
    ).toBe(404);
    const plain = await send('POST', '/rest/api/3/issue/OPS-3/comment', { body: 'plain' });
    expect(plain.status).toBe(400);
    expectSpec(plain, 'POST', COMMENTS_T);
    const revisibility = await send('PUT', '/rest/api/3/issue/OPS-3/comment/51000', {
      body: adf('x'),
      visibility: { type: 'group', value: 'secops' },
    });
    expect(revisibility.status).toBe(400);
    expect(events).toEqual([]);
  });

  it('worklogs: POST 201, GET 200, PUT 200, DELETE 204, each with its worklog event', async () => {
    const { sim, site, events, send, advance } = setup(USERS.dev);
    const issueId = site.issue('OPS-3')?.id as string;
    // The app reads the worklog event's issue by id (as the app), like toWorklogChange does.
    const client = {
      issue: async (id: string) => asObj((await call(sim, 'GET', `/rest/api/3/issue/${id}`)).json),
    };
    const appView = async (e: ForgeEvent | undefined) => {
      // Worklog events name no actor (the reference lists no atlassianId for them).
      expect(e).toMatchObject({ selfGenerated: false });
      expect(e).not.toHaveProperty('atlassianId');
      const m = await toWorklogChange(JSON.parse(JSON.stringify(e)), client);
      return m.ok ? m.event : m.error;
    };
    const ref = { id: issueId, key: 'OPS-3', projectKey: 'OPS' };

    const addBody = { comment: adf('db password hunter2'), timeSpentSeconds: 3600 };
    expectRequestSpec('POST', WORKLOGS_T, addBody);
    const added = await send('POST', '/rest/api/3/issue/OPS-3/worklog', addBody);
    expect(added.status).toBe(201);
    expectSpec(added, 'POST', WORKLOGS_T);
    const id = asObj(added.json).id as string;
    expect(added.json).toMatchObject({ issueId, comment: adf('db password hunter2') });
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:created:worklog',
      worklog: { id, issueId, timeSpentSeconds: 3600 },
    });
    expect(events[0]).not.toHaveProperty('issue');
    expect(await appView(events[0])).toEqual({
      type: 'worklog_upserted',
      issue: ref,
      worklogId: id,
    });

    const got = await send('GET', `/rest/api/3/issue/OPS-3/worklog/${id}`);
    expect(got.status).toBe(200);
    expectSpec(got, 'GET', WORKLOG_T);

    advance(5000);
    const editBody = { comment: adf('redacted') };
    expectRequestSpec('PUT', WORKLOG_T, editBody);
    const edited = await send('PUT', `/rest/api/3/issue/OPS-3/worklog/${id}`, editBody);
    expect(edited.status).toBe(200);
    expectSpec(edited, 'PUT', WORKLOG_T);
    expect(edited.json).toMatchObject({ id, comment: adf('redacted'), timeSpentSeconds: 3600 });
    expect(events[1]).toMatchObject({ eventType: 'avi:jira:updated:worklog', worklog: { id } });
    expect(await appView(events[1])).toEqual({
      type: 'worklog_upserted',
      issue: ref,
      worklogId: id,
    });

    const deleted = await send('DELETE', `/rest/api/3/issue/OPS-3/worklog/${id}`);
    expect([deleted.status, deleted.bytes.length]).toEqual([204, 0]);
    expect(site.issue('OPS-3')?.worklogs.some((w) => w.id === id)).toBe(false);
    expect((await send('GET', `/rest/api/3/issue/OPS-3/worklog/${id}`)).status).toBe(404);
    expect(await appView(events[2])).toEqual({
      type: 'worklog_deleted',
      issue: ref,
      worklogId: id,
    });
    const validate = spec.schema('Worklog');
    for (const e of events) expect(validate((e as WorklogEvent).worklog)).toBe(true);

    // Refusals: no time spent, unknown worklog or issue; none sends an event.
    const noTime = await send('POST', '/rest/api/3/issue/OPS-3/worklog', { comment: adf('x') });
    expect(noTime.status).toBe(400);
    expectSpec(noTime, 'POST', WORKLOGS_T);
    expect((await send('PUT', '/rest/api/3/issue/OPS-3/worklog/99999', editBody)).status).toBe(404);
    expect((await send('POST', '/rest/api/3/issue/OPS-999/worklog', addBody)).status).toBe(404);
    expect(events).toHaveLength(3);
  });

  it('DELETE /issue/{id}: 204 and avi:jira:deleted:issue with the issue as it was', async () => {
    const { site, events, send } = setup(USERS.admin);
    const id = site.issue('PAY-2')?.id;
    const r = await send('DELETE', '/rest/api/3/issue/PAY-2');
    expect([r.status, r.bytes.length]).toEqual([204, 0]);
    expect(site.issue('PAY-2')).toBeUndefined();
    expect((await send('GET', '/rest/api/3/issue/PAY-2')).status).toBe(404);
    const again = await send('DELETE', '/rest/api/3/issue/PAY-2');
    expect(again.status).toBe(404);
    expectSpec(again, 'DELETE', ISSUE_T);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:deleted:issue',
      issue: { id, key: 'PAY-2', fields: { summary: 'Pay issue 2' } },
    });
    expect(mapped(events[0], USERS.admin)).toEqual({
      type: 'issue_deleted',
      issue: { id, key: 'PAY-2', projectKey: 'PAY' },
    });
  });

  it('writes cost 1 point each and count per endpoint', async () => {
    const { sim, send } = setup();
    await send('POST', '/rest/api/3/issue/OPS-1/comment', { body: adf('x') });
    await send('DELETE', '/rest/api/3/issue/OPS-9');
    expect(sim.stats().byEndpoint).toMatchObject({
      'POST /rest/api/3/issue/{id}/comment': { requests: 1, points: 1 },
      'DELETE /rest/api/3/issue/{id}': { requests: 1, points: 1 },
    });
  });
});

describe('--events replay', () => {
  const OPS: unknown[] = [
    {
      op: 'createIssue',
      project: 'OPS',
      fields: { summary: 'From the file', description: 'line one\n\nline three' },
      author: USERS.dev,
    },
    {
      op: 'updateIssue',
      issue: 'OPS-131',
      fields: { customfield_10050: 'db pass' },
      author: USERS.lead,
    },
    { op: 'addComment', issue: 'OPS-131', body: 'first', author: USERS.dev },
    {
      op: 'addComment',
      issue: 'OPS-131',
      body: adf('second'),
      author: USERS.secops,
      visibility: { type: 'group', value: 'secops' },
    },
    {
      op: 'editComment',
      issue: 'OPS-131',
      comment: '51002',
      body: 'first, edited',
      author: USERS.dev,
    },
    { op: 'deleteComment', issue: 'OPS-131', comment: '51003', author: USERS.admin },
    { op: 'deleteIssue', issue: 'OPS-2', author: USERS.admin },
  ];

  /** The same ops as REST requests. */
  async function overRest(site: SimSite): Promise<ForgeEvent[]> {
    const events: ForgeEvent[] = [];
    const sim = createJiraSimulator(site, { onEvent: (e) => events.push(e) });
    const as = (user: string) => ({ 'X-Sim-Account-Id': user });
    const statuses = [
      await call(
        sim,
        'POST',
        '/rest/api/3/issue',
        {
          fields: {
            project: { key: 'OPS' },
            summary: 'From the file',
            description: textToAdf('line one\n\nline three'),
          },
        },
        as(USERS.dev),
      ),
      await call(
        sim,
        'PUT',
        '/rest/api/3/issue/OPS-131',
        { fields: { customfield_10050: textToAdf('db pass') } },
        as(USERS.lead),
      ),
      await call(
        sim,
        'POST',
        '/rest/api/3/issue/OPS-131/comment',
        { body: adf('first') },
        as(USERS.dev),
      ),
      await call(
        sim,
        'POST',
        '/rest/api/3/issue/OPS-131/comment',
        { body: adf('second'), visibility: { type: 'group', value: 'secops' } },
        as(USERS.secops),
      ),
      await call(
        sim,
        'PUT',
        '/rest/api/3/issue/OPS-131/comment/51002',
        { body: adf('first, edited') },
        as(USERS.dev),
      ),
      // The admin is not in secops: over REST the restricted comment is hidden from them.
      await call(
        sim,
        'DELETE',
        '/rest/api/3/issue/OPS-131/comment/51003',
        undefined,
        as(USERS.secops),
      ),
      await call(sim, 'DELETE', '/rest/api/3/issue/OPS-2', undefined, as(USERS.admin)),
    ].map((r) => r.status);
    expect(statuses).toEqual([201, 204, 201, 201, 200, 204, 204]);
    return events;
  }

  it('parses the documented op format and names the first problem', () => {
    for (const op of OPS) expect(parseWriteOp(op)).toEqual({ ok: true, op });
    expect(parseWriteOp({ op: 'moveIssue' })).toMatchObject({ ok: false });
    expect(parseWriteOp({ op: 'addComment', issue: 'OPS-1', author: 'x' })).toEqual({
      ok: false,
      error: 'addComment: "body" is missing',
    });
    expect(parseWriteOp({ op: 'deleteIssue', issue: 'OPS-1', author: 'x', at: 1 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown key "at"') as unknown,
    });
    expect(
      parseWriteOp({ op: 'createIssue', project: 'OPS', fields: [], author: 'x' }),
    ).toMatchObject({ ok: false });
    expect(parseWriteOp([])).toMatchObject({ ok: false });
  });

  it('replayWrite changes the site and returns the same events as the REST requests', async () => {
    const replayed = syntheticSite(testClock().now);
    const events = OPS.map((raw) => {
      const parsed = parseWriteOp(raw);
      if (!parsed.ok) throw new Error(parsed.error);
      return replayWrite(replayed, parsed.op);
    });
    const viaRest = syntheticSite(testClock().now);
    const restEvents = await overRest(viaRest);

    // Events differ only where the writer differs (the REST delete of the hidden comment).
    expect(events.map((e) => e?.eventType)).toEqual(restEvents.map((e) => e.eventType));
    const withoutActor = (e: ForgeEvent | undefined) => ({ ...e, atlassianId: undefined });
    expect(events.map(withoutActor)).toEqual(restEvents.map(withoutActor));
    expect(JSON.parse(JSON.stringify(replayed.issues()))).toEqual(
      JSON.parse(JSON.stringify(viaRest.issues())),
    );

    const created = replayed.issue('OPS-131');
    expect(created?.fields.description).toEqual(textToAdf('line one\n\nline three'));
    expect(created?.comments.map((c) => c.body)).toEqual([adf('first, edited')]);
    expect(replayed.issue('OPS-2')).toBeUndefined();
    expect(events.map((e) => toChangeEvent(e).ok)).toEqual(OPS.map(() => true));
    expect(events.map((e) => (toChangeEvent(e) as { event: { type: string } }).event.type)).toEqual(
      [
        'issue_created',
        'issue_updated',
        'comment_upserted',
        'comment_upserted',
        'comment_upserted',
        'comment_deleted',
        'issue_deleted',
      ],
    );
  });

  it('attaches and removes files through replay, as Jira records them in the history', () => {
    const site = syntheticSite(testClock().now);
    const add = {
      op: 'addAttachment',
      issue: 'OPS-3',
      filename: 'app.env',
      content: 'KEY=value\n',
      author: USERS.dev,
    };
    const parsed = parseWriteOp(add);
    if (!parsed.ok) throw new Error(parsed.error);
    const added = replayWrite(site, parsed.op);
    const file = site.issue('OPS-3')?.attachments.at(-1);
    expect(file).toMatchObject({
      filename: 'app.env',
      mimeType: 'text/plain',
      content: 'KEY=value\n',
    });
    expect(added).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      changelog: {
        items: [
          {
            field: 'Attachment',
            fieldId: 'attachment',
            from: null,
            to: file?.id,
            toString: 'app.env',
          },
        ],
      },
    });
    expect(mapped(added, USERS.dev)).toMatchObject({
      type: 'issue_updated',
      changedFields: ['attachment'],
      attachments: { added: [file?.id], removed: [] },
    });
    const removed = replayWrite(site, {
      op: 'deleteAttachment',
      issue: 'OPS-3',
      attachment: file?.id ?? '',
      author: USERS.dev,
    });
    expect(site.issue('OPS-3')?.attachments.some((a) => a.id === file?.id)).toBe(false);
    expect(mapped(removed, USERS.dev)).toMatchObject({
      attachments: { added: [], removed: [file?.id] },
    });
    expect(() =>
      replayWrite(site, {
        op: 'deleteAttachment',
        issue: 'OPS-3',
        attachment: '1',
        author: USERS.dev,
      }),
    ).toThrow(SiteError);
    expect(parseWriteOp({ ...add, content: undefined })).toEqual({
      ok: false,
      error: 'addAttachment: "content" is missing',
    });
  });

  it('refuses an op the site cannot apply, and an update that changes nothing sends nothing', () => {
    const site = syntheticSite();
    const op = (o: WriteOp) => () => replayWrite(site, o);
    expect(op({ op: 'deleteIssue', issue: 'OPS-999', author: USERS.dev })).toThrow(SiteError);
    expect(op({ op: 'deleteIssue', issue: 'OPS-1', author: 'ghost' })).toThrow(/Unknown user/);
    expect(
      op({ op: 'editComment', issue: 'OPS-1', comment: '1', body: 'x', author: USERS.dev }),
    ).toThrow(/Can not find a comment/);
    expect(site.issue('OPS-1')).toBeDefined();
    expect(
      replayWrite(site, {
        op: 'updateIssue',
        issue: 'OPS-1',
        fields: { summary: 'Ops issue 1' },
        author: USERS.dev,
      }),
    ).toBeUndefined();
  });
});

describe('--events replay of project documentation', () => {
  /** The site, the simulator over it, and the app's client (which maps events as the app does). */
  function docsSite() {
    const site = syntheticSite(testClock().now);
    const sim = createJiraSimulator(site);
    const client = createJiraClient(
      createJiraHttp({
        fetch: sim.fetch,
        sleep: () => Promise.resolve(),
        random: () => 0.5,
        now: () => 0,
      }),
    );
    const replay = (raw: unknown): ForgeEvent | undefined => {
      const parsed = parseWriteOp(raw);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.op).toEqual(raw);
      return replayWrite(site, parsed.op);
    };
    /** The event's REST object matches its OpenAPI schema; the app maps it to a change of OPS. */
    const check = async (event: ForgeEvent | undefined, schema: string, key: string) => {
      const object = asObj(event)[key];
      const validate = spec.schema(schema);
      expect(validate(object), describeErrors(validate.errors).join('\n')).toBe(true);
      // Component and version events name their actor; project events do not (as documented).
      expect(asObj(event)).toMatchObject({ selfGenerated: false });
      expect(asObj(event).atlassianId).toBe(key === 'project' ? undefined : USERS.lead);
      expect(await toProjectChange(JSON.parse(JSON.stringify(event)), client)).toEqual({
        ok: true,
        event: { type: 'project_docs_changed', projectKey: 'OPS' },
      });
      return asObj(object);
    };
    return { site, client, replay, check };
  }

  it('updateProject changes the description the project endpoints answer, with avi:jira:updated:project', async () => {
    const { site, client, replay, check } = docsSite();
    const op = { op: 'updateProject', project: 'OPS', description: 'Runbook', author: USERS.lead };
    const event = replay(op);
    expect(event?.eventType).toBe('avi:jira:updated:project');
    expect(await check(event, 'Project', 'project')).toMatchObject({
      id: '10000',
      key: 'OPS',
      description: 'Runbook',
    });
    expect(site.project('OPS')?.description).toBe('Runbook');
    expect((await client.project('OPS'))?.description).toBe('Runbook');
    expect((await client.project('10000'))?.key).toBe('OPS');
    expect((await client.projects(['OPS']))[0]?.description).toBe('Runbook');
    // The same description again changes nothing and sends nothing.
    expect(replay(op)).toBeUndefined();
    expect(await client.project('NOPE')).toBeUndefined();
  });

  it('upsertComponent creates and edits, deleteComponent deletes, each with its event', async () => {
    const { site, client, replay, check } = docsSite();
    const created = replay({
      op: 'upsertComponent',
      project: 'OPS',
      name: 'billing',
      description: 'Billing API',
      author: USERS.lead,
    });
    expect(created?.eventType).toBe('avi:jira:created:component');
    const component = await check(created, 'ProjectComponent', 'component');
    expect(component).toMatchObject({
      id: '101',
      name: 'billing',
      description: 'Billing API',
      project: 'OPS',
      projectId: 10000,
    });
    const names = async () => (await client.components('OPS')).map((c) => [c.id, c.description]);
    expect(await names()).toEqual([
      ['100', 'API'],
      ['101', 'Billing API'],
    ]);
    const edited = replay({
      op: 'upsertComponent',
      project: 'OPS',
      component: '101',
      description: '',
      author: USERS.lead,
    });
    expect(edited?.eventType).toBe('avi:jira:updated:component');
    expect(await check(edited, 'ProjectComponent', 'component')).not.toHaveProperty('description');
    expect(await names()).toEqual([
      ['100', 'API'],
      ['101', undefined],
    ]);
    const deleted = replay({
      op: 'deleteComponent',
      project: 'OPS',
      component: '100',
      author: USERS.lead,
    });
    expect(deleted?.eventType).toBe('avi:jira:deleted:component');
    expect(await check(deleted, 'ProjectComponent', 'component')).toMatchObject({
      id: '100',
      description: 'API',
    });
    expect(await names()).toEqual([['101', undefined]]);
    expect(site.project('OPS')?.components.map((c) => c.id)).toEqual(['101']);
  });

  it('upsertVersion and deleteVersion: the version names its project by id only', async () => {
    const { client, replay, check } = docsSite();
    const created = replay({
      op: 'upsertVersion',
      project: '10000',
      name: '2.0',
      author: USERS.lead,
    });
    expect(created?.eventType).toBe('avi:jira:created:version');
    const version = await check(created, 'Version', 'version');
    expect(version).toMatchObject({ id: '201', name: '2.0', projectId: 10000 });
    expect(version).not.toHaveProperty('project');
    const edited = replay({
      op: 'upsertVersion',
      project: 'OPS',
      version: '200',
      description: 'Notes',
      author: USERS.lead,
    });
    expect(edited?.eventType).toBe('avi:jira:updated:version');
    // Its other values are kept.
    expect(await check(edited, 'Version', 'version')).toMatchObject({
      id: '200',
      name: '1.0',
      description: 'Notes',
    });
    const deleted = replay({
      op: 'deleteVersion',
      project: 'OPS',
      version: '201',
      author: USERS.lead,
    });
    expect(deleted?.eventType).toBe('avi:jira:deleted:version');
    await check(deleted, 'Version', 'version');
    expect((await client.versions('OPS')).map((v) => [v.id, v.description])).toEqual([
      ['200', 'Notes'],
    ]);
  });

  it('refuses a bad op or one the site cannot apply', () => {
    const { replay } = docsSite();
    expect(parseWriteOp({ op: 'deleteComponent', project: 'OPS', author: USERS.lead })).toEqual({
      ok: false,
      error: 'deleteComponent: "component" is missing',
    });
    expect(
      parseWriteOp({ op: 'updateProject', project: 'OPS', description: 1, author: USERS.lead }),
    ).toEqual({ ok: false, error: 'updateProject: "description" must be a string' });
    expect(() =>
      replay({ op: 'upsertComponent', project: 'OPS', description: 'x', author: USERS.lead }),
    ).toThrow('The component name is required.');
    expect(() =>
      replay({ op: 'deleteVersion', project: 'OPS', version: '999', author: USERS.lead }),
    ).toThrow(SiteError);
    expect(() =>
      replay({ op: 'updateProject', project: 'NOPE', description: 'x', author: USERS.lead }),
    ).toThrow(SiteError);
    expect(() =>
      replay({ op: 'updateProject', project: 'OPS', description: 'x', author: 'ghost' }),
    ).toThrow(/Unknown user/);
  });
});
