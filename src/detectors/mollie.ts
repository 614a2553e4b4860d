// Mollie API keys ("live_" / "test_" + 30 alphanumerics) and organization access tokens ("access_"
// + 40), reported only after a Mollie name. https://docs.mollie.com/reference/authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mollie', [
  {
    id: 'mollie-api-key',
    name: 'Mollie API key or access token',
    category: 'api_key',
    keywords: ['mollie'],
    pattern: String.raw`${NAME_START}(?:${ci('mollie')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}((?:live|test)_[A-Za-z0-9]{30}|access_[A-Za-z0-9]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MOLLIE_API_KEY=live_KE4D8KU97LKo1NScTUdOdDsQiVOA1t',
          secret: 'live_KE4D8KU97LKo1NScTUdOdDsQiVOA1t',
        },
        {
          text: "mollie_key: 'live_pXVCF4aVd6RTqgPbR7HcCwLlwb2kaS'",
          secret: 'live_pXVCF4aVd6RTqgPbR7HcCwLlwb2kaS',
        },
      ],
      negatives: [
        'MOLLIE_API_KEY=${MOLLIE_API_KEY}',
        'MOLLIE_API_KEY=test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'MOLLIE_API_KEY=live_live_KE4D8KU97LKo1NScTUdOdDsQiVOA1',
      ],
    },
  },
]);

// Revoke or rotate: Mollie help center, "What is an API key?" (API keys are created and rotated in the Mollie Web App > Developers > API access tokens) and Mollie's changelog (keys can be revoked in the Mollie app).
guidance('mollie', {
  steps:
    'In the Mollie Web App open Developers > API access tokens and revoke or rotate the leaked live or test key (or the access token), then create a new one, store it as soon as it is shown (it is shown only once), and update every website or plugin that used the old key. Review recent payments, refunds and payouts for activity you do not recognise.',
  url: 'https://help.mollie.com/hc/en-us/articles/115000328205-Where-can-I-find-the-API-key-',
});
