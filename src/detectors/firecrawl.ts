// Firecrawl API keys: "fc-" + 32 lower-case hex. https://docs.firecrawl.dev/introduction#api-key
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('firecrawl', [
  {
    id: 'firecrawl-api-key',
    name: 'Firecrawl API key',
    category: 'api_key',
    keywords: ['fc-'],
    pattern: String.raw`\b(fc-[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'fc-abe935f19a5a40b0faecde575779d878',
        {
          text: 'app = FirecrawlApp(api_key="fc-db0f13048762cb27ddfb1d1dfc81a809")',
          secret: 'fc-db0f13048762cb27ddfb1d1dfc81a809',
        },
      ],
      negatives: [
        'FIRECRAWL_API_KEY=fc-YOUR_API_KEY',
        'fc-48acc9a9c4fc8c716f13879835f8826',
        'see rfc-8b44970adcd3ab03b6d580677e37b751 for details', // inside a longer word
      ],
    },
  },
]);

// Revoke or rotate: Firecrawl documentation (the page this family file already cites for its key format).
guidance('firecrawl', {
  steps:
    "Sign in to Firecrawl and revoke (delete or regenerate) the leaked API key where Firecrawl manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Firecrawl's logs or usage for activity you do not recognise.",
  url: 'https://docs.firecrawl.dev/introduction#api-key',
});
