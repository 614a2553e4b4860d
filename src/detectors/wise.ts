// Wise (formerly TransferWise) API tokens: UUIDs, reported only after a Wise/TransferWise token
// name. https://docs.wise.com/api-docs/features/authentication-access/personal-tokens
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('wise', [
  {
    id: 'wise-api-token',
    name: 'Wise (TransferWise) API token',
    category: 'token',
    keywords: ['wise_', 'wise-', 'transferwise'],
    pattern: String.raw`${NAME_START}(?:${ci('wise')}|${ci('transferwise')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'WISE_API_TOKEN=00197423-74c9-47e8-a0da-6586bd8c8a9f',
          secret: '00197423-74c9-47e8-a0da-6586bd8c8a9f',
        },
        {
          text: "transferwise_token: '9dfb61c9-37b9-4c30-a7be-9ee8ff61a8ae'",
          secret: '9dfb61c9-37b9-4c30-a7be-9ee8ff61a8ae',
        },
      ],
      negatives: [
        'WISE_API_TOKEN=${WISE_API_TOKEN}',
        'otherwise_token=00197423-74c9-47e8-a0da-6586bd8c8a9f',
        'WISE_PROFILE_ID=16584213 wise transfer https://wise.com/transactions/activities/by-resource/TRANSFER/00197423-74c9-47e8-a0da-6586bd8c8a9f',
      ],
    },
  },
]);

// Revoke or rotate: Wise documentation (the page this family file already cites for its key format).
guidance('wise', {
  steps:
    "Sign in to Wise and revoke (delete or regenerate) the leaked API token where Wise manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Wise's logs or usage for activity you do not recognise.",
  url: 'https://docs.wise.com/api-docs/features/authentication-access/personal-tokens',
});
