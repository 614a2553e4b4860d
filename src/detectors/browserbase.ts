// Browserbase (headless browsers for AI agents) API keys: "bb_live_" + 27 base64url chars.
// https://docs.browserbase.com/introduction/getting-started
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('browserbase', [
  {
    id: 'browserbase-api-key',
    name: 'Browserbase API key',
    category: 'api_key',
    keywords: ['bb_live_'],
    pattern: String.raw`\b(bb_live_[A-Za-z0-9_-]{27})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'bb_live_iIOSXFc6Nh7-PtZNYAAvjIrXTa9',
        {
          text: 'curl https://api.browserbase.com/v1/sessions -H "X-BB-API-Key: bb_live_cDxIzLjz9ilp2nM8Z4WwcdtdgJz"',
          secret: 'bb_live_cDxIzLjz9ilp2nM8Z4WwcdtdgJz',
        },
      ],
      negatives: [
        'BROWSERBASE_API_KEY=bb_live_...',
        'BROWSERBASE_API_KEY=bb_live_your-api-key-here',
        'bb_live_p8P7mTohsgnrb44Ds0EXR_ox', // 24 chars
      ],
    },
  },
]);

// Revoke or rotate: Browserbase documentation (the page this family file already cites for its key format).
guidance('browserbase', {
  steps:
    "Sign in to Browserbase and revoke (delete or regenerate) the leaked API key where Browserbase manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Browserbase's logs or usage for activity you do not recognise.",
  url: 'https://docs.browserbase.com/introduction/getting-started',
});
