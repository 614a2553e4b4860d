/**
 * Twilio: fetch the account with HTTP Basic auth, the SID found beside the secret as user name
 * and the secret as password. An auth token reads its own account (`GET
 * /2010-04-01/Accounts/{AccountSid}.json`); an API key secret, whose account is not known, lists
 * the accounts it may read (`GET /2010-04-01/Accounts.json`). Both read only: 200 for a live
 * credential, 401 (error 20003 "Authenticate") for a dead one.
 * Docs: https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource
 *       https://www.twilio.com/docs/iam/api/account#read-multiple-account-resources
 *       https://www.twilio.com/docs/usage/requests-to-twilio#credentials
 *       https://www.twilio.com/docs/api/errors/20003
 * @module
 */
import { basic, isObj, NOT_SENT, str, whoami, type Checker } from './types.js';

const BASE = 'https://api.twilio.com/2010-04-01/Accounts';

export const twilio: Checker = {
  provider: 'twilio',
  name: 'Twilio',
  host: 'api.twilio.com',
  detectors: ['twilio-auth-token', 'twilio-api-key-secret'],
  partner: 'twilio-account-sid or twilio-api-key',
  docs: [
    'https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource',
    'https://www.twilio.com/docs/iam/api/account#read-multiple-account-resources',
    'https://www.twilio.com/docs/usage/requests-to-twilio#credentials',
    'https://www.twilio.com/docs/api/errors/20003',
  ],
  why: 'GET /2010-04-01/Accounts/{SID}.json (or Accounts.json for an API key) with the SID and secret as Basic auth: 200 means it works, 401 means it does not.',
  request: (secret, { partner = '' }) => {
    const url = /^AC[0-9a-f]{32}$/.test(partner)
      ? `${BASE}/${partner}.json`
      : /^SK[0-9a-fA-F]{32}$/.test(partner)
        ? `${BASE}.json`
        : undefined;
    if (!url) return NOT_SENT;
    return { url, method: 'GET', headers: { authorization: basic(partner, secret) } };
  },
  interpret: whoami(
    (j) => str(j, 'sid') !== undefined || (isObj(j) && Array.isArray(j.accounts)),
    [401],
    (j) => str(j, 'friendly_name'),
  ),
};
