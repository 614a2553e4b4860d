// Chargebee API keys: "live_" or "test_" + alphanumerics, reported only after a Chargebee key name.
// https://apidocs.chargebee.com/docs/api/#api_authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('chargebee', [
  {
    id: 'chargebee-api-key',
    name: 'Chargebee API key',
    category: 'api_key',
    keywords: ['chargebee'],
    pattern: String.raw`${NAME_START}(?:${ci('chargebee')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}((?:live|test)_[A-Za-z0-9]{26,40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'CHARGEBEE_API_KEY=live_vUGUvrpm0Fu5pEhZrJwPa5ucIjlgglLcyF',
          secret: 'live_vUGUvrpm0Fu5pEhZrJwPa5ucIjlgglLcyF',
        },
        {
          text: 'chargebee_key: "live_wiiIL9wEKvylY5eEDI9IFVevqqjrIxUoXs"',
          secret: 'live_wiiIL9wEKvylY5eEDI9IFVevqqjrIxUoXs',
        },
      ],
      negatives: [
        'CHARGEBEE_API_KEY=${CHARGEBEE_API_KEY}',
        'CHARGEBEE_SITE=acme-test',
        'CHARGEBEE_API_KEY=test_abc',
      ],
    },
  },
]);

// Revoke or rotate: Chargebee documentation (the page this family file already cites for its key format).
guidance('chargebee', {
  steps:
    "Sign in to Chargebee and revoke (delete or regenerate) the leaked API key where Chargebee manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Chargebee's logs or usage for activity you do not recognise.",
  url: 'https://apidocs.chargebee.com/docs/api/#api_authentication',
});
