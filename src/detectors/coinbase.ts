// Coinbase Developer Platform (CDP) API keys: the key name "organizations/<uuid>/apiKeys/<uuid>",
// reported when its EC private key is pasted with it (the pair is the credential).
// https://docs.cdp.coinbase.com/get-started/authentication/cdp-api-keys (maps: trufflehog
// pkg/detectors/coinbase).
import { family, near } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('coinbase', [
  {
    id: 'coinbase-cdp-api-key',
    name: 'Coinbase CDP API key (name with its private key)',
    category: 'credentials',
    keywords: ['/apikeys/', '\\/apikeys\\/'],
    // JSON may escape the slashes.
    pattern: String.raw`(organizations\\?/${UUID}\\?/apiKeys\\?/${UUID})`,
    validate: (_k, ctx) => near(ctx, 1200, ['private key-----', 'privatekey']),
    examples: {
      positives: [
        {
          text: '{"name": "organizations/5d0e2a7c-9b14-4c3f-8e6a-1f2b3c4d5e6f/apiKeys/0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "privateKey": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI...\\n-----END EC PRIVATE KEY-----\\n"}',
          secret:
            'organizations/5d0e2a7c-9b14-4c3f-8e6a-1f2b3c4d5e6f/apiKeys/0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
        },
        {
          text: 'key_name = "organizations/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f/apiKeys/f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b"\nkey_secret = "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE...\\n-----END EC PRIVATE KEY-----"',
          secret:
            'organizations/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f/apiKeys/f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
        },
      ],
      negatives: [
        'apiKeyName = "organizations/my-organization/apiKeys/my-api-key"',
        // The name alone, with no private key next to it, is an identifier.
        'revoked organizations/5d0e2a7c-9b14-4c3f-8e6a-1f2b3c4d5e6f/apiKeys/0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d today',
      ],
    },
  },
]);

// Revoke or rotate: Coinbase Developer Platform documentation, "Get started" (API keys on the CDP Access page; Configure regenerates a key by deleting and recreating it) and "Security best practices" (delete unused keys, restrict keys to allowlisted IPs).
guidance('coinbase', {
  steps:
    "Sign in to the Coinbase Developer Platform, open the CDP Access page > API Keys, and delete the leaked key (or use Configure to regenerate it, which deletes and recreates it) so its private key can no longer sign requests. Create a new key with an IP allowlist and only the permissions it needs, keep its private key outside source code, update every service that used the old one, and review the account's activity and balances for transactions you do not recognise.",
  url: 'https://docs.cdp.coinbase.com/coinbase-business/introduction/get-started',
});
