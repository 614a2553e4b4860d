// Together AI API keys: current "tgp_v1_" + 43 base64url chars; older keys were 64 hex with no
// prefix, recognised only after a Together variable name.
// https://docs.together.ai/reference/authentication (format: CredSweeper "Together AI API Key")
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('togetherai', [
  {
    id: 'togetherai-api-key',
    name: 'Together AI API key',
    category: 'api_key',
    keywords: ['tgp_v1_'],
    pattern: String.raw`\b(tgp_v1_[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'tgp_v1_r2r2kZxTLjBA1ceg3g3tFPT9XmNv6Mhb5cmEfa2lXvw',
        {
          text: 'TOGETHER_API_KEY=tgp_v1_Zu6OhXR144j-0YmA_KB_nDIQi2MjyQrtdWMq8CK5jum',
          secret: 'tgp_v1_Zu6OhXR144j-0YmA_KB_nDIQi2MjyQrtdWMq8CK5jum',
        },
      ],
      negatives: [
        'TOGETHER_API_KEY=tgp_v1_...',
        'tgp_v1_ty8Ou2_snLsBVSjwys7GY_c5H2us0Zl5dXm0uKLK8j', // 42 chars
        'tgp_v1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
  {
    id: 'togetherai-legacy-api-key',
    name: 'Together AI API key (legacy, unprefixed)',
    category: 'api_key',
    keywords: ['together'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])together(?:[_.-]?ai)?[_.-]?(?:api[_.-]?)?(?:key|token)${ASSIGN}([0-9a-f]{64})${EW}`,
    minEntropy: 3.2,
    examples: {
      positives: [
        {
          text: 'TOGETHER_API_KEY=8371b535753eed71be6ff5af3201f4fbd819e5cfe401d9b3a1db4afd24d30e1c',
          secret: '8371b535753eed71be6ff5af3201f4fbd819e5cfe401d9b3a1db4afd24d30e1c',
        },
        {
          text: 'together_ai_key: "a1197028a90c2987044d96b7b66afa4827d2e8c7144bf09f7249b285727609d3"',
          secret: 'a1197028a90c2987044d96b7b66afa4827d2e8c7144bf09f7249b285727609d3',
        },
      ],
      negatives: [
        'TOGETHER_API_KEY=${TOGETHER_API_KEY}',
        'together_api_key: f4f8d382c09edb3061d81302f4964b07b4548043a382e0b054eb58621654dab', // 63 hex
        'sha256 a42793d9d4963f1b8955a51ff47251b7f6723463cf507903c840409f023b0348 of the together-python wheel',
        'TOGETHER_MODEL=177c4c9432b0e815542ce3caed9a500890054001dd8c286a4e16987d9a421583',
      ],
    },
  },
]);

// Revoke or rotate: Together AI docs, "Can I create multiple API keys?" (the default key cannot be revoked, only regenerated).
guidance('togetherai', {
  steps:
    "In Together AI's Settings > API Keys delete the leaked extra key; the account's default user key cannot be revoked but can be regenerated, which makes the old value stop working. Create a key with an expiry date for the app that needs it, update it there, and check your usage for requests you did not make.",
  url: 'https://docs.together.ai/docs/multiple-api-keys',
});
