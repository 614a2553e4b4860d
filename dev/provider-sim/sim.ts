/**
 * A provider simulator: answers each validity checker's endpoint the way the provider documents
 * it, so no test ever calls a real provider. It is written from the providers' side (where each
 * one reads the credential, what it answers), not from the checkers' code, so a checker that
 * puts the secret in the wrong place is answered as the provider would answer it: unauthorised.
 *
 * - `set(secret, state)`: `live`, `revoked`, `rate_limited` (429 + Retry-After), `server_error`
 *   (503, or 529 for Anthropic), `slow` (answers only when the caller gives up), `malformed` (an
 *   HTML page with 200). A secret never set is unknown to the provider: `revoked`'s answer.
 * - An in-process `fetch` (the app's ValidityFetch) and a loopback HTTP server (`listen`, the
 *   host as the first path segment: `http://127.0.0.1:port/api.github.com/user`).
 * - A request log that never holds a secret: host, method, path with the secret masked, header
 *   names, where the secret was found, and any other header or body that came with it.
 * @module
 */
import { listenLoopback, type Listening } from '../loopback.js';
import { createPublicKey, createVerify } from 'node:crypto';
import { sigV4Signature } from '../../src/validity/sigv4.js';
import type { ValidityFetch, ValidityResponse } from '../../src/validity/types.js';

export type SecretState =
  'live' | 'revoked' | 'rate_limited' | 'server_error' | 'slow' | 'malformed';

export interface SimRequest {
  readonly method: string;
  /** The full URL (https://host/path). */
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

interface Answer {
  readonly status: number;
  /** JSON, or a string sent as XML (AWS's query APIs). */
  readonly body: unknown;
}

interface Route {
  readonly host: string;
  readonly method: string;
  /** Matches the path; group 1, if any, is where the provider reads the credential in the path. */
  readonly path: RegExp;
  /** Where the provider reads the credential. */
  readonly secretAt: string;
  /** `partners`: each known secret's partner (key id, account SID), as `set` registered it. */
  readonly secretOf: (
    req: SimRequest,
    m: RegExpMatchArray,
    partners: ReadonlyMap<string, string>,
  ) => string | undefined;
  /** Headers the provider documents besides the credential (not "something else attached"). */
  readonly expected: readonly string[];
  /** The provider documents a request body (a form, a GraphQL query). */
  readonly bodyExpected?: boolean;
  readonly live: Answer;
  readonly revoked: Answer;
  readonly serverError?: number;
}

const bearer = (req: SimRequest): string | undefined =>
  /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];

/** The password of HTTP Basic credentials, when the user name is that secret's partner. */
const basicPassword = (
  req: SimRequest,
  partners: ReadonlyMap<string, string>,
): string | undefined => {
  const b64 = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const [user, password] = b64 ? atob(b64).split(/:(.*)/s) : [];
  return password !== undefined && partners.get(password) === user ? password : undefined;
};

/** AWS: the secret key whose SigV4 signature of this very request matches (it is never sent). */
const sigV4Secret = (
  req: SimRequest,
  partners: ReadonlyMap<string, string>,
): string | undefined => {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? '',
    );
  if (!auth) return undefined;
  const [, keyId, , region = '', service = '', signed = '', signature] = auth;
  const url = new URL(req.url);
  const headers = Object.fromEntries(
    signed
      .split(';')
      .filter((h) => h !== 'host')
      .map((h) => [h, req.headers[h] ?? '']),
  );
  for (const [secret, partner] of partners) {
    if (partner !== keyId) continue;
    const mine = sigV4Signature(
      {
        method: req.method,
        host: url.hostname,
        path: url.pathname,
        query: url.search.slice(1),
        headers,
        body: req.body ?? '',
        region,
        service,
        amzDate: req.headers['x-amz-date'] ?? '',
      },
      secret,
    );
    if (mine.signature === signature) return secret;
  }
  return undefined;
};

/**
 * Google's token endpoint: the key whose public half verifies the RS256 JWT-bearer assertion,
 * among the keys registered for the JWT's issuer (its client_email); the key is never sent. The
 * assertion must be for this endpoint, ask for a scope, and last at most an hour.
 */
const jwtBearerKey = (
  req: SimRequest,
  partners: ReadonlyMap<string, string>,
): string | undefined => {
  const form = new URLSearchParams(req.body ?? '');
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return undefined;
  const [header = '', claims = '', signature = '', ...rest] = (form.get('assertion') ?? '').split(
    '.',
  );
  if (rest.length > 0 || [...form.keys()].length !== 2) return undefined;
  const part = (p: string): Record<string, unknown> => {
    try {
      return JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const h = part(header);
  const c = part(claims);
  const iat = typeof c.iat === 'number' ? c.iat : NaN;
  const exp = typeof c.exp === 'number' ? c.exp : NaN;
  if (h.alg !== 'RS256' || c.aud !== 'https://oauth2.googleapis.com/token') return undefined;
  if (typeof c.scope !== 'string' || !(exp > iat && exp - iat <= 3600)) return undefined;
  for (const [secret, email] of partners) {
    if (email !== c.iss) continue;
    try {
      const key = createPublicKey(secret.replace(/\\+n/g, '\n'));
      const ok = createVerify('RSA-SHA256')
        .update(`${header}.${claims}`)
        .verify(key, Buffer.from(signature, 'base64url'));
      if (ok) return secret;
    } catch {
      // not a key: not this one
    }
  }
  return undefined;
};

/** A Bearer route whose only documented credential is the Authorization header. */
const bearerRoute = (host: string, path: RegExp, live: Answer, revoked: Answer): Route => ({
  host,
  method: 'GET',
  path,
  secretAt: 'authorization: Bearer',
  secretOf: bearer,
  expected: [],
  live,
  revoked,
});

/** A route whose credential is one documented header. */
const headerRoute = (
  host: string,
  path: RegExp,
  header: string,
  live: Answer,
  revoked: Answer,
): Route => ({
  host,
  method: 'GET',
  path,
  secretAt: header,
  secretOf: (req) => req.headers[header],
  expected: [],
  live,
  revoked,
});

const STS_XMLNS = 'xmlns="https://sts.amazonaws.com/doc/2011-06-15/"';

/** Documented shapes, trimmed to what the providers' reference pages show. */
export const ROUTES: readonly Route[] = [
  {
    host: 'api.github.com',
    method: 'GET',
    path: /^\/user$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: ['accept', 'x-github-api-version'],
    live: { status: 200, body: { login: 'octocat', id: 1, type: 'User', site_admin: false } },
    revoked: {
      status: 401,
      body: {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      },
    },
  },
  {
    host: 'gitlab.com',
    method: 'GET',
    path: /^\/api\/v4\/personal_access_tokens\/self$/,
    secretAt: 'private-token',
    secretOf: (req) => req.headers['private-token'],
    expected: [],
    live: {
      status: 200,
      body: {
        id: 4,
        name: 'Test Token',
        revoked: false,
        created_at: '2020-07-23T14:31:47.729Z',
        scopes: ['api'],
        user_id: 3,
        last_used_at: '2021-10-06T17:58:37.550Z',
        active: true,
        expires_at: null,
      },
    },
    revoked: { status: 401, body: { message: '401 Unauthorized' } },
  },
  {
    host: 'slack.com',
    method: 'POST',
    path: /^\/api\/auth\.test$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        ok: true,
        url: 'https://subarachnoid.slack.com/',
        team: 'Subarachnoid Workspace',
        user: 'grace',
        team_id: 'T12345678',
        user_id: 'W12345678',
      },
    },
    revoked: { status: 200, body: { ok: false, error: 'invalid_auth' } },
  },
  {
    host: 'api.stripe.com',
    method: 'GET',
    path: /^\/v1\/balance$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        object: 'balance',
        available: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
        livemode: false,
        pending: [{ amount: 0, currency: 'usd', source_types: { card: 0 } }],
      },
    },
    revoked: {
      status: 401,
      body: {
        error: {
          message: 'Invalid API Key provided: sk_test_********1234',
          type: 'invalid_request_error',
        },
      },
    },
  },
  {
    host: 'api.openai.com',
    method: 'GET',
    path: /^\/v1\/models$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        object: 'list',
        data: [{ id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' }],
      },
    },
    revoked: {
      status: 401,
      body: {
        error: {
          message: 'Incorrect API key provided: sk-proj-****1234.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    },
  },
  {
    host: 'api.anthropic.com',
    method: 'GET',
    path: /^\/v1\/models$/,
    secretAt: 'x-api-key',
    secretOf: (req) => req.headers['x-api-key'],
    expected: ['anthropic-version'],
    live: {
      status: 200,
      body: {
        data: [
          {
            type: 'model',
            id: 'claude-sonnet-4-20250514',
            display_name: 'Claude Sonnet 4',
            created_at: '2025-05-22T00:00:00Z',
          },
        ],
        has_more: false,
        first_id: 'claude-sonnet-4-20250514',
        last_id: 'claude-sonnet-4-20250514',
      },
    },
    revoked: {
      status: 401,
      body: {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
      },
    },
    serverError: 529,
  },
  {
    host: 'api.sendgrid.com',
    method: 'GET',
    path: /^\/v3\/scopes$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: { status: 200, body: { scopes: ['mail.send', 'alerts.read'] } },
    revoked: {
      status: 401,
      body: { errors: [{ field: null, message: 'authorization required' }] },
    },
  },
  {
    host: 'registry.npmjs.org',
    method: 'GET',
    path: /^\/-\/whoami$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: { status: 200, body: { username: 'npm-user' } },
    revoked: { status: 401, body: { error: 'Unauthorized' } },
  },
  {
    host: 'huggingface.co',
    method: 'GET',
    path: /^\/api\/whoami-v2$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: { type: 'user', id: '6389f0d1', name: 'hf-user', fullname: 'HF User' },
    },
    revoked: { status: 401, body: { error: 'Invalid credentials in Authorization header' } },
  },
  {
    host: 'api.notion.com',
    method: 'GET',
    path: /^\/v1\/users\/me$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: ['notion-version'],
    live: {
      status: 200,
      body: {
        object: 'user',
        id: '16d84278-ab0e-484c-9bdd-b35da3bd8905',
        name: 'pied piper',
        type: 'bot',
        bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'Pied Piper' },
      },
    },
    revoked: {
      status: 401,
      body: {
        object: 'error',
        status: 401,
        code: 'unauthorized',
        message: 'API token is invalid.',
      },
    },
  },
  {
    host: 'api.telegram.org',
    method: 'GET',
    path: /^\/bot([^/]+)\/getMe$/,
    secretAt: 'path',
    secretOf: (_req, m) => (m[1] ? decodeURIComponent(m[1]) : undefined),
    expected: [],
    live: {
      status: 200,
      body: {
        ok: true,
        result: { id: 123456789, is_bot: true, first_name: 'Sim', username: 'sim_bot' },
      },
    },
    revoked: { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
  },
  {
    host: 'api.digitalocean.com',
    method: 'GET',
    path: /^\/v2\/account$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        account: {
          droplet_limit: 25,
          floating_ip_limit: 5,
          email: 'sammy@digitalocean.com',
          uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef',
          email_verified: true,
          status: 'active',
        },
      },
    },
    revoked: { status: 401, body: { id: 'unauthorized', message: 'Unable to authenticate you.' } },
  },
  {
    host: 'api.cloudflare.com',
    method: 'GET',
    path: /^\/client\/v4\/user\/tokens\/verify$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        result: { id: 'ed17574386854bf78a67040be0a770b0', status: 'active' },
        success: true,
        errors: [],
        messages: [{ code: 10000, message: 'This API Token is valid and active', type: null }],
      },
    },
    revoked: {
      status: 401,
      body: {
        success: false,
        errors: [{ code: 1000, message: 'Invalid API Token' }],
        messages: [],
        result: null,
      },
    },
  },
  {
    host: 'api.vercel.com',
    method: 'GET',
    path: /^\/v2\/user$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        user: { id: 'AEIIDYVk59zbFF2Sxfyxxmua', email: 'me@example.com', username: 'my-user' },
      },
    },
    revoked: {
      status: 403,
      body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } },
    },
  },
  {
    host: 'api.netlify.com',
    method: 'GET',
    path: /^\/api\/v1\/user$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: { id: '5d0d4d2e', uid: 'u1', full_name: 'Net Lify', slug: 'netlify-user' },
    },
    revoked: { status: 401, body: { code: 401, message: 'Access Denied: Invalid token supplied' } },
  },
  {
    host: 'api.heroku.com',
    method: 'GET',
    path: /^\/account$/,
    secretAt: 'authorization: Bearer',
    secretOf: bearer,
    expected: [],
    live: {
      status: 200,
      body: {
        id: '01234567-89ab-cdef-0123-456789abcdef',
        email: 'username@example.com',
        verified: true,
      },
    },
    revoked: {
      status: 401,
      body: { id: 'unauthorized', message: 'Invalid credentials provided.' },
    },
  },
  {
    host: 'discord.com',
    method: 'GET',
    path: /^\/api\/webhooks\/([0-9]+\/[A-Za-z0-9_-]+)$/,
    secretAt: 'path',
    // The webhook URL is the secret: its id and token travel in the path.
    secretOf: (_req, m) => (m[1] ? `https://discord.com/api/webhooks/${m[1]}` : undefined),
    expected: [],
    live: {
      status: 200,
      body: {
        type: 1,
        id: '223704706495545344',
        name: 'deploys',
        channel_id: '199737254929760256',
        guild_id: '199737254929760256',
        application_id: null,
      },
    },
    revoked: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
  },
  {
    host: 'sts.amazonaws.com',
    method: 'POST',
    path: /^\/$/,
    secretAt: 'authorization: SigV4 signature',
    secretOf: (req, _m, partners) => sigV4Secret(req, partners),
    expected: ['content-type', 'x-amz-date'],
    bodyExpected: true,
    live: {
      status: 200,
      body: `<GetCallerIdentityResponse ${STS_XMLNS}><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    },
    revoked: {
      status: 403,
      body: `<ErrorResponse ${STS_XMLNS}><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ErrorResponse>`,
    },
  },
  {
    host: 'api.twilio.com',
    method: 'GET',
    path: /^\/2010-04-01\/Accounts(?:\/AC[0-9a-f]{32})?\.json$/,
    secretAt: 'authorization: Basic',
    secretOf: (req, _m, partners) => basicPassword(req, partners),
    expected: [],
    live: {
      status: 200,
      body: {
        sid: 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        friendly_name: 'friendly_name',
        status: 'active',
        type: 'Full',
        date_created: 'Thu, 30 Jul 2015 20:00:00 +0000',
      },
    },
    revoked: {
      status: 401,
      body: {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      },
    },
  },
  headerRoute(
    'api.datadoghq.com',
    /^\/api\/v1\/validate$/,
    'dd-api-key',
    { status: 200, body: { valid: true } },
    { status: 403, body: { errors: ['Forbidden'] } },
  ),
  bearerRoute(
    'app.asana.com',
    /^\/api\/1\.0\/users\/me$/,
    {
      status: 200,
      body: {
        data: {
          gid: '12345',
          resource_type: 'user',
          name: 'Greg Sanchez',
          email: 'gsanchez@example.com',
        },
      },
    },
    {
      status: 401,
      body: {
        errors: [
          { message: 'Not Authorized', help: 'For more information on API status codes...' },
        ],
      },
    },
  ),
  bearerRoute(
    'api.airtable.com',
    /^\/v0\/meta\/whoami$/,
    { status: 200, body: { id: 'usrL2PNC5o3H4lBEi', scopes: ['data.records:read'] } },
    {
      status: 401,
      body: { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } },
    },
  ),
  {
    host: 'api.pagerduty.com',
    method: 'GET',
    path: /^\/abilities$/,
    secretAt: 'authorization: Token token=',
    secretOf: (req) => /^Token token=(\S+)$/.exec(req.headers.authorization ?? '')?.[1],
    expected: [],
    live: { status: 200, body: { abilities: ['sso', 'advanced_reports', 'teams'] } },
    revoked: { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } },
  },
  bearerRoute(
    'api.groq.com',
    /^\/openai\/v1\/models$/,
    {
      status: 200,
      body: { object: 'list', data: [{ id: 'llama-3.3-70b-versatile', object: 'model' }] },
    },
    {
      status: 401,
      body: {
        error: {
          message: 'Invalid API Key',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
    },
  ),
  bearerRoute(
    'api.mistral.ai',
    /^\/v1\/models$/,
    {
      status: 200,
      body: { object: 'list', data: [{ id: 'mistral-small-latest', object: 'model' }] },
    },
    { status: 401, body: { message: 'Unauthorized', request_id: 'a1b2c3' } },
  ),
  bearerRoute(
    'api.replicate.com',
    /^\/v1\/account$/,
    {
      status: 200,
      body: {
        type: 'user',
        username: 'aron',
        name: 'Aron Carroll',
        github_url: 'https://github.com/aron',
      },
    },
    {
      status: 401,
      body: {
        title: 'Unauthenticated',
        detail: 'You did not pass a valid authentication token',
        status: 401,
      },
    },
  ),
  bearerRoute(
    'api.doppler.com',
    /^\/v3\/me$/,
    {
      status: 200,
      body: {
        workplace: { slug: 'acme', name: 'Acme' },
        type: 'personal',
        slug: 'tok_1',
        name: 'laptop',
      },
    },
    { status: 401, body: { messages: ['Invalid Auth token'], success: false } },
  ),
  bearerRoute(
    'connect.squareup.com',
    /^\/v2\/locations$/,
    {
      status: 200,
      body: { locations: [{ id: '18YC4JDH91E1H', name: 'Grant Park', status: 'ACTIVE' }] },
    },
    {
      status: 401,
      body: {
        errors: [
          {
            category: 'AUTHENTICATION_ERROR',
            code: 'UNAUTHORIZED',
            detail: 'This request could not be authorized.',
          },
        ],
      },
    },
  ),
  headerRoute(
    'api.getpostman.com',
    /^\/me$/,
    'x-api-key',
    { status: 200, body: { user: { id: 12345678, username: 'taylor-lee', isPublic: true } } },
    {
      status: 401,
      body: {
        error: {
          name: 'AuthenticationError',
          message: 'Invalid API Key. Every request requires a valid API Key to be sent.',
        },
      },
    },
  ),
  bearerRoute(
    'sentry.io',
    /^\/api\/0\/organizations\/$/,
    {
      status: 200,
      body: [
        { id: '2', slug: 'the-interstellar-jurisdiction', name: 'The Interstellar Jurisdiction' },
      ],
    },
    { status: 401, body: { detail: 'Invalid token' } },
  ),
  bearerRoute(
    'api.buildkite.com',
    /^\/v2\/access-token$/,
    { status: 200, body: { uuid: 'b63254c0-3271-4a98-8270-7cfbd6c2f14e', scopes: ['read_build'] } },
    {
      status: 401,
      body: {
        message:
          'Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication',
      },
    },
  ),
  {
    host: 'oauth2.googleapis.com',
    method: 'POST',
    path: /^\/token$/,
    secretAt: 'body: assertion (a JWT signed with the key)',
    secretOf: (req, _m, partners) => jwtBearerKey(req, partners),
    expected: ['content-type'],
    bodyExpected: true,
    live: {
      status: 200,
      body: { access_token: 'ya29.c.simulated', expires_in: 3599, token_type: 'Bearer' },
    },
    revoked: {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    },
  },
];

/** Hosts the simulator answers for. */
export const SIM_HOSTS: readonly string[] = ROUTES.map((r) => r.host);

export interface SimLogEntry {
  readonly host: string;
  readonly method: string;
  /** The path with the credential masked (Telegram's is in it). */
  readonly path: string;
  /** Where the provider found the credential, or `missing`. */
  readonly secretAt: string;
  /** The state it answered from. */
  readonly state: SecretState | 'no-route';
  readonly status: number;
  /** Headers other than the credential and the provider's documented ones (names only). */
  readonly extraHeaders: readonly string[];
  /** True when a body came with a request whose provider documents none. */
  readonly extraBody: boolean;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Headers any HTTP client adds on its own: not "something attached" by the app. */
const TRANSPORT = new Set([
  'host',
  'connection',
  'content-length',
  'user-agent',
  'accept-encoding',
  'accept-language',
  'sec-fetch-mode',
  'accept',
]);

export interface ProviderSim {
  /** `partner`: the key id / SID the secret works with (AWS, Twilio). */
  set(secret: string, state: SecretState, partner?: string): void;
  readonly log: readonly SimLogEntry[];
  /** Answers one request (what `fetch` and the loopback server both use). */
  handle(req: SimRequest, signal?: AbortSignal): Promise<SimResponse>;
  readonly fetch: ValidityFetch;
  /** Serves on 127.0.0.1; the host is the first path segment. */
  listen(): Promise<Listening>;
}

export function createProviderSim(): ProviderSim {
  const states = new Map<string, SecretState>();
  const partners = new Map<string, string>();
  const log: SimLogEntry[] = [];
  const json = (a: Answer, extra: Record<string, string> = {}): SimResponse =>
    typeof a.body === 'string'
      ? { status: a.status, headers: { 'content-type': 'text/xml', ...extra }, body: a.body }
      : {
          status: a.status,
          headers: { 'content-type': 'application/json; charset=utf-8', ...extra },
          body: JSON.stringify(a.body),
        };

  async function handle(req: SimRequest, signal?: AbortSignal): Promise<SimResponse> {
    const url = new URL(req.url);
    const route = ROUTES.find(
      (r) => r.host === url.hostname && r.method === req.method && r.path.test(url.pathname),
    );
    const m = route ? url.pathname.match(route.path) : null;
    if (!route || !m || url.protocol !== 'https:') {
      log.push({
        host: url.hostname,
        method: req.method,
        path: '(no route)',
        secretAt: 'missing',
        state: 'no-route',
        status: 404,
        extraHeaders: [],
        extraBody: false,
      });
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
    }
    const secret = route.secretOf(req, m, partners);
    const credentialHeader = route.secretAt === 'path' ? undefined : route.secretAt.split(':')[0];
    const extraHeaders = Object.keys(req.headers)
      .map((h) => h.toLowerCase())
      .filter((h) => h !== credentialHeader && !route.expected.includes(h) && !TRANSPORT.has(h));
    const state: SecretState = secret === undefined ? 'revoked' : (states.get(secret) ?? 'revoked');
    const path =
      secret && route.secretAt === 'path'
        ? url.pathname.replace(m[1] ?? '', '<secret>')
        : url.pathname;
    const answer = ((): SimResponse | 'slow' => {
      switch (state) {
        case 'live':
          return json(route.live);
        case 'revoked':
          return json(route.revoked);
        case 'rate_limited':
          return json({ status: 429, body: { message: 'rate limited' } }, { 'retry-after': '30' });
        case 'server_error':
          return json({ status: route.serverError ?? 503, body: { message: 'unavailable' } });
        case 'malformed':
          return {
            status: 200,
            headers: { 'content-type': 'text/html' },
            body: '<html><body>Maintenance</body></html>',
          };
        case 'slow':
          return 'slow';
      }
    })();
    log.push({
      host: route.host,
      method: req.method,
      path,
      secretAt: secret === undefined ? 'missing' : route.secretAt,
      state,
      status: answer === 'slow' ? 0 : answer.status,
      extraHeaders,
      extraBody: !route.bodyExpected && req.body !== undefined && req.body !== '',
    });
    if (answer !== 'slow') return answer;
    // Answers only once the caller gives up: a provider that hangs.
    return new Promise((_resolve, reject) => {
      const fail = (): void => {
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      };
      if (signal?.aborted) fail();
      else signal?.addEventListener('abort', fail, { once: true });
    });
  }

  const fetch: ValidityFetch = async (url, init) => {
    const headers = Object.fromEntries(
      Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const r = await handle(
      {
        method: init.method,
        url,
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      },
      init.signal,
    );
    const response: ValidityResponse = {
      status: r.status,
      headers: new Headers(r.headers),
      text: () => Promise.resolve(r.body),
    };
    return response;
  };

  return {
    set: (secret, state, partner) => {
      states.set(secret, state);
      if (partner !== undefined) partners.set(secret, partner);
    },
    log,
    handle,
    fetch,
    listen: () =>
      listenLoopback(async (req) => {
        const [, host = '', ...rest] = req.path.split('/');
        const r = await handle({
          method: req.method,
          url: `https://${host}/${rest.join('/')}`,
          headers: req.headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
        });
        return r;
      }),
  };
}
