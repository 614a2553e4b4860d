/**
 * Groq: `GET https://api.groq.com/openai/v1/models` with the key as a Bearer credential. Listing
 * models costs nothing: 200 `{"object": "list", ...}` for a live key, 401 (`invalid_api_key`) for
 * a dead one.
 * Docs: https://console.groq.com/docs/api-reference#models-list
 *       https://console.groq.com/docs/errors
 * @module
 */
import { bearerGet, isObj, whoami, type Checker } from './types.js';

export const groq: Checker = {
  provider: 'groq',
  name: 'Groq',
  host: 'api.groq.com',
  detectors: ['groq-api-key'],
  docs: [
    'https://console.groq.com/docs/api-reference#models-list',
    'https://console.groq.com/docs/errors',
  ],
  why: 'GET /openai/v1/models with the key: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.groq.com/openai/v1/models'),
  interpret: whoami((j) => isObj(j) && j.object === 'list'),
};
