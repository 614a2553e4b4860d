/**
 * npm: `GET https://registry.npmjs.org/-/whoami` with the token as a Bearer credential (what
 * `npm whoami` sends). 200 `{"username":...}` is a live token, 401 a dead one.
 * Docs: https://docs.npmjs.com/cli/v10/commands/npm-whoami
 *       https://docs.npmjs.com/about-access-tokens
 *       https://github.com/npm/cli/blob/latest/lib/utils/get-identity.js (the request it makes)
 * @module
 */
import { bearerGet, type Checker, str } from './types.js';

export const npm: Checker = {
  provider: 'npm',
  name: 'npm',
  host: 'registry.npmjs.org',
  // `npm-basic-auth` is a user's password: not sent anywhere.
  detectors: ['npm-access-token', 'npm-legacy-token'],
  docs: [
    'https://docs.npmjs.com/cli/v10/commands/npm-whoami',
    'https://docs.npmjs.com/about-access-tokens',
    'https://github.com/npm/cli/blob/latest/lib/utils/get-identity.js',
  ],
  why: 'GET /-/whoami with the token (as `npm whoami` does): 200 means it works, 401 means it does not.',
  request: bearerGet('https://registry.npmjs.org/-/whoami'),
  interpret: ({ status, json }) => {
    const username = str(json, 'username');
    if (status === 200 && username !== undefined) return { validity: 'valid', identity: username };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
