// monday.com API tokens: JWTs whose claims carry the account (actid), user (uid), token id (tid)
// and permission scope (per). https://developer.monday.com/api-reference/docs/authentication
// (maps: trufflehog pkg/detectors/monday).
import type { MatchContext } from '../engine/types.js';
import { EW, family, JWS } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

/** monday.com's claim set: numeric tid, uid and actid, and a per scope string. */
function isProviderToken(t: string, ctx: MatchContext): boolean {
  const p = jwtIn(t, ctx)?.payload;
  return (
    !!p &&
    typeof p.tid === 'number' &&
    typeof p.uid === 'number' &&
    typeof p.actid === 'number' &&
    typeof p.per === 'string'
  );
}

const T1 =
  'eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjM4MTk0NzIxNSwiYWFpIjoxMSwidWlkIjo1MjgxNjQ3MywiaWFkIjoiMjAyNi0wOS0xNFQwODoyMTozNy4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6MTk0NzM4MjEsInJnbiI6ImV1YzEifQ.Kujrm3uvyvPkcy8k6p3GkEv8tUmL7XQScEhKyvllujs';
const T2 =
  'eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjQwNzExMjA5MywiYWFpIjoxMSwidWlkIjo2MTAzODI3NSwiaWFkIjoiMjAyNi0wMy0wMlQxNzo0NToxMi4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6MjIwMTkzODQsInJnbiI6InVzZTEifQ.J6-WaKl1Fb6YRN8NoR9Gf0cssrC4Tf_992fgKA-bDDQ';

export default family('monday', [
  {
    id: 'monday-api-token',
    name: 'monday.com API token',
    category: 'token',
    keywords: ['eyj'],
    pattern: String.raw`\b(${JWS})${EW}`,
    window: 1600,
    validate: isProviderToken,
    examples: {
      positives: [
        T1,
        { text: `curl -X POST https://api.monday.com/v2 -H 'Authorization: ${T2}`, secret: T2 },
      ],
      negatives: [
        // A JWT from another issuer.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3OTQ0MTI4MDAsImV4cCI6MTc5NDQxNjQwMH0.9WQJXxEnpLLj9C1Ov699roBtOkFsToRcyGpqoUbHnJM',
        T1.slice(0, 120),
        "MONDAY_API_TOKEN='<your-token>'",
      ],
    },
  },
]);

// Revoke or rotate: monday.com documentation (the page this family file already cites for its key format).
guidance('monday', {
  steps:
    "Sign in to monday.com and revoke (delete or regenerate) the leaked API token where monday.com manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check monday.com's logs or usage for activity you do not recognise.",
  url: 'https://developer.monday.com/api-reference/docs/authentication',
});
