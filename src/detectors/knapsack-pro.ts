// Knapsack Pro API tokens (32 lower-case hex/alphanumerics, no prefix), one per test suite
// (KNAPSACK_PRO_TEST_SUITE_TOKEN[_RSPEC|_CYPRESS|...]); reported only after such a name.
// https://docs.knapsackpro.com/ruby/reference/#knapsack_pro_test_suite_token ; trufflehog
// pkg/detectors/knapsackpro maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('knapsack-pro', [
  {
    id: 'knapsack-pro-api-token',
    name: 'Knapsack Pro API token',
    category: 'token',
    keywords: ['knapsack'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])knapsack[\w.-]{0,40}?[ ]?token(?:_[a-z]{1,20})?${ASSIGN}([a-z0-9]{32})(?:$|[^A-Za-z0-9_-])`,
    validate: (s) => /[a-z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'KNAPSACK_PRO_TEST_SUITE_TOKEN_RSPEC=ca2b4e0e5b5ad408aa9efb253a4951bd',
          secret: 'ca2b4e0e5b5ad408aa9efb253a4951bd',
        },
        {
          text: 'env:\n  KNAPSACK_PRO_TEST_SUITE_TOKEN_CYPRESS: "450e93c53cdf169a2e479f65e936db8b"',
          secret: '450e93c53cdf169a2e479f65e936db8b',
        },
      ],
      negatives: [
        'KNAPSACK_PRO_TEST_SUITE_TOKEN_RSPEC=${{ secrets.KNAPSACK_PRO_TEST_SUITE_TOKEN_RSPEC }}',
        'KNAPSACK_PRO_COMMIT_HASH=ca2b4e0e5b5ad408aa9efb253a4951bd',
        "knapsackpro keyword is not close to the real key\n = 'ca2b4e0e5b5ad408aa9efb253a4951bd'",
      ],
    },
  },
]);

// Revoke or rotate: Knapsack Pro documentation (the page this family file already cites for its key format).
guidance('knapsack-pro', {
  steps:
    "Sign in to Knapsack Pro and revoke (delete or regenerate) the leaked API token where Knapsack Pro manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Knapsack Pro's logs or usage for activity you do not recognise.",
  url: 'https://docs.knapsackpro.com/ruby/reference/#knapsack_pro_test_suite_token',
});
