// Hex.pm API keys (32 hex, no prefix; from `mix hex.user key generate`): reported only after the
// HEX_API_KEY variable or a hex api-key option. https://hex.pm/docs/publish and
// https://hexdocs.pm/hex/Mix.Tasks.Hex.Config.html (HEX_API_KEY).
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('hex', [
  {
    id: 'hex-api-key',
    name: 'Hex.pm API key',
    category: 'api_key',
    keywords: ['hex_api_key', 'hex-api-key', 'hexpm'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:hex|hexpm)[_-]api[_-]key${ASSIGN}([0-9a-f]{32})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'HEX_API_KEY=2abcbf0f6cbcc17301e8268b794ab683',
          secret: '2abcbf0f6cbcc17301e8268b794ab683',
        },
        {
          text: 'env:\n  HEXPM_API_KEY: "cc80c4ea3fa27c852391b6e1c437e656"',
          secret: 'cc80c4ea3fa27c852391b6e1c437e656',
        },
      ],
      negatives: [
        'HEX_API_KEY=${{ secrets.HEX_API_KEY }}',
        'hex_color=cc80c4ea3fa27c852391b6e1c437e656',
        'HEX_API_KEY=2abcbf0f6cbcc17301e8268b794ab6', // 30 hex
      ],
    },
  },
]);

// Revoke or rotate: Hex.pm documentation (the page this family file already cites for its key format).
guidance('hex', {
  steps:
    "Sign in to Hex.pm and revoke (delete or regenerate) the leaked API key where Hex.pm manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Hex.pm's logs or usage for activity you do not recognise.",
  url: 'https://hex.pm/docs/publish',
});
