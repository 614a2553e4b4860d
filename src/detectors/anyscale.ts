// Anyscale Endpoints API keys: "esecret_" + alphanumerics. (Platform CLI tokens have no documented
// format and are not detected.) https://docs.endpoints.anyscale.com/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('anyscale', [
  {
    id: 'anyscale-endpoints-api-key',
    name: 'Anyscale Endpoints API key',
    category: 'api_key',
    keywords: ['esecret_'],
    pattern: String.raw`\b(esecret_[A-Za-z0-9]{26,64})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'esecret_hnRMTboVpnClmGswB9TmOOkyhH',
        {
          text: 'export ANYSCALE_API_KEY=esecret_EVexEkPt6XcOMkbSWZloDf0IhiAA6WIs',
          secret: 'esecret_EVexEkPt6XcOMkbSWZloDf0IhiAA6WIs',
        },
      ],
      negatives: [
        'ANYSCALE_API_KEY=esecret_XXXXXX',
        'esecret_FhOAs1MQbVMoify1NF9s', // too short
        'esecret_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
]);

// Revoke or rotate: Anyscale documentation (the page this family file already cites for its key format).
guidance('anyscale', {
  steps:
    "Sign in to Anyscale and revoke (delete or regenerate) the leaked Endpoints API key where Anyscale manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Anyscale's logs or usage for activity you do not recognise.",
  url: 'https://docs.endpoints.anyscale.com/',
});
