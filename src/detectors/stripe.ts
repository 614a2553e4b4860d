// Stripe API keys: https://docs.stripe.com/keys (secret sk_, restricted rk_, live or test mode;
// 24 chars in older accounts, ~99 now). Publishable pk_ keys are public by design and not listed.
import { E, EW, family } from './define.js';
import { guidance } from './guidance.js';

const key = (prefix: string): string => String.raw`\b(${prefix}_[A-Za-z0-9]{20,247})${EW}`;

export default family('stripe', [
  {
    id: 'stripe-secret-key',
    name: 'Stripe live secret key',
    category: 'api_key',
    keywords: ['sk_live_'],
    pattern: key('sk_live'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'sk_live_VoHMmSfXmf15yy6ZpDKqDZcn',
        {
          text: 'STRIPE_SECRET_KEY=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',
          secret:
            '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',
        },
      ],
      negatives: [
        'pk_live_VoHMmSfXmf15yy6ZpDKqDZcn', // publishable
        'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
        'sk_live_VoHMmSfXmf', // too short
        "stripe = '?k_live_HUOlkIKhNEYOPS0oDSwGwJHbg4xGaXNeJZ2CdvDGeVZQ'",
      ],
    },
  },
  {
    id: 'stripe-restricted-key',
    name: 'Stripe live restricted key',
    category: 'api_key',
    keywords: ['rk_live_'],
    pattern: key('rk_live'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'rk_live_aXCyTL8W8ipp9AoRhI8abGXD',
        {
          text: 'stripe:\n  restricted_key: "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"',
          secret:
            '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',
        },
      ],
      negatives: [
        'rk_live_<restricted_key>',
        'rk_live_aXCyTL8W8i',
        'rk_live_ZZZZZZZZZZZZZZZZZZZZZZZZ',
      ],
    },
  },
  {
    id: 'stripe-test-secret-key',
    name: 'Stripe test-mode secret key',
    category: 'api_key',
    severity: 'low',
    keywords: ['sk_test_'],
    pattern: key('sk_test'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'sk_test_qhzlFaVVXjfZChyec9rvWfkR',
        {
          text: 'curl https://api.stripe.com/v1/charges -u sk_test_51n1aVFP6RV9Rm0oLshn9pug3n2Jc5E2urz97bbiUvxsknQ6D5GIqIujBGeJnClfS2lTeeuiV5vuh0s0D6EWTM2eLZ9zmTR85NM:',
          secret:
            'sk_test_51n1aVFP6RV9Rm0oLshn9pug3n2Jc5E2urz97bbiUvxsknQ6D5GIqIujBGeJnClfS2lTeeuiV5vuh0s0D6EWTM2eLZ9zmTR85NM',
        },
      ],
      negatives: ['pk_test_qhzlFaVVXjfZChyec9rvWfkR', 'sk_test_...', 'sk_test_${STRIPE_KEY}'],
    },
  },
  {
    id: 'stripe-test-restricted-key',
    name: 'Stripe test-mode restricted key',
    category: 'api_key',
    severity: 'low',
    keywords: ['rk_test_'],
    pattern: key('rk_test'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'rk_test_Iv9MFQfmHVB82XCnWPuNCfqd',
        {
          text: 'STRIPE_RESTRICTED_KEY="rk_test_519pXZTMGZKz9LxyPaAsXMirb2qdHNr76fTvzv9Glo9EatIVsgXfaBp4BxkrEwNlQTWEHVVxkWGP3F4izZ4dRww09HJzUSvdoP5"',
          secret:
            'rk_test_519pXZTMGZKz9LxyPaAsXMirb2qdHNr76fTvzv9Glo9EatIVsgXfaBp4BxkrEwNlQTWEHVVxkWGP3F4izZ4dRww09HJzUSvdoP5',
        },
      ],
      negatives: ['rk_test_Iv9MFQfmHV', 'rk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'rk_test_<key>'],
    },
  },
  {
    // Webhook endpoint signing secrets: 32 alphanumerics from the dashboard, 64 hex from the CLI.
    id: 'stripe-webhook-secret',
    name: 'Stripe webhook signing secret',
    category: 'credentials',
    keywords: ['whsec_'],
    pattern: String.raw`\b(whsec_[A-Za-z0-9+/]{32,64}={0,2})${E}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'whsec_NqQMe5RmSClAh9f3htIUiAJXWAIKJoDP',
        {
          text: '> Ready! Your webhook signing secret is whsec_c2c5c18dbb29048e12f85554591f0794a3b9bbb16f7b58b448bdd853c0e7655b (^C to quit)',
          secret: 'whsec_c2c5c18dbb29048e12f85554591f0794a3b9bbb16f7b58b448bdd853c0e7655b',
        },
      ],
      negatives: ['whsec_NqQMe5RmSClAh9f3', 'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'whsec_...'],
    },
  },
]);

// Revoke or rotate: Stripe Docs, "API keys" (rolling keys).
guidance('stripe', {
  steps:
    "In the Stripe Dashboard (Developers > API keys), roll the leaked secret or restricted key, which issues a new one and can expire the old one at once; for a webhook signing secret, roll it on the webhook endpoint's page. Update your servers, then check the Dashboard's request logs for calls you did not make.",
  url: 'https://docs.stripe.com/keys#rolling-keys',
});
