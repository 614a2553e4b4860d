// Paystack secret keys: "sk_live_" or "sk_test_" + 40 hex (Stripe keys use mixed-case
// alphanumerics). https://paystack.com/docs/api/authentication/ (maps: trufflehog
// pkg/detectors/paystack).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('paystack', [
  {
    id: 'paystack-secret-key',
    name: 'Paystack secret key',
    category: 'api_key',
    keywords: ['sk_live_', 'sk_test_'],
    pattern: String.raw`\b(sk_(?:live|test)_[0-9a-f]{40})${EW}`,
    minEntropy: 3,
    // The same span also fits Stripe's looser sk_live_ shape: the hex body is Paystack's.
    priority: 1,
    examples: {
      positives: [
        'sk_live_d80b670493a223a58f3a56847a9c4e3bc4fd0f24',
        {
          text: 'curl https://api.paystack.co/transaction -H "Authorization: Bearer sk_test_b036732a37ceb2850679d4b4402eb6289cd6ee71"',
          secret: 'sk_test_b036732a37ceb2850679d4b4402eb6289cd6ee71',
        },
      ],
      negatives: [
        'sk_live_d80b670493a223a58f3a56847a9c4e3bc4fd0f2', // 39 hex
        'sk_test_0000000000000000000000000000000000000000',
        'sk_live_51H8xKpLmN2q4R6t8V0w2Y4a6C8e0G2i4K6m8O0q2S4u6W8y0A2C4E6G8I0K2M', // Stripe shape
      ],
    },
  },
]);

// Revoke or rotate: Paystack documentation (the page this family file already cites for its key format).
guidance('paystack', {
  steps:
    "Sign in to Paystack and revoke (delete or regenerate) the leaked secret key where Paystack manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Paystack's logs or usage for activity you do not recognise.",
  url: 'https://paystack.com/docs/api/authentication/',
});
