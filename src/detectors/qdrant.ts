// Qdrant Cloud database API keys have no fixed prefix (random tokens, or JWTs for granular keys);
// recognised only after a Qdrant name or the "api-key" header next to a Qdrant URL.
// https://qdrant.tech/documentation/cloud/authentication/
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('qdrant', [
  {
    id: 'qdrant-api-key',
    name: 'Qdrant API key',
    category: 'api_key',
    keywords: ['qdrant'],
    ignoreCase: true,
    window: 384,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])qdrant[\w.-]{0,16}(?:api[_.-]?key|key)${ASSIGN}|QdrantClient\([^)]{0,200}api_key\s{0,2}=\s{0,2}["']|["']?api-key["']?\s{0,2}:\s{0,2}["']?)([A-Za-z0-9_|.-]{32,400})${EW}`,
    validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^(?:your|xxx|<)/i.test(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'QDRANT_API_KEY=sWJZ__JrJ1v8vg9P4VurST9-3ymjsgu23mr5h1o9K0V',
          secret: 'sWJZ__JrJ1v8vg9P4VurST9-3ymjsgu23mr5h1o9K0V',
        },
        {
          text: 'curl -X GET https://1e907eaa-e04e-427d-8b54-0c407b7613d1.us-east4-0.gcp.cloud.qdrant.io:6333/collections -H "api-key: N2hKr2lziXXWQzZW4AmUNv7dXJqGVYpsnoH2BI5c"',
          secret: 'N2hKr2lziXXWQzZW4AmUNv7dXJqGVYpsnoH2BI5c',
        },
      ],
      negatives: [
        'QDRANT_API_KEY=${QDRANT_API_KEY}',
        'QDRANT_API_KEY=your-qdrant-cloud-api-key',
        'QDRANT_URL=https://fc1c58db-405a-444b-b34f-56427fdc65be.eu-central-1-0.aws.cloud.qdrant.io:6333',
        'QDRANT_API_KEY=99zzaeiqtScEcMKSNMLJ', // too short
      ],
    },
  },
]);

// Revoke or rotate: Qdrant documentation (the page this family file already cites for its key format).
guidance('qdrant', {
  steps:
    "Sign in to Qdrant and revoke (delete or regenerate) the leaked API key where Qdrant manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Qdrant's logs or usage for activity you do not recognise.",
  url: 'https://qdrant.tech/documentation/cloud/authentication/',
});
