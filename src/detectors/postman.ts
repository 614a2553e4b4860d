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

// Revoke or rotate: Postman Docs, "Generate and use Postman API keys" (and "Manage API keys" for Enterprise admins).
guidance('postman', {
  steps:
    "In Postman, open Settings > Account settings > API keys and regenerate or delete the leaked key; Enterprise admins can revoke any of the team's keys from the Postman API key management dashboard. A leaked collection access key is revoked from the same API keys page. Update the CI jobs and scripts that used it.",
  url: 'https://learning.postman.com/docs/reference/postman-api/authentication',
});
