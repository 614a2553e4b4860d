/**
 * Google Cloud service-account keys: the OAuth 2.0 JWT-bearer token exchange Google documents for
 * server-to-server applications. The key file's PKCS#8 `private_key` signs (RS256) a short JWT
 * whose issuer is the `client_email` found beside it (the finding's partner), and the JWT alone is
 * posted to the token endpoint: the private key never travels. It changes nothing: 200 with an
 * `access_token` (dropped unread, never stored) for a live key; 400 `invalid_grant` "Invalid JWT
 * Signature." (the key was deleted or disabled, or is not that account's) or "account not found"
 * (the account was deleted or disabled), or `disabled_client` (the key is disabled), for a dead
 * one. Other `invalid_grant`s (a JWT outside Google's time window: our clock, not the key) and
 * `invalid_scope` say nothing about the key: failed_to_check.
 * Docs: https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests
 *       https://developers.google.com/identity/protocols/oauth2/service-account#error-codes
 *       https://cloud.google.com/iam/docs/service-account-creds#key-types
 * @module
 */
import { Buffer } from 'node:buffer';
import { createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import { NOT_SENT, str, type Checker, type CheckRequest } from './types.js';

const HOST = 'oauth2.googleapis.com';
const TOKEN_URL = `https://${HOST}/token`;
const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
// Read-only: the token is never used, and Google grants a service account the scope it asks for.
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';
/** Google allows at most an hour; the exchange happens at once. */
const LIFETIME_S = 300;
/** User-managed (`*.iam.`), App Engine (`appspot.`) and Compute (`developer.`) accounts. */
export const SERVICE_ACCOUNT_EMAIL = String.raw`[a-z0-9][a-z0-9._-]{0,99}@[a-z0-9][a-z0-9.-]{0,99}\.gserviceaccount\.com`;
const IS_EMAIL = new RegExp(`^${SERVICE_ACCOUNT_EMAIL}$`);

/**
 * The RSA key of a PKCS#8 PEM block as a scan finds it: in a key file it is JSON-escaped (`\n`),
 * and a paste may have lost or re-wrapped its line breaks, so only the base64 body counts.
 */
export function pkcs8RsaKey(pem: string): KeyObject | undefined {
  const body = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(pem)?.[1];
  if (body === undefined) return undefined;
  const der = Buffer.from(body.replace(/\\+[rnt]/g, '').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  try {
    const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'rsa' ? key : undefined;
  } catch {
    return undefined;
  }
}

const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

/** The token request, or NOT_SENT without a service-account email, an RSA key or a time. */
export function tokenRequest(secret: string, email?: string, now?: string): CheckRequest {
  const iat = now === undefined ? NaN : Math.floor(Date.parse(now) / 1000);
  if (!email || !IS_EMAIL.test(email) || !Number.isFinite(iat)) return NOT_SENT;
  const key = pkcs8RsaKey(secret);
  if (!key) return NOT_SENT;
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = b64url(
    JSON.stringify({ iss: email, scope: SCOPE, aud: TOKEN_URL, iat, exp: iat + LIFETIME_S }),
  );
  const signature = createSign('RSA-SHA256')
    .update(`${header}.${claims}`)
    .sign(key)
    .toString('base64url');
  return {
    url: TOKEN_URL,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: GRANT,
      assertion: `${header}.${claims}.${signature}`,
    }).toString(),
  };
}

/** What Google answers for a key that no longer works (see the module's docs). */
const DEAD_GRANT = /^(?:Invalid JWT Signature\.?|Invalid grant: account not found)$/;

export const gcp: Checker = {
  provider: 'gcp',
  name: 'Google Cloud (service account key)',
  host: HOST,
  // The PEM of a key file; its private_key_id (google-service-account-key) cannot sign anything.
  detectors: ['private-key-pkcs8'],
  partner: 'google-service-account-email (client_email)',
  docs: [
    'https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests',
    'https://developers.google.com/identity/protocols/oauth2/service-account#error-codes',
    'https://cloud.google.com/iam/docs/service-account-creds#key-types',
  ],
  why: 'POST /token with a 5-minute JWT signed by the key for its client_email (the key itself is not sent): 200 with an access token (discarded) means it works, 400 invalid_grant "Invalid JWT Signature." or "account not found" means it does not.',
  request: (secret, { partner, now }) => tokenRequest(secret, partner, now),
  interpret: ({ status, json }) => {
    if (status === 200 && str(json, 'access_token') !== undefined) return { validity: 'valid' };
    const error = str(json, 'error');
    if (
      status === 400 &&
      error === 'invalid_grant' &&
      DEAD_GRANT.test(str(json, 'error_description') ?? '')
    )
      return { validity: 'invalid' };
    if ((status === 400 || status === 401) && error === 'disabled_client')
      return { validity: 'invalid' };
    return undefined;
  },
};
