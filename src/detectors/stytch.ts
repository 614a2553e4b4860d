// Stytch project secrets: "secret-live-" or "secret-test-" + 35 base64url chars + "=".
// https://stytch.com/docs/guides/dashboard/api-keys (maps: trufflehog pkg/detectors/stytch).
import { E, family } from './define.js';
import { guidance } from './guidance.js';

export default family('stytch', [
  {
    id: 'stytch-secret',
    name: 'Stytch project secret',
    category: 'api_key',
    keywords: ['secret-live-', 'secret-test-'],
    pattern: String.raw`\b(secret-(?:live|test)-[A-Za-z0-9_-]{35}=)${E}`,
    minEntropy: 4,
    examples: {
      positives: [
        'secret-live-EVxEfdines8GbbmU7jrrhMmfV43OD4i-rGN=',
        {
          text: 'STYTCH_PROJECT_ID=project-test-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\nSTYTCH_SECRET=secret-test-MskudT-NJiAjX-iR-cQcG-wWnc5iay5xpdE=',
          secret: 'secret-test-MskudT-NJiAjX-iR-cQcG-wWnc5iay5xpdE=',
        },
      ],
      negatives: [
        'secret-test-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=',
        'secret-live-EVxEfdines8GbbmU7jrrhMmfV43OD4i-rG=', // 34
        'kubectl create secret-test-namespace-config-for-the-staging-cluster-2',
      ],
    },
  },
]);

// Revoke or rotate: Stytch documentation (the page this family file already cites for its key format).
guidance('stytch', {
  steps:
    "Sign in to Stytch and revoke (delete or regenerate) the leaked project secret where Stytch manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Stytch's logs or usage for activity you do not recognise.",
  url: 'https://stytch.com/docs/guides/dashboard/api-keys',
});
