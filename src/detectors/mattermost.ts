// Mattermost personal access and bot tokens: 26 lower-case alphanumerics, reported only after a
// Mattermost token name.
// https://developers.mattermost.com/integrate/reference/personal-access-token/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mattermost', [
  {
    id: 'mattermost-access-token',
    name: 'Mattermost access token',
    category: 'token',
    keywords: ['mattermost'],
    pattern: String.raw`${NAME_START}(?:${ci('mattermost')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')}|${ci('pat')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([a-z0-9]{26})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MATTERMOST_TOKEN=r58r66s75d9jp5ungt1da6o56a',
          secret: 'r58r66s75d9jp5ungt1da6o56a',
        },
        {
          text: 'mattermost_bot_token: "djkqmt3et6jgqwre62h5pn4v4z"',
          secret: 'djkqmt3et6jgqwre62h5pn4v4z',
        },
      ],
      negatives: [
        'MATTERMOST_TOKEN=${MM_TOKEN}',
        'MATTERMOST_TOKEN=r58r66s75d9jp5ungt1da6o56',
        'https://chat.acme.test/acme/pl/r58r66s75d9jp5ungt1da6o56a mattermost token thread',
      ],
    },
  },
]);

// Revoke or rotate: Mattermost documentation (the page this family file already cites for its key format).
guidance('mattermost', {
  steps:
    "Sign in to Mattermost and revoke (delete or regenerate) the leaked access token where Mattermost manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Mattermost's logs or usage for activity you do not recognise.",
  url: 'https://developers.mattermost.com/integrate/reference/personal-access-token/',
});
