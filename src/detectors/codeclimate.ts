// Code Climate credentials (hex, no prefix): the test reporter id (CC_TEST_REPORTER_ID, 64 hex) and
// API access tokens (40 hex). Reported only after those names.
// https://docs.codeclimate.com/docs/finding-your-test-coverage-token and
// https://developer.codeclimate.com/#authentication ; trufflehog pkg/detectors/codeclimate.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('codeclimate', [
  {
    id: 'codeclimate-token',
    name: 'Code Climate test reporter id or API token',
    category: 'token',
    keywords: ['codeclimate', 'code_climate', 'cc_test_reporter_id'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:code[_-]?climate[\w.-]{0,20}?[ ]?(?:api[_-]?|access[_-]?|reporter[_-]?)?(?:token|key|id)|cc_test_reporter_id)${ASSIGN}([0-9a-f]{64}|[0-9a-f]{40})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CC_TEST_REPORTER_ID=fe1eb29698f08c254772a8dc2f656d9ef9891cdb5de61630e62e5a2a7fbf68cb',
          secret: 'fe1eb29698f08c254772a8dc2f656d9ef9891cdb5de61630e62e5a2a7fbf68cb',
        },
        {
          text: 'codeclimate_api_token: "ba3687be0870ae6bad2389f0bf214efccdd65cf8"',
          secret: 'ba3687be0870ae6bad2389f0bf214efccdd65cf8',
        },
      ],
      negatives: [
        'CC_TEST_REPORTER_ID=${{ secrets.CC_TEST_REPORTER_ID }}',
        'codeclimate build ba3687be0870ae6bad2389f0bf214efccdd65cf8 passed',
        'https://codeclimate.com/github/acme/api/commit/ba3687be0870ae6bad2389f0bf214efccdd65cf8',
      ],
    },
  },
]);

// Revoke or rotate: Code Climate documentation (the page this family file already cites for its key format).
guidance('codeclimate', {
  steps:
    "Sign in to Code Climate and revoke (delete or regenerate) the leaked test reporter id or API token where Code Climate manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Code Climate's logs or usage for activity you do not recognise.",
  url: 'https://docs.codeclimate.com/docs/finding-your-test-coverage-token',
});
