// Akeyless API access keys: 44-char base64, reported only after an Akeyless access-key name.
// https://docs.akeyless.io/docs/api-key
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('akeyless', [
  {
    id: 'akeyless-access-key',
    name: 'Akeyless access key',
    category: 'api_key',
    keywords: ['akeyless'],
    pattern: String.raw`${NAME_START}(?:${ci('akeyless')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9+/]{43}=)${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'AKEYLESS_ACCESS_ID=p-7qk2zt9wm4xa\nAKEYLESS_ACCESS_KEY=qOzdJmaoTjiybQtdcnC+5tttgZJIRDJfkjTTkh3PQdR=',
          secret: 'qOzdJmaoTjiybQtdcnC+5tttgZJIRDJfkjTTkh3PQdR=',
        },
        {
          text: 'akeyless auth --access-id p-7qk2zt9wm4xa --access-key x # akeyless key: MPQrSV0Q44tt770/nmkV3XKIzOVlClEfvBbNtbWYQth=',
          secret: 'MPQrSV0Q44tt770/nmkV3XKIzOVlClEfvBbNtbWYQth=',
        },
      ],
      negatives: [
        'AKEYLESS_ACCESS_KEY=${AKEYLESS_ACCESS_KEY}',
        'AKEYLESS_ACCESS_ID=p-7qk2zt9wm4xa',
        'AKEYLESS_ACCESS_KEY=abc=',
      ],
    },
  },
]);

// Revoke or rotate: Akeyless documentation (the page this family file already cites for its key format).
guidance('akeyless', {
  steps:
    "Sign in to Akeyless and revoke (delete or regenerate) the leaked access key where Akeyless manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Akeyless's logs or usage for activity you do not recognise.",
  url: 'https://docs.akeyless.io/docs/api-key',
});
