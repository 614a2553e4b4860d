// LlamaIndex / LlamaCloud (LlamaParse) API keys: "llx-" + 48 base64url chars.
// https://docs.cloud.llamaindex.ai/api_key (format: CredSweeper "LLAMA API Key")
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('llamaindex', [
  {
    id: 'llamacloud-api-key',
    name: 'LlamaCloud (LlamaIndex) API key',
    category: 'api_key',
    keywords: ['llx-'],
    pattern: String.raw`\b(llx-[A-Za-z0-9_-]{48})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'llx-aNEuwGbQprFjZApBl3NU1grldhWZvCeHWboysYSbFVR9N4J1',
        {
          text: 'LLAMA_CLOUD_API_KEY=llx-P-NXXEu4pqj4wIGEZbCxBA1ZoQzb95qN2w7aqX2HzxZkwuRU',
          secret: 'llx-P-NXXEu4pqj4wIGEZbCxBA1ZoQzb95qN2w7aqX2HzxZkwuRU',
        },
      ],
      negatives: [
        'LLAMA_CLOUD_API_KEY=llx-your-llama-key-here',
        'llx-358nQEg2ylkp6WsBgtziP8DNS00QoRr-6STtG6FRxSB0Wj8',
        'llx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: LlamaCloud documentation (the page this family file already cites for its key format).
guidance('llamaindex', {
  steps:
    "Sign in to LlamaCloud and revoke (delete or regenerate) the leaked API key where LlamaCloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check LlamaCloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.cloud.llamaindex.ai/api_key',
});
