// Mattermost personal access and bot tokens: 26 lower-case alphanumerics, reported only after a
// Mattermost token name. https://developers.mattermost.com/integrate/reference/personal-access-token/
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mattermost', [
  {
    id: 'mattermost-access-token',
    name: 'Mattermost access token',
    category: 'token',
    keywords: ['mattermost'],
    pattern: String.raw`${NAME_START}(?:${ci('mattermost')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')}|${ci('pat')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([a-z0-9]{26})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MATTERMOST_TOKEN=3j4q5rribluw7e4ghhku3o53u3',
          secret: '3j4q5rribluw7e4ghhku3o53u3',
        },
        {
          text: 'mattermost_bot_token: "hsbuyzdddgdla5lsm7ik27eq8o"',
          secret: 'hsbuyzdddgdla5lsm7ik27eq8o',
        },
      ],
      negatives: [
        'MATTERMOST_TOKEN=${MM_TOKEN}',
        'MATTERMOST_TOKEN=3j4q5rribluw7e4ghhku3o53u',
        'https://chat.acme.test/acme/pl/3j4q5rribluw7e4ghhku3o53u3 mattermost token thread',
      ],
    },
  },
]);
