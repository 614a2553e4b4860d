// GoCardless access tokens: "live_" or "sandbox_" + 40 chars, reported only after a GoCardless
// name. https://developer.gocardless.com/getting-started/api/making-your-first-request/ (maps:
// gitleaks gocardless.go).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('gocardless', [
  {
    id: 'gocardless-access-token',
    name: 'GoCardless access token',
    category: 'token',
    keywords: ['gocardless'],
    pattern: String.raw`${NAME_START}(?:${ci('gocardless')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('secret')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}((?:live|sandbox)_[A-Za-z0-9_=-]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'GOCARDLESS_ACCESS_TOKEN=live_i4dp500a0AJ3lKqj17BhDFRbUhazlsTnDPNowu83',
          secret: 'live_i4dp500a0AJ3lKqj17BhDFRbUhazlsTnDPNowu83',
        },
        {
          text: 'gocardless_secret: "live_3_myZczlP3birU9BNtBTXUqxFVN-fZVTnuwxZBAh"',
          secret: 'live_3_myZczlP3birU9BNtBTXUqxFVN-fZVTnuwxZBAh',
        },
      ],
      negatives: [
        'GOCARDLESS_ACCESS_TOKEN=${GC_ACCESS_TOKEN}',
        'GOCARDLESS_ACCESS_TOKEN=live_xxx',
        'gocardless token for https://manage.gocardless.com/developers/access-tokens/AT000123',
      ],
    },
  },
]);

// Revoke or rotate: GoCardless documentation (the page this family file already cites for its key format).
guidance('gocardless', {
  steps:
    "Sign in to GoCardless and revoke (delete or regenerate) the leaked access token where GoCardless manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check GoCardless's logs or usage for activity you do not recognise.",
  url: 'https://developer.gocardless.com/getting-started/api/making-your-first-request/',
});
