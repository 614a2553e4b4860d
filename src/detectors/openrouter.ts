// OpenRouter API keys (inference and provisioning): "sk-or-v1-" + 64 lower-case hex.
// https://openrouter.ai/docs/api-reference/authentication (format: TruffleHog pkg/detectors/openrouter)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('openrouter', [
  {
    id: 'openrouter-api-key',
    name: 'OpenRouter API key',
    category: 'api_key',
    keywords: ['sk-or-v1-'],
    pattern: String.raw`\b(sk-or-v1-[0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'curl https://openrouter.ai/api/v1/chat/completions -H "Authorization: Bearer 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"',
          secret: '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',
        },
      ],
      negatives: [
        'OPENROUTER_API_KEY=sk-or-v1-...',
        'sk-or-v1-14add3cd48cdddc885d8b9206fafdd6aa76e791aa71bc8f69bf4e4805dc3334', // 63 hex
        'sk-or-v1-AEA1534AB40B4E5D12F3586A4D6B773E20BCA1C6F31BAF8B1C25DD462DA8EA63', // upper case
        'sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: OpenRouter docs, "Authentication" (if your key has been exposed) and "API Key Rotation".
guidance('openrouter', {
  steps:
    "Open OpenRouter's key settings page and delete the exposed key at once (or with the Management API's delete-key call), then create a new key with a credit limit and update the apps that used it. OpenRouter also emails you when it finds a key of yours exposed; check your activity and credits for usage you did not make.",
  url: 'https://openrouter.ai/docs/api_reference/authentication',
});
