// Voyage AI API keys: "pa-" + 43 base64url chars. "pa-" alone is too common a prefix, so the key
// counts only near a Voyage name. https://docs.voyageai.com/docs/api-key-and-installation
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('voyage', [
  {
    id: 'voyage-api-key',
    name: 'Voyage AI API key',
    category: 'api_key',
    keywords: ['voyage'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(pa-[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'VOYAGE_API_KEY=pa-snZMdFdHAeLorqIXd8dMyJXqUP4RUHFE41JDBwmuBMg',
          secret: 'pa-snZMdFdHAeLorqIXd8dMyJXqUP4RUHFE41JDBwmuBMg',
        },
        {
          text: 'vo = voyageai.Client(api_key="pa-7WApbDoj-3icwodxYE_glTa3HKo4g30xa0gXDtz9c7m")',
          secret: 'pa-7WApbDoj-3icwodxYE_glTa3HKo4g30xa0gXDtz9c7m',
        },
      ],
      negatives: [
        'VOYAGE_API_KEY=pa-...',
        'VOYAGE_API_KEY=pa-vtAmIRqbGWF8dztzQ47r9ROrUDPe9jMuuOsOg1jv', // 40 chars
        'pa-Ob5Y9XZE-3YiUCqBWjw1Ylpgxdt4BrK0f9ix51J-Nmv', // no Voyage name nearby
      ],
    },
  },
]);

// Revoke or rotate: Voyage AI documentation (the page this family file already cites for its key format).
guidance('voyage', {
  steps:
    "Sign in to Voyage AI and revoke (delete or regenerate) the leaked API key where Voyage AI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Voyage AI's logs or usage for activity you do not recognise.",
  url: 'https://docs.voyageai.com/docs/api-key-and-installation',
});
