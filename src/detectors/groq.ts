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

// Revoke or rotate: Groq documentation (the page this family file already cites for its key format).
guidance('groq', {
  steps:
    "Sign in to Groq and revoke (delete or regenerate) the leaked API key where Groq manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Groq's logs or usage for activity you do not recognise.",
  url: 'https://console.groq.com/keys',
});
