// Perplexity API keys: "pplx-" + 48 alphanumerics. https://docs.perplexity.ai/guides/getting-started
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('perplexity', [
  {
    id: 'perplexity-api-key',
    name: 'Perplexity API key',
    category: 'api_key',
    keywords: ['pplx-'],
    pattern: String.raw`\b(pplx-[A-Za-z0-9]{48})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        {
          text: 'curl https://api.perplexity.ai/chat/completions -H "Authorization: Bearer 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"',
          secret: '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',
        },
      ],
      negatives: [
        'PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'pplx-HUXPAsQbYiFjJ4Y2PxBUdEqrfPtBNs1hyqBjepbZ7KFx', // 44 chars
      ],
    },
  },
]);

// Revoke or rotate: Perplexity documentation, "API Key Management" (keys are generated and revoked in the API console or with /generate_auth_token and /revoke_auth_token; a revoked key cannot be recovered).
guidance('perplexity', {
  steps:
    "Revoke the leaked Perplexity API key at once: in the API console (console.perplexity.ai) open the API group's API keys and revoke it, or call the `/revoke_auth_token` endpoint for it; a revoked key cannot be recovered. Generate a replacement (shown only once), store it in a secret store, update every application that used the old key, and check the group's usage and billing for calls you do not recognise.",
  url: 'https://docs.perplexity.ai/guides/api-key-management',
});
