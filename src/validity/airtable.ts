/**
 * Airtable: `GET https://api.airtable.com/v0/meta/whoami` with the token as a Bearer credential.
 * It returns the token's user id (and scopes) and changes nothing: 200 `{"id": "usr..."}` for a
 * live token, 401 `{"error": {"type": "AUTHENTICATION_REQUIRED"}}` for a dead one.
 * Docs: https://airtable.com/developers/web/api/get-user-id-scopes
 *       https://airtable.com/developers/web/api/errors
 * @module
 */
import { bearerGet, str, whoami, type Checker } from './types.js';

export const airtable: Checker = {
  provider: 'airtable',
  name: 'Airtable',
  host: 'api.airtable.com',
  // Legacy API keys were turned off by Airtable in 2024: nothing left to check.
  detectors: ['airtable-personal-access-token', 'airtable-oauth-token'],
  docs: [
    'https://airtable.com/developers/web/api/get-user-id-scopes',
    'https://airtable.com/developers/web/api/errors',
  ],
  why: 'GET /v0/meta/whoami with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.airtable.com/v0/meta/whoami'),
  interpret: whoami(
    (j) => str(j, 'id') !== undefined,
    [401],
    (j) => str(j, 'email'),
  ),
};
