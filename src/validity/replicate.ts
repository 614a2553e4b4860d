/**
 * Replicate: `GET https://api.replicate.com/v1/account` with the token as a Bearer credential.
 * It returns the account that owns the token: 200 `{"type", "username", ...}` for a live token,
 * 401 `{"title": "Unauthenticated", ...}` for a dead one.
 * Docs: https://replicate.com/docs/reference/http#account.get
 *       https://replicate.com/docs/reference/http#authentication
 * @module
 */
import { bearerGet, str, whoami, type Checker } from './types.js';

export const replicate: Checker = {
  provider: 'replicate',
  name: 'Replicate',
  host: 'api.replicate.com',
  detectors: ['replicate-api-token'],
  docs: [
    'https://replicate.com/docs/reference/http#account.get',
    'https://replicate.com/docs/reference/http#authentication',
  ],
  why: 'GET /v1/account with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.replicate.com/v1/account'),
  interpret: whoami(
    (j) => str(j, 'username') !== undefined,
    [401],
    (j) => str(j, 'username'),
  ),
};
