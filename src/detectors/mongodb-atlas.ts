// MongoDB Atlas Admin API credentials: service account client secrets ("mdb_sa_sk_"), and
// programmatic API key private keys (a UUID, only after an Atlas private-key name).
// https://www.mongodb.com/docs/atlas/configure-api-access/ and
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/mes-partner-MongoDBAtlasServiceAccount.html
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('mongodb-atlas', [
  {
    id: 'mongodb-atlas-service-account-secret',
    name: 'MongoDB Atlas service account client secret',
    category: 'credentials',
    keywords: ['mdb_sa_sk_'],
    pattern: String.raw`\b(mdb_sa_sk_[A-Za-z0-9_-]{32,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'mdb_sa_sk_ci38zmN14h4Hes8yiWTyEDrvete7lVf6LTBMb5ZM',
        {
          text: 'MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_65f0c1a2b3d4e5f60718293a\nMONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_6Vg4UKIoZnMFGB02yc1-2IP2qH4YiypHRh_XdoPl',
          secret: 'mdb_sa_sk_6Vg4UKIoZnMFGB02yc1-2IP2qH4YiypHRh_XdoPl',
        },
      ],
      negatives: [
        'ATLAS_CLIENT_SECRET=mdb_sa_sk_...',
        'mdb_sa_id_65f0c1a2b3d4e5f60718293a', // client id, not the secret
        'mdb_sa_sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'mongodb-atlas-api-private-key',
    name: 'MongoDB Atlas API private key',
    category: 'api_key',
    keywords: ['atlas'],
    pattern: String.raw`${ci('atlas')}[\w.-]{0,16}${ci('private')}[_-]?${ci('key')}${ASSIGN}(${UUID})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MONGODB_ATLAS_PUBLIC_KEY=qvxkzwtn\nMONGODB_ATLAS_PRIVATE_KEY=5c1e9a7b-3d2f-4e8a-9b6c-0f1d2e3a4b5c',
          secret: '5c1e9a7b-3d2f-4e8a-9b6c-0f1d2e3a4b5c',
        },
        {
          text: 'atlas config set private_api_key x; atlas_private_key: "d8e2f4a6-1b3c-4d5e-8f90-a1b2c3d4e5f6"',
          secret: 'd8e2f4a6-1b3c-4d5e-8f90-a1b2c3d4e5f6',
        },
      ],
      negatives: [
        'MONGODB_ATLAS_PRIVATE_KEY=${ATLAS_PRIVATE_KEY}',
        'ATLAS_PROJECT_ID=5c1e9a7b-3d2f-4e8a-9b6c-0f1d2e3a4b5c',
        'https://cloud.mongodb.com/v2/5c1e9a7b3d2f4e8a9b6c0f1d#/clusters private key rotation',
      ],
    },
  },
]);

// Revoke or rotate: MongoDB Atlas docs, "Configure API Access" (programmatic API keys and service accounts under Access Manager).
guidance('mongodb-atlas', {
  steps:
    "In MongoDB Atlas open Access Manager > Applications (API Keys or Service Accounts) for the organization or project, create a replacement key or secret, move the tools that used the leaked one to it, then delete the leaked key or secret; restrict the new one with an IP access list. Check the organization's activity feed for changes you did not make.",
  url: 'https://www.mongodb.com/docs/atlas/configure-api-access/',
});
