/**
 * The app's event handlers against the payloads Atlassian documents (test/fixtures/forge-events.ts):
 * every event the manifest subscribes to has a documented shape here, and the handlers accept
 * its example, in full and cut to its required fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toAppChange } from '../../src/admin/events.js';
import type { ChangeEvent } from '../../src/scan/realtime.js';
import { EVENT_SHAPES, exampleOf, shapeOf } from '../fixtures/forge-events.js';

interface Trigger {
  readonly events?: readonly string[];
}
const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
  modules: { trigger?: readonly Trigger[] };
};
const subscribed = (manifest.modules.trigger ?? []).flatMap((t) => t.events ?? []);
const jiraEvents = subscribed.filter((e) => e.startsWith('avi:jira:'));

/** A Jira client that knows the example's issue and project, and counts what it is asked. */
function exampleClient() {
  const asked: string[] = [];
  return {
    asked,
    client: {
      issue: (id: string) => {
        asked.push(`issue ${id}`);
        return Promise.resolve(
          id === '10073' ? { id, key: 'SP-10', fields: { project: { key: 'SP' } } } : undefined,
        );
      },
      project: (id: string) => {
        asked.push(`project ${id}`);
        return Promise.resolve(id === '10000' ? { id, key: 'SP' } : undefined);
      },
    } as unknown as Parameters<typeof toAppChange>[1],
  };
}

/** The core event type each documented event becomes. */
const EXPECTED: Readonly<Record<string, ChangeEvent['type']>> = {
  'avi:jira:created:issue': 'issue_created',
  'avi:jira:updated:issue': 'issue_updated',
  'avi:jira:deleted:issue': 'issue_deleted',
  'avi:jira:commented:issue': 'comment_upserted',
  'avi:jira:deleted:comment': 'comment_deleted',
  'avi:jira:created:worklog': 'worklog_upserted',
  'avi:jira:updated:worklog': 'worklog_upserted',
  'avi:jira:deleted:worklog': 'worklog_deleted',
  'avi:jira:updated:project': 'project_docs_changed',
  'avi:jira:restored:project': 'project_docs_changed',
  'avi:jira:softdeleted:project': 'project_deleted',
  'avi:jira:deleted:project': 'project_deleted',
  'avi:jira:created:component': 'project_docs_changed',
  'avi:jira:updated:component': 'project_docs_changed',
  'avi:jira:deleted:component': 'project_docs_changed',
  'avi:jira:created:version': 'project_docs_changed',
  'avi:jira:updated:version': 'project_docs_changed',
  'avi:jira:deleted:version': 'project_docs_changed',
};

const requiredOnly = (eventType: string): Record<string, unknown> => {
  const full = exampleOf(eventType);
  const { required } = shapeOf(eventType);
  return Object.fromEntries(Object.entries(full).filter(([k]) => k in required));
};

describe('documented event payloads', () => {
  it('cover every event the manifest subscribes to, lifecycle included', () => {
    expect([...jiraEvents].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const e of subscribed) expect(() => shapeOf(e), e).not.toThrow();
    expect(subscribed).toEqual(
      expect.arrayContaining(['avi:forge:installed:app', 'avi:forge:upgraded:app']),
    );
    // Each example holds every required field (the fixture is self-consistent).
    for (const shape of EVENT_SHAPES) {
      for (const e of shape.events) {
        const example = exampleOf(e);
        for (const name of Object.keys(shape.required))
          expect(example, `${e} ${name}`).toHaveProperty(name);
      }
    }
  });

  it.each(jiraEvents)('%s: the handler accepts the documented example', async (eventType) => {
    const { client } = exampleClient();
    const full = await toAppChange(exampleOf(eventType), client);
    expect(full, JSON.stringify(full)).toMatchObject({
      ok: true,
      event: { type: EXPECTED[eventType] },
    });
    const bare = await toAppChange(requiredOnly(eventType), client);
    expect(bare).toEqual(full);
  });

  it('reads the issue, project and changed fields the way the example names them', async () => {
    const { client, asked } = exampleClient();
    expect(await toAppChange(exampleOf('avi:jira:updated:issue'), client)).toEqual({
      ok: true,
      event: {
        type: 'issue_updated',
        issue: { id: '10073', key: 'SP-10', projectKey: 'SP' },
        changedFields: ['description', 'attachment'],
        attachments: { added: ['10300'], removed: [] },
      },
    });
    expect(await toAppChange(exampleOf('avi:jira:created:worklog'), client)).toEqual({
      ok: true,
      event: {
        type: 'worklog_upserted',
        issue: { id: '10073', key: 'SP-10', projectKey: 'SP' },
        worklogId: '10200',
      },
    });
    // A component names its project by key; a version by id only, which costs one request.
    asked.length = 0;
    expect(await toAppChange(exampleOf('avi:jira:updated:component'), client)).toEqual({
      ok: true,
      event: { type: 'project_docs_changed', projectKey: 'SP' },
    });
    expect(asked).toEqual([]);
    expect(await toAppChange(exampleOf('avi:jira:updated:version'), client)).toEqual({
      ok: true,
      event: { type: 'project_docs_changed', projectKey: 'SP' },
    });
    expect(asked).toEqual(['project 10000']);
  });

  it('reports, never guesses, when a documented object lacks what the app reads', async () => {
    const { client } = exampleClient();
    const noProject = exampleOf('avi:jira:created:issue');
    delete (noProject.issue as { fields: Record<string, unknown> }).fields.project;
    expect(await toAppChange(noProject, client)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unexpected event payload') as unknown,
    });
    const noComment = exampleOf('avi:jira:commented:issue');
    delete noComment.comment;
    expect(await toAppChange(noComment, client)).toMatchObject({ ok: false });
    const noIssueId = exampleOf('avi:jira:deleted:worklog');
    delete (noIssueId.worklog as Record<string, unknown>).issueId;
    expect(await toAppChange(noIssueId, client)).toMatchObject({ ok: false });
    const version = exampleOf('avi:jira:deleted:version');
    delete (version.version as Record<string, unknown>).projectId;
    expect(await toAppChange(version, client)).toMatchObject({
      ok: false,
      error: 'avi:jira:deleted:version names no project',
    });
  });
});
