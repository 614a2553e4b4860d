// Cypress Cloud record keys are UUIDs (no prefix): reported only after CYPRESS_RECORD_KEY or the
// `cypress run --record --key` option. https://docs.cypress.io/cloud/account-management/projects#Record-key
import { ASSIGN, family } from './define.js';

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
