// Scale AI API keys: "live_" or "test_" + 32 lower-case hex. The prefixes are common words, so the
// key counts only near a Scale name. https://docs.scale.com/reference/authentication
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('scaleai', [
  {
    id: 'scaleai-api-key',
    name: 'Scale AI API key',
    category: 'api_key',
    keywords: ['scale_api', 'scaleapi', 'scale.com', 'scale_key', 'scaleclient'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])((?:live|test)_[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SCALE_API_KEY=live_5c4a91e90c423b7a81ad7590f273e512',
          secret: 'live_5c4a91e90c423b7a81ad7590f273e512',
        },
        {
          text: 'import scaleapi\nclient = scaleapi.ScaleClient("test_bafd75145e7aabff80b3b8b3caf0b960")',
          secret: 'test_bafd75145e7aabff80b3b8b3caf0b960',
        },
      ],
      negatives: [
        'SCALE_API_KEY=live_...',
        'SCALE_API_KEY=live_973e09f1f39840cfa9e98b36380285',
        'live_71b9baf951c72c14b8a21c5a66fceb7d', // no Scale name nearby
      ],
    },
  },
]);

// Revoke or rotate: Scale AI documentation (the page this family file already cites for its key format).
guidance('scaleai', {
  steps:
    "Sign in to Scale AI and revoke (delete or regenerate) the leaked API key where Scale AI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Scale AI's logs or usage for activity you do not recognise.",
  url: 'https://docs.scale.com/reference/authentication',
});
