/**
 * Doppler: `GET https://api.doppler.com/v3/me` with the token as a Bearer credential. It describes
 * the token itself (any token type) and changes nothing: 200 with its `slug` and `workplace` for
 * a live token, 401 `{"messages": ["Invalid Auth token"], "success": false}` for a dead one.
 * Docs: https://docs.doppler.com/reference/auth-me
 *       https://docs.doppler.com/reference/api
 * @module
 */
import { bearerGet, isObj, str, whoami, type Checker } from './types.js';

export const doppler: Checker = {
  provider: 'doppler',
  name: 'Doppler',
  host: 'api.doppler.com',
  detectors: [
    'doppler-personal-token',
    'doppler-service-token',
    'doppler-service-account-token',
    'doppler-cli-token',
  ],
  docs: ['https://docs.doppler.com/reference/auth-me', 'https://docs.doppler.com/reference/api'],
  why: 'GET /v3/me with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.doppler.com/v3/me'),
  interpret: whoami(
    (j) => isObj(j) && isObj(j.workplace),
    [401],
    (j) => (isObj(j) ? str(j.workplace, 'name') : undefined),
  ),
};
