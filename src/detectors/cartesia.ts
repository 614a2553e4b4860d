// Cartesia (voice/TTS) API keys: "sk_car_" + 22 alphanumerics. https://docs.cartesia.ai/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('cartesia', [
  {
    id: 'cartesia-api-key',
    name: 'Cartesia API key',
    category: 'api_key',
    keywords: ['sk_car_'],
    pattern: String.raw`\b(sk_car_[A-Za-z0-9]{22})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'sk_car_M1eWrP3uIZ35wyVpbDO0td',
        {
          text: 'curl https://api.cartesia.ai/voices -H "X-API-Key: sk_car_DFPu2OOjUz597TYG1TRtzn" -H "Cartesia-Version: 2025-04-16"',
          secret: 'sk_car_DFPu2OOjUz597TYG1TRtzn',
        },
      ],
      negatives: [
        'CARTESIA_API_KEY=sk_car_...',
        'CARTESIA_API_KEY=sk_car_your-key-here',
        'sk_car_n2keSriyRPwHaEbUOolL', // 20 chars
      ],
    },
  },
]);

// Revoke or rotate: Cartesia documentation (the page this family file already cites for its key format).
guidance('cartesia', {
  steps:
    "Sign in to Cartesia and revoke (delete or regenerate) the leaked API key where Cartesia manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Cartesia's logs or usage for activity you do not recognise.",
  url: 'https://docs.cartesia.ai/',
});
