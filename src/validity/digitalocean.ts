/**
 * DigitalOcean: `GET https://api.digitalocean.com/v2/account` with the token as a Bearer
 * credential. Read-only: 200 with `account` is a live token, 401 (`"id":"unauthorized"`) a dead one.
 * Docs: https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get
 *       https://docs.digitalocean.com/reference/api/digitalocean/#section/Authentication
 * @module
 */
import { bearerGet, type Checker, isObj } from './types.js';

export const digitalocean: Checker = {
  provider: 'digitalocean',
  name: 'DigitalOcean',
  host: 'api.digitalocean.com',
  // A refresh token is only accepted by the OAuth token endpoint, which would mint a new token.
  detectors: ['digitalocean-personal-access-token', 'digitalocean-oauth-token'],
  docs: [
    'https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get',
    'https://docs.digitalocean.com/reference/api/digitalocean/#section/Authentication',
  ],
  why: 'GET /v2/account with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.digitalocean.com/v2/account'),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && isObj(json.account)) return { validity: 'valid' };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
