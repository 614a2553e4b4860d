/**
 * Jira REST v3 endpoints the scanner reads, over the transport in http.ts. Every list is paged to
 * its end; response shapes are checked, and a wrong shape is an error that names the endpoint.
 * @module
 */
import { JiraHttpError, type JiraHttp } from './http.js';

export class JiraShapeError extends Error {
  override readonly name = 'JiraShapeError';
  constructor(
    readonly endpoint: string,
    what: string,
  ) {
    super(`unexpected response from ${endpoint}: ${what}`);
  }
}

type Json = unknown;
type Obj = Record<string, Json>;
const isObject = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: Json, endpoint: string): Obj {
  if (!isObject(v)) throw new JiraShapeError(endpoint, 'not a JSON object');
  return v;
}
function arr(o: Obj, key: string, endpoint: string): Obj[] {
  const v = o[key];
  if (!Array.isArray(v) || !v.every(isObject))
    throw new JiraShapeError(endpoint, `"${key}" is not a list of objects`);
  return v;
}
const num = (v: Json): number | undefined => (typeof v === 'number' ? v : undefined);

/** Embedded comments/worklogs/changelog are truncated copies: page the endpoint when this is true. */
export function isTruncated(page: Json, listKey: string): boolean {
  if (!isObject(page)) return false;
  const list = page[listKey];
  const total = num(page.total);
  return (
    !Array.isArray(list) ||
    (num(page.startAt) ?? 0) > 0 ||
    (total !== undefined && list.length < total)
  );
}

/** A Jira group: its id stays when it is renamed, and a name can be reused by another group. */
export interface JiraGroup {
  readonly groupId: string;
  readonly name: string;
}

/** `{name, groupId}` objects of a list, those with both. */
function groupsOf(list: Obj[]): JiraGroup[] {
  return list.flatMap((g) =>
    typeof g.groupId === 'string' && typeof g.name === 'string'
      ? [{ groupId: g.groupId, name: g.name }]
      : [],
  );
}

export interface SearchPage {
  readonly issues: Obj[];
  /** Absent on the last page. */
  readonly nextPageToken?: string;
}

export interface JiraClient {
  searchPage(q: {
    jql: string;
    fields: readonly string[];
    maxResults?: number;
    nextPageToken?: string;
  }): Promise<SearchPage>;
  approximateCount(jql: string): Promise<number>;
  /** One issue with the given fields; undefined when it does not exist (or is not visible). */
  issue(idOrKey: string, fields: readonly string[]): Promise<Obj | undefined>;
  /** One comment; undefined when it does not exist (or is not visible). */
  comment(issueId: string, commentId: string): Promise<Obj | undefined>;
  comments(issueId: string): Promise<Obj[]>;
  /** One worklog; undefined when it does not exist (or is not visible). */
  worklog(issueId: string, worklogId: string): Promise<Obj | undefined>;
  worklogs(issueId: string): Promise<Obj[]>;
  /** Histories per issue id, for the given text fields only. */
  changelogs(issueIds: readonly string[], fieldIds: readonly string[]): Promise<Map<string, Obj[]>>;
  fields(): Promise<Obj[]>;
  /** Projects with their descriptions: all, or only those with the given keys. */
  projects(keys?: readonly string[]): Promise<Obj[]>;
  /** One project with its description; undefined when it does not exist (or is not visible). */
  project(idOrKey: string): Promise<Obj | undefined>;
  /**
   * Which of these projects (by id) an app access rule keeps content from, as Jira tells the
   * requesting app (`GET /data-policy/project`, exempt from the rules themselves): id -> blocked.
   */
  projectDataPolicies(projectIds: readonly string[]): Promise<Map<string, boolean>>;
  components(projectKey: string): Promise<Obj[]>;
  versions(projectKey: string): Promise<Obj[]>;
  /** The first `cap` bytes of an attachment (a Range request, no redirect). */
  attachmentHead(attachmentId: string, cap: number): Promise<Uint8Array>;
  /** The site's browser URL (`serverInfo.baseUrl`). */
  siteUrl(): Promise<string>;
  /** The groups a user belongs to (needs read:jira-user); a group without an id is left out. */
  userGroups(accountId: string): Promise<JiraGroup[]>;
  /** Groups whose name contains `query` (the group picker), at most `max`. */
  searchGroups(query: string, max: number): Promise<JiraGroup[]>;
  /** The groups with these ids that exist, with their names as they are now. */
  groupsById(groupIds: readonly string[]): Promise<JiraGroup[]>;
  /** Which of `permissions` the caller holds (optionally within one project). */
  myPermissions(
    permissions: readonly string[],
    projectKey?: string,
  ): Promise<Record<string, boolean>>;
  /**
   * One window of `GET /user/permission/search`: of the users at `startAt`..`startAt+maxResults`
   * (Jira looks no further than its thousandth user), the active people who hold every one of
   * `permissions` (in `projectKey` for project permissions) and match `query` or `accountId`.
   * Needs Administer Jira (or Administer Projects of that project) and read:jira-user.
   */
  usersWithPermissions(q: PermissionQuery): Promise<JiraUser[]>;
  /**
   * Has Jira email people about an issue (`POST /issue/{id}/notify`). The only write the app
   * makes, and it changes no content: its scope, send:notification:jira, allows nothing else.
   */
  notify(issueIdOrKey: string, notification: IssueNotification): Promise<void>;
}

/** A Jira user as the app shows them: the id and the name (names are never stored). */
export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
}

/** Who `usersWithPermissions` looks for: by a part of the name, or one account by its id. */
export type PermissionQuery = {
  readonly permissions: readonly string[];
  readonly projectKey?: string;
  readonly startAt: number;
  readonly maxResults: number;
} & ({ readonly query: string } | { readonly accountId: string });

/** Active people (no apps, no customers) with a name, from a list of Jira user objects. */
export function peopleOf(list: Json, endpoint: string): JiraUser[] {
  if (!Array.isArray(list) || !list.every(isObject))
    throw new JiraShapeError(endpoint, 'not a list of users');
  return list.flatMap((u) =>
    typeof u.accountId === 'string' &&
    typeof u.displayName === 'string' &&
    u.active === true &&
    u.accountType === 'atlassian'
      ? [{ accountId: u.accountId, displayName: u.displayName }]
      : [],
  );
}

/** What Jira's notify endpoint takes (the fields the app uses). */
export interface IssueNotification {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly to: { readonly reporter: boolean; readonly users: readonly { accountId: string }[] };
  /** Only people who may browse the issue get it. */
  readonly restrict: { readonly permissions: readonly { key: 'BROWSE' }[] };
}

const enc = encodeURIComponent;

/** 404 means gone (deleted, or hidden from us): a value, not an error. */
async function orMissing(get: () => Promise<Obj>): Promise<Obj | undefined> {
  try {
    return await get();
  } catch (e) {
    if (e instanceof JiraHttpError && e.status === 404) return undefined;
    throw e;
  }
}

export function createJiraClient(http: JiraHttp): JiraClient {
  /** One object; undefined when Jira answers 404. */
  const one = (path: string): Promise<Obj | undefined> =>
    orMissing(async () => obj((await http.request('GET', path)).json, path));

  /** Pages a startAt/maxResults/total endpoint to its end. */
  async function pagedByOffset(path: string, listKey: string, pageSize: number): Promise<Obj[]> {
    const out: Obj[] = [];
    for (let startAt = 0; ;) {
      const sep = path.includes('?') ? '&' : '?';
      const url = `${path}${sep}startAt=${startAt}&maxResults=${pageSize}`;
      const page = obj((await http.request('GET', url)).json, url);
      const items = arr(page, listKey, path);
      out.push(...items);
      const total = num(page.total);
      const isLast =
        page.isLast === true ||
        items.length === 0 ||
        (total !== undefined && startAt + items.length >= total);
      if (isLast) return out;
      startAt += items.length;
    }
  }

  return {
    async searchPage(q) {
      const path = '/rest/api/3/search/jql';
      const body: Obj = { jql: q.jql, fields: [...q.fields], maxResults: q.maxResults ?? 100 };
      if (q.nextPageToken) body.nextPageToken = q.nextPageToken;
      const page = obj((await http.request('POST', path, { body })).json, path);
      const issues = arr(page, 'issues', path);
      const token =
        typeof page.nextPageToken === 'string' && page.nextPageToken
          ? page.nextPageToken
          : undefined;
      return token ? { issues, nextPageToken: token } : { issues };
    },
    async approximateCount(jql) {
      const path = '/rest/api/3/search/approximate-count';
      const count = num(
        obj((await http.request('POST', path, { body: { jql } })).json, path).count,
      );
      if (count === undefined) throw new JiraShapeError(path, '"count" is not a number');
      return count;
    },
    issue: (idOrKey, fields) =>
      one(`/rest/api/3/issue/${enc(idOrKey)}?fields=${enc(fields.join(','))}`),
    comment: (issueId, commentId) =>
      one(`/rest/api/3/issue/${enc(issueId)}/comment/${enc(commentId)}`),
    worklog: (issueId, worklogId) =>
      one(`/rest/api/3/issue/${enc(issueId)}/worklog/${enc(worklogId)}`),
    comments: (issueId) =>
      pagedByOffset(`/rest/api/3/issue/${enc(issueId)}/comment?orderBy=created`, 'comments', 100),
    worklogs: (issueId) =>
      pagedByOffset(`/rest/api/3/issue/${enc(issueId)}/worklog`, 'worklogs', 5000),
    async changelogs(issueIds, fieldIds) {
      const path = '/rest/api/3/changelog/bulkfetch';
      const out = new Map<string, Obj[]>();
      // The endpoint takes 1..1000 issues and at most 10 field ids per request.
      for (let i = 0; i < issueIds.length; i += 1000) {
        const ids = issueIds.slice(i, i + 1000);
        for (let f = 0; f < Math.max(fieldIds.length, 1); f += 10) {
          const fields = fieldIds.slice(f, f + 10);
          let token: string | undefined;
          do {
            const body: Obj = { issueIdsOrKeys: ids, fieldIds: fields, maxResults: 1000 };
            if (token) body.nextPageToken = token;
            const page = obj((await http.request('POST', path, { body })).json, path);
            for (const entry of arr(page, 'issueChangeLogs', path)) {
              const issueId =
                typeof entry.issueId === 'string'
                  ? entry.issueId
                  : String(num(entry.issueId) ?? '');
              const list = out.get(issueId) ?? [];
              list.push(...arr(entry, 'changeHistories', path));
              out.set(issueId, list);
            }
            token =
              typeof page.nextPageToken === 'string' && page.nextPageToken
                ? page.nextPageToken
                : undefined;
          } while (token);
        }
      }
      return out;
    },
    async fields() {
      const path = '/rest/api/3/field';
      const list = (await http.request('GET', path)).json;
      if (!Array.isArray(list) || !list.every(isObject))
        throw new JiraShapeError(path, 'not a list of fields');
      return list;
    },
    async projects(keys) {
      const base = '/rest/api/3/project/search?expand=description&orderBy=key';
      if (!keys) return pagedByOffset(base, 'values', 100);
      const out: Obj[] = [];
      // The endpoint takes at most 50 keys per call; filter again in case a server ignores them.
      for (let i = 0; i < keys.length; i += 50) {
        const chunk = keys.slice(i, i + 50);
        const page = await pagedByOffset(
          `${base}&${chunk.map((k) => `keys=${enc(k)}`).join('&')}`,
          'values',
          100,
        );
        out.push(...page.filter((p) => typeof p.key === 'string' && chunk.includes(p.key)));
      }
      return out;
    },
    project: (idOrKey) => one(`/rest/api/3/project/${enc(idOrKey)}?expand=description`),
    async projectDataPolicies(projectIds) {
      const out = new Map<string, boolean>();
      // The endpoint takes at most 50 ids per call.
      for (let i = 0; i < projectIds.length; i += 50) {
        const path = `/rest/api/3/data-policy/project?ids=${projectIds
          .slice(i, i + 50)
          .map(enc)
          .join(',')}`;
        const page = obj((await http.request('GET', path)).json, path);
        for (const p of arr(page, 'projectDataPolicies', path)) {
          const policy = p.dataPolicy;
          if ((typeof p.id !== 'number' && typeof p.id !== 'string') || !isObject(policy))
            throw new JiraShapeError(path, 'a project policy without id or dataPolicy');
          out.set(String(p.id), policy.anyContentBlocked === true);
        }
      }
      return out;
    },
    async components(projectKey) {
      const path = `/rest/api/3/project/${enc(projectKey)}/components`;
      const list = (await http.request('GET', path)).json;
      if (!Array.isArray(list) || !list.every(isObject))
        throw new JiraShapeError(path, 'not a list');
      return list;
    },
    async versions(projectKey) {
      const path = `/rest/api/3/project/${enc(projectKey)}/versions`;
      const list = (await http.request('GET', path)).json;
      if (!Array.isArray(list) || !list.every(isObject))
        throw new JiraShapeError(path, 'not a list');
      return list;
    },
    async attachmentHead(attachmentId, cap) {
      const path = `/rest/api/3/attachment/content/${enc(attachmentId)}?redirect=false`;
      const { bytes } = await http.requestBytes(path, { Range: `bytes=0-${cap - 1}` });
      // A server that ignores Range sends everything: keep the cap ourselves.
      return bytes.subarray(0, cap);
    },
    async siteUrl() {
      const path = '/rest/api/3/serverInfo';
      const info = obj((await http.request('GET', path)).json, path);
      if (typeof info.baseUrl !== 'string')
        throw new JiraShapeError(path, '"baseUrl" is not a string');
      return info.baseUrl;
    },
    async userGroups(accountId) {
      const path = `/rest/api/3/user/groups?accountId=${enc(accountId)}`;
      const list = (await http.request('GET', path)).json;
      if (!Array.isArray(list) || !list.every(isObject))
        throw new JiraShapeError('/rest/api/3/user/groups', 'not a list of groups');
      return groupsOf(list);
    },
    async searchGroups(query, max) {
      const endpoint = '/rest/api/3/groups/picker';
      const path = `${endpoint}?query=${enc(query)}&maxResults=${max}`;
      // Named without its query: a typed name stays out of error logs.
      return groupsOf(
        arr(obj((await http.request('GET', path)).json, endpoint), 'groups', endpoint),
      );
    },
    async groupsById(groupIds) {
      const endpoint = '/rest/api/3/group/bulk';
      const out: JiraGroup[] = [];
      // At most 50 a page; ids go in the query, so a few at a time keeps URLs short.
      for (let i = 0; i < groupIds.length; i += 50) {
        const ids = groupIds.slice(i, i + 50).map((id) => `groupId=${enc(id)}`);
        const page = await pagedByOffset(`${endpoint}?${ids.join('&')}`, 'values', 50);
        out.push(...groupsOf(page));
      }
      return out;
    },
    async myPermissions(permissions, projectKey) {
      const query = `permissions=${enc(permissions.join(','))}${projectKey ? `&projectKey=${enc(projectKey)}` : ''}`;
      const path = `/rest/api/3/mypermissions?${query}`;
      const perms = obj(obj((await http.request('GET', path)).json, path).permissions, path);
      return Object.fromEntries(
        permissions.map((p) => [p, isObject(perms[p]) && perms[p].havePermission === true]),
      );
    },
    async usersWithPermissions(q) {
      const endpoint = '/rest/api/3/user/permission/search';
      const who = 'query' in q ? `query=${enc(q.query)}` : `accountId=${enc(q.accountId)}`;
      const where = q.projectKey === undefined ? '' : `&projectKey=${enc(q.projectKey)}`;
      const path = `${endpoint}?permissions=${enc(q.permissions.join(','))}${where}&${who}&startAt=${q.startAt}&maxResults=${q.maxResults}`;
      // Named without its query: a typed name stays out of error logs.
      return peopleOf((await http.request('GET', path)).json, endpoint);
    },
    async notify(issueIdOrKey, notification) {
      await http.request('POST', `/rest/api/3/issue/${enc(issueIdOrKey)}/notify`, {
        body: notification,
      });
    },
  };
}
