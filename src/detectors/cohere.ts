// Cohere API keys: 40 alphanumerics with no prefix, recognised only after a Cohere variable name
// (CO_API_KEY is the SDK's). https://docs.cohere.com/reference/about
// (format: gitleaks cmd/generate/config/rules/cohere.go)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

const NAME = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:cohere[\w.-]{0,20}(?:api[_.-]?key|key|token)|co_api_key)`;

export default family('cohere', [
  {
    id: 'cohere-api-key',
    name: 'Cohere API key',
    category: 'api_key',
    keywords: ['cohere', 'co_api_key'],
    ignoreCase: true,
    pattern: String.raw`${NAME}${ASSIGN}([A-Za-z0-9]{40})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'CO_API_KEY=XzVYGUr1sT6uCH3xIFVBauxlR2Q4QqkbAlgo0Rvd',
          secret: 'XzVYGUr1sT6uCH3xIFVBauxlR2Q4QqkbAlgo0Rvd',
        },
        {
          text: 'cohere_api_key: "tdiUFvrW7mLSr6dRBoOPCPC52oXKVFjaewsn2YE7"',
          secret: 'tdiUFvrW7mLSr6dRBoOPCPC52oXKVFjaewsn2YE7',
        },
      ],
      negatives: [
        'CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'COHERE_API_KEY=9B0dwfiBViwODffJxdJZkfdH4hqq6EAadZCQGpS',
        'cohere-python commit c2097429fbfb7a0365e51a10218262b90fe6a49a',
        'COHERE_API_KEY=${{ secrets.COHERE_API_KEY }}',
      ],
    },
  },
]);

// Revoke or rotate: Cohere docs, "co key" CLI reference (co key revoke) and "Creating an API key" (Deleting an API Key: Revoke Key).
guidance('cohere', {
  steps:
    'Sign in to the Cohere dashboard, open API Keys and click Revoke Key on the leaked key (or run `co key revoke <name>`); create a new trial or production key and update the applications that used it. Check your usage for calls you did not make.',
  url: 'https://docs.cohere.com/reference/key',
});
