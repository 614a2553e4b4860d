// Pushover application tokens and user keys: 30 lower-case alphanumerics, reported only after a
// Pushover name. https://pushover.net/api#registration
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('pushover', [
  {
    id: 'pushover-api-token',
    name: 'Pushover API token or user key',
    category: 'token',
    keywords: ['pushover'],
    pattern: String.raw`${NAME_START}(?:${ci('pushover')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([a-z0-9]{30})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PUSHOVER_APP_TOKEN=zys3dqxtjhwl42og1r155aq1pleibr',
          secret: 'zys3dqxtjhwl42og1r155aq1pleibr',
        },
        {
          text: 'pushover_user_key: h0wd210g1826tsa5rhradelh6dwwuc',
          secret: 'h0wd210g1826tsa5rhradelh6dwwuc',
        },
      ],
      negatives: [
        'PUSHOVER_APP_TOKEN=<app-token>',
        'PUSHOVER_APP_TOKEN=zys3dqxtjhwl42og1r155aq1pleib',
        'pushover token docs: https://pushover.net/apps/zys3dqxtjhwl42og1r155aq1pleibr-edit',
      ],
    },
  },
]);

// Revoke or rotate: Pushover documentation (the page this family file already cites for its key format).
guidance('pushover', {
  steps:
    "Sign in to Pushover and revoke (delete or regenerate) the leaked API token or user key where Pushover manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Pushover's logs or usage for activity you do not recognise.",
  url: 'https://pushover.net/api#registration',
});
