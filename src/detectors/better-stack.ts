// Better Stack (Better Uptime / Logtail) tokens: 24 alphanumerics (no prefix), both the Uptime API
// token and the Logs source token; reported only after a Better Stack name.
// https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/ and
// https://betterstack.com/docs/logs/start/ (source token); trufflehog pkg/detectors/betterstack
// maps the 24-char shape.
import { ASSIGN, family } from './define.js';

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
