/**
 * Jira users by account id, over the same transport as the client (so they are retried and
 * counted like every other endpoint). The admin pages call them as the signed-in user: Jira then
 * shows only the people that user may browse. Names are read for display and never stored by the
 * app. (Who may be assigned an incident is the client's `usersWithPermissions`, asked as the app.)
 * @module
 */
import { z } from 'zod';
import { createJiraClient, JiraShapeError, type JiraClient, type JiraUser } from './client.js';
import type { JiraHttp } from './http.js';

export type { JiraUser };

export interface JiraUsers {
  /** Names of the given accounts, any number of them; accounts Jira does not return are left out. */
  usersByIds(accountIds: readonly string[]): Promise<JiraUser[]>;
}

/** The client of a calling user: its endpoints and the user look-ups. */
export type UserJiraClient = JiraClient & JiraUsers;

// Only the keys the app reads; zod drops the rest (avatars, emails, time zones).
const User = z.object({
  accountId: z.string(),
  // Absent when the profile hides it.
  displayName: z.string().optional(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
});
const UserList = z.array(User);
const UserPage = z.object({ values: UserList, isLast: z.boolean().optional() });

/** `GET /user/bulk` takes at most this many ids per request. */
export const BULK_USERS = 50;

const enc = encodeURIComponent;
const BULK = '/rest/api/3/user/bulk';

/** The endpoint is named without its query: a typed name fragment stays out of error logs. */
function parsed<T>(schema: z.ZodType<T>, json: unknown, endpoint: string): T {
  const r = schema.safeParse(json);
  if (!r.success) throw new JiraShapeError(endpoint, 'not a list of users');
  return r.data;
}

const named = (users: readonly z.infer<typeof User>[]): JiraUser[] =>
  users.flatMap((u) =>
    u.displayName === undefined ? [] : [{ accountId: u.accountId, displayName: u.displayName }],
  );

export function createJiraUsers(http: JiraHttp): JiraUsers {
  return {
    async usersByIds(accountIds) {
      const ids = [...new Set(accountIds)];
      const out: JiraUser[] = [];
      for (let i = 0; i < ids.length; i += BULK_USERS) {
        const chunk = ids.slice(i, i + BULK_USERS);
        const base = `${BULK}?${chunk.map((id) => `accountId=${enc(id)}`).join('&')}`;
        // maxResults defaults to 10: ask for the whole chunk, and page in case a server pages anyway.
        for (let startAt = 0; ;) {
          const path = `${base}&startAt=${startAt}&maxResults=${chunk.length}`;
          const page = parsed(UserPage, (await http.request('GET', path)).json, BULK);
          out.push(...named(page.values));
          startAt += page.values.length;
          if (page.isLast !== false || page.values.length === 0) break;
        }
      }
      return out;
    },
  };
}

/** Jira as the calling user: the client and the user look-ups over one transport. */
export function createUserJiraClient(http: JiraHttp): UserJiraClient {
  return { ...createJiraClient(http), ...createJiraUsers(http) };
}
