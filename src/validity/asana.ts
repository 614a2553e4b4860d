/**
 * Asana: `GET https://app.asana.com/api/1.0/users/me` with the personal access token as a Bearer
 * credential. Read-only: 200 `{"data": {"gid", "name", ...}}` for a live token, 401
 * `{"errors": [{"message": "Not Authorized"}]}` for a revoked or unknown one.
 * Docs: https://developers.asana.com/reference/getuser
 *       https://developers.asana.com/docs/personal-access-token
 *       https://developers.asana.com/docs/errors
 * @module
 */
import { bearerGet, isObj, str, whoami, type Checker } from './types.js';

export const asana: Checker = {
  provider: 'asana',
  name: 'Asana',
  host: 'app.asana.com',
  detectors: ['asana-personal-access-token'],
  docs: [
    'https://developers.asana.com/reference/getuser',
    'https://developers.asana.com/docs/personal-access-token',
    'https://developers.asana.com/docs/errors',
  ],
  why: 'GET /api/1.0/users/me with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://app.asana.com/api/1.0/users/me'),
  interpret: whoami(
    (j) => isObj(j) && str(j.data, 'gid') !== undefined,
    [401],
    (j) => (isObj(j) ? str(j.data, 'name') : undefined),
  ),
};
