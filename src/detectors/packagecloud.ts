// packagecloud API tokens: 48 hex (no prefix); reported only after a packagecloud token name.
// https://packagecloud.io/docs/api#api_tokens ; trufflehog pkg/detectors/packagecloud maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('packagecloud', [
  {
    id: 'packagecloud-api-token',
    name: 'packagecloud API token',
    category: 'token',
    keywords: ['packagecloud'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])packagecloud[\w.-]{0,20}?[ ]?(?:api[_-]?|read[_-]?|master[_-]?)?token${ASSIGN}([0-9a-f]{48})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PACKAGECLOUD_TOKEN=971ed33a818db024963a4deabc34e02cef011a45b1fdfcc9',
          secret: '971ed33a818db024963a4deabc34e02cef011a45b1fdfcc9',
        },
        {
          text: 'packagecloud_api_token: "5c37ce1ed82be973633dac9c06cf2a8f2a8fceb69c9a945c"',
          secret: '5c37ce1ed82be973633dac9c06cf2a8f2a8fceb69c9a945c',
        },
      ],
      negatives: [
        'PACKAGECLOUD_TOKEN=${{ secrets.PACKAGECLOUD_TOKEN }}',
        "packagecloud keyword is not close to the real key\n = '971ed33a818db024963a4deabc34e02cef011a45b1fdfcc9'",
        'packagecloud_checksum=971ed33a818db024963a4deabc34e02cef011a45b1fdfcc9',
      ],
    },
  },
]);

// Revoke or rotate: packagecloud documentation (the page this family file already cites for its key format).
guidance('packagecloud', {
  steps:
    "Sign in to packagecloud and revoke (delete or regenerate) the leaked API token where packagecloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check packagecloud's logs or usage for activity you do not recognise.",
  url: 'https://packagecloud.io/docs/api#api_tokens',
});
