// Webflow API tokens: 64 hex, reported only after a Webflow token name.
// https://developers.webflow.com/data/reference/authentication (maps: trufflehog
// pkg/detectors/webflow).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('webflow', [
  {
    id: 'webflow-api-token',
    name: 'Webflow API token',
    category: 'token',
    keywords: ['webflow'],
    pattern: String.raw`${NAME_START}(?:${ci('webflow')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'WEBFLOW_API_TOKEN=a5e06d34a622deb267a42b0e243e9348cdc13d10bb2babb11fbe5a0aff9809d6',
          secret: 'a5e06d34a622deb267a42b0e243e9348cdc13d10bb2babb11fbe5a0aff9809d6',
        },
        {
          text: "webflow_token: '84088ff43c6304f0427910a6628848cddfac2def12d31bb7bbae16f0eb571729'",
          secret: '84088ff43c6304f0427910a6628848cddfac2def12d31bb7bbae16f0eb571729',
        },
      ],
      negatives: [
        'WEBFLOW_API_TOKEN=<site-token>',
        'WEBFLOW_API_TOKEN=a5e06d34a622deb267a42b0e243e9348cdc13d10bb2babb11fbe5a0aff9809d',
        'webflow site https://webflow.com/dashboard/sites/acme/general token page',
      ],
    },
  },
]);

// Revoke or rotate: Webflow documentation (the page this family file already cites for its key format).
guidance('webflow', {
  steps:
    "Sign in to Webflow and revoke (delete or regenerate) the leaked API token where Webflow manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Webflow's logs or usage for activity you do not recognise.",
  url: 'https://developers.webflow.com/data/reference/authentication',
});
