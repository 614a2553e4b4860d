// Humanloop API keys: "hl_sk_" + 48 lower-case hex. https://humanloop.com/docs/reference/authentication
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('humanloop', [
  {
    id: 'humanloop-api-key',
    name: 'Humanloop API key',
    category: 'api_key',
    keywords: ['hl_sk_'],
    pattern: String.raw`\b(hl_sk_[0-9a-f]{48})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'hl_sk_c3a290e59fc065a2b84638464a6306b8d1482e1073223384',
        {
          text: 'curl https://api.humanloop.com/v5/prompts -H "X-API-KEY: hl_sk_c2792bf9de206c6313da471564f22e9df73155e2fb84ac2d"',
          secret: 'hl_sk_c2792bf9de206c6313da471564f22e9df73155e2fb84ac2d',
        },
      ],
      negatives: [
        'HUMANLOOP_API_KEY=hl_sk_...',
        'hl_sk_a5c47a8fde1bec5db155b442bd7a0225e3330357', // 40 hex
        'hl_sk_a9db77d1bf8a112c5df962785463cac55d54250a3662a434a', // 49 hex
      ],
    },
  },
]);

// Revoke or rotate: Humanloop documentation (the page this family file already cites for its key format).
guidance('humanloop', {
  steps:
    "Sign in to Humanloop and revoke (delete or regenerate) the leaked API key where Humanloop manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Humanloop's logs or usage for activity you do not recognise.",
  url: 'https://humanloop.com/docs/reference/authentication',
});
