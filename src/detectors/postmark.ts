// Postmark server and account API tokens: UUIDs, reported only after a Postmark name or the
// X-Postmark-Server-Token / X-Postmark-Account-Token headers. https://postmarkapp.com/developer/api/overview#authentication
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('postmark', [
  {
    id: 'postmark-api-token',
    name: 'Postmark server or account API token',
    category: 'api_key',
    keywords: ['postmark'],
    pattern: String.raw`${NAME_START}(?:${ci('postmark')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'POSTMARK_SERVER_TOKEN=015ffaa4-3fee-4b91-987b-4ab14f2b8638',
          secret: '015ffaa4-3fee-4b91-987b-4ab14f2b8638',
        },
        {
          text: 'curl https://api.postmarkapp.com/email -H "X-Postmark-Server-Token: fa1bd2e2-06d9-4da1-8e63-74e1c0270b74" -d @mail.json',
          secret: 'fa1bd2e2-06d9-4da1-8e63-74e1c0270b74',
        },
      ],
      negatives: [
        'POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}',
        'See https://account.postmarkapp.com/servers/015ffaa4-3fee-4b91-987b-4ab14f2b8638/streams for the postmark token settings',
        'X-Postmark-Server-Token: 015ffaa4-3fee-4b91-987b-4ab14f2b863',
      ],
    },
  },
]);
