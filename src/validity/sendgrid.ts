/**
 * SendGrid (Twilio): `GET https://api.sendgrid.com/v3/scopes` with the key as a Bearer
 * credential. It lists what the key may do and changes nothing: 200 with `scopes` is a live key,
 * 401 (`{"errors":[{"message":"authorization required"}]}`) a dead one.
 * Docs: https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access
 *       https://www.twilio.com/docs/sendgrid/for-developers/sending-email/authentication
 * @module
 */
import { bearerGet, type Checker, isObj } from './types.js';

export const sendgrid: Checker = {
  provider: 'sendgrid',
  name: 'SendGrid',
  host: 'api.sendgrid.com',
  detectors: ['sendgrid-api-key'],
  docs: [
    'https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access',
    'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/authentication',
  ],
  why: 'GET /v3/scopes with the key: 200 means it works, 401 means it does not.',
  request: bearerGet('https://api.sendgrid.com/v3/scopes'),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && Array.isArray(json.scopes)) return { validity: 'valid' };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
