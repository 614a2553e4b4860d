/**
 * Netlify: `GET https://api.netlify.com/api/v1/user` with the token as a Bearer credential. It
 * returns the token's own user and changes nothing: 200 with an `id` is a live token, 401
 * ("Access Denied") a revoked or unknown one.
 * Docs: https://open-api.netlify.com/#tag/user/operation/getCurrentUser
 *       https://docs.netlify.com/api/get-started/#authentication
 * @module
 */
import { bearerGet, type Checker, str } from './types.js';

export const netlify: Checker = {
  provider: 'netlify',
  name: 'Netlify',
  host: 'api.netlify.com',
  detectors: ['netlify-personal-access-token', 'netlify-access-token-legacy'],
  docs: [
    'https://open-api.netlify.com/#tag/user/operation/getCurrentUser',
    'https://docs.netlify.com/api/get-started/#authentication',
  ],
  why: 'GET /api/v1/user with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.netlify.com/api/v1/user'),
  interpret: ({ status, json }) => {
    if (status === 200 && str(json, 'id') !== undefined) {
      const slug = str(json, 'slug');
      return slug ? { validity: 'valid', identity: slug } : { validity: 'valid' };
    }
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
