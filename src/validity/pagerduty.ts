/**
 * PagerDuty: `GET https://api.pagerduty.com/abilities` with `Authorization: Token token=<key>`.
 * Listing the account's abilities reads nothing private and works with both account (general
 * access) keys and user tokens, unlike /users/me: 200 `{"abilities": [...]}` for a live key, 401
 * for one PagerDuty does not accept.
 * Docs: https://developer.pagerduty.com/api-reference/e6e2d4bb4ef97-list-abilities
 *       https://developer.pagerduty.com/docs/rest-api-v2/authentication/
 *       https://developer.pagerduty.com/docs/rest-api-v2/errors/
 * @module
 */
import { isObj, whoami, type Checker } from './types.js';

export const pagerduty: Checker = {
  provider: 'pagerduty',
  name: 'PagerDuty',
  host: 'api.pagerduty.com',
  // Events API integration keys post events: no read-only request proves them.
  detectors: ['pagerduty-user-api-token', 'pagerduty-api-key'],
  docs: [
    'https://developer.pagerduty.com/api-reference/e6e2d4bb4ef97-list-abilities',
    'https://developer.pagerduty.com/docs/rest-api-v2/authentication/',
    'https://developer.pagerduty.com/docs/rest-api-v2/errors/',
  ],
  why: 'GET /abilities with the key: 200 means it works, 401 means it does not.',
  request: (secret) => ({
    url: 'https://api.pagerduty.com/abilities',
    method: 'GET',
    headers: {
      authorization: `Token token=${secret}`,
      accept: 'application/vnd.pagerduty+json;version=2',
    },
  }),
  interpret: whoami((j) => isObj(j) && Array.isArray(j.abilities)),
};
