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

/** A parsed answer: JSON when the body was JSON, else undefined. */
export interface CheckAnswer {
  readonly status: number;
  readonly json: unknown;
}

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
  request(secret: string): CheckRequest;
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
