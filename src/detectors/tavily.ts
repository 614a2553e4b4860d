// Tavily search API keys: "tvly-" + 32 alphanumerics, with "dev-"/"prod-" in newer keys, and the
// current "tvly-<env>-<4-8 chars>-<40-44 chars>" layout. https://docs.tavily.com/documentation/quickstart
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('tavily', [
  {
    id: 'tavily-api-key',
    name: 'Tavily API key',
    category: 'api_key',
    keywords: ['tvly-'],
    pattern: String.raw`\b(tvly-(?:(?:dev|prod)-)?(?:[A-Za-z0-9]{32}|[A-Za-z0-9]{4,8}-[A-Za-z0-9]{40,44}))${EW}`,
    validate: (s) => !/012345|123456|234567|345678|456789|abcdef/i.test(s),
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        {
          text: 'TAVILY_API_KEY=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',
          secret: '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',
        },
        {
          text: 'client = TavilyClient(api_key="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")',
          secret: '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',
        },
      ],
      negatives: [
        'TAVILY_API_KEY=tvly-YOUR_API_KEY',
        'tvly-dev-3l9il0exSpmghGud9vbfPBC5llJr', // 28 chars
        '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', // sequential digits: a hand-made sample
      ],
    },
  },
]);

// Revoke or rotate: Tavily Docs, "API Key Management" (what to do if your API key leaks).
guidance('tavily', {
  steps:
    'In the Tavily dashboard, open the API Keys section and delete or revoke the leaked key at once, then generate a new key and replace the old one in your environment variables and secrets stores. If usage spiked before you revoked it, contact Tavily support.',
  url: 'https://docs.tavily.com/documentation/best-practices/api-key-management',
});
