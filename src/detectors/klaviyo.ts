// Klaviyo private API keys: "pk_" + 34 hex, or "pk_" + 6-char account id + "_" + 34 hex.
// (Public keys are the bare 6-char site id.) https://developers.klaviyo.com/en/docs/authenticate_
// (maps: trufflehog pkg/detectors/klaviyo).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('klaviyo', [
  {
    id: 'klaviyo-private-api-key',
    name: 'Klaviyo private API key',
    category: 'api_key',
    keywords: ['pk_'],
    pattern: String.raw`\b(pk_(?:[A-Za-z0-9]{6}_)?[0-9a-f]{34})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'pk_84467435e41c2a7df85eca15dfdf8c7926',
        {
          text: "curl https://a.klaviyo.com/api/profiles/ -H 'Authorization: Klaviyo-API-Key pk_6gYDPo_8f4f3d6f7105911a7476d6cebac1ec3e04'",
          secret: 'pk_6gYDPo_8f4f3d6f7105911a7476d6cebac1ec3e04',
        },
      ],
      negatives: [
        'pk_84467435e41c2a7df85eca15dfdf8c792', // 33 hex
        'pk_0000000000000000000000000000000000',
        'pk_test_84467435e41c2a7df85eca15dfdf8c7926',
      ],
    },
  },
]);

// Revoke or rotate: Klaviyo documentation (the page this family file already cites for its key format).
guidance('klaviyo', {
  steps:
    "Sign in to Klaviyo and revoke (delete or regenerate) the leaked private API key where Klaviyo manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Klaviyo's logs or usage for activity you do not recognise.",
  url: 'https://developers.klaviyo.com/en/docs/authenticate_',
});
