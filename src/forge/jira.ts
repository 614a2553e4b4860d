/**
 * `requestJira` behind the core's fetch port. The client builds paths from ids it read from Jira
 * and escapes each parameter itself, so the path is trusted as it is.
 * @module
 */
import api, { assumeTrustedRoute } from '@forge/api';
import { createJiraClient, type JiraClient } from '../jira/client.js';
import { createJiraHttp, type HttpResponse, type JiraFetch } from '../jira/http.js';
import { createUserJiraClient, type UserJiraClient } from '../jira/users.js';

const sleep = (ms: number): Promise<void> =>
  new Promise((r) => {
    setTimeout(r, ms);
  });

function port(requester: ReturnType<typeof api.asApp>): JiraFetch {
  return async (path, init): Promise<HttpResponse> =>
    requester.requestJira(assumeTrustedRoute(path), {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
}

/** Jira as the app; waits of more than `maxWaitMs` are handed back (the caller re-queues). */
export function jiraAsApp(maxWaitMs: number): JiraClient {
  return createJiraClient(
    createJiraHttp({
      fetch: port(api.asApp()),
      sleep,
      random: Math.random,
      now: Date.now,
      maxWaitMs,
    }),
  );
}

/** Jira as the calling user: permission checks and the people that user may see. */
export function jiraAsUser(): UserJiraClient {
  return createUserJiraClient(
    createJiraHttp({
      fetch: port(api.asUser()),
      sleep,
      random: Math.random,
      now: Date.now,
      maxWaitMs: 2000,
    }),
  );
}
