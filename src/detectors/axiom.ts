// Axiom tokens: API tokens "xaat-" + UUID, personal access tokens "xapt-" + UUID.
// https://axiom.co/docs/reference/tokens
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('axiom', [
  {
    id: 'axiom-api-token',
    name: 'Axiom API token',
    category: 'token',
    keywords: ['xaat-'],
    pattern: String.raw`\b(xaat-${UUID})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'xaat-42d2a07d-1592-4ac9-a68b-5f29bd577d13',
        {
          text: 'curl -X POST https://api.axiom.co/v1/datasets/logs/ingest -H "Authorization: Bearer xaat-e9ffd04a-9353-4288-bfcb-7300a74f1347"',
          secret: 'xaat-e9ffd04a-9353-4288-bfcb-7300a74f1347',
        },
      ],
      negatives: [
        'xaat-42d2a07d-1592-4ac9-a68b-5f29bd577d1', // short UUID
        'xaat-00000000-0000-0000-0000-000000000000',
        'AXIOM_TOKEN=xaat-<your-token>',
      ],
    },
  },
  {
    id: 'axiom-personal-access-token',
    name: 'Axiom personal access token',
    category: 'token',
    keywords: ['xapt-'],
    pattern: String.raw`\b(xapt-${UUID})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'xapt-7009282d-0d17-4cfd-9029-13e9dbaedc5c',
        {
          text: 'export AXIOM_TOKEN=xapt-5f99e1c1-fcd8-4df4-839d-2f0d180f8d09 AXIOM_ORG_ID=acme-x1y2',
          secret: 'xapt-5f99e1c1-fcd8-4df4-839d-2f0d180f8d09',
        },
      ],
      negatives: [
        'xapt-7009282D-0D17-4CFD-9029-13E9DBAEDC5C',
        'AXIOM_TOKEN=xapt-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Axiom documentation (the page this family file already cites for its key format).
guidance('axiom', {
  steps:
    "Sign in to Axiom and revoke (delete or regenerate) the leaked API token or personal access token where Axiom manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Axiom's logs or usage for activity you do not recognise.",
  url: 'https://axiom.co/docs/reference/tokens',
});
