/**
 * Slack: `POST https://slack.com/api/auth.test` with the token as a Bearer credential. It only
 * says who the token is. Slack answers HTTP 200 either way: `{"ok":true,...}` for a live token,
 * `{"ok":false,"error":"invalid_auth"}` (or `not_authed`, `account_inactive`, `token_revoked`,
 * `token_expired`) for a dead one. Other errors say nothing about the token: failed_to_check.
 * Docs: https://api.slack.com/methods/auth.test
 *       https://api.slack.com/web#authentication
 * @module
 */
import { isObj, str, type Checker } from './types.js';

const DEAD = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

export const slack: Checker = {
  provider: 'slack',
  name: 'Slack',
  host: 'slack.com',
  detectors: [
    'slack-bot-token',
    'slack-user-token',
    'slack-legacy-bot-token',
    'slack-legacy-token',
  ],
  docs: ['https://api.slack.com/methods/auth.test', 'https://api.slack.com/web#authentication'],
  why: 'POST /api/auth.test with the token: "ok": true means it works, invalid_auth or token_revoked means it does not.',
  request: (secret) => ({
    url: 'https://slack.com/api/auth.test',
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
  }),
  interpret: ({ status, json }) => {
    if (status !== 200 || !isObj(json)) return undefined;
    if (json.ok === true) {
      const team = str(json, 'team');
      const user = str(json, 'user');
      return team && user
        ? { validity: 'valid', identity: `${user}@${team}` }
        : { validity: 'valid' };
    }
    if (json.ok === false && DEAD.has(str(json, 'error') ?? '')) return { validity: 'invalid' };
    return undefined;
  },
};
