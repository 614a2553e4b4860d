// Plivo auth tokens: 40 alphanumerics, reported only after a Plivo token name.
// https://www.plivo.com/docs/messaging/api/overview/authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('plivo', [
  {
    id: 'plivo-auth-token',
    name: 'Plivo auth token',
    category: 'api_key',
    keywords: ['plivo'],
    pattern: String.raw`${NAME_START}(?:${ci('plivo')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'PLIVO_AUTH_ID=MAXXXXXXXXXXXXXXXXXX\nPLIVO_AUTH_TOKEN=WtFyyYmyUPnA3vTs183ezzzXtbxN2fRq1xZmsZmb',
          secret: 'WtFyyYmyUPnA3vTs183ezzzXtbxN2fRq1xZmsZmb',
        },
        {
          text: "plivo_auth_token: 'D6e8KB88tS6lc6OlNU5UmMMJHuyQUpWGN3AgHdXK'",
          secret: 'D6e8KB88tS6lc6OlNU5UmMMJHuyQUpWGN3AgHdXK',
        },
      ],
      negatives: [
        'PLIVO_AUTH_TOKEN=${PLIVO_AUTH_TOKEN}',
        'PLIVO_AUTH_TOKEN=WtFyyYmyUPnA3vTs183ezzzXtbxN2fRq1xZmsZm',
        'plivo token rotated in 7c1e9a3b5d7f9e2c4a6b8d0f1e3c5a7b9d2f4e6a',
      ],
    },
  },
]);

// Revoke or rotate: Plivo documentation (the page this family file already cites for its key format).
guidance('plivo', {
  steps:
    "Sign in to Plivo and revoke (delete or regenerate) the leaked auth token where Plivo manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Plivo's logs or usage for activity you do not recognise.",
  url: 'https://www.plivo.com/docs/messaging/api/overview/authentication',
});
