/**
 * Writes to the simulated site and the Forge event each one makes Jira send. One code path serves
 * both the REST write endpoints of the simulator (server.ts) and the harness's `--events FILE`
 * replay (`replayWrite`), so a replayed op and the same request over REST change the site alike.
 *
 * The `--events` op format (one JSON object per op; `author` is the accountId of a fixture user,
 * who becomes the event's `atlassianId`; `issue` is an issue key or id; `body` and the values of
 * ADF fields (description, environment, textarea custom fields) may be ADF documents or plain text,
 * which becomes one paragraph per line):
 *
 * ```json
 * {"op":"createIssue",   "project":"OPS", "fields":{"summary":"…","description":"…"}, "author":"<accountId>"}
 * {"op":"updateIssue",   "issue":"OPS-1", "fields":{"description":"…"},              "author":"<accountId>"}
 * {"op":"addComment",    "issue":"OPS-1", "body":"…", "author":"<accountId>", "visibility":{"type":"group","value":"secops"}}
 * {"op":"editComment",   "issue":"OPS-1", "comment":"10001", "body":"…",              "author":"<accountId>"}
 * {"op":"deleteComment", "issue":"OPS-1", "comment":"10001",                          "author":"<accountId>"}
 * {"op":"deleteIssue",   "issue":"OPS-1",                                             "author":"<accountId>"}
 * {"op":"addWorklog",    "issue":"OPS-1", "comment":"…", "timeSpentSeconds":3600,      "author":"<accountId>"}
 * {"op":"editWorklog",   "issue":"OPS-1", "worklog":"10001", "comment":"…",            "author":"<accountId>"}
 * {"op":"deleteWorklog", "issue":"OPS-1", "worklog":"10001",                          "author":"<accountId>"}
 * {"op":"addAttachment", "issue":"OPS-1", "filename":"app.env", "content":"…",          "author":"<accountId>"}
 * {"op":"deleteAttachment", "issue":"OPS-1", "attachment":"10001",                    "author":"<accountId>"}
 * {"op":"updateProject",   "project":"OPS", "description":"…",                          "author":"<accountId>"}
 * {"op":"upsertComponent", "project":"OPS", "component":"10001", "name":"api", "description":"…", "author":"<accountId>"}
 * {"op":"deleteComponent", "project":"OPS", "component":"10001",                       "author":"<accountId>"}
 * {"op":"upsertVersion",   "project":"OPS", "version":"10001", "name":"1.0", "description":"…", "author":"<accountId>"}
 * {"op":"deleteVersion",   "project":"OPS", "version":"10001",                         "author":"<accountId>"}
 * ```
 *
 * Project documentation: `project` is a key or id; a description is plain text (`""` clears it).
 * An upsert without `component`/`version` creates one (a `name` is then needed), with one it
 * changes that one's name or description (each optional). They send `avi:jira:updated:project`,
 * `avi:jira:created|updated|deleted:component` or `…:version` with the REST v3 object (no REST
 * write routes for these).
 *
 * An attachment is UTF-8 text (`mimeType` optional, default `text/plain`); Jira records it in the
 * history as an `Attachment` item and sends `avi:jira:updated:issue` (REST uploads are multipart
 * and not simulated: attachments come through `--events` or the site methods).
 *
 * `visibility` (comments, worklogs) and a worklog's `comment` are optional. The created issue's reporter and creator are the author unless
 * `fields.reporter` says otherwise. An update that changes nothing writes no history and sends no
 * event (`replayWrite` returns undefined).
 * @module
 */
import {
  adfProblem,
  ISSUE_NOT_FOUND,
  SiteError,
  type AdfDoc,
  type CommentDef,
  type IssueDef,
  type ProjectDef,
  type SimSite,
  type Visibility,
  type WorklogDef,
} from './fixture.js';
import {
  commentEvent,
  issueCreatedEvent,
  issueDeletedEvent,
  issueUpdatedEvent,
  projectDocEvent,
  projectUpdatedEvent,
  worklogEvent,
  type ForgeEvent,
} from './events.js';
import { Renderer } from './render.js';

export type WriteOp = IssueWriteOp | ProjectWriteOp;

export type IssueWriteOp =
  | {
      readonly op: 'createIssue';
      /** Project key or id. */
      readonly project: string;
      readonly fields: Readonly<Record<string, unknown>>;
      readonly author: string;
    }
  | {
      readonly op: 'updateIssue';
      readonly issue: string;
      readonly fields: Readonly<Record<string, unknown>>;
      readonly author: string;
    }
  | {
      readonly op: 'addComment';
      readonly issue: string;
      readonly body: unknown;
      readonly author: string;
      readonly visibility?: Visibility;
    }
  | {
      readonly op: 'editComment';
      readonly issue: string;
      readonly comment: string;
      readonly body: unknown;
      readonly author: string;
    }
  | {
      readonly op: 'deleteComment';
      readonly issue: string;
      readonly comment: string;
      readonly author: string;
    }
  | { readonly op: 'deleteIssue'; readonly issue: string; readonly author: string }
  | {
      readonly op: 'addWorklog';
      readonly issue: string;
      readonly comment?: unknown;
      readonly timeSpentSeconds: number;
      readonly author: string;
      readonly visibility?: Visibility;
    }
  | {
      readonly op: 'editWorklog';
      readonly issue: string;
      readonly worklog: string;
      readonly comment?: unknown;
      readonly author: string;
    }
  | {
      readonly op: 'deleteWorklog';
      readonly issue: string;
      readonly worklog: string;
      readonly author: string;
    }
  | {
      readonly op: 'addAttachment';
      readonly issue: string;
      readonly filename: string;
      readonly content: string;
      readonly mimeType?: string;
      readonly author: string;
    }
  | {
      readonly op: 'deleteAttachment';
      readonly issue: string;
      readonly attachment: string;
      readonly author: string;
    };

/** Project documentation; `project` is a key or id. */
export type ProjectWriteOp =
  | {
      readonly op: 'updateProject';
      readonly project: string;
      readonly description: string;
      readonly author: string;
    }
  | {
      readonly op: 'upsertComponent';
      readonly project: string;
      /** Absent: a new component. */
      readonly component?: string;
      readonly name?: string;
      readonly description?: string;
      readonly author: string;
    }
  | {
      readonly op: 'deleteComponent';
      readonly project: string;
      readonly component: string;
      readonly author: string;
    }
  | {
      readonly op: 'upsertVersion';
      readonly project: string;
      /** Absent: a new version. */
      readonly version?: string;
      readonly name?: string;
      readonly description?: string;
      readonly author: string;
    }
  | {
      readonly op: 'deleteVersion';
      readonly project: string;
      readonly version: string;
      readonly author: string;
    };

export type WriteOpName = WriteOp['op'];

/** A refused write whose problems are per field: Jira's `{errorMessages: [], errors: {field: …}}`. */
export class FieldError extends SiteError {
  constructor(
    status: number,
    readonly errors: Readonly<Record<string, string>>,
  ) {
    super(status, Object.values(errors).join('; '));
  }
}

/** What a write did: the event (none for an update that changed nothing) and what it touched. */
export interface WriteResult {
  readonly event: ForgeEvent | undefined;
  readonly issue: IssueDef;
  readonly comment?: CommentDef;
  readonly worklog?: WorklogDef;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Plain text as an ADF document: one paragraph per line (an empty line: an empty paragraph). */
export function textToAdf(text: string): AdfDoc {
  return {
    type: 'doc',
    version: 1,
    content: text
      .split(/\r?\n/)
      .map((line) =>
        line === ''
          ? { type: 'paragraph', content: [] }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  };
}

const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';

/** Field values of an op with plain text turned into ADF where the field holds ADF. */
function adfFields(site: SimSite, fields: Readonly<Record<string, unknown>>): Obj {
  return Object.fromEntries(
    Object.entries(fields).map(([id, v]) => {
      const isAdf =
        id === 'description' || id === 'environment' || site.field(id)?.schema?.custom === TEXTAREA;
      return [id, isAdf && typeof v === 'string' ? textToAdf(v) : v];
    }),
  );
}

/** A site refusal of a field value (`Field 'x' …`) as Jira's per-field error. */
function asFieldError(e: unknown): unknown {
  if (!(e instanceof SiteError) || e instanceof FieldError) return e;
  const field = /^Field '([^']+)'/.exec(e.message)?.[1];
  if (field !== undefined) return new FieldError(e.status, { [field]: e.message });
  if (e.message.startsWith('You must specify a summary'))
    return new FieldError(e.status, { summary: e.message });
  if (/^Project '.*' does not exist/.test(e.message))
    return new FieldError(e.status, { project: 'valid project is required' });
  return e;
}

function fieldsWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    throw asFieldError(e);
  }
}

/**
 * Applies one write to the site and builds the Forge event it causes. `render` renders the event
 * (its base URL; the viewer should be the app, which sees every comment). Throws SiteError (or
 * FieldError) with Jira's status for a refused write; the site is then unchanged.
 */
export function applyWrite(site: SimSite, op: IssueWriteOp, render: Renderer): WriteResult {
  switch (op.op) {
    case 'createIssue': {
      const { issue } = fieldsWrite(() =>
        site.createIssue({
          project: op.project,
          fields: op.fields,
          ...(op.fields.reporter === undefined ? { reporterAccountId: op.author } : {}),
          creatorAccountId: op.author,
        }),
      );
      return { issue, event: issueCreatedEvent(render, issue, op.author) };
    }
    case 'updateIssue': {
      const { issue, history } = fieldsWrite(() =>
        site.updateIssue(op.issue, op.fields, op.author),
      );
      return {
        issue,
        event: history ? issueUpdatedEvent(render, issue, history, op.author) : undefined,
      };
    }
    case 'addComment': {
      const { issue, comment } = site.addComment(op.issue, op.body, op.author, op.visibility);
      return {
        issue,
        comment,
        event: commentEvent('avi:jira:commented:issue', render, issue, comment, op.author),
      };
    }
    case 'editComment': {
      const { issue, comment } = site.editComment(op.issue, op.comment, op.body, op.author);
      return {
        issue,
        comment,
        event: commentEvent('avi:jira:commented:issue', render, issue, comment, op.author),
      };
    }
    case 'deleteComment': {
      const { issue, comment } = site.deleteComment(op.issue, op.comment);
      return {
        issue,
        comment,
        event: commentEvent('avi:jira:deleted:comment', render, issue, comment, op.author),
      };
    }
    case 'deleteIssue': {
      // The event carries the issue as it was: render it before it goes.
      const issue = site.issue(op.issue);
      if (!issue) throw new SiteError(404, ISSUE_NOT_FOUND);
      const event = issueDeletedEvent(render, issue, op.author);
      site.deleteIssue(op.issue);
      return { issue, event };
    }
    case 'addWorklog': {
      const entry = {
        timeSpentSeconds: op.timeSpentSeconds,
        ...(op.comment === undefined ? {} : { comment: op.comment }),
      };
      const { issue, worklog } = site.addWorklog(op.issue, entry, op.author, op.visibility);
      const event = worklogEvent('avi:jira:created:worklog', render, issue, worklog);
      return { issue, worklog, event };
    }
    case 'editWorklog': {
      const entry = op.comment === undefined ? {} : { comment: op.comment };
      const { issue, worklog } = site.editWorklog(op.issue, op.worklog, entry, op.author);
      const event = worklogEvent('avi:jira:updated:worklog', render, issue, worklog);
      return { issue, worklog, event };
    }
    case 'deleteWorklog': {
      const { issue, worklog } = site.deleteWorklog(op.issue, op.worklog);
      const event = worklogEvent('avi:jira:deleted:worklog', render, issue, worklog);
      return { issue, worklog, event };
    }
    case 'addAttachment':
    case 'deleteAttachment': {
      const { issue, history } =
        op.op === 'addAttachment'
          ? site.addAttachment(
              op.issue,
              {
                filename: op.filename,
                content: op.content,
                ...(op.mimeType ? { mimeType: op.mimeType } : {}),
              },
              op.author,
            )
          : site.deleteAttachment(op.issue, op.attachment, op.author);
      return { issue, event: issueUpdatedEvent(render, issue, history, op.author) };
    }
  }
}

/** What a project write did: its event (none when nothing changed) and the project after it. */
export interface ProjectWriteResult {
  readonly event: ForgeEvent | undefined;
  readonly project: ProjectDef;
}

/** As applyWrite, for a project's documentation. */
export function applyProjectWrite(
  site: SimSite,
  op: ProjectWriteOp,
  render: Renderer,
): ProjectWriteResult {
  if (op.op === 'updateProject') {
    const { project, changed } = site.updateProject(op.project, op.description);
    return {
      project,
      event: changed ? projectUpdatedEvent(render, project) : undefined,
    };
  }
  const kind = op.op.endsWith('Component') ? 'component' : 'version';
  if (op.op === 'deleteComponent' || op.op === 'deleteVersion') {
    const id = op.op === 'deleteComponent' ? op.component : op.version;
    // The event carries the object as it was, in the project as it is now.
    const r = site.deleteDoc(kind, op.project, id);
    return {
      project: r.project,
      event: projectDocEvent(kind, 'deleted', render, r.project, r.doc, op.author),
    };
  }
  const id = op.op === 'upsertComponent' ? op.component : op.version;
  const r = site.upsertDoc(kind, op.project, {
    ...(id === undefined ? {} : { id }),
    ...(op.name === undefined ? {} : { name: op.name }),
    ...(op.description === undefined ? {} : { description: op.description }),
  });
  if (r.change === 'none') return { project: r.project, event: undefined };
  return {
    project: r.project,
    event: projectDocEvent(kind, r.change, render, r.project, r.doc, op.author),
  };
}

/**
 * Replays one `--events` op on the site, as the same request over REST would, and returns the
 * Forge event Jira would send (undefined when the op changed nothing). Plain-text bodies and ADF
 * field values become ADF. Throws SiteError for a refused op (unknown issue, comment or user...).
 */
export function replayWrite(
  site: SimSite,
  op: WriteOp,
  options: { baseUrl?: string } = {},
): ForgeEvent | undefined {
  if (!site.user(op.author)) throw new SiteError(400, `Unknown user "${op.author}".`);
  const render = new Renderer(site, (options.baseUrl ?? site.baseUrl).replace(/\/+$/, ''), {
    kind: 'app',
  });
  const text = (body: unknown): unknown => (typeof body === 'string' ? textToAdf(body) : body);
  switch (op.op) {
    case 'createIssue':
    case 'updateIssue':
      return applyWrite(site, { ...op, fields: adfFields(site, op.fields) }, render).event;
    case 'addComment':
    case 'editComment':
      return applyWrite(site, { ...op, body: text(op.body) }, render).event;
    case 'addWorklog':
    case 'editWorklog':
      return applyWrite(
        site,
        op.comment === undefined ? op : { ...op, comment: text(op.comment) },
        render,
      ).event;
    case 'updateProject':
    case 'upsertComponent':
    case 'deleteComponent':
    case 'upsertVersion':
    case 'deleteVersion':
      return applyProjectWrite(site, op, render).event;
    default:
      return applyWrite(site, op, render).event;
  }
}

export type ParsedOp = { ok: true; op: WriteOp } | { ok: false; error: string };

/** The keys of each op; `?` marks an optional one. */
const OP_KEYS: Readonly<Record<WriteOpName, readonly string[]>> = {
  createIssue: ['project', 'fields', 'author'],
  updateIssue: ['issue', 'fields', 'author'],
  addComment: ['issue', 'body', 'author', 'visibility?'],
  editComment: ['issue', 'comment', 'body', 'author'],
  deleteComment: ['issue', 'comment', 'author'],
  deleteIssue: ['issue', 'author'],
  addWorklog: ['issue', 'comment?', 'timeSpentSeconds', 'author', 'visibility?'],
  editWorklog: ['issue', 'worklog', 'comment?', 'author'],
  deleteWorklog: ['issue', 'worklog', 'author'],
  addAttachment: ['issue', 'filename', 'content', 'mimeType?', 'author'],
  deleteAttachment: ['issue', 'attachment', 'author'],
  updateProject: ['project', 'description', 'author'],
  upsertComponent: ['project', 'component?', 'name?', 'description?', 'author'],
  deleteComponent: ['project', 'component', 'author'],
  upsertVersion: ['project', 'version?', 'name?', 'description?', 'author'],
  deleteVersion: ['project', 'version', 'author'],
};

type Check = readonly [(v: unknown) => boolean, string];
const NON_EMPTY: Check = [(v) => typeof v === 'string' && v !== '', 'a non-empty string'];
const TEXT: Check = [
  (v) => typeof v === 'string' || adfProblem(v) === undefined,
  'plain text or an ADF document',
];
const CHECKS: Readonly<Record<string, Check>> = {
  fields: [isObject, 'an object of field values'],
  body: TEXT,
  description: [(v) => typeof v === 'string', 'a string'],
  timeSpentSeconds: [
    (v) => Number.isInteger(v) && (v as number) > 0,
    'a positive whole number of seconds',
  ],
  visibility: [
    (v) => isObject(v) && (v.type === 'group' || v.type === 'role') && typeof v.value === 'string',
    '{type: "group"|"role", value}',
  ],
};

/** How a key's value is checked; ids, keys and names are non-empty strings. */
function checkOf(op: string, key: string): Check {
  // A worklog's `comment` is its text; for the comment ops it is the comment's id.
  if (key === 'comment') return op.endsWith('Worklog') ? TEXT : NON_EMPTY;
  return CHECKS[key] ?? NON_EMPTY;
}

/** Reads one `--events` op (see the module doc), naming the first problem. */
export function parseWriteOp(value: unknown): ParsedOp {
  if (!isObject(value)) return { ok: false, error: 'an op must be a JSON object' };
  const name = value.op;
  if (typeof name !== 'string' || !(name in OP_KEYS))
    return {
      ok: false,
      error: `"op" must be one of ${Object.keys(OP_KEYS).join(', ')} (got ${JSON.stringify(name)})`,
    };
  const spec = OP_KEYS[name as WriteOpName];
  const keys = spec.map((k) => k.replace(/\?$/, ''));
  for (const k of Object.keys(value)) {
    if (k !== 'op' && !keys.includes(k))
      return { ok: false, error: `${name}: unknown key "${k}" (expected ${keys.join(', ')})` };
  }
  for (const [i, k] of keys.entries()) {
    const v = value[k];
    if (v === undefined) {
      if (spec[i]?.endsWith('?')) continue;
      return { ok: false, error: `${name}: "${k}" is missing` };
    }
    const [ok, want] = checkOf(name, k);
    if (!ok(v)) return { ok: false, error: `${name}: "${k}" must be ${want}` };
  }
  return { ok: true, op: value as unknown as WriteOp };
}
