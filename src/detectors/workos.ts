// WorkOS API keys: "sk_test_" / "sk_live_" + unpadded base64 of "key_<ULID>,<secret>".
// https://workos.com/docs/reference/api-keys (structure seen in WorkOS SDK fixtures). The decoded
// structure tells them from Stripe keys, which share the sk_ prefix.
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const DECODED = /^key_[0-9A-HJKMNP-TV-Z]{26},[A-Za-z0-9]{16,64}$/;

export default family('workos', [
  {
    id: 'workos-api-key',
    name: 'WorkOS API key',
    category: 'api_key',
    keywords: ['sk_test_a2v5x', 'sk_live_a2v5x'],
    pattern: String.raw`\b(sk_(?:test|live)_a2V5X[A-Za-z0-9+/]{50,120})${EW}`,
    validate: (t) => {
      const bytes = decodeBase64(t.slice(8));
      return bytes !== undefined && DECODED.test(bytesToLatin1(bytes));
    },
    // Outranks the Stripe rules on the same span.
    priority: 1,
    examples: {
      positives: [
        'sk_test_a2V5XzAxTlNNOEJGRUhYRjRKUDFZQzNWR1Q2UTc2LFhnMk1UajJ3ZUo2dWJvbzEwS3ZDcWlNRzMwM3BobFE',
        {
          text: "WORKOS_API_KEY='sk_live_a2V5XzAxNUdNU0ZHUzg3Sk1BOUZLWkExRkROUFg5LGlwT3h4QjJCNnYzc0dTSU5mdTJOa3BNUHlvdUs2aG4'\nWORKOS_CLIENT_ID='client_01JS41PCK7C8QPPXGJ2J9ZCF97'",
          secret:
            'sk_live_a2V5XzAxNUdNU0ZHUzg3Sk1BOUZLWkExRkROUFg5LGlwT3h4QjJCNnYzc0dTSU5mdTJOa3BNUHlvdUs2aG4',
        },
      ],
      negatives: [
        // Decodes to key_ but without the ULID and secret.
        'sk_test_a2V5X3BsYWNlaG9sZGVyX2Zvcl90aGVfZG9jc19wYWdlX29ubHlfbm90X2FfcmVhbF9rZXk',
        'sk_test_a2V5XzAxTlNNOEJGRUhYRjRKUDFZQzNWR1Q2UTc2', // cut before the secret
        'WORKOS_CLIENT_ID=client_01JS41PCK7C8QPPXGJ2J9ZCF97',
      ],
    },
  },
]);

// Revoke or rotate: WorkOS documentation (the page this family file already cites for its key format).
guidance('workos', {
  steps:
    "Sign in to WorkOS and revoke (delete or regenerate) the leaked API key where WorkOS manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check WorkOS's logs or usage for activity you do not recognise.",
  url: 'https://workos.com/docs/reference/api-keys',
});
