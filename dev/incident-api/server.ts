/**
 * A local incident API implementing `docs/incident-api.openapi.yaml`: for tests now and the local
 * harness later. One router (`handle`), an in-process `fetch` with the app's IncidentApiFetch
 * signature, and a loopback HTTP server.
 *
 * - Token check (`Authorization: Token <key>`), then the route.
 * - Upsert: incidents by id, occurrences merged by id; an incident older (`updated_at`) than the
 *   one held is acknowledged and ignored, so a late duplicate never rolls a state back.
 * - A request log (method, path, status, counts; never a header or a body).
 * - `setMode` answers 503, 429 with Retry-After, or 401 for the next n requests (or until set
 *   back), to play an API that is down, busy, or has revoked the token.
 * @module
 */
import { listenLoopback, type Listening } from '../loopback.js';
import {
  BATCH_PATH,
  HEALTH_PATH,
  API_LIMITS,
  type ApiIncident,
  type ApiOccurrence,
  type ApiResponse,
  type IncidentApiFetch,
} from '../../src/incidents/incident-api.js';

export type ServerMode =
  | { readonly kind: 'normal' }
  | {
      readonly kind: 'unavailable';
      readonly status?: 500 | 502 | 503 | 504;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  /** 401 whatever the token (a revoked token). */
  | { readonly kind: 'unauthorized' }
  /** 403 whatever the token (a token without the scope). */
  | { readonly kind: 'forbidden' };

export interface ServerRequest {
  readonly method: string;
  /** Path, with or without a query; or an absolute URL. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface ServerResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Incidents and occurrences in a batch body that was read (0 otherwise). */
  readonly incidents: number;
  readonly occurrences: number;
  readonly incidentIds: readonly string[];
  readonly bytes: number;
}

export interface IncidentApiServerOptions {
  readonly token: string;
  /** Shown by the health check. Default `Local incident API`. */
  readonly workspace?: string;
  /** Default: the contract's 50. */
  readonly maxIncidents?: number;
  /** Bytes of a request body; default the contract's 1 MiB. Larger -> 413. */
  readonly maxBytes?: number;
  /**
   * Checks a batch body; problems -> 400 `{error: 'invalid_request', details}`. Tests pass the
   * OpenAPI schema's validator; the default checks the structure the server relies on.
   */
  readonly validate?: (body: unknown) => readonly string[];
}

export interface IncidentApiServer {
  handle(req: ServerRequest): Promise<ServerResponse>;
  readonly fetch: IncidentApiFetch;
  listen(port?: number): Promise<{ url: string; close(): Promise<void> }>;
  /** Answers in this mode for the next `requests` requests (default: until set back). */
  setMode(mode: ServerMode, options?: { readonly requests?: number }): void;
  /** What the server holds: incidents by id, each with its occurrences sorted by id. */
  incidents(): ApiIncident[];
  requests(): readonly LoggedRequest[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The structure the server relies on (the full contract is the OpenAPI schema). */
export function structuralProblems(body: unknown, maxIncidents: number): string[] {
  if (!isObj(body)) return ['body: must be an object'];
  const problems: string[] = [];
  const source = body.source;
  if (!isObj(source) || source.type !== 'jira' || typeof source.site_url !== 'string')
    problems.push('/source: must be {type: "jira", site_url}');
  const incidents = body.incidents;
  if (!Array.isArray(incidents) || incidents.length === 0 || incidents.length > maxIncidents) {
    problems.push(`/incidents: must be an array of 1 to ${maxIncidents} incidents`);
    return problems;
  }
  incidents.forEach((i: unknown, n) => {
    if (!isObj(i)) return problems.push(`/incidents/${n}: must be an object`);
    if (typeof i.id !== 'string') problems.push(`/incidents/${n}/id: must be a string`);
    if (typeof i.updated_at !== 'string' || Number.isNaN(Date.parse(i.updated_at)))
      problems.push(`/incidents/${n}/updated_at: must be a date-time`);
    if (!Array.isArray(i.occurrences))
      return problems.push(`/incidents/${n}/occurrences: must be an array`);
    (i.occurrences as unknown[]).forEach((o, m) => {
      if (!isObj(o) || typeof o.id !== 'string')
        problems.push(`/incidents/${n}/occurrences/${m}: must be an object with an id`);
    });
    return undefined;
  });
  return problems;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

interface Held {
  readonly incident: Omit<ApiIncident, 'occurrences'>;
  readonly occurrences: Map<string, ApiOccurrence>;
}

export function createIncidentApiServer(opts: IncidentApiServerOptions): IncidentApiServer {
  const maxIncidents = opts.maxIncidents ?? API_LIMITS.maxIncidents;
  const maxBytes = opts.maxBytes ?? API_LIMITS.maxBytes;
  const validate = opts.validate ?? ((b: unknown) => structuralProblems(b, maxIncidents));
  const held = new Map<string, Held>();
  const log: LoggedRequest[] = [];
  let mode: ServerMode = { kind: 'normal' };
  let modeLeft = Infinity;

  function modeAnswer(): ServerResponse | undefined {
    if (mode.kind === 'normal') return undefined;
    const m = mode;
    if (--modeLeft <= 0) {
      mode = { kind: 'normal' };
      modeLeft = Infinity;
    }
    switch (m.kind) {
      case 'unavailable':
        return json(
          m.status ?? 503,
          { error: 'unavailable' },
          m.retryAfterSeconds === undefined ? {} : { 'retry-after': String(m.retryAfterSeconds) },
        );
      case 'rate-limited':
        return json(429, { error: 'rate_limited' }, { 'retry-after': String(m.retryAfterSeconds) });
      case 'unauthorized':
        return json(401, { error: 'unauthorized' });
      case 'forbidden':
        return json(403, { error: 'forbidden' });
    }
  }

  function upsert(body: { incidents: ApiIncident[] }): { received: number; stale: number } {
    let stale = 0;
    for (const { occurrences, ...incident } of body.incidents) {
      const old = held.get(incident.id);
      if (old && Date.parse(old.incident.updated_at) > Date.parse(incident.updated_at)) {
        stale++;
        continue;
      }
      const merged = new Map(old?.occurrences);
      for (const o of occurrences) merged.set(o.id, structuredClone(o));
      held.set(incident.id, { incident: structuredClone(incident), occurrences: merged });
    }
    return { received: body.incidents.length, stale };
  }

  function route(req: ServerRequest, path: string): ServerResponse & { parsed?: unknown } {
    const answer = modeAnswer();
    if (answer) return answer;
    if (req.headers.authorization !== `Token ${opts.token}`)
      return json(401, { error: 'unauthorized' });
    if (path === HEALTH_PATH) {
      if (req.method !== 'GET') return json(405, { error: 'method_not_allowed' });
      return json(200, { status: 'ok', workspace: opts.workspace ?? 'Local incident API' });
    }
    if (path !== BATCH_PATH) return json(404, { error: 'not_found' });
    if (req.method !== 'POST') return json(405, { error: 'method_not_allowed' });
    const text = req.body ?? '';
    if (Buffer.byteLength(text, 'utf8') > maxBytes)
      return json(413, { error: 'too_large', details: [`the body is over ${maxBytes} bytes`] });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return json(400, { error: 'invalid_json', details: ['the body is not JSON'] });
    }
    const problems = validate(parsed);
    if (problems.length > 0)
      return { ...json(400, { error: 'invalid_request', details: problems.slice(0, 50) }), parsed };
    return { ...json(200, upsert(parsed as { incidents: ApiIncident[] })), parsed };
  }

  function handle(req: ServerRequest): Promise<ServerResponse> {
    const path = new URL(req.path, 'http://127.0.0.1').pathname;
    const { parsed, ...res } = route(req, path);
    const incidents: unknown[] =
      isObj(parsed) && Array.isArray(parsed.incidents) ? parsed.incidents : [];
    log.push({
      method: req.method,
      path,
      status: res.status,
      incidents: incidents.length,
      occurrences: incidents.reduce<number>(
        (n, i) => n + (isObj(i) && Array.isArray(i.occurrences) ? i.occurrences.length : 0),
        0,
      ),
      incidentIds: incidents.flatMap((i) => (isObj(i) && typeof i.id === 'string' ? [i.id] : [])),
      bytes: Buffer.byteLength(req.body ?? '', 'utf8'),
    });
    return Promise.resolve(res);
  }

  const fetch: IncidentApiFetch = async (url, init) => {
    const headers = Object.fromEntries(
      Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const res = await handle({
      method: init.method,
      path: url,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const response: ApiResponse = {
      status: res.status,
      headers: { get: (name) => res.headers[name.toLowerCase()] ?? null },
      text: () => Promise.resolve(res.body),
    };
    return response;
  };

  const listen = (port = 0): Promise<Listening> => listenLoopback(handle, port);

  return {
    handle,
    fetch,
    listen,
    setMode(next, options = {}) {
      mode = next;
      modeLeft = next.kind === 'normal' ? Infinity : (options.requests ?? Infinity);
    },
    incidents: () =>
      [...held.values()]
        .map((h) => ({
          ...structuredClone(h.incident),
          occurrences: [...h.occurrences.values()]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((o) => structuredClone(o)),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    requests: () => log.map((r) => ({ ...r })),
  };
}
