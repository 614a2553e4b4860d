// Jina AI API keys: "jina_" + 32 hex + 28 base64url chars (60 in all).
// https://jina.ai/api-dashboard/key-manager (keys shown there; format as issued)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('jina', [
  {
    id: 'jina-api-key',
    name: 'Jina AI API key',
    category: 'api_key',
    keywords: ['jina_'],
    pattern: String.raw`\b(jina_[0-9a-f]{32}[A-Za-z0-9_-]{28})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'jina_06568a685485bc5806d8a2543b261218gOpnKARUTq9dINZxe12nZQoKLl-A',
        {
          text: 'curl https://r.jina.ai/https://example.com -H "Authorization: Bearer jina_843bee8972742ec5a9195536380db807faW1QKmvUnMmlFvwTAjTAdsV8P9n"',
          secret: 'jina_843bee8972742ec5a9195536380db807faW1QKmvUnMmlFvwTAjTAdsV8P9n',
        },
      ],
      negatives: [
        'JINA_API_KEY=jina_...',
        'jina_652cd53bf42d8cc918e9621fb9110089tcgygFZ1U_7wlyJipR37', // tail too short
        'from jina_embeddings_v3_base_en_tokenizer_config import load',
      ],
    },
  },
]);

// Revoke or rotate: Jina AI documentation (the page this family file already cites for its key format).
guidance('jina', {
  steps:
    "Sign in to Jina AI and revoke (delete or regenerate) the leaked API key where Jina AI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Jina AI's logs or usage for activity you do not recognise.",
  url: 'https://jina.ai/api-dashboard/key-manager',
});
