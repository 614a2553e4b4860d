// MessageBird (Bird) API access keys: 25 chars, reported only after a MessageBird name.
// https://developers.messagebird.com/api/#authentication (maps: gitleaks messagebird.go).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('messagebird', [
  {
    id: 'messagebird-api-key',
    name: 'MessageBird API access key',
    category: 'api_key',
    keywords: ['messagebird', 'message_bird', 'message-bird'],
    pattern: String.raw`${NAME_START}(?:${ci('messagebird')}|${ci('message_bird')}|${ci('message-bird')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9_-]{25})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MESSAGEBIRD_ACCESS_KEY=VE312J24mCP7hXSMYGrvJB1jv',
          secret: 'VE312J24mCP7hXSMYGrvJB1jv',
        },
        {
          text: "curl https://rest.messagebird.com/balance -H 'Authorization: AccessKey WcjDY4V9qeQpavWRrBo7W6jt4' # messagebird key: WcjDY4V9qeQpavWRrBo7W6jt4",
          secret: 'WcjDY4V9qeQpavWRrBo7W6jt4',
        },
      ],
      negatives: [
        'MESSAGEBIRD_ACCESS_KEY=<access-key>',
        'MESSAGEBIRD_ACCESS_KEY=VE312J24mCP7hXSMYGrvJB1j',
        'messagebird key ids: https://dashboard.messagebird.com/en/developers/access/VE312J24mCP7hXSMYGrvJB1jv',
      ],
    },
  },
]);

// Revoke or rotate: MessageBird documentation (the page this family file already cites for its key format).
guidance('messagebird', {
  steps:
    "Sign in to MessageBird and revoke (delete or regenerate) the leaked API access key where MessageBird manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check MessageBird's logs or usage for activity you do not recognise.",
  url: 'https://developers.messagebird.com/api/#authentication',
});
