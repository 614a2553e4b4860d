/**
 * The Forge product events Jira sends an app when its site changes, as the simulator emits them
 * after a write. Top-level fields follow Atlassian's events reference
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/, checked field by field
 * in test/dev/jira-sim/event-shapes.test.ts against test/fixtures/forge-events.ts):
 *
 * - every event: `eventType`, `selfGenerated` and the common `timestamp` (epoch ms, as a string).
 * - `avi:jira:created:issue`, `avi:jira:deleted:issue`: plus `atlassianId` and `issue`.
 * - `avi:jira:updated:issue`: the same plus `changelog: {id, items: [{field, fieldtype, fieldId,
 *   from, fromString, to, toString}]}` (the history entry the write recorded).
 * - `avi:jira:commented:issue` (a comment added **or edited**; Jira has no separate edit event) and
 *   `avi:jira:deleted:comment`: the same plus `comment` (the REST v3 comment: id, author, ADF body,
 *   updateAuthor, created, updated, visibility).
 * - `avi:jira:created|updated|deleted:worklog`: plus `worklog` (the REST v3 worklog, which names
 *   its issue by `issueId` only: no issue object). No `atlassianId`: the reference lists none.
 * - `avi:jira:updated:project`: plus `project` (no `atlassianId`, as documented).
 * - `avi:jira:created|updated|deleted:component` and `…:version`: plus `atlassianId` and the
 *   object under `component` or `version`. A deleted object is sent as it was.
 *
 * The reference names the nested types (`Worklog`, `Project`, `Component`, `Version`, `Comment`)
 * without their fields: the simulator sends the REST v3 objects, an inference (the app reads only
 * ids from them and re-reads the content from Jira).
 *
 * `issue.fields` is the platform's small subset only (summary, issuetype, creator, created,
 * project, reporter, assignee, updated, status), each present when the issue has it: a consumer
 * re-fetches the description and custom fields, as the app does. `selfGenerated` is always false:
 * the simulator's writers are site users, never the app.
 * @module
 */
import type {
  ChangeItem,
  CommentDef,
  ComponentDef,
  DocKind,
  HistoryDef,
  IssueDef,
  ProjectDef,
  VersionDef,
  WorklogDef,
} from './fixture.js';
import type { Renderer } from './render.js';

export type ForgeEventType =
  | 'avi:jira:created:issue'
  | 'avi:jira:updated:issue'
  | 'avi:jira:deleted:issue'
  | 'avi:jira:commented:issue'
  | 'avi:jira:deleted:comment'
  | WorklogEvent['eventType']
  | ProjectDocEvent['eventType'];

/** The issue of an event: id, key and the platform's subset of fields. */
export interface ForgeEventIssue {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>> & {
    readonly project: { readonly id: string; readonly key: string };
  };
}

/** Fields every Jira event carries. */
interface Common {
  readonly selfGenerated: boolean;
  /** When it happened: epoch ms as a string. */
  readonly timestamp: string;
}

interface EventBase extends Common {
  readonly issue: ForgeEventIssue;
  /** The account that caused the event. */
  readonly atlassianId: string;
}

export interface IssueCreatedEvent extends EventBase {
  readonly eventType: 'avi:jira:created:issue';
}

export interface IssueUpdatedEvent extends EventBase {
  readonly eventType: 'avi:jira:updated:issue';
  readonly changelog: { readonly id: string; readonly items: readonly ChangeItem[] };
}

export interface IssueDeletedEvent extends EventBase {
  readonly eventType: 'avi:jira:deleted:issue';
}

export interface CommentEvent extends EventBase {
  readonly eventType: 'avi:jira:commented:issue' | 'avi:jira:deleted:comment';
  readonly comment: Readonly<Record<string, unknown>> & { readonly id: string };
}

export interface WorklogEvent extends Common {
  readonly eventType:
    'avi:jira:created:worklog' | 'avi:jira:updated:worklog' | 'avi:jira:deleted:worklog';
  readonly worklog: Readonly<Record<string, unknown>> & {
    readonly id: string;
    readonly issueId: string;
  };
}

type Obj = Readonly<Record<string, unknown>>;
type Crud = 'created' | 'updated' | 'deleted';

/** A change of a project's documentation: the project, or one of its components or versions. */
export type ProjectDocEvent = Common &
  (
    | {
        readonly eventType: 'avi:jira:updated:project';
        readonly project: Obj & { readonly id: string; readonly key: string };
      }
    | {
        readonly eventType: `avi:jira:${Crud}:component`;
        readonly atlassianId: string;
        readonly component: Obj;
      }
    | {
        readonly eventType: `avi:jira:${Crud}:version`;
        readonly atlassianId: string;
        readonly version: Obj;
        /** Deleted versions only: what replaced the version in custom fields (none here). */
        readonly customFieldReplacements?: readonly Obj[];
      }
  );

export type ForgeEvent =
  | IssueCreatedEvent
  | IssueUpdatedEvent
  | IssueDeletedEvent
  | CommentEvent
  | WorklogEvent
  | ProjectDocEvent;

/** The fields a Forge issue event carries (forge.md §2: "a small subset"). */
export const EVENT_ISSUE_FIELDS = [
  'summary',
  'issuetype',
  'creator',
  'created',
  'project',
  'reporter',
  'assignee',
  'updated',
  'status',
] as const;

/** `issue` of an event, rendered as REST v3 renders those fields (users, project reference). */
export function eventIssue(render: Renderer, issue: IssueDef): ForgeEventIssue {
  const fields: Record<string, unknown> = {};
  for (const id of EVENT_ISSUE_FIELDS) {
    const value = issue.fields[id];
    if (value !== undefined && value !== null) fields[id] = render.field(issue, id, 0);
  }
  return {
    id: issue.id,
    key: issue.key,
    fields: fields as ForgeEventIssue['fields'],
  };
}

const common = (render: Renderer): Common => ({
  selfGenerated: false,
  timestamp: String(render.site.now()),
});

const base = (render: Renderer, issue: IssueDef, actor: string): EventBase => ({
  ...common(render),
  issue: eventIssue(render, issue),
  atlassianId: actor,
});

export function issueCreatedEvent(
  render: Renderer,
  issue: IssueDef,
  actor: string,
): IssueCreatedEvent {
  return { eventType: 'avi:jira:created:issue', ...base(render, issue, actor) };
}

export function issueUpdatedEvent(
  render: Renderer,
  issue: IssueDef,
  history: HistoryDef,
  actor: string,
): IssueUpdatedEvent {
  return {
    eventType: 'avi:jira:updated:issue',
    ...base(render, issue, actor),
    changelog: { id: history.id, items: history.items.map((i) => ({ ...i })) },
  };
}

export function issueDeletedEvent(
  render: Renderer,
  issue: IssueDef,
  actor: string,
): IssueDeletedEvent {
  return { eventType: 'avi:jira:deleted:issue', ...base(render, issue, actor) };
}

export function commentEvent(
  eventType: CommentEvent['eventType'],
  render: Renderer,
  issue: IssueDef,
  comment: CommentDef,
  actor: string,
): CommentEvent {
  const rendered = render.comment(issue, comment) as Record<string, unknown> & { id: string };
  return {
    eventType,
    ...base(render, issue, actor),
    comment: structuredClone(rendered),
  };
}

export function worklogEvent(
  eventType: WorklogEvent['eventType'],
  render: Renderer,
  issue: IssueDef,
  worklog: WorklogDef,
): WorklogEvent {
  const rendered = render.worklog(issue, worklog) as WorklogEvent['worklog'];
  return { eventType, ...common(render), worklog: structuredClone(rendered) };
}

export function projectUpdatedEvent(render: Renderer, project: ProjectDef): ProjectDocEvent {
  const rendered = render.project(project, true) as Obj & { id: string; key: string };
  return { eventType: 'avi:jira:updated:project', ...common(render), project: rendered };
}

/** A component or version event, with the object in its REST shape. */
export function projectDocEvent(
  kind: DocKind,
  change: Crud,
  render: Renderer,
  project: ProjectDef,
  doc: ComponentDef | VersionDef,
  actor: string,
): ProjectDocEvent {
  const by = { ...common(render), atlassianId: actor };
  return kind === 'component'
    ? {
        eventType: `avi:jira:${change}:component`,
        ...by,
        component: render.component(project, doc),
      }
    : {
        eventType: `avi:jira:${change}:version`,
        ...by,
        version: render.version(project, doc),
        // Documented as always present on a deletion; the simulator has no version custom fields.
        ...(change === 'deleted' ? { customFieldReplacements: [] } : {}),
      };
}
