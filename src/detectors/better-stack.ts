// Better Stack (Better Uptime / Logtail) tokens: 24 alphanumerics (no prefix), both the Uptime API
// token and the Logs source token; reported only after a Better Stack name.
// https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/ and
// https://betterstack.com/docs/logs/start/ (source token); trufflehog pkg/detectors/betterstack
// maps the 24-char shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('better-stack', [
  {
    id: 'better-stack-api-token',
    name: 'Better Stack API or source token',
    category: 'token',
    keywords: [
      'betterstack',
      'better_stack',
      'better-stack',
      'betteruptime',
      'better_uptime',
      'logtail',
    ],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:better[_-]?stack|better[_-]?uptime|logtail)[\w.-]{0,20}?[ ]?(?:api[_-]?|source[_-]?|ingesting[_-]?)?(?:token|key|secret)${ASSIGN}(?:Bearer\s)?([A-Za-z0-9]{24})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'BETTERSTACK_API_TOKEN=28StyShTI3l6JbPkKYo2W3lX',
          secret: '28StyShTI3l6JbPkKYo2W3lX',
        },
        {
          text: 'logtail_source_token: "8bz3QFt85DBF6EOZZbe1K6Fd"',
          secret: '8bz3QFt85DBF6EOZZbe1K6Fd',
        },
      ],
      negatives: [
        'BETTERSTACK_API_TOKEN=$BETTERSTACK_TOKEN',
        'betteruptime_monitor_token=production_homepage_v2',
        'LOGTAIL_SOURCE_TOKEN=28StyShTI3l6JbPkKYo2W3lXy', // 25
      ],
    },
  },
]);

// Revoke or rotate: Better Stack documentation (the page this family file already cites for its key format).
guidance('better-stack', {
  steps:
    "Sign in to Better Stack and revoke (delete or regenerate) the leaked API or source token where Better Stack manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Better Stack's logs or usage for activity you do not recognise.",
  url: 'https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/',
});
