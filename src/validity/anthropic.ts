/**
 * Anthropic: `GET https://api.anthropic.com/v1/models` with the key in `x-api-key` and the
 * required `anthropic-version` header. 200 with a `data` list is a live key; 401
 * (`authentication_error`) a dead one; 429 and 529 (overloaded) say nothing.
 * Docs: https://docs.anthropic.com/en/api/models-list
 *       https://docs.anthropic.com/en/api/errors
 * @module
 */
import { isObj, type Checker } from './types.js';

export const anthropic: Checker = {
  provider: 'anthropic',
  name: 'Anthropic',
  host: 'api.anthropic.com',
  // Admin keys and OAuth tokens are not accepted by the models endpoint.
  detectors: ['anthropic-api-key'],
  docs: [
    'https://docs.anthropic.com/en/api/models-list',
    'https://docs.anthropic.com/en/api/errors',
  ],
  why: 'GET /v1/models with the key: 200 means it works, 401 means it does not.',
  request: (secret) => ({
    url: 'https://api.anthropic.com/v1/models',
    method: 'GET',
    headers: { 'x-api-key': secret, 'anthropic-version': '2023-06-01' },
  }),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && Array.isArray(json.data)) return { validity: 'valid' };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
