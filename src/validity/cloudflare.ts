/**
 * Cloudflare: `GET https://api.cloudflare.com/client/v4/user/tokens/verify` with a user API token
 * as a Bearer credential. It only reports on the token: 200 `{"success":true,"result":{"status":
 * "active"}}` is live; a `disabled` or `expired` status, or 401 (error 1000 "Invalid API Token"),
 * is not. Account-owned tokens verify under `/accounts/{id}/tokens/verify`, which needs an account
 * id we do not have: no checker for them.
 * Docs: https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/
 *       https://developers.cloudflare.com/fundamentals/api/get-started/create-token/
 * @module
 */
import { bearerGet, type Checker, isObj, str } from './types.js';

export const cloudflare: Checker = {
  provider: 'cloudflare',
  name: 'Cloudflare',
  host: 'api.cloudflare.com',
  // A pre-2026 token may be account-owned, which this endpoint would call invalid: not checked.
  detectors: ['cloudflare-user-api-token'],
  docs: [
    'https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/',
    'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
  ],
  why: 'GET /client/v4/user/tokens/verify with the token: status active means it works; 401, disabled or expired means it does not.',
  request: bearerGet('https://api.cloudflare.com/client/v4/user/tokens/verify'),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && json.success === true && isObj(json.result)) {
      const s = str(json.result, 'status');
      if (s === 'active') return { validity: 'valid' };
      if (s === 'disabled' || s === 'expired') return { validity: 'invalid' };
      return undefined;
    }
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
