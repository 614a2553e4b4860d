// Codacy API tokens (20 alphanumerics; account API tokens) and project tokens (32 hex), no prefix:
// reported only after a Codacy name. https://docs.codacy.com/codacy-api/api-tokens/ ; trufflehog
// pkg/detectors/codacy maps the 20-char shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('codacy', [
  {
    id: 'codacy-api-token',
    name: 'Codacy API or project token',
    category: 'token',
    keywords: ['codacy'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])codacy[\w.-]{0,20}?[ ]?(?:api[_-]?|project[_-]?|account[_-]?)?(?:token|key)${ASSIGN}([A-Za-z0-9]{20}|[0-9a-f]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3,
    examples: {
      positives: [
        { text: 'CODACY_API_TOKEN=3mWSwLRbT8xj9OFNgOXW', secret: '3mWSwLRbT8xj9OFNgOXW' },
        {
          text: 'bash <(curl -Ls https://coverage.codacy.com/get.sh) report\nCODACY_PROJECT_TOKEN: "9edfb7a4f4acef0c907de5957618e855"',
          secret: '9edfb7a4f4acef0c907de5957618e855',
        },
      ],
      negatives: [
        'CODACY_PROJECT_TOKEN=${{ secrets.CODACY_PROJECT_TOKEN }}',
        'codacy_commit_uuid=9edfb7a4f4acef0c907de5957618e855',
        'https://app.codacy.com/gh/acme/api/commit?bid=9edfb7a4f4acef0c907de5957618e855',
      ],
    },
  },
]);

// Revoke or rotate: Codacy documentation (the page this family file already cites for its key format).
guidance('codacy', {
  steps:
    "Sign in to Codacy and revoke (delete or regenerate) the leaked API or project token where Codacy manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Codacy's logs or usage for activity you do not recognise.",
  url: 'https://docs.codacy.com/codacy-api/api-tokens/',
});
