// Braze REST API keys: UUIDs, reported only after a Braze key name.
// https://www.braze.com/docs/api/basics/#rest-api-key
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('braze', [
  {
    id: 'braze-rest-api-key',
    name: 'Braze REST API key',
    category: 'api_key',
    keywords: ['braze'],
    pattern: String.raw`${NAME_START}(?:${ci('braze')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'BRAZE_REST_API_KEY=745ada35-e0a5-45f3-929c-161c49f00a85',
          secret: '745ada35-e0a5-45f3-929c-161c49f00a85',
        },
        {
          text: "braze_api_key: 'f7d1702e-2c49-416c-961b-e8cba3f10f07'",
          secret: 'f7d1702e-2c49-416c-961b-e8cba3f10f07',
        },
      ],
      negatives: [
        'BRAZE_REST_API_KEY=${BRAZE_KEY}',
        'BRAZE_APP_ID=745ada35-e0a5-45f3-929c-161c49f00a85',
        'braze key page https://dashboard-01.braze.com/app_settings/developer_console/745ada35-e0a5-45f3-929c-161c49f00a85',
      ],
    },
  },
]);

// Revoke or rotate: Braze documentation (the page this family file already cites for its key format).
guidance('braze', {
  steps:
    "Sign in to Braze and revoke (delete or regenerate) the leaked REST API key where Braze manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Braze's logs or usage for activity you do not recognise.",
  url: 'https://www.braze.com/docs/api/basics/#rest-api-key',
});
