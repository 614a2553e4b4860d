// Recurly private API keys: 32 hex, reported only after a Recurly key name.
// https://recurly.com/developers/api/v2021-02-25/index.html#section/Getting-Started/Authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('recurly', [
  {
    id: 'recurly-api-key',
    name: 'Recurly private API key',
    category: 'api_key',
    keywords: ['recurly'],
    pattern: String.raw`${NAME_START}(?:${ci('recurly')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'RECURLY_API_KEY=ef80f0e80ec9ab9c4d7a56fc155574d8',
          secret: 'ef80f0e80ec9ab9c4d7a56fc155574d8',
        },
        {
          text: "recurly_private_key: '1165f3d9b6c2f897481f09a025219a68'",
          secret: '1165f3d9b6c2f897481f09a025219a68',
        },
      ],
      negatives: [
        'RECURLY_API_KEY=${RECURLY_API_KEY}',
        'RECURLY_API_KEY=ef80f0e80ec9ab9c4d7a56fc155574d',
        'recurly key rollout commit ef80f0e80ec9ab9c4d7a56fc155574d800ff',
      ],
    },
  },
]);

// Revoke or rotate: Recurly documentation (the page this family file already cites for its key format).
guidance('recurly', {
  steps:
    "Sign in to Recurly and revoke (delete or regenerate) the leaked private API key where Recurly manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Recurly's logs or usage for activity you do not recognise.",
  url: 'https://recurly.com/developers/api/v2021-02-25/index.html#section/Getting-Started/Authentication',
});
