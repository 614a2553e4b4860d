// LINE Messaging API channel access tokens (~172 base64 chars) and channel secrets (32 hex),
// reported only after a LINE name. https://developers.line.biz/en/docs/basics/channel-access-token/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;
/** LINE's variable and prose names; both detectors wake on any of them. */
const KEYWORDS = [
  'line_channel',
  'line-channel',
  'linechannel',
  'line_messaging',
  'line_bot',
  'line-bot',
  'line_token',
  'line token',
  'line_secret',
  'line secret',
];

export default family('line', [
  {
    id: 'line-channel-access-token',
    name: 'LINE channel access token',
    category: 'token',
    keywords: KEYWORDS,
    pattern: String.raw`${NAME_START}(?:${ci('line')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9+/]{170,175}={0,2})${EW}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        {
          text: 'LINE_CHANNEL_ACCESS_TOKEN=pFjc2WQzF5tR8ZUsesBL5rzs8KS6YITNlHihwLuDxprZOw8t91X92E38zQCrpwYklGlAJpLAOAhUsyIcNYJpGEkTgtdxcEu0SMkeZPWIxSbkjbDOvjCQhC88VQ4yhX9qHV+6N77PxaXAQEyrbDjer9/IzS/d1atqimCExEGrbg+=',
          secret:
            'pFjc2WQzF5tR8ZUsesBL5rzs8KS6YITNlHihwLuDxprZOw8t91X92E38zQCrpwYklGlAJpLAOAhUsyIcNYJpGEkTgtdxcEu0SMkeZPWIxSbkjbDOvjCQhC88VQ4yhX9qHV+6N77PxaXAQEyrbDjer9/IzS/d1atqimCExEGrbg+=',
        },
        {
          text: 'line_token: "975djYMDNy6BYhZuaJYAyCMv0kbRj5uMW4DdQ88vCgN012d+X2zkC5XzIUoCUh+XEOQMDEhb9FcVbBk3R1788x1i5Q7QQFbX0y7M1Hv6qqOHkUfJM0N7xlgzedVNu5zB5Oft3bHxmTRj4vY3kk7wjnEz+CbFxrWESBpEoYoiYo1="',
          secret:
            '975djYMDNy6BYhZuaJYAyCMv0kbRj5uMW4DdQ88vCgN012d+X2zkC5XzIUoCUh+XEOQMDEhb9FcVbBk3R1788x1i5Q7QQFbX0y7M1Hv6qqOHkUfJM0N7xlgzedVNu5zB5Oft3bHxmTRj4vY3kk7wjnEz+CbFxrWESBpEoYoiYo1=',
        },
      ],
      negatives: [
        'LINE_CHANNEL_ACCESS_TOKEN=${LINE_CHANNEL_ACCESS_TOKEN}',
        'LINE_CHANNEL_ACCESS_TOKEN=abc',
        'pipeline_token: "pFjc2WQzF5tR8ZUsesBL5rzs8KS6YITNlHihwLuDxprZOw8t91X92E38zQCrpwYklGlAJpLAOAhUsyIcNYJpGEkTgtdxcEu0SMkeZPWIxSbkjbDOvjCQhC88VQ4yhX9qHV+6N77PxaXAQEyrbDjer9/IzS/d1atqimCExEGrbg+="',
      ],
    },
  },
  {
    id: 'line-channel-secret',
    name: 'LINE channel secret',
    category: 'api_key',
    keywords: KEYWORDS,
    pattern: String.raw`${NAME_START}(?:${ci('line')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'LINE_CHANNEL_SECRET=597c0844832e2cc81ab1bce1b6442738',
          secret: '597c0844832e2cc81ab1bce1b6442738',
        },
        {
          text: "line_channel_secret: '74b78dae96efc1c575723f16c382fe65'",
          secret: '74b78dae96efc1c575723f16c382fe65',
        },
      ],
      negatives: [
        'LINE_CHANNEL_SECRET=${LINE_CHANNEL_SECRET}',
        'LINE_CHANNEL_SECRET=597c0844832e2cc81ab1bce1b644273',
        'deadline_secret=597c0844832e2cc81ab1bce1b6442738',
      ],
    },
  },
]);

// Revoke or rotate: LINE documentation (the page this family file already cites for its key format).
guidance('line', {
  steps:
    "Sign in to LINE and revoke (delete or regenerate) the leaked channel access token or channel secret where LINE manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check LINE's logs or usage for activity you do not recognise.",
  url: 'https://developers.line.biz/en/docs/basics/channel-access-token/',
});
