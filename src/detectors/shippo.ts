// Shippo API tokens: "shippo_live_" or "shippo_test_" + 40 hex.
// https://docs.goshippo.com/docs/guides_general/authentication/ (maps: gitleaks shippo.go).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('shippo', [
  {
    id: 'shippo-api-token',
    name: 'Shippo API token',
    category: 'api_key',
    keywords: ['shippo_live_', 'shippo_test_'],
    pattern: String.raw`\b(shippo_(?:live|test)_[0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'shippo_live_11c4bd68762a940086e8d86fbaca3cf795ca626c',
        {
          text: "curl https://api.goshippo.com/shipments/ -H 'Authorization: ShippoToken shippo_test_52d0c8bc8e2d4e1201a56403c08791a63053dbfb'",
          secret: 'shippo_test_52d0c8bc8e2d4e1201a56403c08791a63053dbfb',
        },
      ],
      negatives: [
        'shippo_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'shippo_test_52d0c8bc8e2d4e1201a56403c08791a63053dbf', // 39 hex
        'SHIPPO_API_KEY=shippo_live_<token>',
      ],
    },
  },
]);

// Revoke or rotate: Shippo documentation (the page this family file already cites for its key format).
guidance('shippo', {
  steps:
    "Sign in to Shippo and revoke (delete or regenerate) the leaked API token where Shippo manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Shippo's logs or usage for activity you do not recognise.",
  url: 'https://docs.goshippo.com/docs/guides_general/authentication/',
});
