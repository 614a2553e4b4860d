// Turso (libSQL) database and platform auth tokens: EdDSA JWTs, reported only after a Turso/libSQL
// token name. https://docs.turso.tech/sdk/authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

const T1 =
  'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJhIjoicnciLCJpYXQiOjE3OTMwMjA4MDAsImlkIjoiN2YzYzFhOWUtMmI0ZC00ZTZmLThhMGMtNWQ3ZTlmMWIzYzJhIn0.Ih5tDAwi28lR4CP9mWPVN3sXx8KXkvIvOu8LpiyLn3MGQgZjFPcdleoPP2thf_FrzYReSxzT3kMmz3PC-RfX0g';
const T2 =
  'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3OTAwMDAwMDAsImlkIjoiYzJlNGE2YjgtMGQxZi00YTNjLTllNWItN2Q5ZjFhM2M1ZTdiIiwicmlkIjoiZTFkMmMzYjQtYTVmNi00ZTdkLThjOWItMGExYjJjM2Q0ZTVmIn0.St2NEOiXU13_czK_BwDVPhynjKI91j025wbVrsdbgdvszf028Auou05aNSZmnp3CKlbpfNq8L7VKJMCED2cfOA';

export default family('turso', [
  {
    id: 'turso-auth-token',
    name: 'Turso (libSQL) auth token',
    category: 'token',
    keywords: ['turso', 'libsql'],
    pattern: String.raw`(?:${ci('turso')}|${ci('libsql')})[\w.-]{0,16}?${ci('token')}${ASSIGN}(eyJ[A-Za-z0-9_-]{10,120}\.e[wy][A-Za-z0-9_-]{10,600}\.[A-Za-z0-9_-]{40,400})${EW}`,
    window: 1200,
    validate: (t, ctx) => jwtIn(t, ctx) !== undefined,
    examples: {
      positives: [
        { text: `TURSO_AUTH_TOKEN=${T1}`, secret: T1 },
        {
          text: `TURSO_DATABASE_URL=libsql://orders-acme.turso.io\nLIBSQL_AUTH_TOKEN="${T2}"`,
          secret: T2,
        },
      ],
      negatives: [
        'TURSO_AUTH_TOKEN=${TURSO_AUTH_TOKEN}',
        `turso keyword is not close to the token\n = '${T1}'`,
        `TURSO_AUTH_TOKEN=${T1.slice(0, 100)}`,
      ],
    },
  },
]);

// Revoke or rotate: Turso documentation (the page this family file already cites for its key format).
guidance('turso', {
  steps:
    "Sign in to Turso and revoke (delete or regenerate) the leaked auth token where Turso manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Turso's logs or usage for activity you do not recognise.",
  url: 'https://docs.turso.tech/sdk/authentication',
});
