/**
 * The client of the incident API (`docs/incident-api.openapi.yaml`) over an injected fetch: batch
 * upserts of incidents with their occurrences, and a connection test. Results are values, never
 * throws: `{ ok: true }` or a failure with a kind the outbox acts on.
 *
 * - The body is built field by field from our model: internal fields (`scope`, `incident_id`) and
 *   anything else an object may carry are left out, and a preview that is not masked is replaced
 *   by the bare mask, so nothing raw can leave even if a caller passes it in.
 * - Requests stay under the contract's limits (50 incidents, 1 MiB); a big incident's occurrences
 *   are spread over several requests (the server merges them by id).
 * - A 400 or 413 on a request of several incidents is bisected, so one bad incident is isolated
 *   instead of holding back the others (413 also splits one incident's occurrences).
 * - No message carries the token or a response body: only the status, the path and, for a 4xx,
 *   the short `error` code of the body when it is one.
 * @module
 */
import { validityOf, type Incident, type Match, type OccurrenceLocation } from './model.js';
import type { IncidentReport, ReportOccurrence } from './report.js';

export interface ApiResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The fetch port: Forge's `fetch` (egress), Node's, the loopback server's, or a test double. */
export type IncidentApiFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    /** A redirect could carry the token elsewhere: it is reported, not followed. */
    redirect: 'manual';
  },
) => Promise<ApiResponse>;

/**
 * - `auth`: 401/403, the token is wrong or revoked (keep, retry later, tell the admin).
 * - `rate-limited`: 429 (wait `retryAfterMs` when given).
 * - `unavailable`: 5xx and other transient answers (retry with backoff).
 * - `rejected`: 400/413/422, the request breaks the contract (a bug: not retried at once).
 * - `network`: no answer at all.
 * - `config`: the base URL, token or site URL is unusable, or the URL answers 404/405/3xx.
 */
export type ApiFailureKind =
  'auth' | 'rate-limited' | 'unavailable' | 'rejected' | 'network' | 'config';

export interface ApiFailure {
  readonly ok: false;
  readonly kind: ApiFailureKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly message: string;
}

export type ApiResult = { readonly ok: true } | ApiFailure;

export type UpsertResult =
  | { readonly ok: true; readonly requests: number }
  | (ApiFailure & {
      /** Incidents every part of which the server acknowledged (2xx). */
      readonly delivered: readonly string[];
      /** Incidents the server refused (400/413) or too large to send: not retried at once. */
      readonly rejected: readonly RejectedIncident[];
      readonly requests: number;
    });

export interface RejectedIncident {
  readonly id: string;
  readonly status?: number;
  readonly message: string;
}

export type ConnectionResult = { readonly ok: true; readonly workspace?: string } | ApiFailure;

export interface IncidentApi {
  upsert(incidents: readonly IncidentReport[]): Promise<UpsertResult>;
  testConnection(): Promise<ConnectionResult>;
}

export const BATCH_PATH = '/v1/jira/incidents:batch';
export const HEALTH_PATH = '/v1/health';

/** The contract's limits. */
export const API_LIMITS = {
  maxIncidents: 50,
  maxBytes: 1_048_576,
  /** Matches listed per occurrence (the first ones). */
  maxMatches: 1000,
} as const;

export interface IncidentApiOptions {
  readonly fetch: IncidentApiFetch;
  /** https (http only on loopback); may carry a path prefix. */
  readonly baseUrl: string;
  readonly token: string;
  /** The Jira site's browser URL (`source.site_url`). */
  readonly siteUrl: string;
  readonly cloudId?: string;
  /** Lower limits than the contract's (tests, a server that asks for less). */
  readonly maxIncidentsPerRequest?: number;
  readonly maxBytesPerRequest?: number;
  /** Epoch ms, to read a `Retry-After` given as an HTTP date. */
  readonly now?: () => number;
}

// --- The body: our model, field by field ---------------------------------------------------

export interface ApiOccurrence {
  readonly id: string;
  readonly kind: ReportOccurrence['kind'];
  readonly presence: ReportOccurrence['presence'];
  readonly url: string;
  readonly matches: Match[];
  readonly location: OccurrenceLocation;
  readonly date: string;
  readonly last_seen: string;
  readonly removed_at?: string;
}

export type ApiIncidentHead = Omit<Incident, 'detector' | 'project_keys'> & {
  readonly detector: Incident['detector'];
  readonly project_keys: string[];
};

export interface ApiIncident extends ApiIncidentHead {
  readonly occurrences: ApiOccurrence[];
}

export interface BatchBody {
  readonly source: { readonly type: 'jira'; readonly site_url: string; readonly cloud_id?: string };
  readonly incidents: ApiIncident[];
}

/** What redact() makes: up to 4 characters, the fixed-width mask, up to 2 characters. */
const MASKED = /^.{0,4}\*{8}.{0,2}$/;
const MASK = '********';

const LOCATION_KEYS = [
  'projectKey',
  'issueKey',
  'issueId',
  'field',
  'commentId',
  'worklogId',
  'attachmentId',
  'historyId',
  'historyField',
  'historyValue',
  'componentId',
  'versionId',
] as const satisfies readonly (keyof OccurrenceLocation)[];

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function apiIncidentHead(i: Incident): ApiIncidentHead {
  return {
    id: i.id,
    detector: {
      name: i.detector.name,
      display_name: i.detector.display_name,
      family: i.detector.family,
    },
    secret_hash: i.secret_hash,
    secret_preview: MASKED.test(i.secret_preview) ? i.secret_preview : MASK,
    ...opt(
      'partner',
      i.partner && {
        kind: i.partner.kind,
        name: i.partner.name,
        preview: MASKED.test(i.partner.preview) ? i.partner.preview : MASK,
      },
    ),
    severity: i.severity,
    validity: validityOf(i),
    ...opt('validity_checked_at', i.validity_checked_at),
    ...opt('validity_reason', i.validity_reason),
    ...opt('validity_details', i.validity_details),
    status: i.status,
    ...opt('assignee_id', i.assignee_id),
    ...opt('ignore_reason', i.ignore_reason),
    regression: i.regression,
    presence: i.presence,
    occurrences_count: i.occurrences_count,
    present_count: i.present_count,
    project_keys: [...i.project_keys],
    date: i.date,
    last_seen: i.last_seen,
    updated_at: i.updated_at,
    ...opt('resolved_at', i.resolved_at),
    ...opt('status_changed_by', i.status_changed_by),
  };
}

export function apiOccurrence(o: ReportOccurrence): ApiOccurrence {
  const location: Record<string, string> = {};
  for (const k of LOCATION_KEYS) {
    const v = o.location[k];
    if (v !== undefined) location[k] = v;
  }
  return {
    id: o.id,
    kind: o.kind,
    presence: o.presence,
    url: o.url,
    matches: o.matches.slice(0, API_LIMITS.maxMatches).map((m) => ({
      indice_start: m.indice_start,
      indice_end: m.indice_end,
      line: m.line,
      column: m.column,
    })),
    location: location as unknown as OccurrenceLocation,
    date: o.date,
    last_seen: o.last_seen,
    ...opt('removed_at', o.removed_at),
  };
}

/** Bytes of a string as UTF-8 (JSON.stringify escapes lone surrogates, so none are counted). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** One incident's part in a request: its fields and some of its occurrences. */
export interface Chunk {
  readonly head: ApiIncidentHead;
  readonly occurrences: ApiOccurrence[];
}

export interface Plan {
  readonly requests: Chunk[][];
  /** Incidents with an occurrence that cannot fit in any request. */
  readonly tooLarge: string[];
}

const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v));

/**
 * Packs incidents into requests, greedily and in order, each under `maxIncidents` incidents and
 * `maxBytes` of JSON; an incident that does not fit in one request is spread over several.
 */
export function planRequests(
  source: BatchBody['source'],
  reports: readonly IncidentReport[],
  limits: { readonly maxIncidents: number; readonly maxBytes: number },
): Plan {
  const envelope = jsonBytes({ source, incidents: [] });
  const requests: Chunk[][] = [];
  const tooLarge: string[] = [];
  let cur: Chunk[] = [];
  let bytes = envelope;
  const flush = (): void => {
    if (cur.length > 0) requests.push(cur);
    cur = [];
    bytes = envelope;
  };
  for (const r of reports) {
    const head = apiIncidentHead(r);
    const headBytes = jsonBytes({ ...head, occurrences: [] });
    const occurrences = r.occurrences.map(apiOccurrence);
    const sizes = occurrences.map(jsonBytes);
    const largest = sizes.reduce((a, b) => Math.max(a, b), 0);
    if (envelope + headBytes + largest > limits.maxBytes) {
      tooLarge.push(r.id);
      continue;
    }
    /** Starts this incident's next part, in a new request unless it fits with `first`. */
    const open = (first: number): Chunk => {
      const comma = cur.length > 0 ? 1 : 0;
      if (cur.length >= limits.maxIncidents || bytes + comma + headBytes + first > limits.maxBytes)
        flush();
      const chunk: Chunk = { head, occurrences: [] };
      bytes += (cur.length > 0 ? 1 : 0) + headBytes;
      cur.push(chunk);
      return chunk;
    };
    let chunk = open(sizes[0] ?? 0);
    occurrences.forEach((o, i) => {
      const size = sizes[i] ?? 0;
      const comma = chunk.occurrences.length > 0 ? 1 : 0;
      if (bytes + comma + size > limits.maxBytes) {
        flush();
        chunk = open(size);
      }
      bytes += (chunk.occurrences.length > 0 ? 1 : 0) + size;
      chunk.occurrences.push(o);
    });
  }
  flush();
  return { requests, tooLarge };
}

// --- Configuration ------------------------------------------------------------------------

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** A usable base URL without a trailing slash, or what is wrong with it (never echoing it). */
export function checkBaseUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'the incident API URL is not a URL' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
    return { ok: false, error: 'the incident API URL must be https (http only on loopback)' };
  if (url.username || url.password)
    return { ok: false, error: 'the incident API URL must not carry credentials' };
  if (url.search || url.hash)
    return { ok: false, error: 'the incident API URL must not have a query or a fragment' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Printable ASCII without spaces: a header value that cannot be split or smuggled. */
const TOKEN = /^[\x21-\x7e]{1,4096}$/;

function config(message: string): ApiFailure {
  return { ok: false, kind: 'config', message };
}

// --- Responses ----------------------------------------------------------------------------

/** Wait the server asks for: `Retry-After` in seconds, or an HTTP date when a clock is given. */
function retryAfter(headers: ApiResponse['headers'], now?: () => number): number | undefined {
  const ra = headers.get('retry-after')?.trim();
  if (!ra) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(Number(ra) * 1000);
  const at = Date.parse(ra);
  return now && !Number.isNaN(at) ? Math.max(0, at - now()) : undefined;
}

/** The body's `error` code, when it is a short code (never anything else of a body). */
function errorCode(text: string): string | undefined {
  try {
    const json: unknown = JSON.parse(text);
    const code =
      typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
    return typeof code === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

type Answer = { readonly ok: true; readonly text: string } | ApiFailure;

function classify(status: number, what: string, text: string, retryAfterMs?: number): ApiFailure {
  const ra = retryAfterMs === undefined ? {} : { retryAfterMs };
  const code = errorCode(text);
  const answered = `${status}${code ? ` ${code}` : ''} on ${what}`;
  if (status === 400 || status === 413 || status === 422)
    return {
      ok: false,
      kind: 'rejected',
      status,
      message: `the incident API rejected the request (${answered})`,
    };
  if (status === 401 || status === 403)
    return {
      ok: false,
      kind: 'auth',
      status,
      message: `the incident API refused the token (${answered}): check the token in the app's settings`,
    };
  if (status === 429)
    return {
      ok: false,
      kind: 'rate-limited',
      status,
      ...ra,
      message:
        retryAfterMs === undefined
          ? `the incident API is rate limiting (${answered})`
          : `the incident API is rate limiting (${answered}); retry after ${Math.ceil(retryAfterMs / 1000)} s`,
    };
  if (status === 404 || status === 405 || (status >= 300 && status < 400))
    return {
      ok: false,
      kind: 'config',
      status,
      message: `the incident API answered ${answered}: check the URL in the app's settings`,
    };
  return {
    ok: false,
    kind: 'unavailable',
    status,
    ...ra,
    message: `the incident API is unavailable (${answered})`,
  };
}

/** A failure of the fetch itself: only an error code such as ECONNREFUSED is kept. */
function networkFailure(e: unknown, what: string): ApiFailure {
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  const raw = (e as { code?: unknown } | null)?.code ?? cause?.code;
  const code = typeof raw === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(raw) ? ` ${raw}` : '';
  return {
    ok: false,
    kind: 'network',
    message: `the incident API is unreachable (${what})${code}`,
  };
}

// --- The client ---------------------------------------------------------------------------

export function createIncidentApi(opts: IncidentApiOptions): IncidentApi {
  const base = checkBaseUrl(opts.baseUrl);
  const site = checkSiteUrl(opts.siteUrl);
  const problem = !base.ok
    ? config(base.error)
    : !TOKEN.test(opts.token)
      ? config('the incident API token must be printable ASCII without spaces')
      : site === undefined
        ? config('the Jira site URL is not an http(s) URL')
        : undefined;
  const limits = {
    maxIncidents: clamp(opts.maxIncidentsPerRequest, API_LIMITS.maxIncidents),
    maxBytes: clamp(opts.maxBytesPerRequest, API_LIMITS.maxBytes),
  };
  const source: BatchBody['source'] = {
    type: 'jira',
    site_url: site ?? '',
    ...(opts.cloudId ? { cloud_id: opts.cloudId } : {}),
  };

  async function call(method: string, path: string, body?: string): Promise<Answer> {
    if (problem || !base.ok) return problem ?? config('unusable incident API URL');
    const what = `${method} ${path}`;
    const headers: Record<string, string> = {
      Authorization: `Token ${opts.token}`,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: ApiResponse;
    try {
      res = await opts.fetch(
        base.url + path,
        body === undefined
          ? { method, headers, redirect: 'manual' }
          : { method, headers, body, redirect: 'manual' },
      );
    } catch (e) {
      return networkFailure(e, what);
    }
    let text = '';
    try {
      text = await res.text();
    } catch {
      // An unreadable body changes nothing: only the status decides.
    }
    if (res.status >= 200 && res.status < 300) return { ok: true, text };
    return classify(res.status, what, text, retryAfter(res.headers, opts.now));
  }

  return {
    async upsert(incidents) {
      if (problem) return { ...problem, delivered: [], rejected: [], requests: 0 };
      const plan = planRequests(source, incidents, limits);
      const rejected = new Map<string, ApiFailure>();
      for (const id of plan.tooLarge)
        rejected.set(id, {
          ok: false,
          kind: 'rejected',
          message: `incident ${id} has an occurrence larger than a request may be`,
        });
      const undelivered = new Set<string>();
      let requests = 0;
      let stop: ApiFailure | undefined;

      /** Sends chunks; bisects a refused request; returns a failure that stops everything. */
      const send = async (chunks: Chunk[]): Promise<ApiFailure | undefined> => {
        const live = chunks.filter((c) => !rejected.has(c.head.id));
        if (live.length === 0) return undefined;
        const body: BatchBody = {
          source,
          incidents: live.map((c) => ({ ...c.head, occurrences: c.occurrences })),
        };
        requests++;
        const r = await call('POST', BATCH_PATH, JSON.stringify(body));
        if (r.ok) return undefined;
        if (r.kind !== 'rejected') return r;
        if (live.length > 1) {
          const mid = Math.ceil(live.length / 2);
          return (await send(live.slice(0, mid))) ?? (await send(live.slice(mid)));
        }
        const [only] = live;
        if (!only) return undefined;
        if (r.status === 413 && only.occurrences.length > 1) {
          const mid = Math.ceil(only.occurrences.length / 2);
          const half = (o: ApiOccurrence[]): Chunk[] => [{ head: only.head, occurrences: o }];
          return (
            (await send(half(only.occurrences.slice(0, mid)))) ??
            (await send(half(only.occurrences.slice(mid))))
          );
        }
        rejected.set(only.head.id, r);
        return undefined;
      };

      for (const [n, chunks] of plan.requests.entries()) {
        stop = await send(chunks);
        if (stop) {
          for (const later of plan.requests.slice(n))
            for (const c of later) undelivered.add(c.head.id);
          break;
        }
      }
      if (!stop && rejected.size === 0) return { ok: true, requests };
      const delivered = [...new Set(incidents.map((i) => i.id))].filter(
        (id) => !rejected.has(id) && !undelivered.has(id),
      );
      const [first] = rejected.values();
      const more = rejected.size > 1 ? ` (and ${rejected.size - 1} more incidents)` : '';
      const failure: ApiFailure =
        stop ?? (first ? { ...first, message: first.message + more } : config('no answer'));
      return {
        ...failure,
        delivered,
        rejected: [...rejected].map(([id, f]) => ({
          id,
          ...(f.status === undefined ? {} : { status: f.status }),
          message: f.message,
        })),
        requests,
      };
    },

    async testConnection() {
      const r = await call('GET', HEALTH_PATH);
      if (!r.ok) return r;
      const workspace = workspaceOf(r.text);
      return workspace === undefined ? { ok: true } : { ok: true, workspace };
    },
  };
}

function clamp(asked: number | undefined, max: number): number {
  return asked !== undefined && Number.isInteger(asked) && asked > 0 ? Math.min(asked, max) : max;
}

function checkSiteUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password || url.search || url.hash) return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** The workspace name of a health answer, as plain short text. */
function workspaceOf(text: string): string | undefined {
  try {
    const json: unknown = JSON.parse(text);
    const w =
      typeof json === 'object' && json !== null
        ? (json as { workspace?: unknown }).workspace
        : undefined;
    if (typeof w !== 'string') return undefined;
    // eslint-disable-next-line no-control-regex
    const clean = w.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    return clean ? clean.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
