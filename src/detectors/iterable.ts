// Iterable API keys: 32 hex, reported only after an Iterable key name.
// https://support.iterable.com/hc/en-us/articles/360043464871-API-Keys
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('iterable', [
  {
    id: 'iterable-api-key',
    name: 'Iterable API key',
    category: 'api_key',
    keywords: ['iterable_', 'iterable-', 'iterable key', 'iterable token'],
    pattern: String.raw`${NAME_START}(?:${ci('iterable')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ITERABLE_API_KEY=d37b64dde1554b70257148ed723ecb48',
          secret: 'd37b64dde1554b70257148ed723ecb48',
        },
        {
          text: "curl https://api.iterable.com/api/lists -H 'Api-Key: 706062fbfd177139237a2ebbef4c9be4' # iterable key: 706062fbfd177139237a2ebbef4c9be4",
          secret: '706062fbfd177139237a2ebbef4c9be4',
        },
      ],
      negatives: [
        'ITERABLE_API_KEY=${ITERABLE_API_KEY}',
        'ITERABLE_API_KEY=d37b64dde1554b70257148ed723ecb4',
        'Iterable<String> keys = map.keySet(); // iterable key order',
      ],
    },
  },
]);

// Revoke or rotate: Iterable documentation (the page this family file already cites for its key format).
guidance('iterable', {
  steps:
    "Sign in to Iterable and revoke (delete or regenerate) the leaked API key where Iterable manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Iterable's logs or usage for activity you do not recognise.",
  url: 'https://support.iterable.com/hc/en-us/articles/360043464871-API-Keys',
});
