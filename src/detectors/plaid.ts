// Plaid access tokens ("access-<env>-<uuid>") and secrets (30 hex, only after a Plaid secret name).
// https://plaid.com/docs/api/tokens/ and https://plaid.com/docs/quickstart/ (maps: gitleaks
// plaid.go).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

export default family('plaid', [
  {
    id: 'plaid-access-token',
    name: 'Plaid access token',
    category: 'token',
    keywords: ['access-production-', 'access-development-', 'access-sandbox-'],
    pattern: String.raw`\b(access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'access-production-502c9712-b212-424b-9ab3-70b8c62ce006',
        {
          text: '{"access_token": "access-sandbox-6f2e65fa-ea98-47d1-97ed-3e175378cfef", "item_id": "M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op"}',
          secret: 'access-sandbox-6f2e65fa-ea98-47d1-97ed-3e175378cfef',
        },
      ],
      negatives: [
        'access-sandbox-00000000-0000-0000-0000-000000000000',
        'access-production-<access-token>',
        'access-sandbox-6f2e65fa-ea98-47d1-97ed-3e175378cfe', // short
      ],
    },
  },
  {
    id: 'plaid-secret',
    name: 'Plaid API secret',
    category: 'api_key',
    keywords: ['plaid'],
    pattern: String.raw`${ci('plaid')}(?:[\w.-]{0,16}|[ \t])${ci('secret')}${ASSIGN}([0-9a-f]{30})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PLAID_CLIENT_ID=60e3ee4019a2660010f8bc54\nPLAID_SECRET=6e611cb89c263457b5e028d66c16c4',
          secret: '6e611cb89c263457b5e028d66c16c4',
        },
        {
          text: 'plaid_sandbox_secret: "a3f91c0d7e2b58a4c6d1e9f03b7a25"',
          secret: 'a3f91c0d7e2b58a4c6d1e9f03b7a25',
        },
      ],
      negatives: [
        'PLAID_SECRET=${PLAID_SECRET}',
        'PLAID_SECRET=6e611cb89c263457b5e028d66c16c4ab', // 32 hex: not a Plaid secret
        'plaid secret rotated in commit 6e611cb89c263457b5e028d66c16c4f00ba',
      ],
    },
  },
]);

// Revoke or rotate: Plaid support, "API key rotation and permissions" (rotate a compromised secret in the Keys section of the Dashboard; delete the old secret once the new one works).
guidance('plaid', {
  steps:
    "For a leaked Plaid API secret, open the Plaid Dashboard's Keys section and click Rotate secret for that environment: a new secret is created while the old one stays active, so swap the new one into your integration, test it, then delete the old secret. For a leaked access token, invalidate or remove the Item it belongs to through the Plaid API and relink it. Limit which teammates can view API secrets under Team Settings > Members, and review the Dashboard's logs for requests you do not recognise.",
  url: 'https://support.plaid.com/hc/en-us/articles/360008422293-API-key-rotation-and-permissions',
});
