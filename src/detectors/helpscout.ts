// Help Scout API keys and app secrets: 32-40 alphanumerics, reported only after a Help Scout name.
// https://developer.helpscout.com/mailbox-api/overview/authentication/ (maps: trufflehog
// pkg/detectors/helpscout).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('helpscout', [
  {
    id: 'helpscout-api-key',
    name: 'Help Scout API key or app secret',
    category: 'api_key',
    keywords: ['helpscout', 'help_scout', 'help-scout'],
    pattern: String.raw`${NAME_START}(?:${ci('helpscout')}|${ci('help_scout')}|${ci('help-scout')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{32,40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'HELPSCOUT_APP_SECRET=gmfumssc4ej7nh6t3cf5easb6gvx7u703u3y7vak',
          secret: 'gmfumssc4ej7nh6t3cf5easb6gvx7u703u3y7vak',
        },
        {
          text: 'helpscout_secret: "h9cx3rc28y6uh4lz3v3plnyrkvr033um3and8tbj"',
          secret: 'h9cx3rc28y6uh4lz3v3plnyrkvr033um3and8tbj',
        },
      ],
      negatives: [
        'HELPSCOUT_APP_SECRET=<secret>',
        'HELPSCOUT_APP_SECRET=abc123',
        'helpscout key docs https://secure.helpscout.net/settings/api-keys/gmfumssc4ej7nh6t3cf5easb6gvx7u703u3y7vak',
      ],
    },
  },
]);

// Revoke or rotate: Help Scout documentation (the page this family file already cites for its key format).
guidance('helpscout', {
  steps:
    "Sign in to Help Scout and revoke (delete or regenerate) the leaked API key or app secret where Help Scout manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Help Scout's logs or usage for activity you do not recognise.",
  url: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
});
