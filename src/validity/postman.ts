/**
 * Postman: `GET https://api.getpostman.com/me` with the key in the `X-Api-Key` header. It returns
 * the key's user and changes nothing: 200 `{"user": {...}}` for a live key, 401
 * `{"error": {"name": "AuthenticationError"}}` for a dead one.
 * Docs: https://learning.postman.com/docs/developer/postman-api/authentication/
 *       https://www.postman.com/postman/postman-public-workspace/documentation/i2uqzpp/postman-api
 * @module
 */
import { headerGet, isObj, str, whoami, type Checker } from './types.js';

export const postman: Checker = {
  provider: 'postman',
  name: 'Postman',
  host: 'api.getpostman.com',
  // A collection access key only opens one shared collection.
  detectors: ['postman-api-key'],
  docs: [
    'https://learning.postman.com/docs/developer/postman-api/authentication/',
    'https://www.postman.com/postman/postman-public-workspace/documentation/i2uqzpp/postman-api',
  ],
  why: 'GET /me with the key: 200 means it works, 401 means it does not.',
  request: headerGet('https://api.getpostman.com/me', 'x-api-key'),
  interpret: whoami(
    (j) => isObj(j) && isObj(j.user),
    [401],
    (j) => (isObj(j) ? str(j.user, 'username') : undefined),
  ),
};
