// Vonage (Nexmo) API secrets: 16 alphanumerics, reported only after a Vonage/Nexmo secret name.
// https://developer.vonage.com/en/getting-started/concepts/authentication
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('vonage', [
  {
    id: 'vonage-api-secret',
    name: 'Vonage (Nexmo) API secret',
    category: 'api_key',
    keywords: ['vonage', 'nexmo'],
    pattern: String.raw`${NAME_START}(?:${ci('vonage')}|${ci('nexmo')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9]{16})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'VONAGE_API_KEY=8f3a1c2d\nVONAGE_API_SECRET=8aFQG47uafzZ5Tik',
          secret: '8aFQG47uafzZ5Tik',
        },
        {
          text: 'nexmo_api_secret: "A9fwlp0CG40ZVgEB"',
          secret: 'A9fwlp0CG40ZVgEB',
        },
      ],
      negatives: [
        'VONAGE_API_SECRET=${VONAGE_API_SECRET}',
        'VONAGE_API_SECRET=8aFQG47uafzZ5Ti',
        'nexmo secret moved to vault, see commit 9b2f4d6a8c0e1f3a',
      ],
    },
  },
]);
