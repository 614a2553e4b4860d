/**
 * The simulator's user look-ups: `GET /user/search`, `GET /user/permission/search` (who may be
 * assigned an incident) and `GET /user/bulk` (names of assignees), in Jira's shapes over the
 * fixture's users (all of them active people). Users are identity objects: 2 points each, like
 * groups.
 * @module
 */
import { SiteError, type SimSite, type SiteUser } from './fixture.js';
import { holds, permissionKeys } from './permissions.js';
import { isProjectAdmin, isSiteAdmin, type Renderer, type Viewer } from './render.js';

/** The part of the server's request context these handlers read. */
interface UserCtx {
  readonly site: SimSite;
  readonly render: Renderer;
  readonly viewer: Viewer;
  readonly query: URLSearchParams;
  /** Path and query as requested, for `self` and `nextPage`. */
  readonly url: URL;
}

interface UserReply {
  readonly status: number;
  readonly json: unknown;
  readonly objects: number;
}

/** A non-negative integer query parameter; Jira caps what is too large rather than refusing. */
function count(ctx: UserCtx, name: string, fallback: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new SiteError(400, `'${name}' must be a non-negative integer.`);
  return Math.min(Number(raw), max);
}

function rendered(ctx: UserCtx, users: readonly SiteUser[]): UserReply {
  return {
    status: 200,
    json: users.map((u) => ctx.render.user(u.accountId)),
    objects: 2 * users.length,
  };
}

/**
 * `GET /user/search?query=`: users whose display name contains the query, any case (Jira also
 * matches emails and word starts; a substring of the name is what the picker relies on).
 */
export function searchUsers(ctx: UserCtx): UserReply {
  const query = ctx.query.get('query')?.trim().toLowerCase() ?? '';
  const accountId = ctx.query.get('accountId');
  if (!query && !accountId)
    throw new SiteError(400, "The query parameter 'query' or 'accountId' is required.");
  const startAt = count(ctx, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = count(ctx, 'maxResults', 50, 1000);
  const found = ctx.site.users.filter(
    (u) =>
      (!query || u.displayName.toLowerCase().includes(query)) &&
      (!accountId || u.accountId === accountId),
  );
  return rendered(ctx, found.slice(startAt, startAt + maxResults));
}

/** `user/permission/search` looks no further than the site's thousandth user. */
export const PERMISSION_SEARCH_REACH = 1000;

/**
 * Jira's `query`: a prefix of the name (the whole of it typed, too) or of a word of it, or of the
 * email address, any case.
 */
function matchesQuery(user: SiteUser, query: string): boolean {
  const q = query.toLowerCase();
  const name = user.displayName.toLowerCase();
  return (
    name.startsWith(q) ||
    name.split(/\s+/).some((w) => w.startsWith(q)) ||
    (user.emailAddress?.toLowerCase().startsWith(q) ?? false)
  );
}

/**
 * `GET /user/permission/search?permissions=..&projectKey=..&query=..|accountId=..`: as Jira
 * documents it, the users from `startAt` to `startAt + maxResults` (never past the thousandth)
 * are taken first, and of those only the ones who match and hold every permission (in the
 * project, for project permissions) are returned, so a page usually holds fewer than
 * `maxResults`. The caller must administer Jira, or the project asked about; the app (a member
 * of Jira's add-ons admin group) may ask about any.
 */
export function permissionSearch(ctx: UserCtx): UserReply {
  const keys = permissionKeys(ctx.query.get('permissions'));
  const query = ctx.query.get('query')?.trim() ?? '';
  const accountId = ctx.query.get('accountId');
  if (!query && !accountId)
    throw new SiteError(400, "The query parameter 'query' or 'accountId' is required.");
  const projectKey = ctx.query.get('projectKey');
  const project = projectKey === null ? undefined : ctx.site.project(projectKey);
  if (projectKey !== null && !project)
    throw new SiteError(404, `No project could be found with key '${projectKey}'.`);
  const v = ctx.viewer;
  if (v.kind === 'user' && !isSiteAdmin(v.user) && !(project && isProjectAdmin(v.user, project)))
    throw new SiteError(
      403,
      'You do not have permission to search for users with these permissions.',
    );
  const startAt = count(ctx, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = count(ctx, 'maxResults', 50, PERMISSION_SEARCH_REACH);
  const range = ctx.site.users.slice(
    startAt,
    Math.min(startAt + maxResults, PERMISSION_SEARCH_REACH),
  );
  return rendered(
    ctx,
    range.filter(
      (u) =>
        (!query || matchesQuery(u, query)) &&
        (!accountId || u.accountId === accountId) &&
        keys.every((k) => holds(ctx.site, u, k, project)),
    ),
  );
}

/** `GET /user/bulk?accountId=..`: a page of the named users; unknown ids are left out. */
export function bulkUsers(ctx: UserCtx): UserReply {
  const ids = ctx.query.getAll('accountId');
  if (ids.length === 0) throw new SiteError(400, "The 'accountId' query parameter is required.");
  const startAt = count(ctx, 'startAt', 0, Number.MAX_SAFE_INTEGER);
  const maxResults = count(ctx, 'maxResults', 10, 200);
  const found = [...new Set(ids)].flatMap((id) => {
    const u = ctx.site.user(id);
    return u ? [u] : [];
  });
  const page = found.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= found.length;
  const next = new URL(ctx.url);
  next.searchParams.set('startAt', String(startAt + page.length));
  const base = ctx.render.baseUrl;
  return {
    status: 200,
    json: {
      self: `${base}${ctx.url.pathname}${ctx.url.search}`,
      ...(isLast ? {} : { nextPage: `${base}${next.pathname}${next.search}` }),
      maxResults,
      startAt,
      total: found.length,
      isLast,
      values: rendered(ctx, page).json,
    },
    objects: 2 * page.length,
  };
}
