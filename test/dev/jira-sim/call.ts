import type { JiraSimulator } from '../../../dev/jira-sim/server.js';

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
