/**
 * Vercel: `GET https://api.vercel.com/v2/user` with the token as a Bearer credential. It returns
 * the token's own user and changes nothing: 200 with `user` is a live token; 403 with
 * `error.invalidToken: true` (or 401) is a revoked or unknown one. Any other 403 is not proof.
 * Docs: https://vercel.com/docs/rest-api/reference/endpoints/user/get-the-user
 *       https://vercel.com/docs/rest-api/reference/welcome#authentication
 *       https://vercel.com/docs/rest-api/reference/welcome#errors
 * @module
 */
import { bearerGet, type Checker, isObj, str } from './types.js';

export const vercel: Checker = {
  provider: 'vercel',
  name: 'Vercel',
  host: 'api.vercel.com',
  // Integration and app tokens act for an integration, not a user: /v2/user is not theirs.
  detectors: ['vercel-personal-access-token', 'vercel-token-legacy'],
  docs: [
    'https://vercel.com/docs/rest-api/reference/endpoints/user/get-the-user',
    'https://vercel.com/docs/rest-api/reference/welcome#authentication',
    'https://vercel.com/docs/rest-api/reference/welcome#errors',
  ],
  why: 'GET /v2/user with the token: 200 means it works, an invalid-token answer means it does not.',
  request: bearerGet('https://api.vercel.com/v2/user'),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && isObj(json.user)) {
      const username = str(json.user, 'username');
      return username ? { validity: 'valid', identity: username } : { validity: 'valid' };
    }
    if (status === 401) return { validity: 'invalid' };
    if (status === 403 && isObj(json) && isObj(json.error) && json.error.invalidToken === true)
      return { validity: 'invalid' };
    return undefined;
  },
};
