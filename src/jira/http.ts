/**
 * The Jira REST v3 transport over an injected fetch: retries with the platform's rules, typed
 * errors, and counts of requests and estimated rate-limit points per endpoint.
 *
 * - 429 with a quota reason (points per hour): not retried here; the caller must pause until the
 *   window resets (JiraRateLimitError kind `quota`, with the wait).
 * - 429 burst or per-issue: waits `Retry-After` (or backs off) and retries, unless the wait is longer
 *   than the caller can afford (`maxWaitMs`): then it throws, so a queue consumer can re-queue.
 * - 5xx and network errors: exponential backoff from `baseDelayMs` with jitter x0.7-1.3.
 * - Other 4xx: JiraHttpError at once. No error message carries a response body (it may hold text).
 * @module
 */

export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The fetch port: Forge's requestJira, the harness simulator, or a test double. */
export type JiraFetch = (
  path: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<HttpResponse>;

export type RateLimitKind = 'quota' | 'burst' | 'per-issue' | 'unknown';

export class JiraRateLimitError extends Error {
  override readonly name = 'JiraRateLimitError';
  constructor(
    readonly kind: RateLimitKind,
    readonly retryAfterMs: number,
    readonly endpoint: string,
  ) {
    super(
      `Jira rate limit (${kind}) on ${endpoint}; retry after ${Math.ceil(retryAfterMs / 1000)} s`,
    );
  }
}

export class JiraHttpError extends Error {
  override readonly name = 'JiraHttpError';
  constructor(
    readonly status: number,
    readonly endpoint: string,
  ) {
    super(
      status === 0 ? `Jira unreachable on ${endpoint}` : `Jira answered ${status} on ${endpoint}`,
    );
  }
}

export interface EndpointStats {
  requests: number;
  points: number;
  retries: number;
  rateLimited: number;
}

export interface JiraHttpOptions {
  readonly fetch: JiraFetch;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1): jitter. */
  readonly random: () => number;
  /** Epoch ms, for `X-RateLimit-Reset`. */
  readonly now: () => number;
  /** Default: 4. */
  readonly maxRetries?: number;
  /** Longest single wait before giving the error to the caller instead. Default: 10 s. */
  readonly maxWaitMs?: number;
  /** Default: 2 s (Atlassian's advice). */
  readonly baseDelayMs?: number;
}

export interface JiraResponse {
  readonly status: number;
  readonly headers: HttpResponse['headers'];
  /** Parsed JSON (undefined for an empty body). */
  readonly json: unknown;
}

/** Path segments that name a resource kind, never an id or key. */
const FIXED = new Set(['search', 'bulkfetch', 'list', 'meta', 'content', 'comment', 'worklog']);
const KEYED = new Set([
  'project',
  'issue',
  'comment',
  'worklog',
  'content',
  'version',
  'component',
]);

/**
 * `/rest/api/3/issue/10001/comment` -> `/rest/api/3/issue/{id}/comment`, and a project key in
 * `/project/OPS/components` likewise, for per-endpoint counts.
 */
export function endpointOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  const template = bare
    .split('/')
    .map((seg, i, all) => {
      const prev = all[i - 1] ?? '';
      const isId =
        prev !== 'api' &&
        (/^\d+$/.test(seg) ||
          /^[A-Z][A-Z0-9_]+-\d+$/.test(seg) ||
          (KEYED.has(prev) && seg !== '' && !FIXED.has(seg)));
      return isId ? '{id}' : seg;
    })
    .join('/');
  return `${method.toUpperCase()} ${template}`;
}

/**
 * Points a response costs, by Atlassian's published model: 1 per request, plus 1 per core object
 * returned (issues, projects, attachments). Comments, worklogs, histories, fields and
 * permissions are not core objects, so those pages cost the flat 1.
 */
function estimatePoints(json: unknown): number {
  // Groups and users are identity objects: 2 points each.
  const identity = (v: unknown) =>
    typeof v === 'object' && v !== null && ('groupId' in v || 'accountId' in v);
  if (Array.isArray(json)) return 1 + 2 * json.filter(identity).length;
  if (typeof json !== 'object' || json === null) return 1;
  const o = json as Record<string, unknown>;
  if (Array.isArray(o.issues)) return 1 + o.issues.length;
  // A page of users (`/user/bulk`).
  if (Array.isArray(o.values) && o.values.length > 0 && o.values.every(identity))
    return 1 + 2 * o.values.length;
  // A project search page (`values` of projects) or one issue.
  if (
    Array.isArray(o.values) &&
    o.values.every((v) => typeof v === 'object' && v !== null && 'key' in v && 'name' in v)
  )
    return 1 + o.values.length;
  if (typeof o.key === 'string' && typeof o.fields === 'object') return 2;
  // One project (`/project/{idOrKey}`): a core object too.
  if (typeof o.key === 'string' && typeof o.projectTypeKey === 'string') return 2;
  return 1;
}

/** Totals over per-endpoint counts, with a copy of them (the client's and the simulator's). */
export function endpointTotals<T extends { requests: number; points: number }>(
  byEndpoint: Record<string, T>,
): { requests: number; points: number; byEndpoint: Record<string, T> } {
  const all = Object.values(byEndpoint);
  return {
    requests: all.reduce((n, s) => n + s.requests, 0),
    points: all.reduce((n, s) => n + s.points, 0),
    byEndpoint: structuredClone(byEndpoint),
  };
}

function rateLimitKind(reason: string | null): RateLimitKind {
  if (!reason) return 'unknown';
  if (reason.includes('quota') || reason.includes('cost')) return 'quota';
  if (reason.includes('burst')) return 'burst';
  if (reason.includes('per-issue')) return 'per-issue';
  return 'unknown';
}

/** Wait the server asks for: Retry-After (seconds or HTTP date), else X-RateLimit-Reset. */
function serverWaitMs(headers: HttpResponse['headers'], now: number): number | undefined {
  const ra = headers.get('retry-after');
  if (ra !== null) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}

export interface JiraHttp {
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<JiraResponse>;
  /** Raw bytes (attachments); same retry rules. */
  requestBytes(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; bytes: Uint8Array }>;
  stats(): { requests: number; points: number; byEndpoint: Record<string, EndpointStats> };
}

export function createJiraHttp(opts: JiraHttpOptions): JiraHttp {
  const maxRetries = opts.maxRetries ?? 4;
  const maxWaitMs = opts.maxWaitMs ?? 10_000;
  const baseDelayMs = opts.baseDelayMs ?? 2000;
  const byEndpoint: Record<string, EndpointStats> = {};
  const statsOf = (endpoint: string): EndpointStats =>
    (byEndpoint[endpoint] ??= { requests: 0, points: 0, retries: 0, rateLimited: 0 });
  const backoff = (attempt: number): number =>
    baseDelayMs * 2 ** attempt * (0.7 + 0.6 * opts.random());

  async function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<HttpResponse> {
    const endpoint = endpointOf(method, path);
    const st = statsOf(endpoint);
    for (let attempt = 0; ; attempt++) {
      st.requests++;
      let res: HttpResponse | undefined;
      try {
        res = await opts.fetch(
          path,
          body === undefined ? { method, headers } : { method, headers, body },
        );
      } catch {
        res = undefined; // network failure: retried like a 5xx
      }
      const status = res?.status ?? 0;
      if (res && status < 400) return res;
      let wait: number;
      if (res && status === 429) {
        st.rateLimited++;
        const kind = rateLimitKind(res.headers.get('ratelimit-reason'));
        wait = serverWaitMs(res.headers, opts.now()) ?? backoff(attempt);
        if (kind === 'quota' || wait > maxWaitMs || attempt >= maxRetries) {
          throw new JiraRateLimitError(kind, wait, endpoint);
        }
      } else if (status === 0 || status >= 500) {
        if (attempt >= maxRetries) throw new JiraHttpError(status, endpoint);
        wait = (res && serverWaitMs(res.headers, opts.now())) ?? backoff(attempt);
        if (wait > maxWaitMs) throw new JiraHttpError(status, endpoint);
      } else {
        throw new JiraHttpError(status, endpoint);
      }
      st.retries++;
      await opts.sleep(wait);
    }
  }

  return {
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      const res = await send(method, path, headers, body);
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        throw new JiraHttpError(res.status, `${endpointOf(method, path)} (response is not JSON)`);
      }
      statsOf(endpointOf(method, path)).points += estimatePoints(json);
      return { status: res.status, headers: res.headers, json };
    },
    async requestBytes(path, headers = {}) {
      const res = await send('GET', path, headers, undefined);
      statsOf(endpointOf('GET', path)).points += 2; // the request and the attachment
      return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
    },
    stats: () => endpointTotals(byEndpoint),
  };
}
