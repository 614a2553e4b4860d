// Braze REST API keys: UUIDs, reported only after a Braze key name.
// https://www.braze.com/docs/api/basics/#rest-api-key
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('braze', [
  {
    id: 'braze-rest-api-key',
    name: 'Braze REST API key',
    category: 'api_key',
    keywords: ['braze'],
    pattern: String.raw`${NAME_START}(?:${ci('braze')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'BRAZE_REST_API_KEY=63d5fa1d-18aa-4c53-85c5-d3f3dd28f0b3',
          secret: '63d5fa1d-18aa-4c53-85c5-d3f3dd28f0b3',
        },
        {
          text: "braze_api_key: 'e8a702b2-5ded-4185-b2c3-34e0b7cc41b3'",
          secret: 'e8a702b2-5ded-4185-b2c3-34e0b7cc41b3',
        },
      ],
      negatives: [
        'BRAZE_REST_API_KEY=${BRAZE_KEY}',
        'BRAZE_APP_ID=63d5fa1d-18aa-4c53-85c5-d3f3dd28f0b3',
        'braze key page https://dashboard-01.braze.com/app_settings/developer_console/63d5fa1d-18aa-4c53-85c5-d3f3dd28f0b3',
      ],
    },
  },
]);
