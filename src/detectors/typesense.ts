// Typesense API keys (admin and scoped) have no prefix; recognised only after a Typesense name or
// the X-TYPESENSE-API-KEY header. https://typesense.org/docs/latest/api/api-keys.html
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

const mixed = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

export default family('typesense', [
  {
    id: 'typesense-api-key',
    name: 'Typesense API key',
    category: 'api_key',
    keywords: ['typesense'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:x-)?typesense[\w.-]{0,16}(?:api[_.-]?key|key)${ASSIGN}([A-Za-z0-9]{32,64})${EW}`,
    validate: (s) => mixed(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'TYPESENSE_API_KEY=HyBjZTAL1g6SR4qhdvOymZuqSuaj5ved',
          secret: 'HyBjZTAL1g6SR4qhdvOymZuqSuaj5ved',
        },
        {
          text: 'curl "https://xyz.a1.typesense.net/collections" -H "X-TYPESENSE-API-KEY: sUcZ8FjV6c2IUQd8jBNkQ1larNgCNE1L"',
          secret: 'sUcZ8FjV6c2IUQd8jBNkQ1larNgCNE1L',
        },
      ],
      negatives: [
        'TYPESENSE_API_KEY=${TYPESENSE_API_KEY}',
        'TYPESENSE_API_KEY=xyzTypesenseAdminApiKeyForLocalDevelopment',
        'TYPESENSE_API_KEY=W1WntEJNYj8AXkHzaxlg',
        'typesense_collection_key=productsearchindexversionnumber',
      ],
    },
  },
]);

// Revoke or rotate: Typesense documentation (the page this family file already cites for its key format).
guidance('typesense', {
  steps:
    "Sign in to Typesense and revoke (delete or regenerate) the leaked API key where Typesense manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Typesense's logs or usage for activity you do not recognise.",
  url: 'https://typesense.org/docs/latest/api/api-keys.html',
});
