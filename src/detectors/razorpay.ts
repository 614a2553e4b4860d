// Razorpay key secrets: 24 alphanumerics, reported after a Razorpay secret name or right after
// their key id ("rzp_live_"/"rzp_test_" + 14) as in basic auth. Key ids alone are public
// (Checkout.js). https://razorpay.com/docs/api/authentication/ (maps: trufflehog
// pkg/detectors/razorpay).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

export default family('razorpay', [
  {
    id: 'razorpay-key-secret',
    name: 'Razorpay key secret',
    category: 'api_key',
    keywords: ['razorpay'],
    pattern: String.raw`${ci('razorpay')}[\w.-]{0,16}?[ \t]?${ci('secret')}(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9]{24})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'RAZORPAY_KEY_ID=rzp_live_VbAw3hX7WHfQ6b\nRAZORPAY_KEY_SECRET=X8yYSlzQkAAl1fRq7ZM2yHVp',
          secret: 'X8yYSlzQkAAl1fRq7ZM2yHVp',
        },
        { text: "razorpay_secret: 'FXYsAjCu8iiZjX44ZWEy5nrA'", secret: 'FXYsAjCu8iiZjX44ZWEy5nrA' },
      ],
      negatives: [
        'RAZORPAY_KEY_SECRET=${RAZORPAY_KEY_SECRET}',
        'RAZORPAY_KEY_ID=rzp_live_VbAw3hX7WHfQ6b',
        'RAZORPAY_WEBHOOK_SECRET=whsec-not-a-key',
      ],
    },
  },
  {
    id: 'razorpay-key-pair',
    name: 'Razorpay key id and secret',
    category: 'credentials',
    keywords: ['rzp_live_', 'rzp_test_'],
    pattern: String.raw`\b(rzp_(?:live|test)_[A-Za-z0-9]{14})(?::|['"]?\s{0,3},\s{0,3}['"]?)([A-Za-z0-9]{24})${EW}`,
    secretGroup: 2,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'curl -u rzp_live_VbAw3hX7WHfQ6b:X8yYSlzQkAAl1fRq7ZM2yHVp https://api.razorpay.com/v1/payments',
          secret: 'X8yYSlzQkAAl1fRq7ZM2yHVp',
        },
        {
          text: "client = razorpay.Client(auth=('rzp_test_bzPCm1Zh800Ms2', 'GT1sT3BdKjl8GfP2StmTc0Zr'))",
          secret: 'GT1sT3BdKjl8GfP2StmTc0Zr',
        },
      ],
      negatives: [
        'curl -u rzp_live_VbAw3hX7WHfQ6b:$RAZORPAY_SECRET https://api.razorpay.com/v1/payments',
        "Razorpay({ key: 'rzp_test_bzPCm1Zh800Ms2' })",
        'curl -u rzp_test_xxxxxxxxxxxxxx:xxxxxxxxxxxxxxxxxxxxxxxx https://api.razorpay.com/v1/orders',
      ],
    },
  },
]);

// Revoke or rotate: Razorpay Docs, "Manage API Key Secrets" (generate, rotate and revoke secrets; older accounts regenerate the key pair).
guidance('razorpay', {
  steps:
    'In the Razorpay Dashboard (Account & Settings > API Keys) revoke the leaked secret and generate a new one (with multiple secrets, the old and new both work for 24 hours while you update servers; without them, regenerate the API keys); live mode asks for an OTP. Check payments, refunds and payouts for activity you did not make.',
  url: 'https://razorpay.com/docs/payments/dashboard/account-settings/api-key-secrets',
});
