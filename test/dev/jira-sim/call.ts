import type { JiraSimulator } from '../../../dev/jira-sim/server.js';
import type { JiraClient } from '../../../src/jira/client.js';

export interface Called {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Parsed JSON body, or undefined for an empty or binary one. */
  readonly json: unknown;
  readonly bytes: Uint8Array;
}

/** One request through `handle`, JSON in and (when it is JSON) out. */
export async function call(
  sim: JiraSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Called> {
  const res = await sim.handle({
    method,
    path,
    headers: { Accept: 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const bytes = typeof res.body === 'string' ? new TextEncoder().encode(res.body) : res.body;
  const isJson = res.headers['content-type']?.startsWith('application/json') === true;
  return {
    status: res.status,
    headers: res.headers,
    json: isJson ? JSON.parse(new TextDecoder().decode(bytes)) : undefined,
    bytes,
  };
}

export type Obj = Record<string, unknown>;
export const asObj = (v: unknown): Obj => v as Obj;
export const list = (v: unknown, key: string): Obj[] => (v as Record<string, Obj[]>)[key] ?? [];

/** Keys of every issue of OPS and PAY, following the search's page tokens to the end. */
export async function allIssueKeys(client: JiraClient): Promise<string[]> {
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.searchPage({
      jql: 'project in (OPS, PAY) ORDER BY key',
      fields: ['summary', 'comment'],
      ...(token ? { nextPageToken: token } : {}),
    });
    seen.push(...page.issues.map((i) => i.key as string));
    token = page.nextPageToken;
  } while (token);
  return seen;
}
