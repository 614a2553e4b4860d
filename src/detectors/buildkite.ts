// Buildkite API access tokens: "bkua_" + 40 lower-case alphanumerics.
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('buildkite', [
  {
    id: 'buildkite-api-token',
    name: 'Buildkite API access token',
    category: 'token',
    keywords: ['bkua_'],
    pattern: String.raw`\b(bkua_[a-z0-9]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'bkua_8ykd1j888cmoe0y5lgfqu63p7j1oj6g1zh95e2ec',
        {
          text: 'curl -H "Authorization: Bearer bkua_203os2aisuro18axpz05maqzopv8nzjiqxu5k8ti" https://api.buildkite.com/v2/user',
          secret: 'bkua_203os2aisuro18axpz05maqzopv8nzjiqxu5k8ti',
        },
      ],
      negatives: [
        'bkua_8ykd1j888cmoe0y5lgfqu63p7j1oj6g1zh95e2e',
        'bkua_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'BKUA_8YKD1J888CMOE0Y5LGFQU63P7J1OJ6G1ZH95E2EC',
      ],
    },
  },
  {
    // Tokens issued before the bkua_ prefix: 40 chars, only after a Buildkite name.
    id: 'buildkite-legacy-api-token',
    name: 'Buildkite API access token (legacy, unprefixed)',
    category: 'token',
    keywords: ['buildkite'],
    ignoreCase: true,
    pattern: String.raw`buildkite[\w.-]{0,12}(?:token|secret|key)${ASSIGN}([a-z0-9]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'BUILDKITE_API_TOKEN=lo9yc94qdslpiwkrgsp9ecc54xl9tv6j4ji0lbn8',
          secret: 'lo9yc94qdslpiwkrgsp9ecc54xl9tv6j4ji0lbn8',
        },
        {
          text: 'buildkite_token: "9bb59b438dcf7b5cd14798e5d30abaa0a664da6f"',
          secret: '9bb59b438dcf7b5cd14798e5d30abaa0a664da6f',
        },
      ],
      negatives: [
        'BUILDKITE_API_TOKEN=${BUILDKITE_API_TOKEN}',
        'BUILDKITE_COMMIT=0000000000000000000000000000000000000000',
        'BUILDKITE_API_TOKEN=lo9yc94qdslpiwkrgsp9ecc54xl9tv6j4ji0lbn',
      ],
    },
  },
]);

// Revoke or rotate: Buildkite docs, "Managing API access tokens" (and the Access token API's revoke endpoint).
guidance('buildkite', {
  steps:
    "Delete the leaked API access token in Buildkite's Personal Settings > API Access Tokens, or revoke it with DELETE /v2/access-token sent with that token (useful when its owner is unknown); organization admins can remove a token's access on the API Access Audit page. Create a token with only the scopes it needs and update the tools that used it.",
  url: 'https://buildkite.com/docs/apis/managing-api-tokens',
});
