/**
 * Live validity checks: shapes shared by the checkers, the runner and their callers. A checker
 * is one documented, read-only request to the secret's own issuer; the runner owns everything
 * around it (https only, its one host, a short timeout, rate limits and 5xx as failed_to_check).
 * Nothing here keeps a secret: it is an argument of one call and goes nowhere else.
 * @module
 */

/** GitGuardian's vocabulary. `no_checker`: no checker for the detector; `not_checked`: checks off. */
export const VALIDITIES = [
  'valid',
  'invalid',
  'failed_to_check',
  'no_checker',
  'not_checked',
] as const;
export type Validity = (typeof VALIDITIES)[number];

/** Why a check could not tell: never guessed as invalid. */
export type FailReason =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'network'
  | 'unrecognised_answer'
  | 'not_allowed'
  /** "Check now" read the places again and the secret was no longer in any of them. */
  | 'no_longer_present';

/** What one check says. `identity`: the owner the issuer named (kept only if the admin says so). */
export type CheckOutcome =
  | { readonly validity: 'valid'; readonly identity?: string }
  | { readonly validity: 'invalid' }
  | { readonly validity: 'failed_to_check'; readonly reason: FailReason; readonly status?: number };

/** The answer as a checker needs it: the body is read at most once, then dropped. */
export interface ValidityResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface ValidityRequestInit {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** An issuer that redirects is not followed: the secret goes to its one host only. */
  readonly redirect: 'manual';
}

/** Egress: Forge's fetch in the app, the provider simulator in tests. */
export type ValidityFetch = (url: string, init: ValidityRequestInit) => Promise<ValidityResponse>;

/** The one request a checker makes, with the secret where the issuer documents it and nowhere else. */
export interface CheckRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The most common request: a GET of `url` with the secret as a Bearer credential. */
export const bearerGet =
  (url: string) =>
  (secret: string): CheckRequest => ({
    url,
    method: 'GET',
    headers: { authorization: `Bearer ${secret}` },
  });

/** A parsed answer: JSON when the body was JSON, else undefined; the text for XML issuers (AWS). */
export interface CheckAnswer {
  readonly status: number;
  readonly json: unknown;
  readonly text?: string;
}

/** What a request may need besides the secret. */
export interface RequestContext {
  /**
   * The partner value found beside the secret (an AWS key id, a Twilio account SID), for a
   * checker that declares one. Never stored: an argument of this call only.
   */
  readonly partner?: string;
  /** ISO time of the request, for checkers that sign it (AWS SigV4). */
  readonly now?: string;
}

/** A request the runner refuses without sending (a checker that cannot build a proper one). */
export const NOT_SENT: CheckRequest = { url: 'about:invalid', method: 'GET', headers: {} };

export interface Checker {
  /** Provider key, as in settings' per-provider switches (`github`, `slack`, ...). */
  readonly provider: string;
  /** Shown to the admin. */
  readonly name: string;
  /** The only host this checker sends to (declared as Forge egress in manifest.yml). */
  readonly host: string;
  /** Detector ids whose secrets it checks. */
  readonly detectors: readonly string[];
  /** The provider's documentation of the endpoint and its answers. */
  readonly docs: readonly string[];
  /** One line for the admin: what is sent and what it proves. */
  readonly why: string;
  /**
   * The partner the secret works with (`AWS access key ID`): a checker that declares one checks
   * only a secret found together with it; alone, the secret gets `no_checker`.
   */
  readonly partner?: string;
  request(secret: string, ctx: RequestContext): CheckRequest;
  /**
   * `valid` / `invalid` from an answer the provider documents; undefined for anything else (the
   * runner says failed_to_check, unrecognised answer). 429 and 5xx never reach it.
   */
  interpret(answer: CheckAnswer): CheckOutcome | undefined;
}

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** `v[key]` when `v` is an object and it is a string. */
export const str = (v: unknown, key: string): string | undefined =>
  isObj(v) && typeof v[key] === 'string' ? v[key] : undefined;

/**
 * The most common interpretation: 200 with a body `live` recognises is valid (naming the owner
 * `identity` reads, if any); a status in `dead` is invalid; anything else is not recognised.
 */
export const whoami =
  (
    live: (json: unknown) => boolean,
    dead: readonly number[] = [401],
    identity?: (json: unknown) => string | undefined,
  ) =>
  ({ status, json }: CheckAnswer): CheckOutcome | undefined => {
    if (status === 200 && live(json)) {
      const who = identity?.(json);
      return who ? { validity: 'valid', identity: who } : { validity: 'valid' };
    }
    if (dead.includes(status)) return { validity: 'invalid' };
    return undefined;
  };

/** A GET of `url` with the secret in one documented header (`x-api-key`, `dd-api-key`). */
export const headerGet =
  (url: string, header: string, extra: Readonly<Record<string, string>> = {}) =>
  (secret: string): CheckRequest => ({
    url,
    method: 'GET',
    headers: { ...extra, [header]: secret },
  });

/** HTTP Basic credentials (RFC 7617): ASCII user and password, as the issuers document them. */
export const basic = (user: string, password: string): string =>
  `Basic ${btoa(`${user}:${password}`)}`;
