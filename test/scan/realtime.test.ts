import { beforeEach, describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator, type JiraSimulator } from '../../dev/jira-sim/server.js';
import { locationKey, type OccurrenceLocation } from '../../src/incidents/model.js';
import { incidentReport } from '../../src/incidents/report.js';
import { createMemoryStore, type MemoryStore } from '../../src/incidents/store.js';
import { createJiraClient } from '../../src/jira/client.js';
import { createJiraHttp, type JiraHttp } from '../../src/jira/http.js';
import { handleChange, type ChangeEvent, type RealtimeDeps } from '../../src/scan/realtime.js';
import { EXAMPLE_SITE, readJson, testScanner } from './fixture-direct.js';

// Test tokens with valid checksums (from the GitHub detector's examples).
const GH1 = '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';
const GH2 = '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';
const JANE = '557058:aa11bb22-cc33-4d44-8e55-ff6677889900';
const doc = (text: string): unknown => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let sim: JiraSimulator;
let store: MemoryStore;
let http: JiraHttp;
let deps: RealtimeDeps;
let tick = 0;

beforeEach(async () => {
  sim = createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)));
  store = createMemoryStore();
  http = createJiraHttp({
    fetch: sim.fetch,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    now: () => 0,
  });
  const client = createJiraClient(http);
  deps = {
    client,
    scanner: testScanner(),
    store,
    baseUrl: sim.site.baseUrl,
    fields: (await client.fields()) as never,
    now: () => new Date(Date.UTC(2026, 0, 1) + ++tick * 1000).toISOString(),
  };
});

const ref = (key: string) => {
  const i = sim.site.issue(key);
  if (!i) throw new Error(`no ${key}`);
  return { id: i.id, key: i.key, projectKey: key.split('-')[0] ?? '' };
};
const requests = (): number => http.stats().requests;

describe('real-time changes', () => {
  it('a new comment with a secret appears; editing it out removes it; a duplicate event changes nothing', async () => {
    const issue = ref('OPS-2');
    const { comment } = sim.site.addComment(issue.key, doc(`token ${GH1}`), JANE);
    const event: ChangeEvent = { type: 'comment_upserted', issue, commentId: comment.id };
    const r = await handleChange(event, deps);
    expect(r.appeared.map((o) => o.location)).toEqual([
      {
        projectKey: 'OPS',
        issueKey: 'OPS-2',
        issueId: issue.id,
        field: 'comment',
        commentId: comment.id,
        // Who wrote it and when, as Jira says: an account id and a date, never a name.
        authorId: JANE,
        at: comment.created,
      },
    ]);
    expect(r.appeared[0]?.url).toBe(
      `${sim.site.baseUrl}/browse/OPS-2?focusedCommentId=${comment.id}`,
    );
    expect(r.appeared[0]?.kind).toBe('realtime');

    const snapshot = JSON.stringify(store.snapshot());
    const dup = await handleChange(event, deps);
    expect(dup).toMatchObject({ appeared: [], disappeared: [], incidents: [] });
    expect(JSON.stringify(store.snapshot())).toBe(snapshot);

    sim.site.editComment(issue.key, comment.id, doc('rotated, see vault'), JANE);
    const edited = await handleChange(event, deps);
    expect(edited.disappeared).toHaveLength(1);
    expect(edited.incidents[0]).toMatchObject({ presence: 'removed' });
  });

  it('a worklog comment with a secret appears; editing or deleting the worklog removes it', async () => {
    const issue = ref('OPS-2');
    const { worklog } = sim.site.addWorklog(
      issue.key,
      { comment: doc(`deployed with ${GH1}`), timeSpentSeconds: 600 },
      JANE,
    );
    const event: ChangeEvent = { type: 'worklog_upserted', issue, worklogId: worklog.id };
    const before = requests();
    const r = await handleChange(event, deps);
    expect(requests() - before).toBe(1); // the worklog alone
    expect(r.rescanned).toBe('worklog');
    expect(r.appeared.map((o) => [o.location, o.url])).toEqual([
      [
        {
          projectKey: 'OPS',
          issueKey: 'OPS-2',
          issueId: issue.id,
          field: 'worklog',
          worklogId: worklog.id,
          authorId: JANE,
          at: expect.any(String) as string,
        },
        `${sim.site.baseUrl}/browse/OPS-2?focusedWorklogId=${worklog.id}`,
      ],
    ]);
    // A duplicate event changes nothing; an edit that removes the token marks it removed.
    expect(await handleChange(event, deps)).toMatchObject({ appeared: [], disappeared: [] });
    sim.site.editWorklog(issue.key, worklog.id, { comment: doc('see vault') }, JANE);
    expect((await handleChange(event, deps)).disappeared).toHaveLength(1);

    const second = sim.site.addWorklog(
      issue.key,
      { comment: doc(`again ${GH2}`), timeSpentSeconds: 60 },
      JANE,
    ).worklog;
    const added = { type: 'worklog_upserted', issue, worklogId: second.id } as const;
    expect((await handleChange(added, deps)).appeared).toHaveLength(1);
    sim.site.deleteWorklog(issue.key, second.id);
    const atDelete = requests();
    const gone = await handleChange({ ...added, type: 'worklog_deleted' }, deps);
    expect(gone.disappeared.map((o) => o.location.worklogId)).toEqual([second.id]);
    expect(requests()).toBe(atDelete);
    // A late "updated" event for a worklog deleted meanwhile is a removal too, not an error.
    expect((await handleChange(added, deps)).rescanned).toBe('removed');
  });

  it('a new attachment is the only file read again; a removed one is marked removed unread', async () => {
    const issue = ref('OPS-3');
    for (const name of ['notes.txt', 'build.log'])
      sim.site.addAttachment(issue.key, { filename: name, content: 'nothing here' }, JANE);
    const added = sim.site.addAttachment(
      issue.key,
      { filename: 'app.env', content: `GITHUB_TOKEN=${GH1}\n` },
      JANE,
    ).attachment;
    const files = () =>
      Object.entries(http.stats().byEndpoint)
        .filter(([e]) => e.includes('/attachment/content/'))
        .reduce((n, [, c]) => n + c.requests, 0);
    const event = (attachments?: { added: string[]; removed: string[] }): ChangeEvent => ({
      type: 'issue_updated',
      issue,
      changedFields: ['attachment'],
      ...(attachments ? { attachments } : {}),
    });
    const r = await handleChange(event({ added: [added.id], removed: [] }), deps);
    expect(files()).toBe(1);
    expect(r.appeared.map((o) => [o.location.field, o.location.attachmentId])).toEqual([
      ['attachment', added.id],
    ]);

    // Without the ids (an older payload), every file is read again; nothing changes.
    const all = await handleChange(event(), deps);
    expect(files()).toBe(4);
    expect(all).toMatchObject({ appeared: [], disappeared: [] });

    sim.site.deleteAttachment(issue.key, added.id, JANE);
    const gone = await handleChange(event({ added: [], removed: [added.id] }), deps);
    expect(files()).toBe(4);
    expect(gone.disappeared.map((o) => o.location.attachmentId)).toEqual([added.id]);
  });

  it('a deleted comment or issue marks its places removed without asking Jira', async () => {
    const issue = ref('OPS-2');
    const { comment } = sim.site.addComment(issue.key, doc(`token ${GH1}`), JANE);
    sim.site.updateIssue(issue.key, { description: doc(`creds ${GH2}`) }, JANE);
    await handleChange({ type: 'issue_created', issue }, deps);
    const before = requests();
    const r = await handleChange({ type: 'comment_deleted', issue, commentId: comment.id }, deps);
    expect(r.disappeared.map((o) => o.location.field)).toEqual(['comment']);
    const d = await handleChange({ type: 'issue_deleted', issue }, deps);
    // The description and the history entry that added it.
    expect(d.disappeared.map((o) => o.location.field).sort()).toEqual(['changelog', 'description']);
    expect(requests()).toBe(before);
    const incidents = await incidentReport(store);
    expect(incidents.every((i) => i.presence === 'removed')).toBe(true);
  });

  it('an edited description rescans only that field and its history', async () => {
    const issue = ref('PAY-2');
    const { history } = sim.site.updateIssue(issue.key, { description: doc(`use ${GH1}`) }, JANE);
    const r1 = await handleChange(
      { type: 'issue_updated', issue, changedFields: ['description'] },
      deps,
    );
    expect(r1.appeared.map((o) => o.location.field).sort()).toEqual(['changelog', 'description']);
    expect(r1.appeared.find((o) => o.location.field === 'changelog')?.location).toMatchObject({
      historyId: history?.id,
      historyField: 'description',
      historyValue: 'to',
    });
    // Removing it from the description: the current value is clean, the history still has it.
    sim.site.updateIssue(issue.key, { description: doc('rotated') }, JANE);
    const r2 = await handleChange(
      { type: 'issue_updated', issue, changedFields: ['description'] },
      deps,
    );
    expect(r2.disappeared.map((o) => o.location.field)).toEqual(['description']);
    expect(r2.appeared.map((o) => o.location.historyValue)).toEqual(['from']);
    expect(r2.incidents[0]).toMatchObject({ presence: 'present', present_count: 2 });
  });

  it('an update of non-text fields costs no request at all', async () => {
    const before = requests();
    const r = await handleChange(
      { type: 'issue_updated', issue: ref('PAY-2'), changedFields: ['status', 'assignee'] },
      deps,
    );
    expect(r.rescanned).toBe('nothing');
    expect(requests()).toBe(before);
  });

  it('a new real-time occurrence reopens a resolved incident', async () => {
    const a = ref('OPS-2');
    const b = ref('OPS-3');
    const c1 = sim.site.addComment(a.key, doc(GH1), JANE).comment;
    const first = await handleChange(
      { type: 'comment_upserted', issue: a, commentId: c1.id },
      deps,
    );
    const incident = first.incidents[0];
    if (!incident) throw new Error('no incident');
    await store.putIncident({ ...incident, status: 'RESOLVED', resolved_at: deps.now() });
    const c2 = sim.site.addComment(b.key, doc(`again ${GH1}`), JANE).comment;
    const r = await handleChange({ type: 'comment_upserted', issue: b, commentId: c2.id }, deps);
    expect(r.incidents[0]).toMatchObject({
      id: incident.id,
      status: 'TRIGGERED',
      regression: true,
      occurrences_count: 2,
    });
  });

  it('a component description gaining a secret appears at that component; editing it out removes it', async () => {
    const event: ChangeEvent = { type: 'project_docs_changed', projectKey: 'OPS' };
    const first = await handleChange(event, deps);
    expect(first.rescanned).toBe('project');
    // What the fixture's documentation already holds, from the same rescan as the historical one.
    expect(first.appeared.every((o) => o.location.projectKey === 'OPS')).toBe(true);
    expect(first.appeared.some((o) => o.location.issueId !== undefined)).toBe(false);

    const { doc: component } = sim.site.upsertDoc('component', 'OPS', {
      name: 'billing',
      description: `Bot token ${GH1}`,
    });
    const before = requests();
    const r = await handleChange(event, deps);
    expect(requests() - before).toBe(3); // the project, its components, its versions
    expect(r.appeared.map((o) => [o.location, o.url])).toEqual([
      [
        { projectKey: 'OPS', field: 'component', componentId: component.id },
        `${sim.site.baseUrl}/plugins/servlet/project-config/OPS/administer-components?componentId=${component.id}`,
      ],
    ]);
    expect(r.disappeared).toEqual([]);
    expect(r.appeared[0]?.kind).toBe('realtime');

    sim.site.upsertDoc('component', 'OPS', { id: component.id, description: 'see the vault' });
    const edited = await handleChange(event, deps);
    expect(edited.appeared).toEqual([]);
    expect(edited.disappeared.map((o) => o.location.componentId)).toEqual([component.id]);
    expect(edited.incidents.map((i) => i.presence)).toEqual(['removed']);
  });

  it('a deleted project marks every place of its documentation removed without asking Jira', async () => {
    const issue = ref('OPS-2');
    await handleChange(
      {
        type: 'comment_upserted',
        issue,
        commentId: sim.site.addComment(issue.key, doc(GH2), JANE).comment.id,
      },
      deps,
    );
    sim.site.upsertDoc('version', 'OPS', { id: '200', description: `Release key ${GH1}` });
    const scanned = await handleChange({ type: 'project_docs_changed', projectKey: 'OPS' }, deps);
    expect(scanned.appeared.map((o) => o.location)).toContainEqual({
      projectKey: 'OPS',
      field: 'version',
      versionId: '200',
    });
    const before = requests();
    const gone = await handleChange({ type: 'project_deleted', projectKey: 'OPS' }, deps);
    expect(requests()).toBe(before);
    expect(gone.rescanned).toBe('removed');
    const places = (list: { location: OccurrenceLocation }[]) =>
      list.map((o) => locationKey(o.location)).sort();
    expect(places(gone.disappeared)).toEqual(places(scanned.appeared));
    // Issues have their own scope and their own deletion events: the comment stays.
    const report = await incidentReport(store);
    const comment = report
      .flatMap((i) => i.occurrences)
      .find((o) => o.location.field === 'comment');
    expect(comment?.presence).toBe('present');
    // A late change event for a project that is gone is a removal too, not an error.
    const late = await handleChange({ type: 'project_docs_changed', projectKey: 'NOPE' }, deps);
    expect(late.rescanned).toBe('removed');
  });

  it('a late event for content already gone is a removal, not an error', async () => {
    const issue = ref('OPS-2');
    const { comment } = sim.site.addComment(issue.key, doc(`token ${GH1}`), JANE);
    await handleChange({ type: 'comment_upserted', issue, commentId: comment.id }, deps);
    sim.site.deleteIssue(issue.key);
    const r = await handleChange({ type: 'comment_upserted', issue, commentId: comment.id }, deps);
    expect(r.disappeared).toHaveLength(1);
    const created = await handleChange({ type: 'issue_created', issue }, deps);
    expect(created.rescanned).toBe('removed');
  });
});
