// Iterable API keys: 32 hex, reported only after an Iterable key name.
// https://support.iterable.com/hc/en-us/articles/360043464871-API-Keys
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('iterable', [
  {
    id: 'iterable-api-key',
    name: 'Iterable API key',
    category: 'api_key',
    keywords: ['iterable'],
    pattern: String.raw`${NAME_START}(?:${ci('iterable')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ITERABLE_API_KEY=ec14e9f6c9f4368284f87e13c7f8554d',
          secret: 'ec14e9f6c9f4368284f87e13c7f8554d',
        },
        {
          text: "curl https://api.iterable.com/api/lists -H 'Api-Key: 7bf7150c23d8edeff6c343c3a94b7432' # iterable key: 7bf7150c23d8edeff6c343c3a94b7432",
          secret: '7bf7150c23d8edeff6c343c3a94b7432',
        },
      ],
      negatives: [
        'ITERABLE_API_KEY=${ITERABLE_API_KEY}',
        'ITERABLE_API_KEY=ec14e9f6c9f4368284f87e13c7f8554',
        'Iterable<String> keys = map.keySet(); // iterable key order',
      ],
    },
  },
]);
