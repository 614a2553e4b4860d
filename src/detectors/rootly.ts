// Rootly API keys: "rootly_" + 64 hex. https://docs.rootly.com/api-reference/overview (API keys);
// trufflehog pkg/detectors/rootly maps the shape.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('rootly', [
  {
    id: 'rootly-api-key',
    name: 'Rootly API key',
    category: 'api_key',
    keywords: ['rootly_'],
    pattern: String.raw`\b(rootly_[a-f0-9]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'rootly_f6764ddcf043409ab36d92c2ba2debf844d8dfdb4f9b8734582153a2bb746bd5',
        {
          text: 'curl -H "Authorization: Bearer rootly_b26f0321444f0469d5e8f6b091e55966a74b2a58f61e9709aa6671a9b1bf2552" https://api.rootly.com/v1/incidents',
          secret: 'rootly_b26f0321444f0469d5e8f6b091e55966a74b2a58f61e9709aa6671a9b1bf2552',
        },
      ],
      negatives: [
        'rootly_f6764ddcf043409ab36d92c2ba2debf844d8dfdb4f9b8734582153a2bb746bd', // 63 hex
        'rootly_A$3b9f8c1e2d4f5b6c7d8e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d',
        'ROOTLY_API_KEY=rootly_<api-key>',
      ],
    },
  },
]);

// Revoke or rotate: Rootly documentation (the page this family file already cites for its key format).
guidance('rootly', {
  steps:
    "Sign in to Rootly and revoke (delete or regenerate) the leaked API key where Rootly manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Rootly's logs or usage for activity you do not recognise.",
  url: 'https://docs.rootly.com/api-reference/overview',
});
