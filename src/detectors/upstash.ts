// Upstash Redis REST tokens (base64url, starting with "A"), reported only after an Upstash token
// name. https://upstash.com/docs/redis/features/restapi
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('upstash', [
  {
    id: 'upstash-redis-rest-token',
    name: 'Upstash Redis REST token',
    category: 'token',
    keywords: ['upstash'],
    pattern: String.raw`${NAME_START}(?:${ci('upstash')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}(A[A-Za-z0-9_-]{40,160}={0,2})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'UPSTASH_REDIS_REST_URL=https://eu2-quick-owl-31337.upstash.io\nUPSTASH_REDIS_REST_TOKEN=AX2y9XQYAlwVeqEnQImavsPy5hB-VPx5IhOr6md6hopSiBglnm7VjXx87QVMVNjh4_lB7PCl6D1XO1Cb6VomyBy2',
          secret:
            'AX2y9XQYAlwVeqEnQImavsPy5hB-VPx5IhOr6md6hopSiBglnm7VjXx87QVMVNjh4_lB7PCl6D1XO1Cb6VomyBy2',
        },
        {
          text: 'upstash_token: "AXGs12aGUUBIEDhllaC17e27N7UEKmeRX_BrHX3C2uqdO-GXfz7R2ZzpL5h07uSSpiM1ibTWXqidwnrZ1u2kwL4f"',
          secret:
            'AXGs12aGUUBIEDhllaC17e27N7UEKmeRX_BrHX3C2uqdO-GXfz7R2ZzpL5h07uSSpiM1ibTWXqidwnrZ1u2kwL4f',
        },
      ],
      negatives: [
        'UPSTASH_REDIS_REST_TOKEN=${UPSTASH_REDIS_REST_TOKEN}',
        'UPSTASH_REDIS_REST_TOKEN=AXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'UPSTASH_REDIS_REST_URL=https://eu2-quick-owl-31337.upstash.io',
      ],
    },
  },
]);

// Revoke or rotate: Upstash Redis documentation, "REST API", and flyctl "fly redis reset" (resetting the database password invalidates its REST tokens).
guidance('upstash', {
  steps:
    'In the Upstash Console open the database and reset its password: this revokes both the standard and the read-only REST tokens (for an Upstash database created through Fly.io, run `fly redis reset <name>`). Copy the new REST URL and token from the console into your secret store, update every client that used the old token, and check the database for keys or data you did not write.',
  url: 'https://upstash.com/docs/redis/features/restapi',
});
