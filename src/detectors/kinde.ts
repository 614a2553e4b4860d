// Kinde application client secrets: 40-60 alphanumerics, reported only after a Kinde secret name.
// https://docs.kinde.com/developer-tools/about/using-kinde-without-an-sdk/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('kinde', [
  {
    id: 'kinde-client-secret',
    name: 'Kinde client secret',
    category: 'api_key',
    keywords: ['kinde'],
    pattern: String.raw`${NAME_START}(?:${ci('kinde')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{40,60})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'KINDE_CLIENT_ID=5f0c2b9e7a4d41c38e6f1a2b9d0c7e35\nKINDE_CLIENT_SECRET=e7il8ECDhreYwugC6b5BrOo7E6WLgpAX3My8c5qmZB0kvsfY',
          secret: 'e7il8ECDhreYwugC6b5BrOo7E6WLgpAX3My8c5qmZB0kvsfY',
        },
        {
          text: "kinde_secret: 'vQf6cHrKgypTEfubOlBiQxI43a8mGDFdLsbCZEfdMRCojxl3'",
          secret: 'vQf6cHrKgypTEfubOlBiQxI43a8mGDFdLsbCZEfdMRCojxl3',
        },
      ],
      negatives: [
        'KINDE_CLIENT_SECRET=${KINDE_CLIENT_SECRET}',
        'KINDE_CLIENT_SECRET=abc',
        'kinde secret rotation https://acme.kinde.com/admin/cx/_:nav&m:application_details::_:submenu&s:details&id:e7il8ECDhreYwugC6b5BrOo7E6WLgpAX3My8c5qmZB0kvsf',
      ],
    },
  },
]);

// Revoke or rotate: Kinde documentation (the page this family file already cites for its key format).
guidance('kinde', {
  steps:
    "Sign in to Kinde and revoke (delete or regenerate) the leaked client secret where Kinde manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Kinde's logs or usage for activity you do not recognise.",
  url: 'https://docs.kinde.com/developer-tools/about/using-kinde-without-an-sdk/',
});
