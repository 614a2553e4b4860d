// Sinch SMS API tokens: 32 lower-case alphanumerics, reported only after a Sinch token name.
// https://developers.sinch.com/docs/sms/api-reference/authentication/
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('sinch', [
  {
    id: 'sinch-api-token',
    name: 'Sinch SMS API token',
    category: 'token',
    keywords: ['sinch'],
    pattern: String.raw`${NAME_START}(?:${ci('sinch')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([a-z0-9]{32})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'SINCH_SERVICE_PLAN_ID=4f1c2a9e8b7d\nSINCH_API_TOKEN=edxwc0okl19tqjw421g7qrgoz52qiusj',
          secret: 'edxwc0okl19tqjw421g7qrgoz52qiusj',
        },
        {
          text: "sinch_token: 'f7e4hey47i4ty3g77wr8dnuwbrbp3uri'",
          secret: 'f7e4hey47i4ty3g77wr8dnuwbrbp3uri',
        },
      ],
      negatives: [
        'SINCH_API_TOKEN=${SINCH_API_TOKEN}',
        'SINCH_API_TOKEN=edxwc0okl19tqjw421g7qrgoz52qius',
        'sinch token ticket: https://dashboard.sinch.com/sms/api/edxwc0okl19tqjw421g7qrgoz52qiusj',
      ],
    },
  },
]);
