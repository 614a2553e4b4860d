/**
 * Telegram: `GET https://api.telegram.org/bot<token>/getMe`. The Bot API takes the token in the
 * URL path (its only documented place). getMe returns the bot itself and changes nothing:
 * `{"ok":true,"result":{...}}` is a live token, 401 `{"ok":false,"error_code":401}` a dead one,
 * and 404 a token the API does not know at all (also dead).
 * Docs: https://core.telegram.org/bots/api#getme
 *       https://core.telegram.org/bots/api#making-requests
 * @module
 */
import { isObj, str, type Checker } from './types.js';

export const telegram: Checker = {
  provider: 'telegram',
  name: 'Telegram',
  host: 'api.telegram.org',
  detectors: ['telegram-bot-token'],
  docs: [
    'https://core.telegram.org/bots/api#getme',
    'https://core.telegram.org/bots/api#making-requests',
  ],
  why: 'GET /bot<token>/getMe (the Bot API takes the token in the path): ok means it works, 401 means it does not.',
  request: (secret) => ({
    url: `https://api.telegram.org/bot${encodeURIComponent(secret).replace(/%3A/gi, ':')}/getMe`,
    method: 'GET',
    headers: {},
  }),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && json.ok === true && isObj(json.result)) {
      const username = str(json.result, 'username');
      return username ? { validity: 'valid', identity: username } : { validity: 'valid' };
    }
    if ((status === 401 || status === 404) && isObj(json) && json.ok === false)
      return { validity: 'invalid' };
    return undefined;
  },
};
