/**
 * Sentry: `GET https://sentry.io/api/0/organizations/` with the token as a Bearer credential.
 * Listing the token's organizations changes nothing: 200 with an array for a live token, 401
 * `{"detail": "Invalid token"}` for a dead one.
 * Docs: https://docs.sentry.io/api/organizations/list-your-organizations/
 *       https://docs.sentry.io/api/auth/
 * @module
 */
import { bearerGet, whoami, type Checker } from './types.js';

export const sentry: Checker = {
  provider: 'sentry',
  name: 'Sentry',
  host: 'sentry.io',
  // Organization tokens carry only org:ci (releases, source maps): the list answers them 403.
  detectors: ['sentry-user-auth-token', 'sentry-legacy-auth-token'],
  docs: [
    'https://docs.sentry.io/api/organizations/list-your-organizations/',
    'https://docs.sentry.io/api/auth/',
  ],
  why: 'GET /api/0/organizations/ with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://sentry.io/api/0/organizations/'),
  interpret: whoami((j) => Array.isArray(j)),
};
