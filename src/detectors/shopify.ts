// Shopify app credentials: prefix + 32 hex. https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const tok = (prefix: string): string => String.raw`\b(${prefix}_[a-fA-F0-9]{32})${EW}`;
// "a1b2c3d4..." is the usual made-up hex in docs and samples.
const notSequenced = (s: string): boolean => !/a1b2c3d4/i.test(s);

export default family('shopify', [
  {
    id: 'shopify-access-token',
    name: 'Shopify Admin API access token',
    category: 'token',
    keywords: ['shpat_'],
    pattern: tok('shpat'),
    validate: notSequenced,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'curl -H "X-Shopify-Access-Token: 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" https://acme.myshopify.com/admin/api/2024-01/shop.json',
          secret: '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',
        },
      ],
      negatives: [
        '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',
        'shpat_edd61ea068e38d8bca603373e095196', // 31 hex
        'shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'shopify-custom-app-token',
    name: 'Shopify custom app access token',
    category: 'token',
    keywords: ['shpca_'],
    pattern: tok('shpca'),
    validate: notSequenced,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'SHOPIFY_TOKEN=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',
          secret: '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',
        },
      ],
      negatives: ['shpca_c76f21a56d0a6fa521e12b9452db095g', 'shpca_<token>'],
    },
  },
  {
    id: 'shopify-private-app-token',
    name: 'Shopify private app access token (legacy)',
    category: 'token',
    keywords: ['shppa_'],
    pattern: tok('shppa'),
    validate: notSequenced,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: '"password": "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"',
          secret: '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',
        },
      ],
      negatives: ['shppa_3bddded7981eca7a1fcfcaffa0412a', 'shppa_00000000000000000000000000000000'],
    },
  },
  {
    id: 'shopify-shared-secret',
    name: 'Shopify app shared secret',
    category: 'credentials',
    keywords: ['shpss_'],
    pattern: tok('shpss'),
    validate: notSequenced,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'SHOPIFY_API_SECRET=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',
          secret: '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',
        },
      ],
      negatives: [
        'client_secret=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',
        "shopify token - 'shpss_?23eEA6cA03dA2eF5CFe9002Be9F1BD9'",
      ],
    },
  },
]);

// Revoke or rotate: Shopify Dev Docs, "Rotate or revoke client credentials".
guidance('shopify', {
  steps:
    "For a leaked app client secret, generate a new one on the app's page in the Dev Dashboard (or Partner Dashboard), move the app to it, then revoke the old one; after a real breach revoke first and accept the downtime. A leaked shop access token is revoked by uninstalling the app from the store or deleting the custom app and creating a new one; then check the store's orders, staff and apps for changes you did not make.",
  url: 'https://shopify.dev/docs/apps/auth/client-secret/rotate-revoke-client-credentials',
});
