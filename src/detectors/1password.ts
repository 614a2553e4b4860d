// 1Password service account tokens ("ops_" + base64url JSON with the sign-in address, SRP and MUK
// parameters) and account Secret Keys ("A3-" + 6 groups).
// https://developer.1password.com/docs/service-accounts/ and
// https://support.1password.com/secret-key-security/ (maps: gitleaks 1password.go).
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

/** The token body decodes to a JSON object: its head gives `{"key":` in printable ASCII. */
function decodesToJson(token: string): boolean {
  const body = token.slice(4);
  const head = body.slice(0, 48);
  const bytes = decodeBase64(head);
  if (!bytes) return false;
  const text = bytesToLatin1(bytes);
  return /^\{"[A-Za-z]{2,30}":/.test(text) && /^[\x20-\x7e]*$/.test(text);
}

const SA1 =
  'ops_eyJzaWduSW5BZGRyZXNzIjoibm9ydGh3aW5kLjFwYXNzd29yZC5jb20iLCJ1c2VyQXV0aCI6eyJtZXRob2QiOiJTUlBnLTQwOTYiLCJhbGciOiJQQkVTMmctSFMyNTYiLCJpdGVyYXRpb25zIjo2NTAwMDAsInNhbHQiOiJYcTN2VDliTG0yUnc4S3BaMGFZY0pnIn0sImVtYWlsIjoicTdtdHIyeGs0aGJuZUAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjFjZTE1MzQ1YzNhOWUwYTU0OTM3MzBjODc2MzFjM2M5NDNjNTkzN2E3ZTkzYjUyZGE5ZGY0YzE2YWFhYzM0MGEiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6Iks5YXVxc0M3X1g1VlVZNTN5T1NlaE1aWkRrMmVFWDg3YmN2dXBHYnpiZk0iLCJrZXlfb3BzIjpbImRlY3J5cHQiLCJlbmNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLTdRSFhOQi1LNFJaVFctOU1DMlAtTFZFNkQtM0ZKWUEtV044UUIiLCJ0aHJvdHRsZVNlY3JldCI6eyJzZWVkIjoiZDI4NTg0NjBkZDg4M2FhMWUzYWI0NTRlM2I5NzJlZjRhZGE3ZDdmNzJjNmYzZjEzNTAwOWMwMGQ2ZjgzMmI3MSIsInV1aWQiOiJQWjRLN1FXMk0zWEpCRDZSSFQ1TkxDWVY4RSJ9LCJkZXZpY2VVdWlkIjoiZmsybWJxN3d6cjR4aG42dGRsM3B5Y3Y1c2EifQ';
const SA2 =
  'ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS1ldS4xcGFzc3dvcmQuZXUiLCJ1c2VyQXV0aCI6eyJtZXRob2QiOiJTUlBnLTQwOTYiLCJhbGciOiJQQkVTMmctSFMyNTYiLCJpdGVyYXRpb25zIjo2NTAwMDAsInNhbHQiOiJYcTN2VDliTG0yUnc4S3BaMGFZY0pnIn0sImVtYWlsIjoienI4a3EybXc1dGJ4YUAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6IjFkZjlhNTEyOWYwZjhjODJmZDk0MGY2MzU4NjFkNjA4YzljOTY3ZmNhZDNhOWI1YzI4Nzc1Y2ExZWIzNDkyZDEiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6Iks5YXVxc0M3X1g1VlVZNTN5T1NlaE1aWkRrMmVFWDg3YmN2dXBHYnpiZk0iLCJrZXlfb3BzIjpbImRlY3J5cHQiLCJlbmNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLTdRSFhOQi1LNFJaVFctOU1DMlAtTFZFNkQtM0ZKWUEtV044UUIiLCJ0aHJvdHRsZVNlY3JldCI6eyJzZWVkIjoiZDI4NTg0NjBkZDg4M2FhMWUzYWI0NTRlM2I5NzJlZjRhZGE3ZDdmNzJjNmYzZjEzNTAwOWMwMGQ2ZjgzMmI3MSIsInV1aWQiOiJQWjRLN1FXMk0zWEpCRDZSSFQ1TkxDWVY4RSJ9LCJkZXZpY2VVdWlkIjoiZmsybWJxN3d6cjR4aG42dGRsM3B5Y3Y1c2EifQ';

const CONNECT1 =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6Im9tN3h3cTRzdm5kbXNwcHRwdnp6eTZ5ZDV1IiwidHlwIjoiSldUIn0.eyIxcGFzc3dvcmQuY29tL2F1dWlkIjoiS0JaNVZSN0RUSkRMVE1RNlhIRVdSNUs1QVUiLCIxcGFzc3dvcmQuY29tL3Rva2VuIjoiUTRNbG1vTjFvXzNUZEVaNVRlM0p2SGVJX2JJdmNyMTciLCIxcGFzc3dvcmQuY29tL2Z0cyI6WyJ2YXVsdGFjY2VzcyJdLCIxcGFzc3dvcmQuY29tL3Z0cyI6W3sidSI6InJxd3kyazRmbWI3eHBsenNuM2RjdnQ2aGp1IiwiYSI6NDh9XSwiYXVkIjpbImNvbS4xcGFzc3dvcmQuY29ubmVjdCJdLCJpc3MiOiJjb20uMXBhc3N3b3JkLmI1IiwiaWF0IjoxNzkzMDIwODAwLCJzdWIiOiJUWlEzTEtQVzVWSjJOUkI3WEdIQU00RFlDRSJ9.BcMyAwwjU5YKCu9IQ6ya-cTSq71VSlPKM7B87odD1HQnfVxxixF11qs1TL8RXZJOQ42vk-U41pdFNRkIBh7Qdg';
const CONNECT2 =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6Inp0NnVmc3l6bjRrN3dndWphMnE3cmp4bmxlIiwidHlwIjoiSldUIn0.eyIxcGFzc3dvcmQuY29tL2F1dWlkIjoiN01aUzJZQkxQNUc0SkFWQ1FLUFdIM0ROVEkiLCIxcGFzc3dvcmQuY29tL3Rva2VuIjoieFI4djJLcUxtNFRuOVd6WWIxQ2o2RGZIczNHcFFhMEUiLCJhdWQiOlsiY29tLjFwYXNzd29yZC5jb25uZWN0Il0sImlzcyI6ImNvbS4xcGFzc3dvcmQuYjUiLCJpYXQiOjE3OTAwMDAwMDAsInN1YiI6IlcySEZRN05SWEs0UFozQk1KNkNZRExUNUFFIn0.7tW5FQaQDjyypbxX7DbNLwHrZ4HO6CCkd3513_ax2rrUDxHZbfJca1dVyeXvD_-Hy1TjgYkeprS64xjW0RuuIQ';

export default family('1password', [
  {
    id: '1password-service-account-token',
    name: '1Password service account token',
    category: 'token',
    keywords: ['ops_eyj'],
    // Tokens run 700-1,400 chars; the match may stop at the window edge, the head is decisive.
    pattern: String.raw`\b(ops_eyJ(?:[A-Za-z0-9_+/-]{50}){5,19}[A-Za-z0-9_+/-]{0,49}={0,2})`,
    window: 1600,
    minEntropy: 4,
    validate: decodesToJson,
    examples: {
      positives: [SA1, { text: `export OP_SERVICE_ACCOUNT_TOKEN=${SA2}`, secret: SA2 }],
      negatives: [
        'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...',
        'ops_eyJ' + 'x'.repeat(300),
        // Right prefix, but the body is not base64 of a JSON object.
        'ops_eyJ' +
          'Qk9XNXRYcUJ2aHJqWjM0N2FLTnA5bFNkRWNGZ1R5V21Hb0x1Vml6QjE4ck9zUWVkSGtNeEFQdjJJbmZKNmpZMGNXYnRVNFJhWnFEM2dMOHM'
            .repeat(3)
            .replace(/^Q/, '!'),
      ],
    },
  },
  {
    id: '1password-secret-key',
    name: '1Password account Secret Key',
    category: 'credentials',
    keywords: ['a3-'],
    pattern: String.raw`\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'A3-YNI50L-0OB3MU-50FFG-O34Q2-Z1SPT-O0R59',
        {
          text: 'Emergency kit for ops@acme.test, Secret Key: A3-K5GXIV-G3STT4QCC4J-ZWA9X-ZB0MF-FJU7D',
          secret: 'A3-K5GXIV-G3STT4QCC4J-ZWA9X-ZB0MF-FJU7D',
        },
      ],
      negatives: [
        'A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
        'A3-YNI50L-0OB3MU-50FFG-O34Q2-Z1SPT', // a group short
        'A3-yni50l-0ob3mu-50ffg-o34q2-z1spt-o0r59',
      ],
    },
  },
  {
    // Connect server access tokens are JWTs whose audience is the Connect server.
    // https://developer.1password.com/docs/connect/manage-connect/
    id: '1password-connect-token',
    name: '1Password Connect server token',
    category: 'token',
    keywords: ['eyj'],
    pattern: String.raw`\b(eyJ[A-Za-z0-9_-]{16,120}\.e[wy](?:[A-Za-z0-9_-]{50}){0,16}[A-Za-z0-9_-]{0,49}\.[A-Za-z0-9_-]{40}(?:[A-Za-z0-9_-]{50}){0,7}[A-Za-z0-9_-]{0,49})${EW}`,
    window: 1600,
    validate: (t, ctx) => {
      const aud = jwtIn(t, ctx)?.payload.aud;
      return aud !== undefined && JSON.stringify(aud).includes('com.1password.connect');
    },
    examples: {
      positives: [
        {
          text: `OP_CONNECT_HOST=http://op-connect:8080\nOP_CONNECT_TOKEN=${CONNECT1}`,
          secret: CONNECT1,
        },
        { text: `connect_token: ${CONNECT2}`, secret: CONNECT2 },
      ],
      negatives: [
        'OP_CONNECT_TOKEN=${{ secrets.OP_CONNECT_TOKEN }}',
        // A JWT for another audience.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3OTQ0MTI4MDAsImV4cCI6MTc5NDQxNjQwMH0.9WQJXxEnpLLj9C1Ov699roBtOkFsToRcyGpqoUbHnJM',
        CONNECT1.slice(0, 120), // cut before the signature
      ],
    },
  },
]);

// Revoke or rotate: 1Password documentation (the page this family file already cites for its key format).
guidance('1password', {
  steps:
    "Sign in to 1Password and revoke (delete or regenerate) the leaked service account token or account Secret Key or Connect server token where 1Password manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check 1Password's logs or usage for activity you do not recognise.",
  url: 'https://developer.1password.com/docs/service-accounts/',
});
