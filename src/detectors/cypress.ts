// Cypress Cloud record keys are UUIDs (no prefix): reported only after CYPRESS_RECORD_KEY or the
// `cypress run --record --key` option. https://docs.cypress.io/cloud/account-management/projects#Record-key
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('cypress', [
  {
    id: 'cypress-record-key',
    name: 'Cypress Cloud record key',
    category: 'api_key',
    keywords: ['cypress_record_key', '--record'],
    ignoreCase: true,
    pattern: String.raw`(?:cypress_record_key${ASSIGN}|--record\s{1,3}--key[ =]['"]?)(${UUID})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'env:\n  CYPRESS_RECORD_KEY: f8d066dd-7b5c-4656-98ea-727311a9f748',
          secret: 'f8d066dd-7b5c-4656-98ea-727311a9f748',
        },
        {
          text: 'npx cypress run --record --key cc675891-8615-4920-ba15-27275465e11d --parallel',
          secret: 'cc675891-8615-4920-ba15-27275465e11d',
        },
      ],
      negatives: [
        'CYPRESS_RECORD_KEY=${{ secrets.CYPRESS_RECORD_KEY }}',
        'https://cloud.cypress.io/projects/abc123/runs/cc675891-8615-4920-ba15-27275465e11d',
        'CYPRESS_PROJECT_ID=f8d066dd-7b5c-4656-98ea-727311a9f748',
      ],
    },
  },
]);

// Revoke or rotate: Cypress Cloud documentation (the page this family file already cites for its key format).
guidance('cypress', {
  steps:
    "Sign in to Cypress Cloud and revoke (delete or regenerate) the leaked record key where Cypress Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Cypress Cloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.cypress.io/cloud/account-management/projects#Record-key',
});
