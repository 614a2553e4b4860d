// Mailjet API secret keys (32 hex, the private half of the key pair) and v3.1/SMS API tokens
// (32 alphanumerics), reported only after a Mailjet name. https://dev.mailjet.com/email/guides/#authentication
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mailjet', [
  {
    id: 'mailjet-api-secret',
    name: 'Mailjet API secret key',
    category: 'api_key',
    keywords: ['mailjet', 'mj_apikey_private'],
    pattern: String.raw`${NAME_START}(?:${ci('mailjet')}|${ci('mj_apikey')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('private')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MJ_APIKEY_PUBLIC=4d8c2e9a7b1f3c5e6a0d2b4f8e1c3a5d\nMJ_APIKEY_PRIVATE=4e7e283f112db207880fb4c47dac5cea',
          secret: '4e7e283f112db207880fb4c47dac5cea',
        },
        {
          text: "mailjet_secret_key: '0c98db0cbac39ce335c26d6b0cd78223'",
          secret: '0c98db0cbac39ce335c26d6b0cd78223',
        },
      ],
      negatives: [
        'MJ_APIKEY_PRIVATE=${MJ_APIKEY_PRIVATE}',
        'MJ_APIKEY_PUBLIC=4e7e283f112db207880fb4c47dac5cea',
        'mailjet secret rotated in commit 4e7e283f112db207880fb4c47dac5ceaf00d',
      ],
    },
  },
  {
    id: 'mailjet-api-token',
    name: 'Mailjet API token (SMS, v4)',
    category: 'api_key',
    keywords: ['mailjet'],
    pattern: String.raw`${NAME_START}(?:${ci('mailjet')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MAILJET_SMS_TOKEN=YWKrM019slyrudaMT9lXxpYnLAMOlU3U',
          secret: 'YWKrM019slyrudaMT9lXxpYnLAMOlU3U',
        },
        {
          text: 'mailjet token: VD7BG4Maux3eIeKpD16dVVawNBCoeW1q',
          secret: 'VD7BG4Maux3eIeKpD16dVVawNBCoeW1q',
        },
      ],
      negatives: [
        'MAILJET_SMS_TOKEN=<token>',
        'MAILJET_SMS_TOKEN=YWKrM019slyrudaMT9lXxpYnLAMOlU3',
        'https://app.mailjet.com/account/apikeys?token=abc mailjet token page',
      ],
    },
  },
]);
