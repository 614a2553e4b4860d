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

// Revoke or rotate: Perplexity documentation (the page this family file already cites for its key format).
guidance('perplexity', {
  steps:
    "Sign in to Perplexity and revoke (delete or regenerate) the leaked API key where Perplexity manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Perplexity's logs or usage for activity you do not recognise.",
  url: 'https://docs.perplexity.ai/guides/getting-started',
});
