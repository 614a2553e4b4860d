// Calendly personal access tokens: JWTs (header typ "PAT") issued by https://auth.calendly.com.
// https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens
import type { MatchContext } from '../engine/types.js';
import { EW, family, JWS } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

/** Issued by Calendly's auth server. */
function isProviderToken(t: string, ctx: MatchContext): boolean {
  return jwtIn(t, ctx)?.payload.iss === 'https://auth.calendly.com';
}

const T1 =
  'eyJraWQiOiIxY2UxZTEzNiIsInR5cCI6IlBBVCIsImFsZyI6IkVTNTEyIn0.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tIiwiaWF0IjoxNzkzMDIwODAwLCJqdGkiOiI0YjFmN2MyZS05YTNkLTRlOGItYjZjMS0wZDJmNWU4YTdjOTMiLCJ1c2VyX3V1aWQiOiIwZjNhOWMyZS03YjQxLTRkNWUtOGM2YS0xZTJiM2Q0ZjVhNmIifQ.XOAy-BjB8CXY-ZpjAMGGA0x2vtJirPAnRID9QE33_Q6-D39mfwVtWAkXJ772wZr4_VjRupGKX13xhe3d3jD0qR1DSx6HM3Z7YObL7ZeNlXsx2q8qZG6906bKqx8u78GAUwG6549s-kGiGyjAVE24iDlm02pPrgIjAls5AV8LyAPmz-Np';
const T2 =
  'eyJraWQiOiIxY2UxZTEzNiIsInR5cCI6IlBBVCIsImFsZyI6IkVTNTEyIn0.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tIiwiaWF0IjoxNzkxMDAwMDAwLCJqdGkiOiI5ZTdkNWMzYi0xYTJmLTRlNmQtOGMwYi0yZjRhNmM4ZTBkMWIiLCJ1c2VyX3V1aWQiOiJjNWI3ZDllMS0zZjJhLTRiNmMtOWQ4ZS03YTViM2MxZDJlNGYifQ.ibhg09BqxFr6XbcSQiu-YkQld_CKjsonmFDS0yoMbbmFb6Y1KAQPON3TfHVKlbpSz5z68oTYt2l02hQ4I9zys1-LGlDMkgtujCpxjaXAKu3rOQ-c-Hh62cFcPN_s0zwHar8M1XcSvbeV7ByedwvI-KGPSSmvB2_BnQhjjLccRztEy7sI';

export default family('calendly', [
  {
    id: 'calendly-personal-access-token',
    name: 'Calendly personal access token',
    category: 'token',
    keywords: ['eyj'],
    pattern: String.raw`\b(${JWS})${EW}`,
    window: 1600,
    validate: isProviderToken,
    examples: {
      positives: [T1, { text: `CALENDLY_TOKEN=${T2}`, secret: T2 }],
      negatives: [
        // A JWT from another issuer.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3OTQ0MTI4MDAsImV4cCI6MTc5NDQxNjQwMH0.9WQJXxEnpLLj9C1Ov699roBtOkFsToRcyGpqoUbHnJM',
        T1.slice(0, 120),
        'CALENDLY_TOKEN=${CALENDLY_TOKEN}',
      ],
    },
  },
]);

// Revoke or rotate: Calendly documentation (the page this family file already cites for its key format).
guidance('calendly', {
  steps:
    "Sign in to Calendly and revoke (delete or regenerate) the leaked personal access token where Calendly manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Calendly's logs or usage for activity you do not recognise.",
  url: 'https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens',
});
