// Customer.io Track API keys (20 chars) and App API keys (32 hex), reported only after a Customer.io
// key name. https://docs.customer.io/integrations/api/app/ (maps: trufflehog pkg/detectors/customerio).
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('customerio', [
  {
    id: 'customerio-api-key',
    name: 'Customer.io API key',
    category: 'api_key',
    keywords: ['customerio', 'customer_io', 'customer-io', 'customer.io'],
    pattern: String.raw`${NAME_START}(?:${ci('customerio')}|${ci('customer_io')}|${ci('customer-io')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{32}|[A-Za-z0-9]{20})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'CUSTOMERIO_APP_API_KEY=8326701757de7d9febd642f7619e6439',
          secret: '8326701757de7d9febd642f7619e6439',
        },
        {
          text: 'customerio_key: "6414c869afd33ee69a43a158b9878a95"',
          secret: '6414c869afd33ee69a43a158b9878a95',
        },
      ],
      negatives: [
        'CUSTOMERIO_APP_API_KEY=${CIO_KEY}',
        'CUSTOMERIO_SITE_ID=3f9a1c7e5b2d8f4a6c0e',
        'customer.io key rotation, see https://fly.customer.io/workspaces/118/settings',
      ],
    },
  },
]);
