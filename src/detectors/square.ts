// Square credentials: https://developer.squareup.com/docs/build-basics/access-tokens
// (legacy sq0atp-/sq0csp- prefixes, current EAAA access tokens, sandbox- variants).
import { E, EW, family, near } from './define.js';
import { guidance } from './guidance.js';

const tok = (body: string): string => String.raw`\b(${body})${EW}`;

export default family('square', [
  {
    id: 'square-access-token',
    name: 'Square access token (legacy sq0atp)',
    category: 'token',
    keywords: ['sq0atp-'],
    pattern: tok('sq0atp-[A-Za-z0-9_-]{22}'),
    minEntropy: 3,
    examples: {
      positives: [
        'sq0atp-3wNeR0XTOsr9k_iN-LooN0',
        {
          text: 'SQUARE_ACCESS_TOKEN=sq0atp-CtQ-OMUKFr1pMldCrX2-fl',
          secret: 'sq0atp-CtQ-OMUKFr1pMldCrX2-fl',
        },
      ],
      negatives: [
        'sq0atp-3wNeR0XTOsr9k',
        'sq0atp-xxxxxxxxxxxxxxxxxxxxxx',
        'YJsq0atp-3wNeR0XTOsr9k_iN-LooN0',
      ],
    },
  },
  {
    id: 'square-oauth-secret',
    name: 'Square OAuth application secret',
    category: 'credentials',
    keywords: ['sq0csp-'],
    pattern: tok('sq0csp-[A-Za-z0-9_-]{43}'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'sq0csp-FrbmAoXCzy9GsEBVbmLQ7qXC6GtG9oIVuz5gE-Ud9fR',
        {
          text: 'square:\n  application_secret: "sq0csp-CGqo7CKKiL-ICdxktrlRTQ5IRL4BGE5sAYxB3O7P1EA"',
          secret: 'sq0csp-CGqo7CKKiL-ICdxktrlRTQ5IRL4BGE5sAYxB3O7P1EA',
        },
      ],
      negatives: [
        'sq0csp-FrbmAoXCzy9GsEBVbmLQ7qXC6GtG9oIVuz5g', // cut short
        'sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'sq0idp-FrbmAoXCzy9GsEBVbmLQ7q', // application id, public
      ],
    },
  },
  {
    id: 'square-sandbox-access-token',
    name: 'Square sandbox access token (legacy)',
    category: 'token',
    severity: 'low',
    keywords: ['sandbox-sq0atb-'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_-])(sandbox-sq0atb-[A-Za-z0-9_-]{22})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'sandbox-sq0atb-fppGCAX2s34Fa47vBpeOpE',
        {
          text: 'SQUARE_SANDBOX_TOKEN="sandbox-sq0atb-fppGCAX2s34Fa47vBpeOpE"',
          secret: 'sandbox-sq0atb-fppGCAX2s34Fa47vBpeOpE',
        },
      ],
      negatives: ['sandbox-sq0atb-fppGCAX2s34', 'sandbox-sq0atb-XXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'square-sandbox-oauth-secret',
    name: 'Square sandbox OAuth application secret',
    category: 'credentials',
    severity: 'low',
    keywords: ['sandbox-sq0csb-'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_-])(sandbox-sq0csb-[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'sandbox-sq0csb-sM3G7ha8nzMzhxC2WCQ75ktnGFjG_8WOtJF-2DUbU-v',
        {
          text: "secret - 'sandbox-sq0csb-sM3G7ha8nzMzhxC2WCQ75ktnGFjG_8WOtJF-2DUbU-v'",
          secret: 'sandbox-sq0csb-sM3G7ha8nzMzhxC2WCQ75ktnGFjG_8WOtJF-2DUbU-v',
        },
      ],
      negatives: [
        'sandbox-sq0csb-sM3G7ha8nzMzhxC2WCQ75ktnGFjG',
        'sandbox-sq0idb-hQrhLGgLZEDgpo', // sandbox application id, public
      ],
    },
  },
  {
    // EAAA + 60 base64url chars. Meta tokens share the EAA prefix but are alphanumeric only, so
    // a token with a '-' or '_' is Square's wherever it is; one without needs the word Square near.
    id: 'square-production-access-token',
    name: 'Square access token (EAAA)',
    category: 'token',
    keywords: ['square', 'eaaa'],
    // Left edge refuses '+' and '/' too: not a run inside a base64 blob.
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/-])(EAAA[A-Za-z0-9_-]{60})${E}`,
    minEntropy: 4,
    validate: (token, ctx) => /[-_]/.test(token) || near(ctx, 256, ['square']),
    examples: {
      positives: [
        {
          text: 'SQUARE_ACCESS_TOKEN=EAAA0iu5snfUlLwzBfiiw8IXNeo-4YD33WCvkjaCH10WqeWadq7selGq-Rb7c7sK',
          secret: 'EAAA0iu5snfUlLwzBfiiw8IXNeo-4YD33WCvkjaCH10WqeWadq7selGq-Rb7c7sK',
        },
        {
          text: 'curl https://connect.squareup.com/v2/locations -H "Authorization: Bearer EAAAhu5h4f36cD8vgcewFzfMWA4Jc1r0jOcpZQktPQnThxJ1eKixUzVHpPe3I6u3"',
          secret: 'EAAAhu5h4f36cD8vgcewFzfMWA4Jc1r0jOcpZQktPQnThxJ1eKixUzVHpPe3I6u3',
        },
        {
          // '-' and '_' rule out a Meta token: no Square word needed.
          text: 'PAYMENTS_TOKEN=EAAA0iu5snfUlLwzBfiiw8IXNeo-4YD33WCvkjaCH10WqeWadq7selGq-Rb7c7sK',
          secret: 'EAAA0iu5snfUlLwzBfiiw8IXNeo-4YD33WCvkjaCH10WqeWadq7selGq-Rb7c7sK',
        },
      ],
      negatives: [
        'fb_token=EAAAhu5h4f36cD8vgcewFzfMWA4Jc1r0jOcpZQktPQnThxJ1eKixUzVHpPe3I6u3', // alphanumeric only and no Square context
        'SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        "square = 'EAAAYmTgYL4kQ-65xyZ4zANgipYVJQFT?b=roK23I=iFebzL4rjYbUg10N6o1l--'",
      ],
    },
  },
]);

// Revoke or rotate: Square Developer, OAuth API "Revoke token" (and "Access tokens").
guidance('square', {
  steps:
    "For a leaked personal access token, replace it on the application's Credentials page in the Square Developer Dashboard; for a leaked OAuth access token, call RevokeToken (it ends every token of that seller for your app); for a leaked application secret, replace it on the OAuth page and update the servers that exchange codes. Then review the seller account's payments and refunds for activity you did not make.",
  url: 'https://developer.squareup.com/reference/square/o-auth/revoke-token',
});
