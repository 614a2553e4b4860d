// Auth0 Management API access tokens (JWTs issued by a tenant's *.auth0.com domain for its /api/v2/
// audience) and application client secrets (64 base64url chars, only after an Auth0 client-secret
// name). https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens and
// https://auth0.com/docs/get-started/applications/application-settings
import type { MatchContext } from '../engine/types.js';
import { ASSIGN, ci, EW, family, JWS } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

const TENANT_ISSUER = /^https:\/\/[a-z0-9-]{3,64}(?:\.[a-z]{2})?\.auth0\.com\/$/;

/** A Management API token: issued by an auth0.com tenant, audience includes its /api/v2/. */
function isManagementToken(t: string, ctx: MatchContext): boolean {
  const p = jwtIn(t, ctx)?.payload;
  if (!p || typeof p.iss !== 'string' || !TENANT_ISSUER.test(p.iss)) return false;
  const aud: unknown[] = Array.isArray(p.aud) ? p.aud : [p.aud];
  return aud.some((a) => a === `${p.iss as string}api/v2/`);
}

const MGMT1 =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IlFrOVpXak5rUmpRM05rRTVRakU0UlRjMiJ9.eyJpc3MiOiJodHRwczovL2FjbWUtcHJvZC5ldS5hdXRoMC5jb20vIiwic3ViIjoiV3E4WXQza1oybUxwOVhjVmJONHJIczZkSmYxR2E3RXVAY2xpZW50cyIsImF1ZCI6Imh0dHBzOi8vYWNtZS1wcm9kLmV1LmF1dGgwLmNvbS9hcGkvdjIvIiwiaWF0IjoxNzkzMDIwODAwLCJleHAiOjE3OTMxMDcyMDAsInNjb3BlIjoicmVhZDp1c2VycyB1cGRhdGU6dXNlcnMiLCJndHkiOiJjbGllbnQtY3JlZGVudGlhbHMiLCJhenAiOiJXcThZdDNrWjJtTHA5WGNWYk40ckhzNmRKZjFHYTdFdSJ9.jizA_SbuUGDvtI9hS2EQSV1PxlIyGwLfCF7SH8CvCL7bMtonT2nd63qzBxq3MiygTQLZixRWudfwAqux5Td0NsvdJ8ejzkupOhQPyjtBnpqY0kX6O5e7cYzpIvh8_YNzrIdp0KbnWiPu7LqmXDBHrvSB3MsSGyoEe9tyuP6Rf_Q3zWjQUDTDXXZN-tmKC9gJ4L4LmvDP6BjsAklv7aAT8Bw1sGfJlOUGWDMKW1i8XhQh_k7_62DHqKs2A0YT5EpyzFJGt7kOIiOZs8Qz7kQfsLdrDzPyrm0Tckr205pB3O2RpUZi85_D4iB3q6aV5F2tL4cANKiExvaPzfis6xoNEg';
const MGMT2 =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6Ik16UkdRamM1T1RGQk1rTTAifQ.eyJpc3MiOiJodHRwczovL25vcnRod2luZC51cy5hdXRoMC5jb20vIiwic3ViIjoiYXV0aDB8NjRmMWMyYTllOGI3ZDYwMDEyMzQ1Njc4IiwiYXVkIjpbImh0dHBzOi8vbm9ydGh3aW5kLnVzLmF1dGgwLmNvbS9hcGkvdjIvIiwiaHR0cHM6Ly9ub3J0aHdpbmQudXMuYXV0aDAuY29tL3VzZXJpbmZvIl0sImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoxNzkwMDg2NDAwLCJzY29wZSI6Im9wZW5pZCByZWFkOmNsaWVudHMifQ.6CMOCxxcWD5ZlcTde5tgY7l50dVCTq_xwpfX6kxLyj6FfaxU0glgIVo6AJnjmRwzDaN7eX4YT4ItV88s3avMibGsYf_KhyFS68IR68eNrYvDhkInSm8PRrKrh_PVnbylbdzS_yZ-ii73rk4mMw3fzSCuLeE4wX1D6V7UCh6S8104teozeM_tJboM9pgfih3xeqGjvXOFNDFnBTeUFhjo663Pr-IxzFTDiHZIRrHNrHxOnIc7a5diAUX9yNFQRUOYySv4h7QXZYSsgyL5M0ik_L0dR_XbA02kZTSbbY73G9cKTN0gC3aoETKLxs80eZqSrhG-gjkLuGkKJLdknYYKtA';

export default family('auth0', [
  {
    id: 'auth0-management-api-token',
    name: 'Auth0 Management API access token',
    category: 'token',
    keywords: ['eyj'],
    pattern: String.raw`\b(${JWS})${EW}`,
    window: 1600,
    validate: isManagementToken,
    examples: {
      positives: [MGMT1, { text: `AUTH0_MGMT_TOKEN=${MGMT2}`, secret: MGMT2 }],
      negatives: [
        // A user access token for another API of the same tenant.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL25vcnRod2luZC51cy5hdXRoMC5jb20vIiwiYXVkIjoiaHR0cHM6Ly9hcGkubm9ydGh3aW5kLnRlc3QiLCJzdWIiOiJhdXRoMHw0MiJ9.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3RzLW9ubHk',
        MGMT1.slice(0, 200),
        'AUTH0_MGMT_TOKEN=${AUTH0_MGMT_TOKEN}',
      ],
    },
  },
  {
    id: 'auth0-client-secret',
    name: 'Auth0 application client secret',
    category: 'credentials',
    keywords: ['auth0'],
    pattern: String.raw`${ci('auth0')}[\w.-]{0,16}${ci('client')}[_-]?${ci('secret')}${ASSIGN}([A-Za-z0-9_-]{64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'AUTH0_DOMAIN=acme-prod.eu.auth0.com\nAUTH0_CLIENT_ID=Wq8Yt3kZ2mLp9XcVbN4rHs6dJf1Ga7Eu\nAUTH0_CLIENT_SECRET=fZ2zNXQWsU-bqReIU-mt0aZX1B_kUwtN9KM2_ocuFzxh9AM-zdVzMLN_IBferxel',
          secret: 'fZ2zNXQWsU-bqReIU-mt0aZX1B_kUwtN9KM2_ocuFzxh9AM-zdVzMLN_IBferxel',
        },
        {
          text: 'auth0_client_secret: "nWzZNC7jBYBRAU7yYRVUXTGQrL0u6fOwYUf7iqN8IlGXAMOz29dTgx6L63xeOdLd"',
          secret: 'nWzZNC7jBYBRAU7yYRVUXTGQrL0u6fOwYUf7iqN8IlGXAMOz29dTgx6L63xeOdLd',
        },
      ],
      negatives: [
        'AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}',
        'AUTH0_CLIENT_ID=Wq8Yt3kZ2mLp9XcVbN4rHs6dJf1Ga7Eu',
        'AUTH0_CLIENT_SECRET=fZ2zNXQWsU-bqReIU-mt0aZX1B_kUwtN9KM2_ocuFzxh9AM-zdVzMLN_IBferxe', // 63
      ],
    },
  },
]);

// Revoke or rotate: Auth0 Docs, "Rotate Client Secrets".
guidance('auth0', {
  steps:
    "In the Auth0 Dashboard open Applications > Applications > the app, and in the Settings page's Danger Zone select Rotate (or call the Management API's rotate-secret endpoint); update the servers that use the client secret with the new value. A leaked Management API token is short-lived, but rotate the secret of the machine-to-machine app that issued it. Check the tenant's logs for activity you did not expect.",
  url: 'https://auth0.com/docs/configure/applications/rotate-client-secret',
});
