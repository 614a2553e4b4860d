// Postmark server and account API tokens: UUIDs, reported only after a Postmark name or the
// X-Postmark-Server-Token / X-Postmark-Account-Token headers.
// https://postmarkapp.com/developer/api/overview#authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('postmark', [
  {
    id: 'postmark-api-token',
    name: 'Postmark server or account API token',
    category: 'api_key',
    keywords: ['postmark'],
    pattern: String.raw`${NAME_START}(?:${ci('postmark')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'POSTMARK_SERVER_TOKEN=4bf8ca86-d98e-42f6-919b-b0f55842d5ec',
          secret: '4bf8ca86-d98e-42f6-919b-b0f55842d5ec',
        },
        {
          text: 'curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: 6cd8d372-6bc8-455f-a15d-22589b6874be" -d @mail.json',
          secret: '6cd8d372-6bc8-455f-a15d-22589b6874be',
        },
      ],
      negatives: [
        'POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}',
        'See https://account.postmarkapp.com/servers/4bf8ca86-d98e-42f6-919b-b0f55842d5ec/streams for the postmark token settings',
        'X-Postmark-Server-Token: 4bf8ca86-d98e-42f6-919b-b0f55842d5e',
      ],
    },
  },
]);

// Revoke or rotate: Postmark documentation (the page this family file already cites for its key format).
guidance('postmark', {
  steps:
    "Sign in to Postmark and revoke (delete or regenerate) the leaked server or account API token where Postmark manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Postmark's logs or usage for activity you do not recognise.",
  url: 'https://postmarkapp.com/developer/api/overview#authentication',
});
