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

// Revoke or rotate: Paddle developer documentation, "Rotate API keys" and "Authentication" (keys are created and revoked in Paddle > Developer tools > Authentication; rotatable keys can be rotated through the API).
guidance('paddle', {
  steps:
    'In Paddle open Developer tools > Authentication and revoke the leaked API key; if it is a rotatable key you can instead rotate it through the API (`POST /api-keys/{api_key_id}/rotations`) with a grace period of 0 so the old secret stops working as soon as the new one is used. Create the replacement with only the permissions it needs and an expiry date, update every backend service that used the old key, and check recent transactions and subscriptions for changes you do not recognise.',
  url: 'https://developer.paddle.com/api-reference/about/rotate-api-keys',
});
