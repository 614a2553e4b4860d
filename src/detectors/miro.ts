// Miro REST API access tokens: base64url of {"miro.origin":"<region>"} + "_" + the token.
// https://developers.miro.com/docs/rest-api-reference-guide (token shape from Miro's OAuth
// responses).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

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
  {
    // Older access tokens: 27 alphanumerics, only after a Miro token name (maps: trufflehog pkg/detectors/miro).
    id: 'miro-legacy-access-token',
    name: 'Miro access token (legacy, unprefixed)',
    category: 'token',
    keywords: ['miro'],
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])${ci('miro')}[\w.-]{0,20}?[ \t]?(?:${ci('token')}|${ci('key')})${ASSIGN}([A-Za-z0-9]{27})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MIRO_ACCESS_TOKEN=vQXfhoJyplR5V8A1RPFfpJTl1pL',
          secret: 'vQXfhoJyplR5V8A1RPFfpJTl1pL',
        },
        {
          text: "miro token = 'Z1R8D1fWT3dj7c36hmOE0yhQxdh'",
          secret: 'Z1R8D1fWT3dj7c36hmOE0yhQxdh',
        },
      ],
      negatives: [
        'MIRO_ACCESS_TOKEN=${MIRO_ACCESS_TOKEN}',
        'MIRO_ACCESS_TOKEN=vQXfhoJyplR5V8A1RPFfpJTl1p',
        'miro board https://miro.com/app/board/uXjVKq9w8Zs=/ token page',
      ],
    },
  },
]);

// Revoke or rotate: Miro documentation (the page this family file already cites for its key format).
guidance('miro', {
  steps:
    "Sign in to Miro and revoke (delete or regenerate) the leaked access token where Miro manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Miro's logs or usage for activity you do not recognise.",
  url: 'https://developers.miro.com/docs/rest-api-reference-guide',
});
