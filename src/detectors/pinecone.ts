// Pinecone API keys: current "pcsk_" + 5-6 char key id + "_" + 63 alphanumerics; older keys were a
// bare UUID, recognised only after a Pinecone variable name.
// https://docs.pinecone.io/guides/projects/manage-api-keys (format: TruffleHog pkg/detectors/pinecone)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('pinecone', [
  {
    id: 'pinecone-api-key',
    name: 'Pinecone API key',
    category: 'api_key',
    keywords: ['pcsk_'],
    pattern: String.raw`\b(pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'pcsk_J6hVwY_rYjaZt3ChZRhuStq51chhsOwtDv6kRCsbdXcbkN2AhS7TUmJDv26MzV1PGKuEYx',
        {
          text: 'export PINECONE_API_KEY=pcsk_ZuFK0_GH4AJGhmkvhWQx1n3L2yI1dMa6XIV9TKYW1pN6WMh41pJQPKMYEeVQMUs3yyadb',
          secret: 'pcsk_ZuFK0_GH4AJGhmkvhWQx1n3L2yI1dMa6XIV9TKYW1pN6WMh41pJQPKMYEeVQMUs3yyadb',
        },
      ],
      negatives: [
        'PINECONE_API_KEY=pcsk_...',
        'pcsk_bvFk2B_o6biZki9bTHg9vWvzX1YavEuSCyiLw06IPc1ScjBBAgD74hvn3S0hJFNk2az', // body too short
        'pcsk_2ZAiiO_yPe9jQlZ28xWGfHaidFkiZkO8oScPAuvrINLM9Af8ILmQCy4pCZs582pDLpyMQHEXTRA', // too long
        'pcsk__8MXYN8Pn0z4EZrYq3Pg49NOVRg2EBGG0sgCwz90oW5XyReR6xjxr7t2Nmeh8kfK', // no key id
      ],
    },
  },
  {
    id: 'pinecone-legacy-api-key',
    name: 'Pinecone API key (legacy UUID)',
    category: 'api_key',
    keywords: ['pinecone'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])pinecone[_.-]?(?:api[_.-]?)?key${ASSIGN}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PINECONE_API_KEY=fd8da757-d386-49c3-8e00-07179b8c4b0a',
          secret: 'fd8da757-d386-49c3-8e00-07179b8c4b0a',
        },
        {
          text: 'pinecone.init(api_key="x")\npinecone_key: "57358c40-8d7b-4c50-9aca-b2c027f33539"',
          secret: '57358c40-8d7b-4c50-9aca-b2c027f33539',
        },
      ],
      negatives: [
        'PINECONE_API_KEY=${PINECONE_API_KEY}',
        'PINECONE_INDEX_HOST=https://docs-3ff22a7.svc.aped-4627-b74a.pinecone.io',
        'see https://app.pinecone.io/organizations/520e502f-db0f-428c-9c77-5e45dd234091/projects',
        'PINECONE_ENVIRONMENT=7d615ec5-26b7-4fdf-a55a-4636c69dbedf',
      ],
    },
  },
]);

// Revoke or rotate: Pinecone docs, "Rotate API keys and service account secrets" (revoke right away if a key has leaked).
guidance('pinecone', {
  steps:
    "In the Pinecone console, open the project's API keys and delete the leaked key at once (or `pc api-key delete`); then create a replacement with the same permissions and update the applications that used it. Rotate a leaked service account client secret from the organization's service accounts, and check your indexes for data you did not write.",
  url: 'https://docs.pinecone.io/admin/security/rotate-keys-and-secrets',
});
