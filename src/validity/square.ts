/**
 * Square: `GET https://connect.squareup.com/v2/locations` with the access token as a Bearer
 * credential. Listing locations reads the seller's shop addresses only: 200 `{"locations": [...]}`
 * for a live token, 401 with `AUTHENTICATION_ERROR` / `UNAUTHORIZED` for a revoked or expired one.
 * Docs: https://developer.squareup.com/reference/square/locations-api/list-locations
 *       https://developer.squareup.com/docs/build-basics/handling-errors
 * @module
 */
import { bearerGet, isObj, whoami, type Checker } from './types.js';

export const square: Checker = {
  provider: 'square',
  name: 'Square',
  host: 'connect.squareup.com',
  // Sandbox tokens live at connect.squareupsandbox.com; OAuth secrets need their application id.
  detectors: ['square-access-token', 'square-production-access-token'],
  docs: [
    'https://developer.squareup.com/reference/square/locations-api/list-locations',
    'https://developer.squareup.com/docs/build-basics/handling-errors',
  ],
  why: 'GET /v2/locations with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://connect.squareup.com/v2/locations'),
  interpret: whoami((j) => isObj(j) && Array.isArray(j.locations)),
};
