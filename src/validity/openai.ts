/**
 * OpenAI: `GET https://api.openai.com/v1/models` with the key as a Bearer credential. Listing
 * models costs nothing and changes nothing: 200 with `"object":"list"` is a live key, 401
 * (`invalid_api_key`, "Incorrect API key provided") a dead one.
 * Docs: https://platform.openai.com/docs/api-reference/models/list
 *       https://platform.openai.com/docs/api-reference/authentication
 *       https://platform.openai.com/docs/guides/error-codes
 * @module
 */
import { bearerGet, type Checker, isObj } from './types.js';

export const openai: Checker = {
  provider: 'openai',
  name: 'OpenAI',
  host: 'api.openai.com',
  // Admin keys only work on the organization endpoints.
  detectors: ['openai-api-key', 'openai-project-key', 'openai-service-account-key'],
  docs: [
    'https://platform.openai.com/docs/api-reference/models/list',
    'https://platform.openai.com/docs/api-reference/authentication',
    'https://platform.openai.com/docs/guides/error-codes',
  ],
  why: 'GET /v1/models with the key: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.openai.com/v1/models'),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && json.object === 'list') return { validity: 'valid' };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
