// Groq API keys: "gsk_" + 52 alphanumerics. https://console.groq.com/keys
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('groq', [
  {
    id: 'groq-api-key',
    name: 'Groq API key',
    category: 'api_key',
    keywords: ['gsk_'],
    pattern: String.raw`\b(gsk_[A-Za-z0-9]{52})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        {
          text: 'GROQ_API_KEY=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',
          secret: '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',
        },
      ],
      negatives: [
        'gsk_qROsDt8qncvvEuUoVD07WGdyb3FY8jirQJrcQeRDG3kOtFnd', // 48 chars
        'gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'wgsk_qROsDt8qncvvEuUoVD07WGdyb3FY8jirQJrcQeRDG3kOtFndZ4CF',
      ],
    },
  },
]);

// Revoke or rotate: GroqCloud docs, "API keys" (keys are managed at console.groq.com/keys).
guidance('groq', {
  steps:
    "In the GroqCloud console (console.groq.com/keys) click the trash icon next to the leaked key and confirm the revocation; create a new key with a descriptive name, store it in a secrets manager and update the apps that used the old one. Check the console's usage for calls you did not make.",
  url: 'https://console.groq.com/docs/api-keys',
});
