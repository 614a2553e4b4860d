/**
 * Mistral AI: `GET https://api.mistral.ai/v1/models` with the key as a Bearer credential. Listing
 * models costs nothing: 200 `{"object": "list", ...}` for a live key, 401 `{"message":
 * "Unauthorized"}` for a dead one.
 * Docs: https://docs.mistral.ai/api/#tag/models/operation/list_models_v1_models_get
 *       https://docs.mistral.ai/getting-started/quickstart/
 * @module
 */
import { bearerGet, isObj, whoami, type Checker } from './types.js';

export const mistral: Checker = {
  provider: 'mistral',
  name: 'Mistral AI',
  host: 'api.mistral.ai',
  detectors: ['mistral-api-key'],
  docs: [
    'https://docs.mistral.ai/api/#tag/models/operation/list_models_v1_models_get',
    'https://docs.mistral.ai/getting-started/quickstart/',
  ],
  why: 'GET /v1/models with the key: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.mistral.ai/v1/models'),
  interpret: whoami((j) => isObj(j) && j.object === 'list'),
};
