/**
 * Notion: `GET https://api.notion.com/v1/users/me` with the token as a Bearer credential and the
 * required `Notion-Version` header. It returns the integration's own bot user: 200 with
 * `"object":"user"` is a live token, 401 (`"code":"unauthorized"`) a dead one.
 * Docs: https://developers.notion.com/reference/get-self
 *       https://developers.notion.com/reference/status-codes
 * @module
 */
import { isObj, type Checker } from './types.js';

export const notion: Checker = {
  provider: 'notion',
  name: 'Notion',
  host: 'api.notion.com',
  detectors: ['notion-integration-token', 'notion-api-token'],
  docs: [
    'https://developers.notion.com/reference/get-self',
    'https://developers.notion.com/reference/status-codes',
  ],
  why: 'GET /v1/users/me with the token: 200 means it works, 401 means it does not.',
  request: (secret) => ({
    url: 'https://api.notion.com/v1/users/me',
    method: 'GET',
    headers: { authorization: `Bearer ${secret}`, 'notion-version': '2022-06-28' },
  }),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && json.object === 'user') return { validity: 'valid' };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
