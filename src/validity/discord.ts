/**
 * Discord webhooks: `GET https://discord.com/api/webhooks/{id}/{token}` proves the webhook exists
 * without posting anything (a GET never sends a message). The webhook URL is the secret: its id
 * and token go in the path, as Discord documents, to Discord's canonical host whatever host the
 * found URL named (ptb., canary., discordapp.com). 200 with the webhook's `id` is live; 401
 * (50027 "Invalid Webhook Token") or 404 (10015 "Unknown Webhook") is not.
 * Docs: https://discord.com/developers/docs/resources/webhook#get-webhook-with-token
 *       https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
 * @module
 */
import { isObj, NOT_SENT, str, type Checker } from './types.js';

const WEBHOOK = /\/webhooks\/([0-9]{17,20})\/([A-Za-z0-9_-]{60,80})$/;

export const discord: Checker = {
  provider: 'discord',
  name: 'Discord',
  host: 'discord.com',
  detectors: ['discord-webhook-url'],
  docs: [
    'https://discord.com/developers/docs/resources/webhook#get-webhook-with-token',
    'https://discord.com/developers/docs/topics/opcodes-and-status-codes#json',
  ],
  why: 'GET /api/webhooks/{id}/{token} (reads the webhook, posts nothing): 200 means it works, 401 or 404 means it does not.',
  request: (secret) => {
    const m = WEBHOOK.exec(secret);
    // Not a webhook URL we can rebuild: the runner refuses a non-https URL without sending.
    if (!m) return NOT_SENT;
    return {
      url: `https://discord.com/api/webhooks/${m[1] ?? ''}/${m[2] ?? ''}`,
      method: 'GET',
      headers: {},
    };
  },
  interpret: ({ status, json }) => {
    if (status === 200 && str(json, 'id') !== undefined) {
      const name = str(json, 'name');
      return name ? { validity: 'valid', identity: name } : { validity: 'valid' };
    }
    if ((status === 401 || status === 404) && isObj(json) && typeof json.code === 'number')
      return { validity: 'invalid' };
    return undefined;
  },
};
