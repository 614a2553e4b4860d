// Miro REST API access tokens: base64url of {"miro.origin":"<region>"} + "_" + the token.
// https://developers.miro.com/docs/rest-api-reference-guide (token shape from Miro's OAuth responses).
import { EW, family } from './define.js';

export default family('miro', [
  {
    id: 'miro-access-token',
    name: 'Miro access token',
    category: 'token',
    keywords: ['eyjtaxjvlm9yawdpbii6'],
    pattern: String.raw`\b(eyJtaXJvLm9yaWdpbiI6I[A-Za-z0-9_-]{8,24}_[A-Za-z0-9_-]{27,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_8YN-WDl4u75VECeHNf6610E7KJD',
        {
          text: 'curl https://api.miro.com/v2/boards -H "authorization: Bearer eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_-NkmgMOsJK4ZyQyBLp6Ma8LeIWr"',
          secret: 'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_-NkmgMOsJK4ZyQyBLp6Ma8LeIWr',
        },
      ],
      negatives: [
        'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_', // origin only
        'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_xxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);
