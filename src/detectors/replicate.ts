// Replicate API tokens: "r8_" + 37 alphanumerics. https://replicate.com/account/api-tokens
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('replicate', [
  {
    id: 'replicate-api-token',
    name: 'Replicate API token',
    category: 'api_key',
    keywords: ['r8_'],
    pattern: String.raw`\b(r8_[A-Za-z0-9]{37})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'r8_OHdjM4HpGAlnRbqBEEI6ToItcmMQrfvdvqKmt',
        {
          text: 'export REPLICATE_API_TOKEN=r8_0w7Ld2vm31NtJtgnvIascm0D9wflk656qwJ2g',
          secret: 'r8_0w7Ld2vm31NtJtgnvIascm0D9wflk656qwJ2g',
        },
      ],
      negatives: [
        "replicate = 'r8_7DTl1j7Nsy6dpc3GG?kd8qsWFl33hy4ICtNzH'",
        'r8_OHdjM4HpGAlnRbqBEEI6ToItcmMQrfvdvqKm', // 36 chars
        'r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Replicate changelog, "Disable API tokens" (tokens are managed at replicate.com/account/api-tokens).
guidance('replicate', {
  steps:
    "On Replicate's API tokens page (replicate.com/account/api-tokens) disable the leaked token at once, then create a new one and update the apps that used it. Check your predictions and billing for runs you did not start.",
  url: 'https://replicate.com/changelog/2024-06-04-disable-api-tokens',
});
