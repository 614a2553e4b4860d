// Cerebras Inference API keys: "csk-" + 48 lower-case alphanumerics.
// https://inference-docs.cerebras.ai/api-reference/authentication
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('cerebras', [
  {
    id: 'cerebras-api-key',
    name: 'Cerebras API key',
    category: 'api_key',
    keywords: ['csk-'],
    pattern: String.raw`\b(csk-[a-z0-9]{48})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'csk-b29i57oqmb4qi8279vn8abtw3tohiaei2l8z7tes7elq7kc6',
        {
          text: 'export CEREBRAS_API_KEY="csk-7fg0l5th12dbohrxxoxs4ulr98yw1k6970e4hahm1q8c98gk"',
          secret: 'csk-7fg0l5th12dbohrxxoxs4ulr98yw1k6970e4hahm1q8c98gk',
        },
      ],
      negatives: [
        'CEREBRAS_API_KEY=csk-...',
        'csk-plkdp5qo47basvjxq2im67big7myk647jle3zpj6p1veqhx', // 47 chars
        'csk-VQUMzpWosD62sDSCTEOV5YlsbWG5cN1Bl8xJVm5WMDOiBo50', // upper case letters
        'csk-abcdefghijabcdefghijabcdefghijabcdefghijabcdefgh', // low entropy
      ],
    },
  },
]);

// Revoke or rotate: Cerebras documentation (the page this family file already cites for its key format).
guidance('cerebras', {
  steps:
    "Sign in to Cerebras and revoke (delete or regenerate) the leaked API key where Cerebras manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Cerebras's logs or usage for activity you do not recognise.",
  url: 'https://inference-docs.cerebras.ai/api-reference/authentication',
});
