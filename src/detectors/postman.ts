// Postman API keys: PMAK-<24 hex>-<34 hex> (https://learning.postman.com/docs/developer/postman-api/authentication/).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('postman', [
  {
    id: 'postman-api-key',
    name: 'Postman API key',
    category: 'api_key',
    keywords: ['pmak-'],
    pattern: String.raw`\b(PMAK-[0-9a-f]{24}-[0-9a-f]{34})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'PMAK-5b879cb61fc43c6e0b9b2594-52601a270fc0ac9e177bfae7ba917abc2c',
        {
          text: 'curl -H "X-Api-Key: PMAK-67eea24c14edc8815747bd86-e3fe0c32fd41ebf2026b5ea05ab11970a8" https://api.getpostman.com/collections',
          secret: 'PMAK-67eea24c14edc8815747bd86-e3fe0c32fd41ebf2026b5ea05ab11970a8',
        },
      ],
      negatives: [
        'PMAK-5b879cb61fc43c6e0b9b259452601a270fc0ac9e177bfae7ba917abc2c', // no separator
        'PMAK-5b879cb61fc43c6e0b9b2594-52601a270fc0ac9e177bfae7ba917abc2',
        'PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // Collection access keys: PMAT- + 26-char ULID (Crockford base32).
    id: 'postman-collection-access-key',
    name: 'Postman collection access key',
    category: 'api_key',
    keywords: ['pmat-'],
    pattern: String.raw`\b(PMAT-[0-9A-HJKMNP-TV-Z]{26})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'PMAT-019AZDADVFPGYXCWB02MT0MK7B',
        {
          text: 'https://api.getpostman.com/collections/1234-abcd?access_key=PMAT-01F3JPETST2QZJ9KTD6VKFM1YS',
          secret: 'PMAT-01F3JPETST2QZJ9KTD6VKFM1YS',
        },
      ],
      negatives: [
        'PMAT-019AZDADVFPGYXCWB02MT0MK7',
        'PMAT-XXXXXXXXXXXXXXXXXXXXXXXXXX',
        'PMAT-01GXIL0UOO0000000000000O',
      ],
    },
  },
]);

// Revoke or rotate: Postman documentation (the page this family file already cites for its key format).
guidance('postman', {
  steps:
    "Sign in to Postman and revoke (delete or regenerate) the leaked API key or collection access key where Postman manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Postman's logs or usage for activity you do not recognise.",
  url: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
});
