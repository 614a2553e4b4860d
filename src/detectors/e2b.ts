// E2B sandbox credentials: API keys "e2b_" and access tokens "sk_e2b_", each + 40 hex (32 in
// older and self-hosted keys).
// https://e2b.dev/docs/api-key
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('e2b', [
  {
    id: 'e2b-api-key',
    name: 'E2B API key',
    category: 'api_key',
    keywords: ['e2b_'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_-])(e2b_[0-9a-f]{32}(?:[0-9a-f]{8})?)${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'e2b_f05c1a737b5262062d41341c87ded7f7c7ac8e85',
        {
          text: 'E2B_API_KEY=e2b_bdbbf97cadea6e892b47168791eb6a85adac7f98',
          secret: 'e2b_bdbbf97cadea6e892b47168791eb6a85adac7f98',
        },
        {
          text: 'X-API-Key: e2b_a4c123b1612dd272d1371c17149d4395',
          secret: 'e2b_a4c123b1612dd272d1371c17149d4395',
        },
      ],
      negatives: [
        'E2B_API_KEY=e2b_...',
        'e2b_b30e58d656ec4f3378c19cd5840f1aecabcd', // 36 hex
        'e2b_cc42871c0a8bfd3905251fb26d5c3e9e36d7a02',
        'from e2b_code_interpreter import Sandbox',
      ],
    },
  },
  {
    id: 'e2b-access-token',
    name: 'E2B access token',
    category: 'token',
    keywords: ['sk_e2b_'],
    pattern: String.raw`\b(sk_e2b_[0-9a-f]{32}(?:[0-9a-f]{8})?)${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'sk_e2b_d1cc94633adc426a49c4f2d21b9557b40dc10fb6',
        {
          text: 'E2B_ACCESS_TOKEN="sk_e2b_40872f4bba8d1fe317bd845eb17b861895d62b17"',
          secret: 'sk_e2b_40872f4bba8d1fe317bd845eb17b861895d62b17',
        },
      ],
      negatives: [
        'E2B_ACCESS_TOKEN=sk_e2b_...',
        'sk_e2b_b700990d30f89340fa7e162dd886f1ad8e4a3f7df',
      ],
    },
  },
]);

// Revoke or rotate: E2B documentation (the page this family file already cites for its key format).
guidance('e2b', {
  steps:
    "Sign in to E2B and revoke (delete or regenerate) the leaked API key or access token where E2B manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check E2B's logs or usage for activity you do not recognise.",
  url: 'https://e2b.dev/docs/api-key',
});
