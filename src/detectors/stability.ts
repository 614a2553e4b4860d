// Stability AI API keys: "sk-" + 48 alphanumerics. "sk-" is shared by many providers, so the key
// counts only near a Stability name. https://platform.stability.ai/docs/getting-started/authentication
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('stability', [
  {
    id: 'stability-api-key',
    name: 'Stability AI API key',
    category: 'api_key',
    keywords: ['stability', 'dreamstudio'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(sk-[A-Za-z0-9]{48})${EW}`,
    // OpenAI legacy keys (sk- + 48 with the T3BlbkFJ marker) belong to the openai family.
    validate: (s) => !s.includes('T3BlbkFJ'),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'STABILITY_API_KEY=sk-p3XBx5q3Zcgxp2iGnm2inf9p8cOZlKaEhIrtZLDIMiQPTHQ1',
          secret: 'sk-p3XBx5q3Zcgxp2iGnm2inf9p8cOZlKaEhIrtZLDIMiQPTHQ1',
        },
        {
          text: 'curl https://api.stability.ai/v2beta/stable-image/generate/core -H "authorization: Bearer sk-A5B3MrLvysTqHOqCY3YPlkXWHNFbCOyfQOfb1vXS6rmNInR5"',
          secret: 'sk-A5B3MrLvysTqHOqCY3YPlkXWHNFbCOyfQOfb1vXS6rmNInR5',
        },
      ],
      negatives: [
        'STABILITY_API_KEY=sk-...',
        'STABILITY_API_KEY=sk-0pY0NFneNtwvLtLPnYUkou07E0hXrFUPC47vCj90',
        'STABILITY_API_KEY=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', // an OpenAI key pasted by mistake
        'sk-gbfvYx4BUTtkCbi0hYYIZZj0Ta8o7eDqjzj3N7HENm3AYRqV', // no Stability name nearby
      ],
    },
  },
]);

// Revoke or rotate: Stability AI documentation (the page this family file already cites for its key format).
guidance('stability', {
  steps:
    "Sign in to Stability AI and revoke (delete or regenerate) the leaked API key where Stability AI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Stability AI's logs or usage for activity you do not recognise.",
  url: 'https://platform.stability.ai/docs/getting-started/authentication',
});
