// DeepSeek API keys: "sk-" + 32 lower-case hex. "sk-" is shared by many providers, so the key
// counts only near a DeepSeek name. https://api-docs.deepseek.com/
// (format: TruffleHog pkg/detectors/deepseek)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('deepseek', [
  {
    id: 'deepseek-api-key',
    name: 'DeepSeek API key',
    category: 'api_key',
    keywords: ['deepseek'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(sk-[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DEEPSEEK_API_KEY=sk-5bf809422751ee933abfa9e84bd67e79',
          secret: 'sk-5bf809422751ee933abfa9e84bd67e79',
        },
        {
          text: 'client = OpenAI(api_key="sk-6c1fe2949f817f661127d84ba5b72a0f", base_url="https://api.deepseek.com")',
          secret: 'sk-6c1fe2949f817f661127d84ba5b72a0f',
        },
      ],
      negatives: [
        'DEEPSEEK_API_KEY=sk-...',
        'DEEPSEEK_API_KEY=sk-c04d3ef535abb77e538660caa0d454d',
        'sk-dcd9f9f6f2aeefb08f0c2417c8638486', // no DeepSeek name nearby
        'deepseek.key = sk-notarealkey42',
      ],
    },
  },
]);

// Revoke or rotate: DeepSeek documentation (the page this family file already cites for its key format).
guidance('deepseek', {
  steps:
    "Sign in to DeepSeek and revoke (delete or regenerate) the leaked API key where DeepSeek manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check DeepSeek's logs or usage for activity you do not recognise.",
  url: 'https://api-docs.deepseek.com/',
});
