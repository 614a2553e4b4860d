// Mailjet API secret keys (32 hex, the private half of the key pair) and v3.1/SMS API tokens (32
// alphanumerics), reported only after a Mailjet name.
// https://dev.mailjet.com/email/guides/#authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mailjet', [
  {
    id: 'mailjet-api-secret',
    name: 'Mailjet API secret key',
    category: 'api_key',
    keywords: ['mailjet', 'mj_apikey_private'],
    pattern: String.raw`${NAME_START}(?:${ci('mailjet')}|${ci('mj_apikey')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('private')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MJ_APIKEY_PUBLIC=4d8c2e9a7b1f3c5e6a0d2b4f8e1c3a5d\nMJ_APIKEY_PRIVATE=964d72f69de41a8ee54414be7cd14901',
          secret: '964d72f69de41a8ee54414be7cd14901',
        },
        {
          text: "mailjet_secret_key: '73ab7680e34dbd7928e6903cd8dd2eba'",
          secret: '73ab7680e34dbd7928e6903cd8dd2eba',
        },
      ],
      negatives: [
        'MJ_APIKEY_PRIVATE=${MJ_APIKEY_PRIVATE}',
        'MJ_APIKEY_PUBLIC=964d72f69de41a8ee54414be7cd14901',
        'mailjet secret rotated in commit 964d72f69de41a8ee54414be7cd14901f00d',
      ],
    },
  },
  {
    id: 'mailjet-api-token',
    name: 'Mailjet API token (SMS, v4)',
    category: 'api_key',
    keywords: ['mailjet'],
    pattern: String.raw`${NAME_START}(?:${ci('mailjet')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MAILJET_SMS_TOKEN=oGZNiHderB5ob17zP3DbeckE18LHiPQs',
          secret: 'oGZNiHderB5ob17zP3DbeckE18LHiPQs',
        },
        {
          text: 'mailjet token: nKEuLeHwdC9HB4Lq0eSLO0K4yMuzKISM',
          secret: 'nKEuLeHwdC9HB4Lq0eSLO0K4yMuzKISM',
        },
      ],
      negatives: [
        'MAILJET_SMS_TOKEN=<token>',
        'MAILJET_SMS_TOKEN=oGZNiHderB5ob17zP3DbeckE18LHiPQ',
        'https://app.mailjet.com/account/apikeys?token=abc mailjet token page',
      ],
    },
  },
]);

// Revoke or rotate: Mailjet documentation (the page this family file already cites for its key format).
guidance('mailjet', {
  steps:
    "Sign in to Mailjet and revoke (delete or regenerate) the leaked API secret key or API token where Mailjet manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Mailjet's logs or usage for activity you do not recognise.",
  url: 'https://dev.mailjet.com/email/guides/#authentication',
});
