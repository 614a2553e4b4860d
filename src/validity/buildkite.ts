/**
 * Buildkite: `GET https://api.buildkite.com/v2/access-token` with the token as a Bearer
 * credential. It describes the token itself (its uuid and scopes): 200 for a live token, 401
 * `{"message": "Authentication required..."}` for a dead one.
 * Docs: https://buildkite.com/docs/apis/rest-api/access-token
 *       https://buildkite.com/docs/apis/rest-api#authentication
 * @module
 */
import { bearerGet, str, whoami, type Checker } from './types.js';

export const buildkite: Checker = {
  provider: 'buildkite',
  name: 'Buildkite',
  host: 'api.buildkite.com',
  detectors: ['buildkite-api-token', 'buildkite-legacy-api-token'],
  docs: [
    'https://buildkite.com/docs/apis/rest-api/access-token',
    'https://buildkite.com/docs/apis/rest-api#authentication',
  ],
  why: 'GET /v2/access-token with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.buildkite.com/v2/access-token'),
  interpret: whoami((j) => str(j, 'uuid') !== undefined),
};
