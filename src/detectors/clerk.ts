// Clerk secret keys: "sk_live_" / "sk_test_" + base62, reported only after a Clerk name (the prefix
// alone is Stripe's too). https://clerk.com/docs/deployments/clerk-environment-variables
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

export default family('clerk', [
  {
    id: 'clerk-secret-key',
    name: 'Clerk secret key',
    category: 'api_key',
    keywords: ['clerk'],
    pattern: String.raw`${ci('clerk')}[\w.-]{0,12}(?:${ci('secret')}|${ci('api')})[_-]?${ci('key')}${ASSIGN}(sk_(?:live|test)_[A-Za-z0-9]{30,64})${EW}`,
    minEntropy: 4,
    // Outranks the Stripe rules on the same span: the name before it says Clerk.
    priority: 1,
    examples: {
      positives: [
        {
          text: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_Y2xlcmsuYWNtZS50ZXN0JA\nCLERK_SECRET_KEY=sk_test_oYBBJAXl0cHUZGAywxFbZqUulromr3rVsf4nSiyExx',
          secret: 'sk_test_oYBBJAXl0cHUZGAywxFbZqUulromr3rVsf4nSiyExx',
        },
        {
          text: 'clerk_secret_key: "sk_live_pZtZQf5xV1iN9b4N0U7E1FCM0NKb2XzeHiw2FH7XiRLyJRqUlO"',
          secret: 'sk_live_pZtZQf5xV1iN9b4N0U7E1FCM0NKb2XzeHiw2FH7XiRLyJRqUlO',
        },
      ],
      negatives: [
        'CLERK_SECRET_KEY=${CLERK_SECRET_KEY}',
        'CLERK_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_Y2xlcmsuYWNtZS50ZXN0JA',
      ],
    },
  },
]);

// Revoke or rotate: Clerk documentation (the page this family file already cites for its key format).
guidance('clerk', {
  steps:
    "Sign in to Clerk and revoke (delete or regenerate) the leaked secret key where Clerk manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Clerk's logs or usage for activity you do not recognise.",
  url: 'https://clerk.com/docs/deployments/clerk-environment-variables',
});
