// Checkout.com (classic platform) secret keys: "sk_", "sk_test_" or "sk_sbox_" + a UUID.
// https://www.checkout.com/docs/developer-resources/api/api-keys (maps: trufflehog
// pkg/detectors/checkout).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('checkout', [
  {
    id: 'checkout-secret-key',
    name: 'Checkout.com secret key',
    category: 'api_key',
    keywords: ['sk_'],
    pattern: String.raw`\b(sk_(?:test_|sbox_)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'sk_b22ce1b6-2680-4f62-ad7a-6b77355ac471',
        {
          text: 'curl https://api.sandbox.checkout.com/payments -H "Authorization: sk_test_08bd722f-700a-4ad3-81f5-e05695fcc679"',
          secret: 'sk_test_08bd722f-700a-4ad3-81f5-e05695fcc679',
        },
      ],
      negatives: [
        'sk_test_00000000-0000-0000-0000-000000000000',
        'sk_test_08bd722f-700a-4ad3-81f5-e05695fcc67', // short
        'pk_test_08bd722f-700a-4ad3-81f5-e05695fcc679', // public key
      ],
    },
  },
]);

// Revoke or rotate: Checkout.com documentation (the page this family file already cites for its key format).
guidance('checkout', {
  steps:
    "Sign in to Checkout.com and revoke (delete or regenerate) the leaked secret key where Checkout.com manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Checkout.com's logs or usage for activity you do not recognise.",
  url: 'https://www.checkout.com/docs/developer-resources/api/api-keys',
});
