// Vonage (Nexmo) API secrets: 16 alphanumerics, reported only after a Vonage/Nexmo secret name.
// https://developer.vonage.com/en/getting-started/concepts/authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('vonage', [
  {
    id: 'vonage-api-secret',
    name: 'Vonage (Nexmo) API secret',
    category: 'api_key',
    keywords: ['vonage', 'nexmo'],
    pattern: String.raw`${NAME_START}(?:${ci('vonage')}|${ci('nexmo')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{16})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'VONAGE_API_KEY=8f3a1c2d\nVONAGE_API_SECRET=kmYJm7vk6R4nDKks',
          secret: 'kmYJm7vk6R4nDKks',
        },
        {
          text: 'nexmo_api_secret: "ylqDChd0iYdJPG5C"',
          secret: 'ylqDChd0iYdJPG5C',
        },
      ],
      negatives: [
        'VONAGE_API_SECRET=${VONAGE_API_SECRET}',
        'VONAGE_API_SECRET=kmYJm7vk6R4nDKk',
        'nexmo secret moved to vault, see commit 9b2f4d6a8c0e1f3a',
      ],
    },
  },
]);

// Revoke or rotate: Vonage documentation (the page this family file already cites for its key format).
guidance('vonage', {
  steps:
    "Sign in to Vonage and revoke (delete or regenerate) the leaked API secret where Vonage manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Vonage's logs or usage for activity you do not recognise.",
  url: 'https://developer.vonage.com/en/getting-started/concepts/authentication',
});
