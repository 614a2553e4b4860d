/**
 * A local Jira Cloud (REST v3) over a site fixture: one router (`handle`), an in-process `fetch`
 * with the app's JiraFetch signature, and a loopback HTTP server. It answers the endpoints the
 * scanner reads with Jira's shapes, pagination, truncation, errors and point costs.
 *
 * Request pipeline: latency -> faults -> rate limits -> authenticate -> identify the viewer ->
 * route -> handler -> count and charge points -> Forge event of a write (`onEvent`).
 *
 * Off by default, so the simulator answers as it always did: `limits` (hourly points quota and
 * per-endpoint burst, limits.ts), `faults` (random 429/503 with `Retry-After: 0`), `latencyMs`,
 * and `writes` (the REST write endpoints, writes.ts, on by default when `onEvent` is given).
 * @module
 */
import { listenLoopback, type Listening } from '../loopback.js';
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  endpointOf,
  endpointTotals,
  type HttpResponse,
  type JiraFetch,
} from '../../src/jira/http.js';
import {
  ISSUE_NOT_FOUND,
  SiteError,
  type CommentDef,
  type IssueDef,
  type ProjectDef,
  type SimSite,
  type Visibility,
  type WorklogDef,
} from './fixture.js';
import type { ForgeEvent } from './events.js';
import { compileJql } from './jql.js';
import { NotifyRefusal, queueNotification, type SimNotification } from './notify.js';
import {
  faultInjector,
  RateLimiter,
  type FaultOptions,
  type RateLimitOptions,
  type Refusal,
} from './limits.js';
import { applyWrite, FieldError, type IssueWriteOp, type WriteResult } from './writes.js';
import { compareTimes } from './time.js';
import { bulkUsers, permissionSearch, searchUsers } from './users.js';
import { holds, permissionKeys, PERMISSIONS, type PermissionDef } from './permissions.js';
import {
  attachmentBytes,
  fieldSelector,
  viewerCanBrowse,
  Renderer,
  type Viewer,
} from './render.js';

export interface SimRequest {
  readonly method: string;
  /** Path with query string (`/rest/api/3/issue/OPS-1?fields=summary`), or an absolute URL. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

export interface SimulatorOptions {
  /** Comments and worklogs embedded in issues and search results. Default 20. */
  readonly embedLimit?: number;
  /** Largest search page, whatever `maxResults` asks. Default 100. */
  readonly maxPageSize?: number;
  /** When set, every request needs this Basic auth, else 401. */
  readonly credentials?: { readonly email: string; readonly token: string };
  /** Epoch ms. Default: the site's clock. */
  readonly now?: () => number;
  /** Base of `self` and `content` URLs. Default: the fixture's `site.baseUrl`. */
  readonly baseUrl?: string;
  /** Jira Cloud's hourly points quota and per-endpoint burst limits (limits.ts). Default: none. */
  readonly limits?: RateLimitOptions;
  /**
   * Random 429 (`jira-burst-based`) or 503 answers for a `rate` share of requests, before anything
   * else, with `Retry-After: 0` so retries are immediate. Default: none.
   */
  readonly faults?: FaultOptions;
  /** Real delay before each answer, in ms. Default: 0. */
  readonly latencyMs?: number;
  /**
   * Serve the REST writes (create, edit, delete issues; add, edit, delete comments). Default: true
   * when `onEvent` is given, else false (the write routes then answer 405 as before).
   */
  readonly writes?: boolean;
  /** Called with the Forge event of each successful write, before its answer is returned. */
  readonly onEvent?: (event: ForgeEvent) => void;
}

export interface EndpointCount {
  requests: number;
  points: number;
  /** 429 answers (rate limits and injected 429s); present once there is one. */
  rateLimited?: number;
  /** Injected faults (429 and 503); present once there is one. */
  faults?: number;
}

export interface SimStats {
  readonly requests: number;
  readonly points: number;
  /** Keyed like the app's transport counts: `endpointOf(method, path)`. */
  readonly byEndpoint: Record<string, EndpointCount>;
}

export interface JiraSimulator {
  handle(req: SimRequest): Promise<SimResponse>;
  readonly fetch: JiraFetch;
  listen(port?: number): Promise<{ url: string; close(): Promise<void> }>;
  stats(): SimStats;
  readonly site: SimSite;
  /** Every notification `POST /issue/{id}/notify` queued, oldest first. */
  readonly notifications: readonly SimNotification[];
}

/** What a handler answers; `objects` = core objects returned (the points beyond the first). */
interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  readonly headers?: Record<string, string>;
  readonly objects?: number;
  /** The Forge event of a successful write. */
  readonly event?: ForgeEvent;
}

interface Ctx {
  readonly site: SimSite;
  readonly render: Renderer;
  readonly viewer: Viewer;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly now: number;
  readonly embedLimit: number;
  readonly maxPageSize: number;
  /** Path and query as requested, for `self` and `nextPage`. */
  readonly url: URL;
  /** Where `POST /issue/{id}/notify` records what it queues. */
  readonly notifications: SimNotification[];
}

type Handler = (ctx: Ctx) => Reply;

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly pattern: RegExp;
  readonly handler: Handler;
  /** A write: served only with the `writes` option. */
  readonly write: boolean;
}

/** A refusal in Jira's error shape. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly messages: readonly string[],
    readonly errors: Readonly<Record<string, string>> = {},
  ) {
    super(messages.join('; '));
  }
}

const jiraError = (status: number, messages: readonly string[], errors = {}): Reply => ({
  status,
  json: { errorMessages: messages, errors },
});

const TOKEN_TTL_MS = 7 * 24 * 3600 * 1000;

const digest = (s: string): string =>
  createHash('sha256').update(s).digest('base64url').slice(0, 16);

/** Opaque cursor: position + a hash of what it pages over + when it was issued. */
function encodeToken(position: number, scope: string, now: number): string {
  return Buffer.from(JSON.stringify({ v: 1, p: position, h: digest(scope), t: now })).toString(
    'base64url',
  );
}

function decodeToken(token: unknown, scope: string, now: number): number {
  if (token === undefined || token === null) return 0;
  let parsed: unknown;
  try {
    parsed =
      typeof token === 'string'
        ? JSON.parse(Buffer.from(token, 'base64url').toString())
        : undefined;
  } catch {
    parsed = undefined;
  }
  const t = parsed as { v?: unknown; p?: unknown; h?: unknown; t?: unknown } | undefined;
  if (
    typeof t !== 'object' ||
    t.v !== 1 ||
    typeof t.p !== 'number' ||
    !Number.isInteger(t.p) ||
    t.p < 0 ||
    typeof t.t !== 'number'
  )
    throw new HttpError(400, ['The provided next page token is invalid.']);
  if (t.h !== digest(scope))
    throw new HttpError(400, ['The provided next page token does not belong to this query.']);
  if (now - t.t > TOKEN_TTL_MS)
    throw new HttpError(400, ['The provided next page token has expired.']);
  return t.p;
}

// ---------------------------------------------------------------------------------------------
// Request helpers
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

/** The JSON body as an object whose keys are all in `allowed` (Jira rejects unknown fields). */
function jsonBody(ctx: Ctx, allowed: readonly string[]): Obj {
  if (ctx.body === undefined || ctx.body.trim() === '')
    throw new HttpError(400, ['No content to map due to end-of-input']);
  let v: unknown;
  try {
    v = JSON.parse(ctx.body);
  } catch {
    throw new HttpError(400, [
      'Invalid request payload. Refer to the REST API documentation and try again.',
    ]);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new HttpError(400, ['Invalid request payload: expected a JSON object.']);
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      throw new HttpError(400, [`Invalid request payload. Unrecognized field "${k}".`]);
  }
  return v as Obj;
}

function intParam(
  ctx: Ctx,
  name: string,
  fallback: number,
  range: { min: number; max: number },
  status = 400,
): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new HttpError(status, [`'${name}' must be a number.`]);
  const n = Number(raw);
  if (n < range.min) throw new HttpError(status, [`'${name}' must be at least ${range.min}.`]);
  return Math.min(n, range.max);
}

function bodyInt(
  body: Obj,
  name: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < range.min || v > range.max)
    throw new HttpError(400, [`'${name}' must be an integer from ${range.min} to ${range.max}.`]);
  return v;
}

function stringList(body: Obj, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new HttpError(400, [`'${name}' must be a list of strings.`]);
  return v;
}

/** A path parameter, percent-decoded. */
function param(ctx: Ctx, name: string): string {
  try {
    return decodeURIComponent(ctx.params[name] ?? '');
  } catch {
    throw new HttpError(400, [`Malformed path parameter '${name}'.`]);
  }
}

/** The issue the path names, as this viewer may see it: one it may not see does not exist. */
function issueOr404(ctx: Ctx): IssueDef {
  const issue = ctx.site.issue(param(ctx, 'issue'));
  if (!issue || !ctx.render.canSeeIssue(issue)) throw new HttpError(404, [ISSUE_NOT_FOUND]);
  return issue;
}

function projectOr404(ctx: Ctx, key: string): ProjectDef {
  const project = ctx.site.project(key);
  if (!project) throw new HttpError(404, [`No project could be found with key '${key}'.`]);
  return project;
}

/** Issues a JQL query selects, in its order; a 400 for bad or unbounded JQL. */
function matchingIssues(ctx: Ctx, jql: unknown): IssueDef[] {
  const bound = compileJql(typeof jql === 'string' ? jql : '', ctx.site, ctx.now);
  if (!bound.ok) throw new HttpError(400, [bound.error]);
  const q = bound.value;
  // What the viewer may not see is left out without a word, as Jira does.
  return ctx.site
    .issues()
    .filter((i) => q.matches(i) && ctx.render.canSeeIssue(i))
    .sort((a, b) => q.compare(a, b));
}

/** `names` and `schema` for the issues' selected fields, when `expand` asks for them. */
function expansions(ctx: Ctx, expand: unknown, fieldIds: ReadonlySet<string>): Obj {
  const wanted = (typeof expand === 'string' ? expand : '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const e of wanted) {
    if (e !== 'names' && e !== 'schema')
      throw new HttpError(400, [
        `The simulator does not support expand '${e}' (only names, schema).`,
      ]);
  }
  const meta = ctx.render.fields().filter((f) => fieldIds.has(f.id as string));
  return {
    ...(wanted.includes('names')
      ? { names: Object.fromEntries(meta.map((f) => [f.id, f.name])) }
      : {}),
    ...(wanted.includes('schema')
      ? { schema: Object.fromEntries(meta.filter((f) => f.schema).map((f) => [f.id, f.schema])) }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

const SEARCH_KEYS = [
  'jql',
  'fields',
  'maxResults',
  'nextPageToken',
  'expand',
  'properties',
  'fieldsByKeys',
  'failFast',
  'reconcileIssues',
];

const search: Handler = (ctx) => {
  const body = jsonBody(ctx, SEARCH_KEYS);
  const jql = body.jql ?? '';
  if (typeof jql !== 'string') throw new HttpError(400, ["'jql' must be a string."]);
  const reconcile = body.reconcileIssues;
  if (reconcile !== undefined && (!Array.isArray(reconcile) || reconcile.length > 50))
    throw new HttpError(400, ["'reconcileIssues' accepts at most 50 ids."]);
  const issues = matchingIssues(ctx, jql);
  const start = decodeToken(body.nextPageToken, jql, ctx.now);
  const size = Math.min(bodyInt(body, 'maxResults', 50, { min: 1, max: 5000 }), ctx.maxPageSize);
  const page = issues.slice(start, start + size);
  const include = fieldSelector(stringList(body, 'fields'), 'id');
  const shown = new Set(page.flatMap((i) => ctx.render.issueFieldIds(i)).filter(include));
  const isLast = start + page.length >= issues.length;
  return {
    status: 200,
    objects: page.length,
    json: {
      issues: page.map((i) => ctx.render.issue(i, include, ctx.embedLimit)),
      ...(isLast ? {} : { nextPageToken: encodeToken(start + page.length, jql, ctx.now) }),
      isLast,
      ...expansions(ctx, body.expand, shown),
    },
  };
};

const approximateCount: Handler = (ctx) => {
  const body = jsonBody(ctx, ['jql']);
  return { status: 200, json: { count: matchingIssues(ctx, body.jql).length } };
};

const getIssue: Handler = (ctx) => {
  const issue = issueOr404(ctx);
  const requested = ctx.query.getAll('fields');
  const include = fieldSelector(requested, '*all');
  const shown = new Set(ctx.render.issueFieldIds(issue).filter(include));
  return {
    status: 200,
    objects: 1,
    json: {
      ...ctx.render.issue(issue, include, ctx.embedLimit),
      ...expansions(ctx, ctx.query.get('expand'), shown),
    },
  };
};

/** `POST /issue/{id}/notify`: 204 once the email is queued (see notify.ts). */
const notifyIssue: Handler = (ctx) => {
  const issue = issueOr404(ctx);
  try {
    queueNotification(ctx.site, issue, ctx.body, ctx.notifications);
  } catch (e) {
    if (e instanceof NotifyRefusal) throw new HttpError(400, [e.message]);
    throw e;
  }
  return { status: 204 };
};

const listComments: Handler = (ctx) => {
  const issue = issueOr404(ctx);
  const orderBy = ctx.query.get('orderBy') ?? 'created';
  if (!['created', '+created', '-created'].includes(orderBy))
    throw new HttpError(400, [`Invalid orderBy value '${orderBy}'; only created is supported.`]);
  const startAt = intParam(ctx, 'startAt', 0, { min: 0, max: Number.MAX_SAFE_INTEGER });
  const maxResults = intParam(ctx, 'maxResults', 100, { min: 0, max: 100 });
  const all = ctx.render.visibleComments(issue);
  if (orderBy === '-created') all.reverse();
  const page = all.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    json: {
      startAt,
      maxResults,
      total: all.length,
      comments: page.map((c) => ctx.render.comment(issue, c)),
    },
  };
};

const getComment: Handler = (ctx) => {
  const issue = issueOr404(ctx);
  const id = param(ctx, 'comment');
  const comment = ctx.render.visibleComments(issue).find((c) => c.id === id);
  if (!comment) throw new HttpError(404, [`Can not find a comment for the id: ${id}.`]);
  return { status: 200, json: ctx.render.comment(issue, comment) };
};

const listWorklogs: Handler = (ctx) => {
  const issue = issueOr404(ctx);
  // Jira answers 404, not 400, for non-numeric paging here (OpenAPI: getIssueWorklog).
  const startAt = intParam(ctx, 'startAt', 0, { min: 0, max: Number.MAX_SAFE_INTEGER }, 404);
  const maxResults = intParam(ctx, 'maxResults', 5000, { min: 0, max: 5000 }, 404);
  const all = ctx.render.visibleWorklogs(issue);
  return {
    status: 200,
    json: {
      startAt,
      maxResults,
      total: all.length,
      worklogs: all.slice(startAt, startAt + maxResults).map((w) => ctx.render.worklog(issue, w)),
    },
  };
};

const bulkChangelogs: Handler = (ctx) => {
  const body = jsonBody(ctx, ['issueIdsOrKeys', 'fieldIds', 'maxResults', 'nextPageToken']);
  const wanted = stringList(body, 'issueIdsOrKeys') ?? [];
  if (wanted.length < 1 || wanted.length > 1000)
    throw new HttpError(400, ['issueIdsOrKeys must contain between 1 and 1000 issue IDs or keys.']);
  const fieldIds = stringList(body, 'fieldIds') ?? [];
  if (fieldIds.length > 10)
    throw new HttpError(400, ['fieldIds can contain at most 10 field IDs.']);
  if (new Set(fieldIds).size !== fieldIds.length)
    throw new HttpError(400, ['fieldIds must not contain duplicates.']);
  const maxResults = bodyInt(body, 'maxResults', 1000, { min: 1, max: 10000 });
  const scope = JSON.stringify([wanted, fieldIds]);
  const start = decodeToken(body.nextPageToken, scope, ctx.now);

  // Every matching history of every named issue (unknown ones are left out), oldest first.
  const issues = [
    ...new Map(
      wanted.flatMap((w) => {
        const i = ctx.site.issue(w);
        return i && ctx.render.canSeeIssue(i) ? [[i.id, i] as const] : [];
      }),
    ).values(),
  ];
  const keep = (fieldId: string): boolean => fieldIds.length === 0 || fieldIds.includes(fieldId);
  const entries = issues
    .flatMap((issue) =>
      issue.changelog.map((h) => ({ issue, h, items: h.items.filter((i) => keep(i.fieldId)) })),
    )
    .filter((e) => e.items.length > 0)
    .sort(
      (a, b) =>
        compareTimes(a.h.created, b.h.created) ||
        Number(a.issue.id) - Number(b.issue.id) ||
        Number(a.h.id) - Number(b.h.id),
    );
  const page = entries.slice(start, start + maxResults);
  const grouped = new Map<string, Obj[]>();
  for (const e of page) {
    const list = grouped.get(e.issue.id) ?? [];
    list.push(ctx.render.history(e.h, e.items));
    grouped.set(e.issue.id, list);
  }
  const isLast = start + page.length >= entries.length;
  return {
    status: 200,
    json: {
      issueChangeLogs: [...grouped].map(([issueId, changeHistories]) => ({
        issueId,
        changeHistories,
      })),
      ...(isLast ? {} : { nextPageToken: encodeToken(start + page.length, scope, ctx.now) }),
    },
  };
};

const listFields: Handler = (ctx) => ({ status: 200, json: ctx.render.fields() });

const searchProjects: Handler = (ctx) => {
  const startAt = intParam(ctx, 'startAt', 0, { min: 0, max: Number.MAX_SAFE_INTEGER });
  const maxResults = intParam(ctx, 'maxResults', 50, { min: 0, max: 100 });
  const orderBy = ctx.query.get('orderBy') ?? 'key';
  const by = orderBy.replace(/^[+-]/, '');
  if (!['key', 'name', 'id'].includes(by))
    throw new HttpError(400, [
      `The simulator cannot order projects by '${orderBy}' (key, name, id).`,
    ]);
  const expand = expands(ctx);
  // Only the projects the viewer may browse, as Jira lists them.
  const sorted = ctx.site.projects
    .filter((p) => viewerCanBrowse(ctx.viewer, p, ctx.site.appGroups))
    .sort((a, b) => {
      const d =
        by === 'id'
          ? Number(a.id) - Number(b.id)
          : a[by as 'key' | 'name'].localeCompare(b[by as 'key' | 'name']);
      return orderBy.startsWith('-') ? -d : d;
    });
  const page = sorted.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= sorted.length;
  const next = new URL(ctx.url);
  next.searchParams.set('startAt', String(startAt + page.length));
  return {
    status: 200,
    objects: page.length,
    json: {
      self: `${ctx.render.baseUrl}${ctx.url.pathname}${ctx.url.search}`,
      ...(isLast ? {} : { nextPage: `${ctx.render.baseUrl}${next.pathname}${next.search}` }),
      maxResults,
      startAt,
      total: sorted.length,
      isLast,
      values: page.map((p) => ctx.render.project(p, expand.includes('description'))),
    },
  };
};

const expands = (ctx: Ctx): string[] =>
  (ctx.query.get('expand') ?? '').split(',').map((s) => s.trim());

/** `GET /project/{key or id}`: the project with its components and versions, as Jira answers. */
const getProject: Handler = (ctx) => {
  const project = projectOr404(ctx, param(ctx, 'project'));
  return {
    status: 200,
    objects: 1,
    json: {
      ...ctx.render.project(project, expands(ctx).includes('description')),
      components: project.components.map((c) => ctx.render.component(project, c)),
      versions: project.versions.map((v) => ctx.render.version(project, v)),
    },
  };
};

const projectComponents: Handler = (ctx) => {
  const project = projectOr404(ctx, param(ctx, 'project'));
  return { status: 200, json: project.components.map((c) => ctx.render.component(project, c)) };
};

const projectVersions: Handler = (ctx) => {
  const project = projectOr404(ctx, param(ctx, 'project'));
  return { status: 200, json: project.versions.map((v) => ctx.render.version(project, v)) };
};

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` -> [start, end] inclusive; undefined when unsatisfiable. */
function parseRange(header: string, size: number): [number, number] | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === ''))
    throw new HttpError(400, [`The Range header '${header}' is malformed.`]);
  const [a, b] = [m[1] ?? '', m[2] ?? ''];
  if (a === '') {
    const n = Number(b);
    return n === 0 || size === 0 ? undefined : [Math.max(0, size - n), size - 1];
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  return start >= size || (b !== '' && Number(b) < start) ? undefined : [start, end];
}

const attachmentContent: Handler = (ctx) => {
  const id = param(ctx, 'attachment');
  const found = ctx.site.attachment(id);
  if (!found || !ctx.render.canSeeIssue(found.issue))
    throw new HttpError(404, [`The attachment with id '${id}' does not exist.`]);
  if (ctx.query.get('redirect') !== 'false') {
    return {
      status: 303,
      headers: {
        location: `${ctx.render.baseUrl}/rest/api/3/attachment/content/${id}?redirect=false`,
      },
    };
  }
  const bytes = attachmentBytes(found.attachment);
  const base = { 'content-type': found.attachment.mimeType, 'accept-ranges': 'bytes' };
  const range = ctx.headers.range;
  if (range === undefined) return { status: 200, bytes, headers: base, objects: 1 };
  const r = parseRange(range, bytes.length);
  if (!r)
    return {
      status: 416,
      headers: { 'content-range': `bytes */${bytes.length}` },
      json: { errorMessages: ['The requested range is not satisfiable.'], errors: {} },
    };
  return {
    status: 206,
    bytes: bytes.subarray(r[0], r[1] + 1),
    headers: { ...base, 'content-range': `bytes ${r[0]}-${r[1]}/${bytes.length}` },
    objects: 1,
  };
};

/**
 * `GET /data-policy/project?ids=`: for each project (at most 50), whether an app access rule
 * keeps content from the requesting app (`anyContentBlocked`); a request from no app (Basic
 * auth) is blocked nowhere. Unknown ids are a 400, as the spec says for not-permitted ones.
 */
const projectDataPolicies: Handler = (ctx) => {
  const raw = ctx.query.get('ids') ?? '';
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (ids.length === 0 || ids.length > 50)
    throw new HttpError(400, ["'ids' must list from 1 to 50 project ids."]);
  const v = ctx.viewer;
  const byApp = v.kind === 'app' || v.viaApp === true;
  return {
    status: 200,
    json: {
      projectDataPolicies: ids.map((id) => {
        const p = /^\d+$/.test(id) ? ctx.site.project(id) : undefined;
        if (!p) throw new HttpError(400, [`The project id '${id}' is not valid.`]);
        return {
          id: Number(p.id),
          dataPolicy: { anyContentBlocked: byApp && p.appAccessBlocked === true },
        };
      }),
    },
  };
};

/** `GET /serverInfo`: what the app reads to learn the site's browser URL. */
const serverInfo: Handler = (ctx) => ({
  status: 200,
  json: {
    baseUrl: ctx.site.baseUrl,
    deploymentType: 'Cloud',
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    buildNumber: 100000,
    serverTitle: 'Jira',
    serverTime: new Date(ctx.now).toISOString().replace('Z', '+0000'),
  },
});

/** `GET /user/groups?accountId=`: the groups of a fixture user (identity objects: 2 points each). */
const userGroups: Handler = (ctx) => {
  const accountId = ctx.query.get('accountId');
  if (!accountId) throw new HttpError(400, ["The 'accountId' query parameter is required."]);
  const user = ctx.site.user(accountId);
  if (!user) throw new HttpError(404, [`The user with account ID '${accountId}' does not exist.`]);
  const base = ctx.site.baseUrl.replace(/\/+$/, '');
  return {
    status: 200,
    json: user.groups.map((name) => ({
      name,
      groupId: ctx.site.groupId(name),
      self: `${base}/rest/api/3/group?groupname=${encodeURIComponent(name)}`,
    })),
    objects: 2 * user.groups.length,
  };
};

/** `GET /groups/picker?query=`: groups whose name contains the query, any case. */
const groupsPicker: Handler = (ctx) => {
  const query = (ctx.query.get('query') ?? '').toLowerCase();
  const maxResults = intParam(ctx, 'maxResults', 20, { min: 0, max: 1000 });
  const found = ctx.site.groups().filter((g) => g.name.toLowerCase().includes(query));
  const shown = found.slice(0, maxResults);
  return {
    status: 200,
    json: {
      header: `Showing ${shown.length} of ${found.length} matching groups`,
      total: found.length,
      groups: shown.map((g) => ({ name: g.name, html: g.name, groupId: g.groupId, labels: [] })),
    },
    objects: 2 * shown.length,
  };
};

/** `GET /group/bulk?groupId=..&groupName=..`: a page of the named groups (all without either). */
const groupBulk: Handler = (ctx) => {
  const ids = ctx.query.getAll('groupId');
  const names = ctx.query.getAll('groupName');
  const startAt = intParam(ctx, 'startAt', 0, { min: 0, max: Number.MAX_SAFE_INTEGER });
  const maxResults = intParam(ctx, 'maxResults', 50, { min: 1, max: 50 });
  const found = ctx.site
    .groups()
    .filter(
      (g) =>
        (ids.length === 0 && names.length === 0) ||
        ids.includes(g.groupId) ||
        names.includes(g.name),
    );
  const page = found.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= found.length;
  const base = ctx.site.baseUrl.replace(/\/+$/, '');
  return {
    status: 200,
    json: {
      self: `${base}/rest/api/3/group/bulk?startAt=${startAt}&maxResults=${maxResults}`,
      maxResults,
      startAt,
      total: found.length,
      isLast,
      values: page.map((g) => ({ name: g.name, groupId: g.groupId })),
    },
    objects: 2 * page.length,
  };
};

const myPermissions: Handler = (ctx) => {
  const keys = permissionKeys(ctx.query.get('permissions'));
  const projectKey = ctx.query.get('projectKey') ?? ctx.query.get('projectId');
  const project = projectKey === null ? undefined : projectOr404(ctx, projectKey);
  const v = ctx.viewer;
  const has = (key: string): boolean =>
    v.kind === 'app' ? key === 'BROWSE_PROJECTS' : holds(ctx.site, v.user, key, project);
  const permissions = Object.fromEntries(
    keys.map((key) => {
      const def = PERMISSIONS[key] as PermissionDef;
      return [
        key,
        {
          id: def.id,
          key,
          name: def.name,
          type: def.type,
          description: def.description,
          havePermission: has(key),
        },
      ];
    }),
  );
  return { status: 200, json: { permissions } };
};

// ---------------------------------------------------------------------------------------------
// Writes (writes.ts applies them and builds their Forge events)
// ---------------------------------------------------------------------------------------------

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The account a write is attributed to: the requesting site user. */
function writer(ctx: Ctx): string {
  if (ctx.viewer.kind !== 'user')
    throw new HttpError(403, [
      'The simulator attributes writes to a site user: send X-Sim-Account-Id (or Basic auth of a fixture user).',
    ]);
  return ctx.viewer.user.accountId;
}

/** Applies a write; its event is rendered as the app sees it (every comment visible). */
function write(ctx: Ctx, op: IssueWriteOp): WriteResult {
  return applyWrite(
    ctx.site,
    op,
    new Renderer(ctx.site, ctx.render.baseUrl, { kind: 'app', unrestricted: true }),
  );
}

const withEvent = (reply: Reply, event: ForgeEvent | undefined): Reply =>
  event === undefined ? reply : { ...reply, event };

const ISSUE_WRITE_KEYS = ['fields', 'update', 'properties', 'historyMetadata', 'transition'];

/** `fields`, plus `update: {field: [{set: value}]}` (the one update operation simulated). */
function issueFields(body: Obj): Obj {
  const fields = body.fields ?? {};
  if (!isObj(fields)) throw new HttpError(400, ["'fields' must be an object."]);
  if (body.transition !== undefined)
    throw new HttpError(400, ['The simulator does not support transitions.']);
  const out: Obj = { ...fields };
  const update = body.update ?? {};
  if (!isObj(update)) throw new HttpError(400, ["'update' must be an object."]);
  for (const [id, ops] of Object.entries(update)) {
    if (id in out)
      throw new FieldError(400, {
        [id]: `Field '${id}' cannot be set in both 'fields' and 'update'.`,
      });
    const op: unknown = Array.isArray(ops) && ops.length === 1 ? ops[0] : undefined;
    if (!isObj(op) || Object.keys(op).join() !== 'set')
      throw new HttpError(400, [
        `The simulator supports only [{"set": value}] in 'update' (field '${id}').`,
      ]);
    out[id] = op.set;
  }
  return out;
}

function visibilityOf(body: Obj): Visibility | undefined {
  const v = body.visibility;
  if (v === undefined || v === null) return undefined;
  if (!isObj(v) || (v.type !== 'group' && v.type !== 'role'))
    throw new HttpError(400, ["'visibility.type' must be 'group' or 'role'."]);
  const value = v.value ?? v.identifier;
  if (typeof value !== 'string' || value === '')
    throw new HttpError(400, ["'visibility.value' must name a group or role."]);
  return { type: v.type, value };
}

function visibleCommentOr404(ctx: Ctx, issue: IssueDef): CommentDef {
  const id = param(ctx, 'comment');
  const comment = ctx.render.visibleComments(issue).find((c) => c.id === id);
  if (!comment) throw new HttpError(404, [`Can not find a comment for the id: ${id}.`]);
  return comment;
}

const COMMENT_KEYS = ['body', 'visibility', 'properties'];

/** `POST /issue`: 201 `{id, key, self}`; reporter and creator default to the writer. */
const createIssue: Handler = (ctx) => {
  const author = writer(ctx);
  const { project, ...fields } = issueFields(jsonBody(ctx, ISSUE_WRITE_KEYS));
  const ref = isObj(project) ? (project.key ?? project.id) : project;
  if ((typeof ref !== 'string' && typeof ref !== 'number') || ref === '')
    throw new FieldError(400, { project: 'Specify a valid project ID or key' });
  const { issue, event } = write(ctx, { op: 'createIssue', project: String(ref), fields, author });
  return withEvent(
    {
      status: 201,
      json: {
        id: issue.id,
        key: issue.key,
        self: `${ctx.render.baseUrl}/rest/api/3/issue/${issue.id}`,
      },
    },
    event,
  );
};

/** `PUT /issue/{id}`: 204 (200 with the issue for `returnIssue=true`); history written. */
const editIssue: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const fields = issueFields(jsonBody(ctx, ISSUE_WRITE_KEYS));
  const { issue, event } = write(ctx, { op: 'updateIssue', issue: target.id, fields, author });
  return withEvent(
    ctx.query.get('returnIssue') === 'true'
      ? { status: 200, json: ctx.render.issue(issue, fieldSelector(undefined, '*all'), 0) }
      : { status: 204 },
    event,
  );
};

/** `DELETE /issue/{id}`: 204 (no subtasks are modelled, so `deleteSubtasks` never matters). */
const deleteIssue: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const { event } = write(ctx, { op: 'deleteIssue', issue: target.id, author });
  return withEvent({ status: 204 }, event);
};

/** `POST /issue/{id}/comment`: 201 with the comment. */
const addComment: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const body = jsonBody(ctx, COMMENT_KEYS);
  const visibility = visibilityOf(body);
  const { issue, comment, event } = write(ctx, {
    op: 'addComment',
    issue: target.id,
    body: body.body,
    author,
    ...(visibility ? { visibility } : {}),
  });
  return withEvent({ status: 201, json: ctx.render.comment(issue, comment as CommentDef) }, event);
};

/** `PUT /issue/{id}/comment/{id}`: 200 with the comment; its visibility cannot change here. */
const editComment: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const existing = visibleCommentOr404(ctx, target);
  const body = jsonBody(ctx, COMMENT_KEYS);
  const visibility = visibilityOf(body);
  if (
    body.visibility !== undefined &&
    (visibility?.type !== existing.visibility?.type ||
      visibility?.value !== existing.visibility?.value)
  )
    throw new HttpError(400, ["The simulator cannot change a comment's visibility."]);
  const { issue, comment, event } = write(ctx, {
    op: 'editComment',
    issue: target.id,
    comment: existing.id,
    body: body.body,
    author,
  });
  return withEvent({ status: 200, json: ctx.render.comment(issue, comment as CommentDef) }, event);
};

/** `DELETE /issue/{id}/comment/{id}`: 204. */
const deleteComment: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const existing = visibleCommentOr404(ctx, target);
  const { event } = write(ctx, {
    op: 'deleteComment',
    issue: target.id,
    comment: existing.id,
    author,
  });
  return withEvent({ status: 204 }, event);
};

function visibleWorklogOr404(ctx: Ctx, issue: IssueDef): WorklogDef {
  const id = param(ctx, 'worklog');
  const worklog = ctx.render.visibleWorklogs(issue).find((w) => w.id === id);
  if (!worklog) throw new HttpError(404, [`Cannot find worklog with id: ${id}.`]);
  return worklog;
}

const WORKLOG_KEYS = ['comment', 'started', 'timeSpentSeconds', 'visibility', 'properties'];

const getWorklog: Handler = (ctx) => {
  const issue = issueOr404(ctx);
  return { status: 200, json: ctx.render.worklog(issue, visibleWorklogOr404(ctx, issue)) };
};

/** `POST /issue/{id}/worklog`: 201 with the worklog (time given as `timeSpentSeconds`). */
const addWorklog: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const body = jsonBody(ctx, WORKLOG_KEYS);
  const seconds = body.timeSpentSeconds;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0)
    throw new FieldError(400, { timeLogged: 'You must indicate the time spent working.' });
  const visibility = visibilityOf(body);
  const { issue, worklog, event } = write(ctx, {
    op: 'addWorklog',
    issue: target.id,
    timeSpentSeconds: seconds,
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    author,
    ...(visibility ? { visibility } : {}),
  });
  return withEvent({ status: 201, json: ctx.render.worklog(issue, worklog as WorklogDef) }, event);
};

/** `PUT /issue/{id}/worklog/{id}`: 200 with the worklog (its comment changed). */
const editWorklog: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const existing = visibleWorklogOr404(ctx, target);
  const body = jsonBody(ctx, WORKLOG_KEYS);
  const { issue, worklog, event } = write(ctx, {
    op: 'editWorklog',
    issue: target.id,
    worklog: existing.id,
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    author,
  });
  return withEvent({ status: 200, json: ctx.render.worklog(issue, worklog as WorklogDef) }, event);
};

/** `DELETE /issue/{id}/worklog/{id}`: 204. */
const deleteWorklog: Handler = (ctx) => {
  const author = writer(ctx);
  const target = issueOr404(ctx);
  const existing = visibleWorklogOr404(ctx, target);
  const { event } = write(ctx, {
    op: 'deleteWorklog',
    issue: target.id,
    worklog: existing.id,
    author,
  });
  return withEvent({ status: 204 }, event);
};

/** `/rest/api/3/issue/{issue}` -> a pattern with a named group per `{param}`. */
function template(path: string): RegExp {
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
}

const ROUTES: readonly Route[] = (
  [
    ['POST', '/rest/api/3/search/jql', search],
    ['POST', '/rest/api/3/search/approximate-count', approximateCount],
    ['GET', '/rest/api/3/issue/{issue}', getIssue],
    ['GET', '/rest/api/3/issue/{issue}/comment', listComments],
    ['GET', '/rest/api/3/issue/{issue}/comment/{comment}', getComment],
    ['GET', '/rest/api/3/issue/{issue}/worklog', listWorklogs],
    ['GET', '/rest/api/3/issue/{issue}/worklog/{worklog}', getWorklog],
    ['POST', '/rest/api/3/changelog/bulkfetch', bulkChangelogs],
    ['GET', '/rest/api/3/field', listFields],
    ['GET', '/rest/api/3/project/search', searchProjects],
    // After project/search: the first route that matches answers.
    ['GET', '/rest/api/3/project/{project}', getProject],
    ['GET', '/rest/api/3/project/{project}/components', projectComponents],
    ['GET', '/rest/api/3/project/{project}/versions', projectVersions],
    ['GET', '/rest/api/3/attachment/content/{attachment}', attachmentContent],
    ['GET', '/rest/api/3/mypermissions', myPermissions],
    ['GET', '/rest/api/3/user/groups', userGroups],
    ['GET', '/rest/api/3/groups/picker', groupsPicker],
    ['GET', '/rest/api/3/group/bulk', groupBulk],
    ['GET', '/rest/api/3/user/search', searchUsers],
    ['GET', '/rest/api/3/user/permission/search', permissionSearch],
    ['GET', '/rest/api/3/user/bulk', bulkUsers],
    ['GET', '/rest/api/3/serverInfo', serverInfo],
    ['GET', '/rest/api/3/data-policy/project', projectDataPolicies],
    // Emails people; changes no content (the app's one write, always served).
    ['POST', '/rest/api/3/issue/{issue}/notify', notifyIssue],
  ] as const
)
  .map(([method, path, handler]): Route => ({
    method,
    pattern: template(path),
    handler,
    write: false,
  }))
  .concat(
    (
      [
        ['POST', '/rest/api/3/issue', createIssue],
        ['PUT', '/rest/api/3/issue/{issue}', editIssue],
        ['DELETE', '/rest/api/3/issue/{issue}', deleteIssue],
        ['POST', '/rest/api/3/issue/{issue}/comment', addComment],
        ['PUT', '/rest/api/3/issue/{issue}/comment/{comment}', editComment],
        ['DELETE', '/rest/api/3/issue/{issue}/comment/{comment}', deleteComment],
        ['POST', '/rest/api/3/issue/{issue}/worklog', addWorklog],
        ['PUT', '/rest/api/3/issue/{issue}/worklog/{worklog}', editWorklog],
        ['DELETE', '/rest/api/3/issue/{issue}/worklog/{worklog}', deleteWorklog],
      ] as const
    ).map(([method, path, handler]): Route => ({
      method,
      pattern: template(path),
      handler,
      write: true,
    })),
  );

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

const NOT_AUTHENTICATED = 'Client must be authenticated to access this resource.';

function basicAuth(
  headers: Readonly<Record<string, string>>,
): { email: string; token: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString();
  const colon = decoded.indexOf(':');
  return colon < 0
    ? undefined
    : { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

export function createJiraSimulator(site: SimSite, options: SimulatorOptions = {}): JiraSimulator {
  const embedLimit = options.embedLimit ?? 20;
  const maxPageSize = options.maxPageSize ?? 100;
  const now = options.now ?? site.now;
  const baseUrl = (options.baseUrl ?? site.baseUrl).replace(/\/+$/, '');
  const byEndpoint: Record<string, EndpointCount> = {};
  const writes = options.writes ?? options.onEvent !== undefined;
  const routes = writes ? ROUTES : ROUTES.filter((r) => !r.write);
  const limiter = options.limits ? new RateLimiter(options.limits, now) : undefined;
  const fault = options.faults ? faultInjector(options.faults) : undefined;
  const latencyMs = options.latencyMs ?? 0;
  const notifications: SimNotification[] = [];

  /** The viewer, or a 401 reply. */
  function identify(headers: Readonly<Record<string, string>>): Viewer | Reply {
    const auth = basicAuth(headers);
    if (options.credentials) {
      const c = options.credentials;
      if (auth?.email !== c.email || auth.token !== c.token)
        return jiraError(401, [NOT_AUTHENTICATED]);
    }
    const asId = headers['x-sim-account-id'];
    if (asId !== undefined) {
      const user = site.user(asId);
      // The header is how the Forge runtime's asUser reaches the simulator: through the app.
      return user
        ? { kind: 'user', user, viaApp: true }
        : jiraError(401, [`Unknown account '${asId}'.`]);
    }
    if (auth) {
      const login = auth.email.toLowerCase();
      const user = site.users.find(
        (u) =>
          u.accountId === auth.email ||
          u.emailAddress?.toLowerCase() === login ||
          u.displayName.toLowerCase() === login,
      );
      if (user) return { kind: 'user', user };
    }
    return { kind: 'app' };
  }

  function route(
    method: string,
    url: URL,
    headers: Readonly<Record<string, string>>,
    body: string | undefined,
  ): Reply {
    const viewer = identify(headers);
    if (!('kind' in viewer)) return viewer;
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const matching = routes
      .map((r) => ({ r, m: r.pattern.exec(path) }))
      .filter((x) => x.m !== null);
    if (matching.length === 0)
      return jiraError(404, [`null for uri: ${baseUrl}${url.pathname}${url.search}`]);
    const hit = matching.find((x) => x.r.method === method);
    if (!hit)
      return {
        ...jiraError(405, [`Method ${method} is not allowed here.`]),
        headers: { allow: matching.map((x) => x.r.method).join(', ') },
      };
    const ctx: Ctx = {
      site,
      render: new Renderer(site, baseUrl, viewer),
      viewer,
      query: url.searchParams,
      params: { ...hit.m?.groups },
      headers,
      body,
      now: now(),
      embedLimit,
      maxPageSize,
      url,
      notifications,
    };
    try {
      return hit.r.handler(ctx);
    } catch (e) {
      if (e instanceof HttpError) return jiraError(e.status, e.messages, e.errors);
      if (e instanceof FieldError) return jiraError(e.status, [], e.errors);
      if (e instanceof SiteError) return jiraError(e.status, [e.message]);
      throw e;
    }
  }

  /** A refused request: counted, free of points, in Jira's error shape. */
  function refuse(refusal: Refusal, count: EndpointCount): SimResponse {
    if (refusal.status === 429) count.rateLimited = (count.rateLimited ?? 0) + 1;
    if (refusal.injected) count.faults = (count.faults ?? 0) + 1;
    return {
      status: refusal.status,
      headers: { ...refusal.headers, 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify({ errorMessages: [refusal.message], errors: {} }),
    };
  }

  async function handle(req: SimRequest): Promise<SimResponse> {
    // Always asynchronous, like the network.
    await (latencyMs > 0 ? delay(latencyMs) : Promise.resolve());
    const method = req.method.toUpperCase();
    const url = new URL(req.path, 'http://jira-sim.invalid');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const endpoint = endpointOf(method, url.pathname);
    const count = (byEndpoint[endpoint] ??= { requests: 0, points: 0 });
    count.requests++;
    const refusal = fault?.(endpoint) ?? limiter?.admit(endpoint);
    if (refusal) return refuse(refusal, count);
    let reply: Reply;
    try {
      reply = route(method, url, headers, req.body);
    } catch (e) {
      reply = jiraError(500, [`Simulator error: ${e instanceof Error ? e.message : String(e)}`]);
    }
    const points = 1 + (reply.status < 300 ? (reply.objects ?? 0) : 0);
    count.points += points;
    limiter?.charge(points);
    if (reply.event !== undefined) options.onEvent?.(reply.event);
    const limitHeaders = limiter?.headers() ?? {};
    if (reply.bytes !== undefined) {
      return {
        status: reply.status,
        headers: {
          ...reply.headers,
          ...limitHeaders,
          'content-length': String(reply.bytes.length),
        },
        body: reply.bytes,
      };
    }
    return {
      status: reply.status,
      headers: {
        ...reply.headers,
        ...limitHeaders,
        ...(reply.json === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
      },
      body: reply.json === undefined ? '' : JSON.stringify(reply.json),
    };
  }

  const fetch: JiraFetch = async (path, init) => {
    const res = await handle({
      method: init.method,
      path,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const lower = new Map(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const bytes = toBytes(res.body);
    const response: HttpResponse = {
      status: res.status,
      headers: { get: (name) => lower.get(name.toLowerCase()) ?? null },
      text: () => Promise.resolve(new TextDecoder().decode(bytes)),
      arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    };
    return response;
  };

  const listen = (port = 0): Promise<Listening> => listenLoopback(handle, port);

  return {
    handle,
    fetch,
    listen,
    site,
    notifications,
    stats: () => endpointTotals(byEndpoint),
  };
}
