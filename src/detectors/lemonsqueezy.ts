// Lemon Squeezy API keys: RS256 JWTs, reported only after a Lemon Squeezy name.
// https://docs.lemonsqueezy.com/api/getting-started/requests#authentication (maps: trufflehog
// pkg/detectors/lemonsqueezy).
import { ASSIGN, ci, EW, family, JWS } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

const T1 =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTkiLCJqdGkiOiI4YjJmNGQ2YTFjM2U1ZjdhOWIwZDJjNGU2ZjhhMWIzYzVkN2U5ZjBhMmI0YzZkOGUxZjNhNWI3YzlkMGUyZjRhIiwiaWF0IjoxNzkzMDIwODAwLCJuYmYiOjE3OTMwMjA4MDAsImV4cCI6MjEwODU1MzYwMCwic3ViIjoiMjcxODI4MSIsInNjb3BlcyI6W119.Y2i10iCJfhcmUjZVBcJQC-aDTQ-sEPvLrPsQPseQo4eTeHGY84KsyHWsWJhKlhmji5qxyChr16h2Wo28i6uXHw5-CsDRBc_n41bnryx7el3XqfAZ23btM_2bGRQRGloayC6daZb9_tzhXv7RJIrtuXdgOlc33Qx0r6TN78yIUrO_TJfX_o4w-Mrz9uKybj5oVrz5E_BOfH_WOS95N-ak5d7RpWzmQF_8SpC2tTMD_0p27ORvUqcQx0icVoad1S1_IJIjmAPHYfxOOTUHZLJLGQRxMnfSuwvP3WCK3XEWn3_ycLaB_XisGyyy__RSIj8ZkVDSjj6AZ6BHq6c80ed-Hg';
const T2 =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTkiLCJqdGkiOiIxZDNmNWI3YTljMGUyZDRmNmE4YjFjM2U1ZDdmOWEwYjJjNGU2ZDhmMWEzYjVjN2U5ZDBmMmE0YjZjOGUxZDNmIiwiaWF0IjoxNzkwMDAwMDAwLCJuYmYiOjE3OTAwMDAwMDAsImV4cCI6MjEwNTUzMzIwMCwic3ViIjoiMzE0MTU5MiIsInNjb3BlcyI6W119.imCY9XyddNcwYO44Pp8ZdqjXgSjapFUSh_bTbtc-CMGAnz-e5hXVzXRWVJQ9A3GUzsP-MmTdBkrJ459kW9Q6GDNVnqQa66XtnEYYApuVZF2EGmKj5DFBkRoVMBoM9cSI9z2KV0AZveg3E3DlHmpr9eQlif6Rrox8xYm2e0Go-Cgqeo1e8_boJUJtCu0yju-il6TbYTWqv207h-VSd-H2p65X-iruymO9RJQWVeE2YiusOJhE2n__N5HUVrkuNDXoilCaD2Kr_gYB6O6SPrGhq2K8re-SEgIK6dTk4-n6e-_JCqW72MylKXf7DYaw3Bwk0r13VPVHJUY_kIzttkrVRw';

export default family('lemonsqueezy', [
  {
    id: 'lemonsqueezy-api-key',
    name: 'Lemon Squeezy API key',
    category: 'token',
    keywords: ['lemonsqueezy', 'lemon_squeezy', 'lemon-squeezy'],
    pattern: String.raw`${ci('lemon')}[_ -]?${ci('squeezy')}[\w.-]{0,16}?[ \t]?(?:${ci('key')}|${ci('token')})${ASSIGN}(${JWS})${EW}`,
    window: 1600,
    // A well-formed JWT: the provider name before it is in the pattern.
    validate: (t, ctx) => jwtIn(t, ctx) !== undefined,
    examples: {
      positives: [
        { text: `LEMONSQUEEZY_API_KEY=${T1}`, secret: T1 },
        { text: `lemon_squeezy_api_key: ${T2}`, secret: T2 },
      ],
      negatives: [
        // A JWT from another issuer.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3OTQ0MTI4MDAsImV4cCI6MTc5NDQxNjQwMH0.9WQJXxEnpLLj9C1Ov699roBtOkFsToRcyGpqoUbHnJM',
        T1.slice(0, 120),
        `lemonsqueezy keyword is not close to the key\n = '${T1}'`,
        'LEMONSQUEEZY_API_KEY=${LEMONSQUEEZY_API_KEY}',
      ],
    },
  },
]);

// Revoke or rotate: Lemon Squeezy documentation (the page this family file already cites for its key format).
guidance('lemonsqueezy', {
  steps:
    "Sign in to Lemon Squeezy and revoke (delete or regenerate) the leaked API key where Lemon Squeezy manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Lemon Squeezy's logs or usage for activity you do not recognise.",
  url: 'https://docs.lemonsqueezy.com/api/getting-started/requests#authentication',
});
