// ShipStation API keys and secrets: 32 hex, reported only after a ShipStation key or secret name.
// https://www.shipstation.com/docs/api/requirements/#authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('shipstation', [
  {
    id: 'shipstation-api-secret',
    name: 'ShipStation API key or secret',
    category: 'api_key',
    keywords: ['shipstation'],
    pattern: String.raw`${NAME_START}(?:${ci('shipstation')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SHIPSTATION_API_SECRET=9826a32954e515ffef95ee5811a89cdb',
          secret: '9826a32954e515ffef95ee5811a89cdb',
        },
        {
          text: "shipstation_api_key: '0367b786662862428d806bb3964eb718'",
          secret: '0367b786662862428d806bb3964eb718',
        },
      ],
      negatives: [
        'SHIPSTATION_API_SECRET=${SHIPSTATION_API_SECRET}',
        'SHIPSTATION_API_SECRET=9826a32954e515ffef95ee5811a89cd',
        'shipstation key rollout commit 9826a32954e515ffef95ee5811a89cdb01',
      ],
    },
  },
]);

// Revoke or rotate: ShipStation documentation (the page this family file already cites for its key format).
guidance('shipstation', {
  steps:
    "Sign in to ShipStation and revoke (delete or regenerate) the leaked API key or secret where ShipStation manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check ShipStation's logs or usage for activity you do not recognise.",
  url: 'https://www.shipstation.com/docs/api/requirements/#authentication',
});
