// Groq API keys: "gsk_" + 52 alphanumerics. https://console.groq.com/keys
import { EW, family } from './define.js';

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
