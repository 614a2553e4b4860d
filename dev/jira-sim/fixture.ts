/**
 * The site fixture (../shared/fixtures/FORMAT.md): its types, a strict parser that returns every
 * problem with its JSON path, and the mutable site model the simulator serves. Mutations take an
 * injected clock and return what they changed, so a harness can turn them into events.
 * @module
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { adfToText } from '../../src/content/adf-text.js';
import { formatJiraTime, parseJiraTime } from './time.js';

/** An ADF document (`{type:'doc', version:1, content:[...]}`); nodes are not modelled. */
export interface AdfDoc {
  readonly type: 'doc';
  readonly version: number;
  readonly content: readonly unknown[];
  readonly [key: string]: unknown;
}

export interface UserRef {
  readonly accountId: string;
}

export interface SiteUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly groups: readonly string[];
  readonly siteAdmin: boolean;
  /** Optional: lets basic auth name a user by email. */
  readonly emailAddress?: string;
}

export interface FieldSchema {
  readonly type: string;
  readonly custom?: string;
  readonly customId?: number;
  readonly items?: string;
  readonly system?: string;
}

export interface FieldDef {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly schema?: FieldSchema;
}

export interface ComponentDef {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
}

export interface VersionDef {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly released?: boolean;
  readonly archived?: boolean;
  /** `yyyy-MM-dd`. */
  readonly releaseDate?: string;
  readonly startDate?: string;
}

export interface ProjectDef {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly components: readonly ComponentDef[];
  readonly versions: readonly VersionDef[];
  /** Optional: account ids holding ADMINISTER_PROJECTS here. */
  readonly admins?: readonly string[];
  /**
   * Optional (a simulator extension, not in FORMAT.md): the groups whose members hold
   * BROWSE_PROJECTS here, as a permission scheme grants it; site admins and the project's admins
   * always do. Absent: every user may browse the project.
   */
  readonly browseGroups?: readonly string[];
  /**
   * Optional (a simulator extension): an Atlassian data security policy's app access rule covers
   * the project. Apps still see its key and name, never its content: its issues are left out of
   * searches and counts and a direct read is a 404, for the app and for the app acting as a user
   * (see Renderer.canSeeIssue); `GET /data-policy/project` says `anyContentBlocked`.
   */
  readonly appAccessBlocked?: boolean;
}

/** An issue security level: only members of its groups see the issue. */
export interface SecurityLevelDef {
  readonly name: string;
  readonly groups: readonly string[];
}

/** A group and its id, which Jira keeps when the group is renamed. */
export interface GroupDef {
  readonly name: string;
  readonly groupId: string;
}

export interface Visibility {
  readonly type: 'group' | 'role';
  readonly value: string;
}

export interface CommentDef {
  readonly id: string;
  readonly author: UserRef;
  body: AdfDoc;
  readonly created: string;
  updated: string;
  updateAuthor?: UserRef;
  readonly visibility?: Visibility;
}

export interface ChangeItem {
  readonly field: string;
  readonly fieldtype: string;
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

export interface HistoryDef {
  readonly id: string;
  readonly author: UserRef;
  readonly created: string;
  readonly items: readonly ChangeItem[];
}

export interface WorklogDef {
  readonly id: string;
  readonly author: UserRef;
  comment: AdfDoc | null;
  readonly started: string;
  timeSpentSeconds: number;
  readonly created?: string;
  updated?: string;
  readonly visibility?: Visibility;
}

export interface AttachmentDef {
  readonly id: string;
  readonly filename: string;
  readonly mimeType: string;
  /** Exactly one of `content` (UTF-8 text) and `contentBase64`. */
  readonly content?: string;
  readonly contentBase64?: string;
  readonly created?: string;
  readonly author?: UserRef;
}

export interface IssueFields {
  summary: string;
  created: string;
  updated: string;
  project: { readonly id: string; readonly key: string };
  [fieldId: string]: unknown;
}

export interface IssueDef {
  readonly id: string;
  readonly key: string;
  readonly fields: IssueFields;
  readonly comments: CommentDef[];
  readonly changelog: HistoryDef[];
  readonly worklogs: WorklogDef[];
  readonly attachments: AttachmentDef[];
  /** Optional (a simulator extension): the issue's security level. */
  readonly security?: SecurityLevelDef;
}

export interface SiteFixture {
  readonly site: { readonly baseUrl: string; readonly cloudId: string };
  readonly users: readonly SiteUser[];
  /**
   * Optional (a simulator extension, not in FORMAT.md): ids of named groups. A group a user is in
   * but not listed here gets an id derived from its name (stable, UUID-shaped).
   */
  readonly groups?: readonly GroupDef[];
  readonly fields: readonly FieldDef[];
  readonly projects: readonly ProjectDef[];
  readonly issues: readonly IssueDef[];
  /**
   * Optional (a simulator extension): the app's own user, in these groups (and no project role
   * but the add-ons one), so it sees neither comments or worklogs restricted to another group or
   * to a role, nor issues behind a security level it is not in. Absent: the app sees every
   * comment and worklog, as the simulator always did.
   */
  readonly app?: { readonly groups: readonly string[] };
}

export type ParseResult = { ok: true; site: SimSite } | { ok: false; errors: string[] };

/** A refused mutation or lookup, with the HTTP status Jira would answer. */
export class SiteError extends Error {
  override readonly name = 'SiteError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Jira's words for a missing issue, also for one the caller may not see. */
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** System fields whose value is ADF (or null) in REST v3. */
const ADF_SYSTEM_FIELDS = new Set(['description', 'environment']);
const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';
/** System fields a fixture issue may carry besides custom fields; the rest is computed. */
const SYSTEM_FIELDS = new Set([
  'summary',
  'description',
  'environment',
  'labels',
  'created',
  'updated',
  'reporter',
  'assignee',
  'creator',
  'project',
  'issuetype',
  'status',
  'priority',
]);
/** Fields a caller may not set through updateIssue. */
const READ_ONLY_FIELDS = new Set(['created', 'updated', 'project', 'creator']);
/** Served from the issue's lists, never stored in `fields`. */
const COMPUTED_FIELDS = new Set(['comment', 'worklog', 'attachment']);

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

type Json = unknown;
type Obj = Record<string, Json>;
const isObject = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A minimal ADF check: a doc whose nodes have a string type, text nodes a string text. */
export function adfProblem(v: Json): string | undefined {
  if (!isObject(v)) return 'must be an ADF document or null';
  if (v.type !== 'doc') return 'must be an ADF document (type "doc")';
  if (typeof v.version !== 'number') return 'ADF version must be a number';
  if (!Array.isArray(v.content)) return 'ADF content must be an array';
  const stack: { node: Json; path: string }[] = v.content.map((node: Json, i) => ({
    node,
    path: `content[${i}]`,
  }));
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: Json; path: string };
    if (!isObject(node) || typeof node.type !== 'string') return `ADF ${path}: node without type`;
    if (node.type === 'text' && typeof node.text !== 'string')
      return `ADF ${path}: text node without text`;
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return `ADF ${path}.content: must be an array`;
      node.content.forEach((child: Json, i) => stack.push({ node: child, path: `${path}[${i}]` }));
    }
  }
  return undefined;
}

/** Collects errors while reading untrusted JSON into typed values. */
class Reader {
  readonly errors: string[] = [];
  err(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }
  obj(v: Json, path: string): Obj | undefined {
    if (isObject(v)) return v;
    this.err(path, v === undefined ? 'missing' : 'must be an object');
    return undefined;
  }
  list(o: Obj, key: string, path: string, optional = false): Json[] {
    const v = o[key];
    if (v === undefined && optional) return [];
    if (Array.isArray(v)) return v;
    this.err(at(path, key), v === undefined ? 'missing' : 'must be an array');
    return [];
  }
  str(o: Obj, key: string, path: string): string {
    const v = o[key];
    if (typeof v === 'string' && v.length > 0) return v;
    this.err(
      at(path, key),
      v === undefined
        ? 'missing'
        : typeof v === 'string'
          ? 'must not be empty'
          : 'must be a string',
    );
    return '';
  }
  optStr(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined || typeof v === 'string') return v;
    this.err(at(path, key), 'must be a string');
    return undefined;
  }
  optBool(o: Obj, key: string, path: string): boolean | undefined {
    const v = o[key];
    if (v === undefined || typeof v === 'boolean') return v;
    this.err(at(path, key), 'must be a boolean');
    return undefined;
  }
  optDate(o: Obj, key: string, path: string): string | undefined {
    const v = this.optStr(o, key, path);
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      this.err(at(path, key), 'must be yyyy-MM-dd');
    return v;
  }
  strList(o: Obj, key: string, path: string): string[] {
    const items = this.list(o, key, path, true);
    items.forEach((x, i) => {
      if (typeof x !== 'string') this.err(at(at(path, key), i), 'must be a string');
    });
    return items.filter((x): x is string => typeof x === 'string');
  }
  time(o: Obj, key: string, path: string, optional = false): string {
    const v = o[key];
    if (v === undefined && optional) return '';
    if (typeof v === 'string' && parseJiraTime(v) !== undefined) return v;
    this.err(
      at(path, key),
      v === undefined ? 'missing' : 'must be a timestamp like 2024-01-01T03:00:00.000+0000',
    );
    return '';
  }
  numericId(o: Obj, key: string, path: string): string {
    const v = this.str(o, key, path);
    if (v && !/^\d+$/.test(v)) this.err(at(path, key), 'must be a numeric string');
    return v;
  }
  adf(v: Json, path: string, nullable: boolean): AdfDoc | null {
    if (v === null && nullable) return null;
    if (v === undefined) {
      this.err(path, 'missing');
      return null;
    }
    const problem = adfProblem(v);
    if (problem !== undefined) {
      this.err(path, problem);
      return null;
    }
    return v as AdfDoc;
  }
}

/** Remembers the first path of each id in a namespace, to report duplicates. */
class Unique {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly r: Reader,
    private readonly what: string,
  ) {}
  add(value: string, path: string): void {
    if (!value) return;
    const first = this.seen.get(value);
    if (first !== undefined)
      this.r.err(path, `duplicate ${this.what} "${value}" (first at ${first})`);
    else this.seen.set(value, path);
  }
}

function readUserRef(r: Reader, v: Json, path: string, users: ReadonlySet<string>): UserRef {
  const o = r.obj(v, path);
  if (!o) return { accountId: '' };
  const accountId = r.str(o, 'accountId', path);
  if (accountId && !users.has(accountId))
    r.err(at(path, 'accountId'), `unknown user "${accountId}"`);
  return { accountId };
}

function readVisibility(r: Reader, o: Obj, path: string): Visibility | undefined {
  if (o.visibility === undefined || o.visibility === null) return undefined;
  const v = r.obj(o.visibility, at(path, 'visibility'));
  if (!v) return undefined;
  const type = v.type;
  if (type !== 'group' && type !== 'role')
    r.err(at(at(path, 'visibility'), 'type'), 'must be "group" or "role"');
  const value = r.str(v, 'value', at(path, 'visibility'));
  return { type: type === 'role' ? 'role' : 'group', value };
}

/** Copies a defined optional property (exactOptionalPropertyTypes forbids `key: undefined`). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Reads a site fixture. Returns every problem found (not just the first), each prefixed with its
 * JSON path, e.g. `issues[3].comments[0].id: missing`.
 */
export function parseFixture(json: unknown, options: { now?: () => number } = {}): ParseResult {
  const r = new Reader();
  const root = r.obj(json, '(root)');
  if (!root) return { ok: false, errors: r.errors };

  const siteObj = r.obj(root.site, 'site') ?? {};
  const baseUrl = r.str(siteObj, 'baseUrl', 'site').replace(/\/+$/, '');
  if (baseUrl && !/^https?:\/\/[^/]+$/.test(baseUrl))
    r.err('site.baseUrl', 'must be an http(s) origin without a path');
  const cloudId = r.str(siteObj, 'cloudId', 'site');

  const userIds = new Unique(r, 'accountId');
  const users: SiteUser[] = r.list(root, 'users', '').map((v, i) => {
    const path = at('users', i);
    const o = r.obj(v, path) ?? {};
    const accountId = r.str(o, 'accountId', path);
    userIds.add(accountId, at(path, 'accountId'));
    return {
      accountId,
      displayName: r.str(o, 'displayName', path),
      groups: r.strList(o, 'groups', path),
      siteAdmin: r.optBool(o, 'siteAdmin', path) ?? false,
      ...opt('emailAddress', r.optStr(o, 'emailAddress', path)),
    };
  });
  const known = new Set(users.map((u) => u.accountId));

  const groupNames = new Unique(r, 'group name');
  const groupIdsSeen = new Unique(r, 'groupId');
  const groups: GroupDef[] = r.list(root, 'groups', '', true).map((v, i) => {
    const path = at('groups', i);
    const o = r.obj(v, path) ?? {};
    const name = r.str(o, 'name', path);
    const groupId = r.str(o, 'groupId', path);
    groupNames.add(name, at(path, 'name'));
    groupIdsSeen.add(groupId, at(path, 'groupId'));
    return { name, groupId };
  });

  const fieldIds = new Unique(r, 'field id');
  const fields: FieldDef[] = r.list(root, 'fields', '', true).map((v, i) => {
    const path = at('fields', i);
    const o = r.obj(v, path) ?? {};
    const id = r.str(o, 'id', path);
    fieldIds.add(id, at(path, 'id'));
    if (id && !/^customfield_\d+$/.test(id))
      r.err(at(path, 'id'), 'must be customfield_<number> (system fields are built in)');
    const custom = r.optBool(o, 'custom', path) ?? true;
    let schema: FieldSchema | undefined;
    if (o.schema !== undefined) {
      const s = r.obj(o.schema, at(path, 'schema')) ?? {};
      const customId = s.customId;
      if (customId !== undefined && !Number.isInteger(customId))
        r.err(at(at(path, 'schema'), 'customId'), 'must be an integer');
      schema = {
        type: r.str(s, 'type', at(path, 'schema')),
        ...opt('custom', r.optStr(s, 'custom', at(path, 'schema'))),
        ...opt('customId', typeof customId === 'number' ? customId : undefined),
        ...opt('items', r.optStr(s, 'items', at(path, 'schema'))),
      };
    }
    return { id, name: r.str(o, 'name', path), custom, ...opt('schema', schema) };
  });
  const fieldById = new Map(fields.map((f) => [f.id, f]));

  const projectIds = new Unique(r, 'project id');
  const projectKeys = new Unique(r, 'project key');
  const componentIds = new Unique(r, 'component id');
  const versionIds = new Unique(r, 'version id');
  const projects: ProjectDef[] = r.list(root, 'projects', '').map((v, i) => {
    const path = at('projects', i);
    const o = r.obj(v, path) ?? {};
    const id = r.numericId(o, 'id', path);
    const key = r.str(o, 'key', path);
    projectIds.add(id, at(path, 'id'));
    projectKeys.add(key, at(path, 'key'));
    if (key && !/^[A-Z][A-Z0-9_]{1,9}$/.test(key))
      r.err(at(path, 'key'), 'must be 2-10 upper-case letters, digits or _ starting with a letter');
    const components = r.list(o, 'components', path, true).map((cv, j) => {
      const cp = at(at(path, 'components'), j);
      const c = r.obj(cv, cp) ?? {};
      const cid = r.numericId(c, 'id', cp);
      componentIds.add(cid, at(cp, 'id'));
      return {
        id: cid,
        name: r.str(c, 'name', cp),
        ...opt('description', r.optStr(c, 'description', cp)),
      };
    });
    const versions = r.list(o, 'versions', path, true).map((vv, j) => {
      const vp = at(at(path, 'versions'), j);
      const ver = r.obj(vv, vp) ?? {};
      const vid = r.numericId(ver, 'id', vp);
      versionIds.add(vid, at(vp, 'id'));
      return {
        id: vid,
        name: r.str(ver, 'name', vp),
        ...opt('description', r.optStr(ver, 'description', vp)),
        ...opt('released', r.optBool(ver, 'released', vp)),
        ...opt('archived', r.optBool(ver, 'archived', vp)),
        ...opt('releaseDate', r.optDate(ver, 'releaseDate', vp)),
        ...opt('startDate', r.optDate(ver, 'startDate', vp)),
      };
    });
    let admins: string[] | undefined;
    if (o.admins !== undefined) {
      admins = r.strList(o, 'admins', path);
      admins.forEach((a, j) => {
        if (!known.has(a)) r.err(at(at(path, 'admins'), j), `unknown user "${a}"`);
      });
    }
    return {
      id,
      key,
      name: r.str(o, 'name', path),
      ...opt('description', r.optStr(o, 'description', path)),
      components,
      versions,
      ...opt('admins', admins),
      ...opt(
        'browseGroups',
        o.browseGroups === undefined ? undefined : r.strList(o, 'browseGroups', path),
      ),
      ...opt('appAccessBlocked', r.optBool(o, 'appAccessBlocked', path)),
    };
  });
  const projectByKey = new Map(projects.map((p) => [p.key, p]));

  const issueIds = new Unique(r, 'issue id');
  const issueKeys = new Unique(r, 'issue key');
  const commentIds = new Unique(r, 'comment id');
  const historyIds = new Unique(r, 'history id');
  const worklogIds = new Unique(r, 'worklog id');
  const attachmentIds = new Unique(r, 'attachment id');
  const issues: IssueDef[] = r.list(root, 'issues', '').map((v, i) => {
    const path = at('issues', i);
    const o = r.obj(v, path) ?? {};
    const id = r.numericId(o, 'id', path);
    const key = r.str(o, 'key', path);
    issueIds.add(id, at(path, 'id'));
    issueKeys.add(key, at(path, 'key'));
    const keyMatch = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(key);
    const project = keyMatch ? projectByKey.get(keyMatch[1] ?? '') : undefined;
    if (key && !keyMatch) r.err(at(path, 'key'), 'must look like PROJ-123');
    else if (key && !project)
      r.err(at(path, 'key'), `no project with key "${keyMatch?.[1] ?? ''}"`);

    const fpath = at(path, 'fields');
    const f = r.obj(o.fields, fpath) ?? {};
    const fields: IssueFields = {
      ...f,
      summary: r.str(f, 'summary', fpath),
      created: r.time(f, 'created', fpath),
      updated: r.time(f, 'updated', fpath),
      project: { id: project?.id ?? '', key: project?.key ?? '' },
    };
    if (f.project !== undefined) {
      const p = r.obj(f.project, at(fpath, 'project'));
      if (
        p &&
        project &&
        ((p.key !== undefined && p.key !== project.key) ||
          (p.id !== undefined && p.id !== project.id))
      )
        r.err(
          at(fpath, 'project'),
          `does not match the key's project ${project.key} (${project.id})`,
        );
    }
    for (const [fid, value] of Object.entries(f)) {
      const fp = at(fpath, fid);
      if (COMPUTED_FIELDS.has(fid)) {
        r.err(
          fp,
          `served from the issue's ${fid === 'comment' ? 'comments' : `${fid}s`} list; do not set it in fields`,
        );
      } else if (fid.startsWith('customfield_')) {
        const def = fieldById.get(fid);
        if (!def) r.err(fp, 'not declared in fields[]');
        else if (def.schema?.custom === TEXTAREA) fields[fid] = r.adf(value, fp, true);
      } else if (!SYSTEM_FIELDS.has(fid)) {
        r.err(fp, 'unknown system field');
      } else if (ADF_SYSTEM_FIELDS.has(fid)) {
        fields[fid] = r.adf(value, fp, true);
      } else if (fid === 'labels') {
        fields.labels = r.strList(f, 'labels', fpath);
      } else if (['reporter', 'assignee', 'creator'].includes(fid) && value !== null) {
        fields[fid] = readUserRef(r, value, fp, known);
      }
    }

    const comments: CommentDef[] = r.list(o, 'comments', path, true).map((cv, j) => {
      const cp = at(at(path, 'comments'), j);
      const c = r.obj(cv, cp) ?? {};
      const cid = r.numericId(c, 'id', cp);
      commentIds.add(cid, at(cp, 'id'));
      const created = r.time(c, 'created', cp);
      const updated = r.time(c, 'updated', cp, true) || created;
      const visibility = readVisibility(r, c, cp);
      return {
        id: cid,
        author: readUserRef(r, c.author, at(cp, 'author'), known),
        body: r.adf(c.body, at(cp, 'body'), false) ?? { type: 'doc', version: 1, content: [] },
        created,
        updated,
        ...opt(
          'updateAuthor',
          c.updateAuthor === undefined
            ? undefined
            : readUserRef(r, c.updateAuthor, at(cp, 'updateAuthor'), known),
        ),
        ...opt('visibility', visibility),
      };
    });

    const changelog: HistoryDef[] = r.list(o, 'changelog', path, true).map((hv, j) => {
      const hp = at(at(path, 'changelog'), j);
      const h = r.obj(hv, hp) ?? {};
      const hid = r.numericId(h, 'id', hp);
      historyIds.add(hid, at(hp, 'id'));
      const items = r.list(h, 'items', hp).map((iv, k): ChangeItem => {
        const ip = at(at(hp, 'items'), k);
        const it = r.obj(iv, ip) ?? {};
        const side = (name: string): string | null => {
          const x = it[name];
          if (x === undefined || x === null) return null;
          if (typeof x === 'string') return x;
          r.err(at(ip, name), 'must be a string or null');
          return null;
        };
        const fieldtype = r.str(it, 'fieldtype', ip);
        if (fieldtype && fieldtype !== 'jira' && fieldtype !== 'custom')
          r.err(at(ip, 'fieldtype'), 'must be "jira" or "custom"');
        return {
          field: r.str(it, 'field', ip),
          fieldtype,
          fieldId: r.str(it, 'fieldId', ip),
          from: side('from'),
          fromString: side('fromString'),
          to: side('to'),
          toString: side('toString'),
        };
      });
      return {
        id: hid,
        author: readUserRef(r, h.author, at(hp, 'author'), known),
        created: r.time(h, 'created', hp),
        items,
      };
    });

    const worklogs: WorklogDef[] = r.list(o, 'worklogs', path, true).map((wv, j) => {
      const wp = at(at(path, 'worklogs'), j);
      const w = r.obj(wv, wp) ?? {};
      const wid = r.numericId(w, 'id', wp);
      worklogIds.add(wid, at(wp, 'id'));
      const seconds = w.timeSpentSeconds;
      if (!Number.isInteger(seconds) || (seconds as number) <= 0)
        r.err(at(wp, 'timeSpentSeconds'), 'must be a positive integer');
      const created = r.time(w, 'created', wp, true);
      const updated = r.time(w, 'updated', wp, true);
      return {
        id: wid,
        author: readUserRef(r, w.author, at(wp, 'author'), known),
        comment: w.comment === undefined ? null : r.adf(w.comment, at(wp, 'comment'), true),
        started: r.time(w, 'started', wp),
        timeSpentSeconds: typeof seconds === 'number' ? seconds : 0,
        ...opt('created', created || undefined),
        ...opt('updated', updated || undefined),
        ...opt('visibility', readVisibility(r, w, wp)),
      };
    });

    const attachments: AttachmentDef[] = r.list(o, 'attachments', path, true).map((av, j) => {
      const ap = at(at(path, 'attachments'), j);
      const a = r.obj(av, ap) ?? {};
      const aid = r.numericId(a, 'id', ap);
      attachmentIds.add(aid, at(ap, 'id'));
      const content = r.optStr(a, 'content', ap);
      const contentBase64 = r.optStr(a, 'contentBase64', ap);
      if ((content === undefined) === (contentBase64 === undefined))
        r.err(ap, 'needs exactly one of content and contentBase64');
      if (contentBase64 !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64))
        r.err(at(ap, 'contentBase64'), 'is not base64');
      const created = r.time(a, 'created', ap, true);
      return {
        id: aid,
        filename: r.str(a, 'filename', ap),
        mimeType: r.str(a, 'mimeType', ap),
        ...opt('content', content),
        ...opt('contentBase64', contentBase64),
        ...opt('created', created || undefined),
        ...opt(
          'author',
          a.author === undefined ? undefined : readUserRef(r, a.author, at(ap, 'author'), known),
        ),
      };
    });

    let security: SecurityLevelDef | undefined;
    if (o.security !== undefined) {
      const sp = at(path, 'security');
      const so = r.obj(o.security, sp) ?? {};
      security = { name: r.str(so, 'name', sp), groups: r.strList(so, 'groups', sp) };
    }
    return {
      id,
      key,
      fields,
      comments,
      changelog,
      worklogs,
      attachments,
      ...opt('security', security),
    };
  });
  let app: { groups: string[] } | undefined;
  if (root.app !== undefined) {
    const ao = r.obj(root.app, 'app') ?? {};
    app = { groups: r.strList(ao, 'groups', 'app') };
  }

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return {
    ok: true,
    site: new SimSite(
      { site: { baseUrl, cloudId }, users, groups, fields, projects, issues, ...opt('app', app) },
      options,
    ),
  };
}

/** parseFixture for callers that trust their fixture: throws with every error listed. */
export function loadFixture(json: unknown, options: { now?: () => number } = {}): SimSite {
  const parsed = parseFixture(json, options);
  if (!parsed.ok) throw new Error(`invalid site fixture:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.site;
}

// ---------------------------------------------------------------------------------------------
// The mutable site
// ---------------------------------------------------------------------------------------------

export interface NewIssue {
  /** Project id or key. */
  readonly project: string;
  /** `summary` is required; the others follow the same rules as updateIssue. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly reporterAccountId?: string;
  /** Optional: the account that creates it (the `creator` field; none when absent). */
  readonly creatorAccountId?: string;
}

/** Plain text Jira writes into a history item for a field value. */
export function historyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => historyText(v) ?? '').join(' ');
  if (isObject(value)) {
    if (value.type === 'doc') return adfToText(value).text.replace(/\n+$/, '');
    for (const k of ['value', 'name', 'displayName', 'key']) {
      if (typeof value[k] === 'string') return value[k];
    }
  }
  return JSON.stringify(value);
}

type IdKind = 'issue' | 'comment' | 'history' | 'worklog' | 'attachment' | 'component' | 'version';

/** A component's or version's new values; no `id`: a new one. */
export interface ProjectDocChange {
  readonly id?: string;
  readonly name?: string;
  /** `''` clears it; absent: unchanged. */
  readonly description?: string;
}
export type DocChange = 'created' | 'updated' | 'none';
/** A project's documentation besides its description. */
export type DocKind = 'component' | 'version';
const DOC_LISTS = { component: 'components', version: 'versions' } as const;

const maxNumeric = (ids: Iterable<string>): number => {
  let max = 0;
  for (const id of ids) max = Math.max(max, Number(id));
  return max;
};

/**
 * The site the simulator serves: fixture data plus the mutations a harness (or a test) applies.
 * Ids are never reused, even after a delete, as in Jira. The site adopts the fixture's issues
 * without a deep copy (a large site would pay for one) and mutates them: parseFixture hands it
 * fresh issue, field and comment objects, sharing only values it never writes into (ADF).
 */
export class SimSite {
  readonly baseUrl: string;
  readonly cloudId: string;
  readonly users: readonly SiteUser[];
  readonly fields: readonly FieldDef[];
  readonly now: () => number;
  /** The app user's groups; undefined: it sees every comment and worklog (see SiteFixture.app). */
  readonly appGroups: readonly string[] | undefined;
  private readonly groupIds: ReadonlyMap<string, string>;
  /** Project objects are replaced, never changed in place: a caller's copy stays as it was. */
  private readonly projectList: ProjectDef[];
  private readonly issueList: IssueDef[];
  private readonly byId = new Map<string, IssueDef>();
  private readonly byKey = new Map<string, IssueDef>();
  private readonly userById: Map<string, SiteUser>;
  private readonly lastIssueNumber = new Map<string, number>();
  private readonly next: Record<IdKind, number>;

  constructor(fixture: SiteFixture, options: { now?: () => number } = {}) {
    this.baseUrl = fixture.site.baseUrl;
    this.cloudId = fixture.site.cloudId;
    this.users = fixture.users;
    this.appGroups = fixture.app?.groups;
    this.groupIds = new Map((fixture.groups ?? []).map((g) => [g.name, g.groupId]));
    this.fields = fixture.fields;
    this.projectList = [...fixture.projects];
    this.now = options.now ?? Date.now;
    this.issueList = [...fixture.issues];
    this.userById = new Map(this.users.map((u) => [u.accountId, u]));
    for (const issue of this.issueList) this.index(issue);
    this.next = {
      issue: maxNumeric(this.issueList.map((i) => i.id)) + 1,
      comment: maxNumeric(this.issueList.flatMap((i) => i.comments.map((c) => c.id))) + 1,
      history: maxNumeric(this.issueList.flatMap((i) => i.changelog.map((h) => h.id))) + 1,
      worklog: maxNumeric(this.issueList.flatMap((i) => i.worklogs.map((w) => w.id))) + 1,
      attachment: maxNumeric(this.issueList.flatMap((i) => i.attachments.map((a) => a.id))) + 1,
      component: maxNumeric(this.projectList.flatMap((p) => p.components.map((c) => c.id))) + 1,
      version: maxNumeric(this.projectList.flatMap((p) => p.versions.map((v) => v.id))) + 1,
    };
  }

  private index(issue: IssueDef): void {
    this.byId.set(issue.id, issue);
    this.byKey.set(issue.key, issue);
    const [projectKey, n] = splitKey(issue.key);
    this.lastIssueNumber.set(projectKey, Math.max(this.lastIssueNumber.get(projectKey) ?? 0, n));
  }

  private allocate(kind: IdKind): string {
    return String(this.next[kind]++);
  }

  private stamp(): string {
    return formatJiraTime(this.now());
  }

  /** Live issues, in creation order. */
  issues(): readonly IssueDef[] {
    return this.issueList;
  }

  issue(idOrKey: string): IssueDef | undefined {
    return this.byId.get(idOrKey) ?? this.byKey.get(idOrKey.toUpperCase());
  }

  get projects(): readonly ProjectDef[] {
    return this.projectList;
  }

  project(idOrKey: string): ProjectDef | undefined {
    return this.projectList.find((p) => p.id === idOrKey || p.key === idOrKey.toUpperCase());
  }

  user(accountId: string): SiteUser | undefined {
    return this.userById.get(accountId);
  }

  /** Every group: those the fixture names and those its users are in, by name. */
  groups(): GroupDef[] {
    const names = new Set([...this.groupIds.keys(), ...this.users.flatMap((u) => u.groups)]);
    return [...names].sort().map((name) => ({ name, groupId: this.groupId(name) }));
  }

  /** A group's id: the fixture's, else one derived from the name (stable, UUID-shaped). */
  groupId(name: string): string {
    const given = this.groupIds.get(name);
    if (given !== undefined) return given;
    const h = createHash('sha256').update(`group\0${name}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  field(id: string): FieldDef | undefined {
    return this.fields.find((f) => f.id === id);
  }

  attachment(id: string): { issue: IssueDef; attachment: AttachmentDef } | undefined {
    for (const issue of this.issueList) {
      const attachment = issue.attachments.find((a) => a.id === id);
      if (attachment) return { issue, attachment };
    }
    return undefined;
  }

  private mustIssue(idOrKey: string): IssueDef {
    const issue = this.issue(idOrKey);
    if (!issue) throw new SiteError(404, ISSUE_NOT_FOUND);
    return issue;
  }

  private mustUser(accountId: string): UserRef {
    if (!this.userById.has(accountId)) throw new SiteError(400, `Unknown user "${accountId}".`);
    return { accountId };
  }

  /** Checks one field value as parseFixture would; returns the value to store. */
  private checkField(fieldId: string, value: unknown): unknown {
    const bad = (why: string): never => {
      throw new SiteError(400, `Field '${fieldId}' ${why}.`);
    };
    if (READ_ONLY_FIELDS.has(fieldId) || COMPUTED_FIELDS.has(fieldId))
      bad('cannot be set; it is not on the appropriate screen, or unknown');
    const def = this.field(fieldId);
    if (fieldId.startsWith('customfield_') ? !def : !SYSTEM_FIELDS.has(fieldId))
      bad('cannot be set; it is not on the appropriate screen, or unknown');
    if (fieldId === 'summary' && (typeof value !== 'string' || value.trim() === ''))
      bad('must be a non-empty string');
    if (ADF_SYSTEM_FIELDS.has(fieldId) || def?.schema?.custom === TEXTAREA) {
      if (value !== null && adfProblem(value) !== undefined) bad('must be an ADF document or null');
    }
    if (
      fieldId === 'labels' &&
      !(Array.isArray(value) && value.every((l) => typeof l === 'string'))
    )
      bad('must be a list of strings');
    if (['reporter', 'assignee'].includes(fieldId) && value !== null) {
      if (!isObject(value) || typeof value.accountId !== 'string') bad('must be {accountId}');
      this.mustUser((value as UserRef).accountId);
    }
    return structuredClone(value);
  }

  private historyItem(fieldId: string, from: unknown, to: unknown): ChangeItem {
    const def = this.field(fieldId);
    return {
      field: def?.custom ? def.name : fieldId,
      fieldtype: def?.custom ? 'custom' : 'jira',
      fieldId,
      from: null,
      fromString: historyText(from),
      to: null,
      toString: historyText(to),
    };
  }

  createIssue(input: NewIssue): { issue: IssueDef } {
    const project = this.project(input.project);
    if (!project) throw new SiteError(400, `Project '${input.project}' does not exist.`);
    if (input.fields.summary === undefined)
      throw new SiteError(400, 'You must specify a summary of the issue.');
    const reporter =
      input.reporterAccountId === undefined ? undefined : this.mustUser(input.reporterAccountId);
    const creator =
      input.creatorAccountId === undefined ? undefined : this.mustUser(input.creatorAccountId);
    const checked = Object.fromEntries(
      Object.entries(input.fields).map(([k, v]) => [k, this.checkField(k, v)]),
    );
    const number = (this.lastIssueNumber.get(project.key) ?? 0) + 1;
    const stamp = this.stamp();
    const issue: IssueDef = {
      id: this.allocate('issue'),
      key: `${project.key}-${number}`,
      fields: {
        ...checked,
        summary: checked.summary as string,
        created: stamp,
        updated: stamp,
        project: { id: project.id, key: project.key },
        ...opt('reporter', reporter),
        ...opt('creator', creator),
      },
      comments: [],
      changelog: [],
      worklogs: [],
      attachments: [],
    };
    this.issueList.push(issue);
    this.index(issue);
    return { issue };
  }

  /**
   * Sets fields and records one history entry for those whose value changed (`fromString` and
   * `toString` as plain text; ADF rendered). No change: no history, `updated` untouched.
   */
  updateIssue(
    idOrKey: string,
    fields: Readonly<Record<string, unknown>>,
    authorAccountId: string,
  ): { issue: IssueDef; history: HistoryDef | undefined } {
    const issue = this.mustIssue(idOrKey);
    const author = this.mustUser(authorAccountId);
    const checked = Object.entries(fields).map(([k, v]) => [k, this.checkField(k, v)] as const);
    const items: ChangeItem[] = [];
    for (const [fieldId, value] of checked) {
      const before = issue.fields[fieldId] ?? null;
      if (isDeepStrictEqual(before, value ?? null)) continue;
      items.push(this.historyItem(fieldId, before, value));
      issue.fields[fieldId] = value ?? null;
    }
    if (items.length === 0) return { issue, history: undefined };
    const stamp = this.stamp();
    issue.fields.updated = stamp;
    const history: HistoryDef = { id: this.allocate('history'), author, created: stamp, items };
    issue.changelog.push(history);
    return { issue, history };
  }

  addComment(
    idOrKey: string,
    body: unknown,
    authorAccountId: string,
    visibility?: Visibility,
  ): { issue: IssueDef; comment: CommentDef } {
    const issue = this.mustIssue(idOrKey);
    const author = this.mustUser(authorAccountId);
    if (adfProblem(body) !== undefined)
      throw new SiteError(400, 'Comment body must be an ADF document.');
    const stamp = this.stamp();
    const comment: CommentDef = {
      id: this.allocate('comment'),
      author,
      body: structuredClone(body as AdfDoc),
      created: stamp,
      updated: stamp,
      updateAuthor: author,
      ...opt('visibility', visibility),
    };
    issue.comments.push(comment);
    issue.fields.updated = stamp;
    return { issue, comment };
  }

  /** Jira keeps no history of comment edits: only the comment's `updated` moves. */
  editComment(
    idOrKey: string,
    commentId: string,
    body: unknown,
    authorAccountId: string,
  ): { issue: IssueDef; comment: CommentDef; previousBody: AdfDoc } {
    const issue = this.mustIssue(idOrKey);
    const author = this.mustUser(authorAccountId);
    const comment = issue.comments.find((c) => c.id === commentId);
    if (!comment) throw new SiteError(404, `Can not find a comment for the id: ${commentId}.`);
    if (adfProblem(body) !== undefined)
      throw new SiteError(400, 'Comment body must be an ADF document.');
    const previousBody = comment.body;
    const stamp = this.stamp();
    comment.body = structuredClone(body as AdfDoc);
    comment.updated = stamp;
    comment.updateAuthor = author;
    issue.fields.updated = stamp;
    return { issue, comment, previousBody };
  }

  deleteComment(idOrKey: string, commentId: string): { issue: IssueDef; comment: CommentDef } {
    const issue = this.mustIssue(idOrKey);
    const index = issue.comments.findIndex((c) => c.id === commentId);
    const comment = issue.comments[index];
    if (!comment) throw new SiteError(404, `Can not find a comment for the id: ${commentId}.`);
    issue.comments.splice(index, 1);
    issue.fields.updated = this.stamp();
    return { issue, comment };
  }

  /** A worklog with an optional ADF comment; Jira needs a positive time spent. */
  addWorklog(
    idOrKey: string,
    entry: { comment?: unknown; timeSpentSeconds: number; started?: string },
    authorAccountId: string,
    visibility?: Visibility,
  ): { issue: IssueDef; worklog: WorklogDef } {
    const issue = this.mustIssue(idOrKey);
    const author = this.mustUser(authorAccountId);
    const comment = worklogComment(entry.comment);
    checkTimeSpent(entry.timeSpentSeconds);
    const stamp = this.stamp();
    const worklog: WorklogDef = {
      id: this.allocate('worklog'),
      author,
      comment,
      started: entry.started ?? stamp,
      timeSpentSeconds: entry.timeSpentSeconds,
      created: stamp,
      updated: stamp,
      ...opt('visibility', visibility),
    };
    issue.worklogs.push(worklog);
    issue.fields.updated = stamp;
    return { issue, worklog };
  }

  /** Changes a worklog's comment (and time spent, when given). */
  editWorklog(
    idOrKey: string,
    worklogId: string,
    entry: { comment?: unknown; timeSpentSeconds?: number },
    authorAccountId: string,
  ): { issue: IssueDef; worklog: WorklogDef } {
    const issue = this.mustIssue(idOrKey);
    this.mustUser(authorAccountId);
    const worklog = this.mustWorklog(issue, worklogId);
    if (entry.comment !== undefined) worklog.comment = worklogComment(entry.comment);
    if (entry.timeSpentSeconds !== undefined) {
      checkTimeSpent(entry.timeSpentSeconds);
      worklog.timeSpentSeconds = entry.timeSpentSeconds;
    }
    worklog.updated = this.stamp();
    issue.fields.updated = worklog.updated;
    return { issue, worklog };
  }

  deleteWorklog(idOrKey: string, worklogId: string): { issue: IssueDef; worklog: WorklogDef } {
    const issue = this.mustIssue(idOrKey);
    const worklog = this.mustWorklog(issue, worklogId);
    issue.worklogs.splice(issue.worklogs.indexOf(worklog), 1);
    issue.fields.updated = this.stamp();
    return { issue, worklog };
  }

  private mustWorklog(issue: IssueDef, worklogId: string): WorklogDef {
    const worklog = issue.worklogs.find((w) => w.id === worklogId);
    if (!worklog) throw new SiteError(404, `Cannot find worklog with id: ${worklogId}.`);
    return worklog;
  }

  /**
   * Attaches a UTF-8 text file. Jira records it in the history as an `Attachment` item whose `to`
   * is the new attachment's id (`from` on removal), and sends an issue-updated event with it.
   */
  addAttachment(
    idOrKey: string,
    file: { filename: string; content: string; mimeType?: string },
    authorAccountId: string,
  ): { issue: IssueDef; attachment: AttachmentDef; history: HistoryDef } {
    const issue = this.mustIssue(idOrKey);
    const author = this.mustUser(authorAccountId);
    const stamp = this.stamp();
    const attachment: AttachmentDef = {
      id: this.allocate('attachment'),
      filename: file.filename,
      mimeType: file.mimeType ?? 'text/plain',
      content: file.content,
      created: stamp,
      author,
    };
    issue.attachments.push(attachment);
    const history = this.attachmentHistory(issue, author, stamp, 'added', attachment);
    return { issue, attachment, history };
  }

  deleteAttachment(
    idOrKey: string,
    attachmentId: string,
    authorAccountId: string,
  ): { issue: IssueDef; attachment: AttachmentDef; history: HistoryDef } {
    const issue = this.mustIssue(idOrKey);
    const author = this.mustUser(authorAccountId);
    const attachment = issue.attachments.find((a) => a.id === attachmentId);
    if (!attachment)
      throw new SiteError(404, `The attachment with id '${attachmentId}' does not exist`);
    issue.attachments.splice(issue.attachments.indexOf(attachment), 1);
    const history = this.attachmentHistory(issue, author, this.stamp(), 'removed', attachment);
    return { issue, attachment, history };
  }

  private attachmentHistory(
    issue: IssueDef,
    author: UserRef,
    stamp: string,
    change: 'added' | 'removed',
    attachment: AttachmentDef,
  ): HistoryDef {
    const [id, name] = [attachment.id, attachment.filename];
    const item: ChangeItem = {
      field: 'Attachment',
      fieldtype: 'jira',
      fieldId: 'attachment',
      from: change === 'removed' ? id : null,
      fromString: change === 'removed' ? name : null,
      to: change === 'added' ? id : null,
      toString: change === 'added' ? name : null,
    };
    const history: HistoryDef = {
      id: this.allocate('history'),
      author,
      created: stamp,
      items: [item],
    };
    issue.changelog.push(history);
    issue.fields.updated = stamp;
    return history;
  }

  private mustProject(idOrKey: string): ProjectDef {
    const project = this.project(idOrKey);
    if (!project) throw new SiteError(404, `No project could be found with key '${idOrKey}'.`);
    return project;
  }

  private replaceProject(before: ProjectDef, after: ProjectDef): ProjectDef {
    this.projectList[this.projectList.indexOf(before)] = after;
    return after;
  }

  /** Sets the project's description (`''` clears it); `changed` is false when it was the same. */
  updateProject(idOrKey: string, description: string): { project: ProjectDef; changed: boolean } {
    const before = this.mustProject(idOrKey);
    if ((before.description ?? '') === description) return { project: before, changed: false };
    const { description: _old, ...rest } = before;
    const project = this.replaceProject(before, {
      ...rest,
      ...opt('description', description || undefined),
    });
    return { project, changed: true };
  }

  /**
   * Creates a component or version (no `id`; a name is needed) or changes one's name or
   * description (`''` clears it; a version keeps its release state and dates). `change` says
   * which, or `none` when the values were already those.
   */
  upsertDoc(
    kind: DocKind,
    idOrKey: string,
    change: ProjectDocChange,
  ): { project: ProjectDef; doc: ComponentDef | VersionDef; change: DocChange } {
    const before = this.mustProject(idOrKey);
    const old = change.id === undefined ? undefined : this.mustDoc(kind, before, change.id);
    if (!old && !change.name) throw new SiteError(400, `The ${kind} name is required.`);
    const { description: _old, ...kept } = old ?? { id: this.allocate(kind), name: '' };
    const description = change.description ?? old?.description ?? '';
    const doc = {
      ...kept,
      name: change.name || kept.name,
      ...opt('description', description || undefined),
    };
    if (old && isDeepStrictEqual(old, doc)) return { project: before, doc: old, change: 'none' };
    const list = before[DOC_LISTS[kind]];
    const docs = old ? list.map((d) => (d === old ? doc : d)) : [...list, doc];
    const project = this.replaceProject(before, { ...before, [DOC_LISTS[kind]]: docs });
    return { project, doc, change: old ? 'updated' : 'created' };
  }

  deleteDoc(
    kind: DocKind,
    idOrKey: string,
    id: string,
  ): { project: ProjectDef; doc: ComponentDef | VersionDef } {
    const before = this.mustProject(idOrKey);
    const doc = this.mustDoc(kind, before, id);
    const docs = before[DOC_LISTS[kind]].filter((d) => d !== doc);
    return { project: this.replaceProject(before, { ...before, [DOC_LISTS[kind]]: docs }), doc };
  }

  private mustDoc(kind: DocKind, project: ProjectDef, id: string): ComponentDef | VersionDef {
    const doc = project[DOC_LISTS[kind]].find((d) => d.id === id);
    if (!doc) throw new SiteError(404, `The ${kind} with id '${id}' does not exist.`);
    return doc;
  }

  deleteIssue(idOrKey: string): { issue: IssueDef } {
    const issue = this.mustIssue(idOrKey);
    this.issueList.splice(this.issueList.indexOf(issue), 1);
    this.byId.delete(issue.id);
    this.byKey.delete(issue.key);
    return { issue };
  }
}

function checkTimeSpent(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds <= 0)
    throw new SiteError(400, 'Worklog must not be null.');
}

function worklogComment(comment: unknown): AdfDoc | null {
  if (comment === undefined || comment === null) return null;
  if (adfProblem(comment) !== undefined)
    throw new SiteError(400, 'Worklog comment must be an ADF document.');
  return structuredClone(comment as AdfDoc);
}

/** `OPS-12` -> [`OPS`, 12]. */
export function splitKey(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}
