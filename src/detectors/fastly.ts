// Fastly API tokens: 32 chars of [A-Za-z0-9_-] (no prefix), sent in the Fastly-Key header; reported
// only after a Fastly name. https://docs.fastly.com/en/guides/using-api-tokens and
// https://www.fastly.com/documentation/reference/api/auth-tokens/ ; trufflehog
// pkg/detectors/fastlypersonaltoken maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('fastly', [
  {
    id: 'fastly-api-token',
    name: 'Fastly API token',
    category: 'token',
    keywords: ['fastly'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])fastly[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key)${ASSIGN}([A-Za-z0-9_-]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'FASTLY_API_TOKEN=zsSFn6GtItgq-OWIzjw0CcSjrxxFKP-z',
          secret: 'zsSFn6GtItgq-OWIzjw0CcSjrxxFKP-z',
        },
        {
          text: 'curl -H "Fastly-Key: mFls3jz4PH68hqWvL7lDdLvuT2VrJMHR" https://api.fastly.com/service',
          secret: 'mFls3jz4PH68hqWvL7lDdLvuT2VrJMHR',
        },
      ],
      negatives: [
        'FASTLY_API_TOKEN=$FASTLY_KEY',
        'fastly_service_id=zsSFn6GtItgq-OWIzjw0CcSjrxxFKP-z',
        'fastly purge key: homepage-assets-v2-eu-central-1ab',
      ],
    },
  },
]);

// Revoke or rotate: Fastly documentation (the page this family file already cites for its key format).
guidance('fastly', {
  steps:
    "Sign in to Fastly and revoke (delete or regenerate) the leaked API token where Fastly manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Fastly's logs or usage for activity you do not recognise.",
  url: 'https://docs.fastly.com/en/guides/using-api-tokens',
});
