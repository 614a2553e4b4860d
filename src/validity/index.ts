/**
 * Every checker, and what the app asks of them: which one checks a detector's secrets, and a
 * session that checks each secret of one scan once, as soon as the scan hands it over, and keeps
 * only the outcome (the secret lives in the pending request's closure until it settles).
 * @module
 */
import { anthropic } from './anthropic.js';
import { airtable } from './airtable.js';
import { asana } from './asana.js';
import { aws } from './aws.js';
import { buildkite } from './buildkite.js';
import { datadog } from './datadog.js';
import { doppler } from './doppler.js';
import { gcp } from './gcp.js';
import { groq } from './groq.js';
import { mistral } from './mistral.js';
import { pagerduty } from './pagerduty.js';
import { postman } from './postman.js';
import { replicate } from './replicate.js';
import { sentry } from './sentry.js';
import { square } from './square.js';
import { twilio } from './twilio.js';
import { cloudflare } from './cloudflare.js';
import { digitalocean } from './digitalocean.js';
import { discord } from './discord.js';
import { heroku } from './heroku.js';
import { netlify } from './netlify.js';
import { vercel } from './vercel.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { huggingface } from './huggingface.js';
import { notion } from './notion.js';
import { npm } from './npm.js';
import { openai } from './openai.js';
import { runCheck, type CheckPorts } from './run.js';
import { sendgrid } from './sendgrid.js';
import { slack } from './slack.js';
import { stripe } from './stripe.js';
import { telegram } from './telegram.js';
import type { CheckOutcome, Checker, FailReason, Validity } from './types.js';

/**
 * Not checked on purpose (their findings are `no_checker`):
 * - Atlassian API tokens (`atlassian-api-token`), even with the account's email beside them.
 *   Atlassian documents them only as Basic credentials for the customer's own site
 *   (`GET https://<site>.atlassian.net/rest/api/3/myself`) or, scoped, for
 *   `https://api.atlassian.com/ex/jira/{cloudId}/...` with that site's cloud id; neither host is
 *   known from the token, and Forge egress is a fixed list. `https://api.atlassian.com/me` takes
 *   OAuth 2.0 (3LO) access tokens, not API tokens. A secret is never sent to a guessed host.
 *   https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
 *   https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/
 *   https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
 * - Slack incoming webhooks: Slack documents no request that reads one without posting to it.
 * - A GCP key file's `private_key_id` (`google-service-account-key`): an id signs nothing; the
 *   key's own PKCS#8 finding, with its client_email, is checked (gcp.ts).
 */
export const CHECKERS: readonly Checker[] = [
  github,
  gitlab,
  slack,
  stripe,
  openai,
  anthropic,
  sendgrid,
  npm,
  huggingface,
  notion,
  telegram,
  digitalocean,
  cloudflare,
  vercel,
  netlify,
  heroku,
  discord,
  aws,
  twilio,
  datadog,
  asana,
  airtable,
  pagerduty,
  groq,
  mistral,
  replicate,
  doppler,
  square,
  postman,
  sentry,
  buildkite,
  gcp,
];

const BY_DETECTOR = new Map(CHECKERS.flatMap((c) => c.detectors.map((d) => [d, c] as const)));

export function checkerFor(detectorId: string): Checker | undefined {
  return BY_DETECTOR.get(detectorId);
}

/** What an incident records of a check. */
export interface ValidityResult {
  readonly validity: Validity;
  /** ISO time of the check (absent for no_checker / not_checked: nothing was sent). */
  readonly checked_at?: string;
  readonly reason?: FailReason;
  /** The owner the issuer named, only when the admin keeps identities. */
  readonly details?: string;
}

export interface ValidityOptions extends CheckPorts {
  /** Providers switched on; a detector whose provider is off gets `not_checked`. */
  readonly isProviderEnabled: (provider: string) => boolean;
  /** Keep the owner the issuer names (`validity_details`). Default false. */
  readonly keepIdentity?: boolean;
  /** ISO time. */
  readonly now: () => string;
  /**
   * The scan's keyed fingerprint. When given, text handed over whose fingerprint is not the
   * finding's is not sent: a finding in decoded text (base64, escapes) has offsets over its
   * encoded form, and sending that would make a live secret read `invalid`.
   */
  readonly fingerprint?: (secret: string) => string;
  /**
   * Requests in flight to one provider at once (default 4): a page of issues holding hundreds of
   * tokens of one provider is checked a few at a time, not all at once.
   */
  readonly perProvider?: number;
}

/** The scan pipeline hands secrets over; recording asks for the outcome by detector + fingerprint. */
export interface ValiditySession {
  /**
   * Called with a finding's secret the moment it is found (and the partner value found beside
   * it, if any); the check starts at once.
   */
  readonly onSecret: (
    finding: { readonly detector: string; readonly fingerprint: string },
    secret: string,
    partner?: string,
  ) => void;
  /** The outcome for a finding handed over in this session (undefined if it never was). */
  readonly resultFor: (
    detector: string,
    fingerprint: string,
  ) => Promise<ValidityResult> | undefined;
}

function toResult(o: CheckOutcome, at: string, keepIdentity: boolean): ValidityResult {
  switch (o.validity) {
    case 'valid':
      return {
        validity: 'valid',
        checked_at: at,
        ...(keepIdentity && o.identity ? { details: o.identity.slice(0, 200) } : {}),
      };
    case 'invalid':
      return { validity: 'invalid', checked_at: at };
    case 'failed_to_check':
      return { validity: 'failed_to_check', checked_at: at, reason: o.reason };
  }
}

/** One session per scan run: each (detector, fingerprint) is sent at most once. */
export function createValiditySession(options: ValidityOptions): ValiditySession {
  const pending = new Map<string, Promise<ValidityResult>>();
  const key = (detector: string, fingerprint: string): string => `${detector}\0${fingerprint}`;
  const limit = Math.max(1, options.perProvider ?? 4);
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  // A finished request hands its slot straight to the next in line, so the count never overshoots.
  const acquire = async (provider: string): Promise<() => void> => {
    if ((inFlight.get(provider) ?? 0) >= limit)
      await new Promise<void>((resolve) => {
        waiting.set(provider, [...(waiting.get(provider) ?? []), resolve]);
      });
    else inFlight.set(provider, (inFlight.get(provider) ?? 0) + 1);
    return () => {
      const next = waiting.get(provider)?.shift();
      if (next) next();
      else inFlight.set(provider, (inFlight.get(provider) ?? 1) - 1);
    };
  };
  const check = async (
    checker: Checker,
    secret: string,
    partner: string | undefined,
  ): Promise<CheckOutcome> => {
    const release = await acquire(checker.provider);
    try {
      return await runCheck(checker, secret, options, partner);
    } finally {
      release();
    }
  };
  return {
    onSecret(finding, secret, partner) {
      const k = key(finding.detector, finding.fingerprint);
      if (pending.has(k)) return;
      if (options.fingerprint && options.fingerprint(secret) !== finding.fingerprint) return;
      const checker = checkerFor(finding.detector);
      // A secret that only works with its partner (AWS, Twilio) is checked only beside it.
      if (!checker || (checker.partner !== undefined && !partner)) {
        pending.set(k, Promise.resolve({ validity: 'no_checker' }));
        return;
      }
      if (!options.isProviderEnabled(checker.provider)) {
        pending.set(k, Promise.resolve({ validity: 'not_checked' }));
        return;
      }
      pending.set(
        k,
        check(checker, secret, partner).then(
          (o) => toResult(o, options.now(), options.keepIdentity === true),
          // runCheck returns errors as values; a throw here is a checker bug, still not a guess.
          (): ValidityResult => ({
            validity: 'failed_to_check',
            checked_at: options.now(),
            reason: 'network',
          }),
        ),
      );
    },
    resultFor: (detector, fingerprint) => pending.get(key(detector, fingerprint)),
  };
}

export { runCheck, type CheckPorts } from './run.js';
export * from './types.js';
