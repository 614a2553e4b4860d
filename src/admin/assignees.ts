/**
 * Who may be assigned an incident: whoever can see it, by the rule the pages apply (resolvers.ts).
 * Jira administrators see every incident; a project's administrators, and the members of the team
 * group who may browse the project, see that project's incidents. An incident found in several
 * projects is seen whole only by someone who sees it in every one of them, and one outside any
 * project by Jira administrators only.
 *
 * Jira is asked as the app (`GET /user/permission/search` needs Administer Jira or Administer
 * Projects, which the viewer may lack), and only after the page let the viewer in. Each answer is
 * kept for the call, so a bulk action asks once per permission and project, not once per row.
 * @module
 */
import type { JiraClient, JiraUser } from '../jira/client.js';
import { JiraHttpError } from '../jira/http.js';

/** `user/permission/search` looks no further than Jira's thousandth user. */
export const JIRA_USER_REACH = 1000;
/** Users one permission search examines (the whole reach: one request per permission asked). */
export const PERMISSION_WINDOW = 1000;
/** Team-group look-ups (one request each) one search may make; later candidates are left out. */
export const TEAM_LOOKUPS = 25;

/** What must be seen: every project of the incidents at hand. */
export interface Audience {
  readonly projectKeys: readonly string[];
  /** One of the incidents is in no project: only Jira administrators see it. */
  readonly adminsOnly: boolean;
  /** The team group's id from the settings; null when none is chosen. */
  readonly teamGroupId: string | null;
}

/** The audience of some incidents: all their projects together. */
export function audienceOf(
  incidents: readonly { readonly project_keys: readonly string[] }[],
  teamGroupId: string | null,
): Audience {
  return {
    projectKeys: [...new Set(incidents.flatMap((i) => i.project_keys))].sort(),
    adminsOnly: incidents.some((i) => i.project_keys.length === 0),
    teamGroupId,
  };
}

/** Why someone cannot see an incident: the projects they lack, and whether they are in the team. */
export interface AccessGap {
  readonly adminsOnly: boolean;
  readonly missing: readonly string[];
  readonly inTeam: boolean;
}

type Who = { readonly query: string } | { readonly accountId: string };

export interface AccessProbe {
  /** The people `query` finds who can see everything in `audience`, by name, at most `limit`. */
  people(audience: Audience, query: string, limit: number): Promise<JiraUser[]>;
  /** What keeps `accountId` from seeing everything in `audience`; undefined when nothing does. */
  gap(audience: Audience, accountId: string): Promise<AccessGap | undefined>;
}

interface ProjectHolders {
  readonly key: string;
  readonly admins: ReadonlyMap<string, JiraUser>;
  readonly browsers: ReadonlyMap<string, JiraUser>;
}

const byId = (users: readonly JiraUser[]) => new Map(users.map((u) => [u.accountId, u]));

export function createAccessProbe(asApp: JiraClient): AccessProbe {
  const asked = new Map<string, Promise<JiraUser[]>>();
  const teams = new Map<string, Promise<boolean>>();

  const holders = (permission: string, projectKey: string | undefined, who: Who, at: number) => {
    const key = JSON.stringify([permission, projectKey ?? null, who, at]);
    let found = asked.get(key);
    if (!found) {
      found = asApp.usersWithPermissions({
        permissions: [permission],
        ...(projectKey === undefined ? {} : { projectKey }),
        ...who,
        startAt: at,
        maxResults: PERMISSION_WINDOW,
      });
      asked.set(key, found);
    }
    return found;
  };

  /** Compared by id: a renamed group keeps its members, a reused name gains nothing. */
  const inTeam = (accountId: string, teamGroupId: string): Promise<boolean> => {
    let member = teams.get(accountId);
    if (!member) {
      member = asApp.userGroups(accountId).then(
        (groups) => groups.some((g) => g.groupId === teamGroupId),
        // Jira's 404: no such account, so in no group.
        (e: unknown) => {
          if (e instanceof JiraHttpError && e.status === 404) return false;
          throw e;
        },
      );
      teams.set(accountId, member);
    }
    return member;
  };

  /** Per project of the audience, who administers it and (with a team) who may browse it. */
  const projectHolders = (audience: Audience, who: Who, at: number): Promise<ProjectHolders[]> =>
    Promise.all(
      audience.projectKeys.map(async (key) => ({
        key,
        admins: byId(await holders('ADMINISTER_PROJECTS', key, who, at)),
        browsers:
          audience.teamGroupId === null
            ? new Map<string, JiraUser>()
            : byId(await holders('BROWSE_PROJECTS', key, who, at)),
      })),
    );

  return {
    async people(audience, query, limit) {
      const who = { query };
      const found = new Map<string, JiraUser>();
      let lookups = 0;
      for (let at = 0; at < JIRA_USER_REACH && found.size < limit; at += PERMISSION_WINDOW) {
        for (const u of await holders('ADMINISTER', undefined, who, at)) found.set(u.accountId, u);
        const team = audience.teamGroupId;
        if (audience.adminsOnly || audience.projectKeys.length === 0) continue;
        const projects = await projectHolders(audience, who, at);
        const [first, ...rest] = projects;
        if (!first) continue;
        // Someone each project lets in, as its admin or as one who may browse it.
        const candidates = [...first.admins.values(), ...first.browsers.values()].filter((u) =>
          rest.every((p) => p.admins.has(u.accountId) || p.browsers.has(u.accountId)),
        );
        for (const u of candidates) {
          if (found.size >= limit) break;
          if (found.has(u.accountId)) continue;
          // Browsing is enough only for the team: ask for the groups of those who need it.
          if (projects.every((p) => p.admins.has(u.accountId))) found.set(u.accountId, u);
          else if (team !== null && lookups < TEAM_LOOKUPS) {
            if (!teams.has(u.accountId)) lookups++;
            if (await inTeam(u.accountId, team)) found.set(u.accountId, u);
          }
        }
      }
      return [...found.values()]
        .sort(
          (a, b) =>
            a.displayName.localeCompare(b.displayName) || (a.accountId < b.accountId ? -1 : 1),
        )
        .slice(0, limit);
    },

    async gap(audience, accountId) {
      const who = { accountId };
      for (let at = 0; at < JIRA_USER_REACH; at += PERMISSION_WINDOW)
        if ((await holders('ADMINISTER', undefined, who, at)).length > 0) return undefined;
      if (audience.adminsOnly || audience.projectKeys.length === 0)
        return { adminsOnly: true, missing: [], inTeam: false };
      const admin = new Set<string>();
      const browse = new Set<string>();
      for (let at = 0; at < JIRA_USER_REACH; at += PERMISSION_WINDOW)
        for (const p of await projectHolders(audience, who, at)) {
          if (p.admins.has(accountId)) admin.add(p.key);
          if (p.browsers.has(accountId)) browse.add(p.key);
        }
      const team = audience.teamGroupId;
      const member = team !== null && (await inTeam(accountId, team));
      const missing = audience.projectKeys.filter(
        (k) => !admin.has(k) && !(member && browse.has(k)),
      );
      return missing.length === 0 ? undefined : { adminsOnly: false, missing, inTeam: member };
    },
  };
}

/** "PAY", "PAY and OPS", "OPS, PAY and WEB". */
function listed(keys: readonly string[]): string {
  return keys.length < 2 ? (keys[0] ?? '') : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
}

/** The refusal of an assignment, in the page's words, saying what would let them in. */
export function cannotSee(name: string, gap: AccessGap, teamChosen: boolean): string {
  const head = `${name} cannot see this incident`;
  if (gap.adminsOnly)
    return `${head}: only Jira administrators see an incident outside any project`;
  const where = listed(gap.missing);
  if (!teamChosen)
    return `${head}: make them an admin of ${where}, or choose a team group for them in the app’s settings`;
  if (gap.inTeam) return `${head}: let them browse ${where} or make them an admin of ${where}`;
  return `${head}: add them to the team group or make them an admin of ${where}`;
}
