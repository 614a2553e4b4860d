// Front API tokens: JWTs issued by "front" with a scopes claim.
// https://dev.frontapp.com/docs/create-and-revoke-api-tokens (maps: trufflehog
// pkg/detectors/front).
import type { MatchContext } from '../engine/types.js';
import { EW, family, JWS } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

/** Issued by Front, with its scopes claim. */
function isProviderToken(t: string, ctx: MatchContext): boolean {
  const p = jwtIn(t, ctx)?.payload;
  return !!p && p.iss === 'front' && Array.isArray(p.scopes);
}

const T1 =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY29wZXMiOlsic2hhcmVkOioiLCJwcm92aXNpb25pbmciXSwiaWF0IjoxNzkzMDIwODAwLCJpc3MiOiJmcm9udCIsInN1YiI6ImFjbWVfc3VwcG9ydCIsImp0aSI6IjdjMmU5YTRiMWQzZjVlODAifQ.rnvhLUjTQPidhkXb9qHJe-6YpufB-jaAq3pwiS7i5yc';
const T2 =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY29wZXMiOlsicHJpdmF0ZToqIl0sImlhdCI6MTc5MDAwMDAwMCwiaXNzIjoiZnJvbnQiLCJzdWIiOiJub3J0aHdpbmQiLCJqdGkiOiJmMWEzYzVlN2I5ZDIwNDY4In0.X10ApBH9tLAJgD-LxM5DKRubv9pkMUwSIzSNzNQDPqs';

export default family('front', [
  {
    id: 'front-api-token',
    name: 'Front API token',
    category: 'token',
    keywords: ['eyj'],
    pattern: String.raw`\b(${JWS})${EW}`,
    window: 1600,
    validate: isProviderToken,
    examples: {
      positives: [T1, { text: `FRONT_API_TOKEN=${T2}`, secret: T2 }],
      negatives: [
        // A JWT from another issuer.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3OTQ0MTI4MDAsImV4cCI6MTc5NDQxNjQwMH0.9WQJXxEnpLLj9C1Ov699roBtOkFsToRcyGpqoUbHnJM',
        T1.slice(0, 120),
        'FRONT_API_TOKEN=${FRONT_API_TOKEN}',
      ],
    },
  },
]);

// Revoke or rotate: Front documentation (the page this family file already cites for its key format).
guidance('front', {
  steps:
    "Sign in to Front and revoke (delete or regenerate) the leaked API token where Front manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Front's logs or usage for activity you do not recognise.",
  url: 'https://dev.frontapp.com/docs/create-and-revoke-api-tokens',
});
