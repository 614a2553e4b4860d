/**
 * Heroku: `GET https://api.heroku.com/account` with the key as a Bearer credential and the
 * Platform API's required `Accept: application/vnd.heroku+json; version=3`. Account info only:
 * 200 with an `id` is a live key; 401 (`"id":"unauthorized"`) a revoked or unknown one.
 * Docs: https://devcenter.heroku.com/articles/platform-api-reference#account-info
 *       https://devcenter.heroku.com/articles/platform-api-reference#authentication
 *       https://devcenter.heroku.com/articles/platform-api-reference#error-responses
 * @module
 */
import { str, type Checker } from './types.js';

export const heroku: Checker = {
  provider: 'heroku',
  name: 'Heroku',
  host: 'api.heroku.com',
  detectors: ['heroku-platform-api-key', 'heroku-api-key'],
  docs: [
    'https://devcenter.heroku.com/articles/platform-api-reference#account-info',
    'https://devcenter.heroku.com/articles/platform-api-reference#authentication',
    'https://devcenter.heroku.com/articles/platform-api-reference#error-responses',
  ],
  why: 'GET /account with the key: 200 means it works, 401 means it does not.',
  request: (secret) => ({
    url: 'https://api.heroku.com/account',
    method: 'GET',
    headers: {
      authorization: `Bearer ${secret}`,
      accept: 'application/vnd.heroku+json; version=3',
    },
  }),
  interpret: ({ status, json }) => {
    if (status === 200 && str(json, 'id') !== undefined) {
      const email = str(json, 'email');
      return email ? { validity: 'valid', identity: email } : { validity: 'valid' };
    }
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
