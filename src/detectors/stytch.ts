// Stytch project secrets: "secret-live-" or "secret-test-" + 35 base64url chars + "=".
// https://stytch.com/docs/guides/dashboard/api-keys (maps: trufflehog pkg/detectors/stytch).
import { E, family } from './define.js';

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
