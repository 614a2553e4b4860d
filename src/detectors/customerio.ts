// Customer.io Track API keys (20 chars) and App API keys (32 hex), reported only after a
// Customer.io key name. https://docs.customer.io/integrations/api/app/ (maps: trufflehog
// pkg/detectors/customerio).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('customerio', [
  {
    id: 'customerio-api-key',
    name: 'Customer.io API key',
    category: 'api_key',
    keywords: ['customerio', 'customer_io', 'customer-io', 'customer.io'],
    pattern: String.raw`${NAME_START}(?:${ci('customerio')}|${ci('customer_io')}|${ci('customer-io')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32}|[A-Za-z0-9]{20})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'CUSTOMERIO_APP_API_KEY=33e4a2b9513f140429271186e39c8e24',
          secret: '33e4a2b9513f140429271186e39c8e24',
        },
        {
          text: 'customerio_key: "d31ddf8e1932d1e4ddd2c7c7e29d6ac7"',
          secret: 'd31ddf8e1932d1e4ddd2c7c7e29d6ac7',
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

// Revoke or rotate: Customer.io documentation (the page this family file already cites for its key format).
guidance('customerio', {
  steps:
    "Sign in to Customer.io and revoke (delete or regenerate) the leaked API key where Customer.io manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Customer.io's logs or usage for activity you do not recognise.",
  url: 'https://docs.customer.io/integrations/api/app/',
});
