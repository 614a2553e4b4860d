// Paddle Billing API keys: "pdl_live_apikey_" / "pdl_sdbx_apikey_" + 26-char ULID, "_", 22
// alphanumerics, "_", 3 chars. https://developer.paddle.com/api-reference/about/authentication
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('paddle', [
  {
    id: 'paddle-api-key',
    name: 'Paddle Billing API key',
    category: 'api_key',
    keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    pattern: String.raw`\b(pdl_(?:live|sdbx)_apikey_[0-9a-z]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'pdl_live_apikey_012ry6czrq6wikfddg2o5ohiwh_scG69kiiZLkmbf0ZPAk0U9_GSR',
        {
          text: 'Authorization: Bearer pdl_sdbx_apikey_0138smg1r9t2pau19kav3hur81_iN6R7Ttp6oO8YO6OHkZxUf_sUS',
          secret: 'pdl_sdbx_apikey_0138smg1r9t2pau19kav3hur81_iN6R7Ttp6oO8YO6OHkZxUf_sUS',
        },
      ],
      negatives: [
        'PADDLE_API_KEY=pdl_live_apikey_<your-key>',
        'pdl_live_apikey_012ry6czrq6wikfddg2o5ohiwh_scG69kiiZLkmbf0ZPAk0U9', // suffix missing
        'pdl_live_apikey_01xxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxx_xxx',
      ],
    },
  },
]);

// Revoke or rotate: Paddle documentation (the page this family file already cites for its key format).
guidance('paddle', {
  steps:
    "Sign in to Paddle and revoke (delete or regenerate) the leaked Billing API key where Paddle manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Paddle's logs or usage for activity you do not recognise.",
  url: 'https://developer.paddle.com/api-reference/about/authentication',
});
