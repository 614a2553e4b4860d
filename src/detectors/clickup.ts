// ClickUp personal API tokens: "pk_" + numeric user id + "_" + 32 upper-case alphanumerics.
// https://developer.clickup.com/docs/authentication (maps: trufflehog
// pkg/detectors/clickuppersonaltoken).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('clickup', [
  {
    id: 'clickup-personal-token',
    name: 'ClickUp personal API token',
    category: 'token',
    keywords: ['pk_'],
    pattern: String.raw`\b(pk_[0-9]{6,10}_[0-9A-Z]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'pk_7694029_259CT5KJJFLM6HLH29RUTH0PW40IOE6X',
        {
          text: 'curl -H "Authorization: pk_83620332_FM77XCF6UQYKDTY8P8179AFPM718EXL4" https://api.clickup.com/api/v2/team',
          secret: 'pk_83620332_FM77XCF6UQYKDTY8P8179AFPM718EXL4',
        },
      ],
      negatives: [
        'pk_7694029_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'pk_7694029_259CT5KJJFLM6HLH29RUTH0PW40IOE6', // 31 chars
        'pk_live_259CT5KJJFLM6HLH29RUTH0PW40IOE6X',
      ],
    },
  },
]);

// Revoke or rotate: ClickUp documentation (the page this family file already cites for its key format).
guidance('clickup', {
  steps:
    "Sign in to ClickUp and revoke (delete or regenerate) the leaked personal API token where ClickUp manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check ClickUp's logs or usage for activity you do not recognise.",
  url: 'https://developer.clickup.com/docs/authentication',
});
