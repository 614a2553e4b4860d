// Perplexity API keys: "pplx-" + 48 alphanumerics. https://docs.perplexity.ai/guides/getting-started
import { EW, family } from './define.js';

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
