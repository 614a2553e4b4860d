// Vercel credentials. New tokens carry a prefix per kind
// (https://vercel.com/changelog/new-token-formats-and-secret-scanning): prefix + 50 chars +
// base62(CRC32 of those 50), 6 chars (checked against published sample tokens).
import { crc32Ascii } from '../engine/checks/crc32.js';
import { toBase62 } from '../engine/checks/radix.js';
import { ASSIGN, ci, EW, family } from './define.js';
import type { DetectorEntry } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

function crcOk(token: string): boolean {
  const body = token.slice(4, 54);
  return toBase62(crc32Ascii(body), 6) === token.slice(54);
}

function prefixed(
  prefix: string,
  id: string,
  name: string,
  category: DetectorEntry['category'],
  ex: readonly [string, string],
): DetectorEntry {
  const [a, b] = ex;
  return {
    id,
    name,
    category,
    keywords: [prefix],
    pattern: String.raw`\b(${prefix}[A-Za-z0-9_-]{50}[A-Za-z0-9]{6})${EW}`,
    validate: crcOk,
    examples: {
      positives: [{ text: `VERCEL_TOKEN=${a}`, secret: a }, `Authorization: Bearer ${b}`],
      negatives: [
        a.slice(0, -1) + (a.endsWith('A') ? 'B' : 'A'),
        b.slice(0, -1),
        `${prefix}<token>`,
      ],
    },
  };
}

export default family('vercel', [
  prefixed('vcp_', 'vercel-personal-access-token', 'Vercel personal access token', 'token', [
    'vcp_FBV4BiiTqAYhA3nnGfZCYaUa5TdUPzthsDZQs9eAmjO6pn6cNc2MNWMO',
    'vcp_2CtYxahtBJhOOiEZK4v3tKP0KNMHA1IqG3CHxykTmEs6OpmFQe06ANkZ',
  ]),
  prefixed('vci_', 'vercel-integration-token', 'Vercel integration token', 'token', [
    'vci_oWBnb9zdAX2C30uSt5a3y0HcPu4O7TdTCJU34l7QPo22ruKbyg4ESXpy',
    'vci_k07FwzzdFfCjImVhxubUsPP90lHfftbbfLN6SSDed3EnUqMvqz0FYLK4',
  ]),
  prefixed('vca_', 'vercel-app-access-token', 'Vercel app access token', 'token', [
    'vca_kkQSeNjsJppIGZpLuiFDD2MZYwn1be1wHivaZO5nG0CpmB4P8O1XylS2',
    'vca_lh3WLNNWY6SDvgTQRCPC5lfI5ui3TG7FtUsPy1QcfLPHrQWIMu2620R0',
  ]),
  prefixed('vcr_', 'vercel-app-refresh-token', 'Vercel app refresh token', 'token', [
    'vcr_cWIf0mGoQPzHK7FhDufWxzndYrWbcLOm816sKF3fJa2eFig0lJ2UfwYD',
    'vcr_KOpjWyAfbQdRbWhOoq7ief8o9S6GvHv2KHEB7g7JxhkasMVJBC2i1fx2',
  ]),
  prefixed('vck_', 'vercel-api-key', 'Vercel API key', 'api_key', [
    'vck_KID933nL1fbOePxUdllCchB3TAdlr3xxiFv4bo9imjqBWIAvFz0dJhU7',
    'vck_T1HtQNf3PTw0yDn5sHKPOsfxAceQ1KjiAADImvGn9kr8fbiX6Z24rWTu',
  ]),
  {
    // Older unprefixed tokens: 24 chars, only beside a Vercel name.
    id: 'vercel-token-legacy',
    name: 'Vercel access token (legacy format)',
    category: 'token',
    keywords: ['vercel'],
    pattern: String.raw`${ci('vercel')}[\w .-]{0,30}?${ASSIGN}([A-Za-z0-9]{24})${EW}`,
    minEntropy: 3.5,
    validate: (s) => /\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s),
    examples: {
      positives: [
        { text: 'VERCEL_TOKEN=hYcRxu5q9gjuPAbzghoI6RIR', secret: 'hYcRxu5q9gjuPAbzghoI6RIR' },
        {
          text: 'vercel deploy --prod --token oZD54ti2k2ogCR7oOWQHc2nZ',
          secret: 'oZD54ti2k2ogCR7oOWQHc2nZ',
        },
      ],
      negatives: [
        'VERCEL_TOKEN=7GYxYPXE4TjBN2Vucry8zhr',
        'VERCEL_ORG_ID=team_deploymentsprod',
        'token = 7GYxYPXE4TjBN2Vucry8zhrH',
      ],
    },
  },
]);

// Revoke or rotate: Vercel Docs, "Access tokens" (and the REST API's "Delete an authentication token").
guidance('vercel', {
  steps:
    "On Vercel's Account Tokens page (Settings > Tokens) delete the leaked token, or run `vercel tokens rm`; an integration's or app's tokens end when it is removed from the team or its secret is rotated. Create a new token scoped to the one project or team it needs, update CI, and check the team's activity log for deployments or changes you did not make.",
  url: 'https://vercel.com/docs/accounts/access-tokens',
});
