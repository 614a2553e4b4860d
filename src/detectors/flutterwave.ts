// Flutterwave secret keys ("FLWSECK-" / "FLWSECK_TEST-" + 32 lower-case alphanumerics + "-X") and
// test encryption keys ("FLWSECK_TEST" + 12 hex). https://developer.flutterwave.com/docs/api-keys
// (maps: gitleaks flutterwave.go).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('flutterwave', [
  {
    id: 'flutterwave-secret-key',
    name: 'Flutterwave secret key',
    category: 'api_key',
    keywords: ['flwseck-', 'flwseck_test-'],
    pattern: String.raw`\b(FLWSECK(?:_TEST)?-[0-9a-z]{32}-X)${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'FLWSECK-85b0576bdbba0e62a882d684b06c8afb-X',
        {
          text: 'FLW_SECRET_KEY=FLWSECK_TEST-bbe610feb26dd982ab9d46ce487ceadf-X',
          secret: 'FLWSECK_TEST-bbe610feb26dd982ab9d46ce487ceadf-X',
        },
      ],
      negatives: [
        'FLWSECK_TEST-SANDBOXDEMOKEY-X',
        'FLWSECK-85b0576bdbba0e62a882d684b06c8af-X', // 31 hex
        'FLWPUBK-85b0576bdbba0e62a882d684b06c8afb-X', // public key
      ],
    },
  },
  {
    id: 'flutterwave-encryption-key',
    name: 'Flutterwave encryption key',
    category: 'api_key',
    keywords: ['flwseck_test'],
    pattern: String.raw`\b(FLWSECK_TEST[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'FLWSECK_TESTebf9116844a1',
        {
          text: 'FLW_ENCRYPTION_KEY: FLWSECK_TEST3d8a61c0f27b',
          secret: 'FLWSECK_TEST3d8a61c0f27b',
        },
      ],
      negatives: ['FLWSECK_TEST000000000000', 'FLWSECK_TESTebf9116844a'],
    },
  },
]);

// Revoke or rotate: Flutterwave documentation (the page this family file already cites for its key format).
guidance('flutterwave', {
  steps:
    "Sign in to Flutterwave and revoke (delete or regenerate) the leaked secret key or encryption key where Flutterwave manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Flutterwave's logs or usage for activity you do not recognise.",
  url: 'https://developer.flutterwave.com/docs/api-keys',
});
