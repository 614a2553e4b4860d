/**
 * JSON Web Tokens (JWS compact form): base64url header and payload that decode to JSON objects, and
 * a signature. Bearer tokens, ID tokens, service-account tokens and API keys minted as JWTs all take
 * this shape; provider detectors for JWT-based tokens outrank this one on the same span.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { ParsedJwt } from '../engine/checks/jwt.js';
import { decodeBase64 } from '../engine/checks/radix.js';
import { family } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

// Header and payload runs end at '.', so they use a cheap two-range class (junk in it fails the
// JSON decode); the signature ends the token, so it uses the exact base64url alphabet. Lengths are
// counted in exact chunks (a run has one split into chunks and a remainder), which keeps RE2's
// reverse DFA small and V8's backtracking linear; payloads of identity-provider tokens pass 1000
// chars, and RE2 caps a repeat product at 1000, hence the nested group.
const SEG = '[-0-z]';
const SIG = '[-0-9A-Z_a-z]';
const HEADER = String.raw`eyJ(?:${SEG}{25}){0,23}${SEG}{0,24}`;
const PAYLOAD = String.raw`e[wy](?:(?:${SEG}{50}){20})?(?:${SEG}{50}){0,19}${SEG}{0,49}`;
const SIGNATURE = String.raw`(?:${SIG}{25}){0,27}${SIG}{0,24}`;

const HMACS = { HS256: sha256, HS384: sha384, HS512: sha512 } as const;
// Keys that jwt.io prefills: a token they verify is a documentation sample. (A token signed with a
// weak key such as "secret" may come from a real system, and is forgeable: still reported.)
const DOC_KEYS = [
  'a-string-secret-at-least-256-bits-long',
  'your-256-bit-secret',
  'your-384-bit-secret',
  'your-512-bit-secret',
].map(utf8ToBytes);

function signedWithDocKey(token: string, alg: unknown): boolean {
  const [h = '', p = '', s = ''] = token.split('.');
  const hash = HMACS[alg as keyof typeof HMACS] as (typeof HMACS)[keyof typeof HMACS] | undefined;
  const sig = decodeBase64(s);
  if (!hash || !sig) return false;
  const data = utf8ToBytes(`${h}.${p}`);
  return DOC_KEYS.some((key) => {
    const mac = hmac(hash, key, data);
    return mac.length === sig.length && mac.every((b, i) => b === sig[i]);
  });
}

/** Documentation samples: the jwt.io claims ({"sub":"1234567890","name":"John Doe",...}) or a jwt.io key. */
function isDocSample(token: string, { header, payload }: ParsedJwt): boolean {
  if (payload.sub === '1234567890' && payload.name === 'John Doe') return true;
  return signedWithDocKey(token, header.alg);
}

const HS256 =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3OTQ0MTI4MDAsImV4cCI6MTc5NDQxNjQwMH0.9WQJXxEnpLLj9C1Ov699roBtOkFsToRcyGpqoUbHnJM';
const ES256 =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6Ims4cy1wcm9kLTIwMjYiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS50ZXN0IiwiYXVkIjoib3JkZXJzLWFwaSIsInN1YiI6IjVkMWMwYTdlIiwiaWF0IjoxNzk0NDEyODAwLCJleHAiOjE3OTQ0OTkyMDB9.UepRmg_zpUTZ9dB-gbYJa7P4OCoqLBWrHyVKJTPkSjeIWQwZdQ442w1819-WMHeS1Pt6R0qv2ZEDJNcxFm7Zqg';
const UNSIGNED = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcHMtYm90Iiwicm9sZSI6ImFkbWluIn0.';
const HS512 =
  'eyJhbGciOiJIUzUxMiJ9.eyJ1aWQiOjQyMTE4LCJ0ZW5hbnQiOiJhY21lLWV1In0.EBt8IsJ4Z3ZrDFXIkfT8Eridtimg-RhA9jT74Ca3d_Y';

export default family('jwt', [
  {
    id: 'jwt-token',
    name: 'JSON Web Token',
    category: 'token',
    keywords: ['eyj'],
    pattern: String.raw`\b(${HEADER}\.${PAYLOAD}\.${SIGNATURE})(?:$|[^-0-9A-Z_a-z])`,
    validate: (token, ctx) => {
      const jwt = jwtIn(token, ctx);
      return jwt !== undefined && !isDocSample(token, jwt);
    },
    priority: -1,
    window: 3072,
    examples: {
      positives: [
        { text: `Authorization: Bearer ${HS256}`, secret: HS256 },
        { text: `"id_token": "${ES256}",`, secret: ES256 },
        { text: `X-Debug-Token: ${UNSIGNED}`, secret: UNSIGNED }, // alg "none": valid without a key
        `GET /v2/export?access_token=${HS512}&page=2`,
      ],
      negatives: [
        // the jwt.io sample claims, signed here with a random key
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTcwMDAwMDAwMH0.azwlgPBzDw-M0HEfYnDIiX64zVt_4cajuIq6oypMtEM',
        // signed with jwt.io's prefilled key "your-256-bit-secret"
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLXVzZXIiLCJpYXQiOjE3OTQ0MTI4MDB9.zI3oZBAF6UHsShtymcCjtWjUl7uAPSoVNhHxbZvGQzE',
        'eyJub3QganNvbg.eyJhbHNvIG5vdCBqc29u.c2lnbmF0dXJlLWJ5dGVzLWZvci10ZXN0cw', // segments are not JSON
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyJ9', // no signature part
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyJ9.c2ln', // signature too short
        'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.<payload>.<signature>',
      ],
    },
  },
]);

// Revoke or rotate: GitHub Docs, "Managing alerts from secret scanning" (securing compromised secrets).
guidance('jwt', {
  steps:
    "A JSON Web Token works until it expires (its exp claim) unless its issuer revokes it: end the session or revoke the token at the issuer named in its iss claim, and if it does not expire soon, rotate the issuer's signing key so no token signed with the old key is accepted. Then check the issuer's logs for use of it.",
  url: 'https://docs.github.com/enterprise-server@3.0/code-security/secret-scanning/managing-alerts-from-secret-scanning',
});
