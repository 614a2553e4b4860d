// Smartsheet API access tokens: 26 or 37 alphanumerics, reported only after a Smartsheet token
// name. https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication (maps:
// trufflehog pkg/detectors/smartsheets).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('smartsheet', [
  {
    id: 'smartsheet-api-token',
    name: 'Smartsheet API access token',
    category: 'token',
    keywords: ['smartsheet'],
    pattern: String.raw`${NAME_START}(?:${ci('smartsheet')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{37}|[A-Za-z0-9]{26})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'SMARTSHEET_ACCESS_TOKEN=x2KQDbgUYEqpnzzUyPWkRLTlXIFa9BbmHz37E',
          secret: 'x2KQDbgUYEqpnzzUyPWkRLTlXIFa9BbmHz37E',
        },
        {
          text: 'smartsheet_token := "sxDFUzHMGmwEIe5cXgql71qb8LfCjSsLuXHMN"',
          secret: 'sxDFUzHMGmwEIe5cXgql71qb8LfCjSsLuXHMN',
        },
      ],
      negatives: [
        'SMARTSHEET_ACCESS_TOKEN=${SMARTSHEET_ACCESS_TOKEN}',
        'https://app.smartsheet.com/sheets/x2KQDbgUYEqpnzzUyPWkRLTlXIFa9BbmHz37E?view=grid smartsheet token sheet',
        'SMARTSHEET_ACCESS_TOKEN=abc',
      ],
    },
  },
]);

// Revoke or rotate: Smartsheet documentation (the page this family file already cites for its key format).
guidance('smartsheet', {
  steps:
    "Sign in to Smartsheet and revoke (delete or regenerate) the leaked API access token where Smartsheet manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Smartsheet's logs or usage for activity you do not recognise.",
  url: 'https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication',
});
