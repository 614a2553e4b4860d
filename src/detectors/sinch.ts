// Sinch SMS API tokens: 32 lower-case alphanumerics, reported only after a Sinch token name.
// https://developers.sinch.com/docs/sms/api-reference/authentication/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('sinch', [
  {
    id: 'sinch-api-token',
    name: 'Sinch SMS API token',
    category: 'token',
    keywords: ['sinch'],
    pattern: String.raw`${NAME_START}(?:${ci('sinch')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([a-z0-9]{32})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'SINCH_SERVICE_PLAN_ID=4f1c2a9e8b7d\nSINCH_API_TOKEN=7to6oskmmmhz67kr2tsnpxuk5pj2br9w',
          secret: '7to6oskmmmhz67kr2tsnpxuk5pj2br9w',
        },
        {
          text: "sinch_token: '5hqf3t7wk20re2diuw4z6gr3vadgqzyu'",
          secret: '5hqf3t7wk20re2diuw4z6gr3vadgqzyu',
        },
      ],
      negatives: [
        'SINCH_API_TOKEN=${SINCH_API_TOKEN}',
        'SINCH_API_TOKEN=7to6oskmmmhz67kr2tsnpxuk5pj2br9',
        'sinch token ticket: https://dashboard.sinch.com/sms/api/7to6oskmmmhz67kr2tsnpxuk5pj2br9w',
      ],
    },
  },
]);

// Revoke or rotate: Sinch documentation (the page this family file already cites for its key format).
guidance('sinch', {
  steps:
    "Sign in to Sinch and revoke (delete or regenerate) the leaked SMS API token where Sinch manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Sinch's logs or usage for activity you do not recognise.",
  url: 'https://developers.sinch.com/docs/sms/api-reference/authentication/',
});
