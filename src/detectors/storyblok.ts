// Storyblok access tokens (22 alphanumerics + "tt") and personal access tokens (the same + "-" +
// space id + "-" + 20 chars), reported only after a Storyblok name.
// https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication (maps:
// trufflehog).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('storyblok', [
  {
    id: 'storyblok-access-token',
    name: 'Storyblok access token',
    category: 'token',
    keywords: ['storyblok'],
    pattern: String.raw`${NAME_START}(?:${ci('storyblok')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{22}tt)${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'STORYBLOK_PREVIEW_TOKEN=ZYs6Twpp2dleIksJ2kFnMJtt',
          secret: 'ZYs6Twpp2dleIksJ2kFnMJtt',
        },
        {
          text: "storyblok token = 'X6z9VkE9AV9sZJl6NgS85Rtt'",
          secret: 'X6z9VkE9AV9sZJl6NgS85Rtt',
        },
      ],
      negatives: [
        'STORYBLOK_PREVIEW_TOKEN=${STORYBLOK_TOKEN}',
        'STORYBLOK_PREVIEW_TOKEN=ZYs6Twpp2dleIksJ2kFnMJt',
        'storyblok space https://app.storyblok.com/#/me/spaces/287342/dashboard token',
      ],
    },
  },
  {
    id: 'storyblok-personal-access-token',
    name: 'Storyblok personal access token',
    category: 'token',
    keywords: ['storyblok'],
    pattern: String.raw`${NAME_START}(?:${ci('storyblok')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{22}tt-[0-9]{6}-[A-Za-z0-9_-]{20})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'STORYBLOK_PERSONAL_ACCESS_TOKEN=7JxeXB0WDcsvigOv51cvKEtt-231798-QH14r-YKGjAU5Y4IaSQu',
          secret: '7JxeXB0WDcsvigOv51cvKEtt-231798-QH14r-YKGjAU5Y4IaSQu',
        },
        {
          text: 'storyblok_oauth_token: "ro8YvyryMgMyziPGlBIEr9tt-405844-YklDL5vbrFoDUWyrNgj8"',
          secret: 'ro8YvyryMgMyziPGlBIEr9tt-405844-YklDL5vbrFoDUWyrNgj8',
        },
      ],
      negatives: [
        'STORYBLOK_PERSONAL_ACCESS_TOKEN=<token>',
        'STORYBLOK_PERSONAL_ACCESS_TOKEN=7JxeXB0WDcsvigOv51cvKEtt-231798-QH14r-YKGjAU5Y4IaSQx-',
        "storyblok keyword far away\n = '7JxeXB0WDcsvigOv51cvKEtt-231798-QH14r-YKGjAU5Y4IaSQu'",
      ],
    },
  },
]);

// Revoke or rotate: Storyblok documentation (the page this family file already cites for its key format).
guidance('storyblok', {
  steps:
    "Sign in to Storyblok and revoke (delete or regenerate) the leaked access token or personal access token where Storyblok manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Storyblok's logs or usage for activity you do not recognise.",
  url: 'https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication',
});
