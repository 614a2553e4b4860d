// MessageBird (Bird) API access keys: 25 chars, reported only after a MessageBird name.
// https://developers.messagebird.com/api/#authentication (maps: gitleaks messagebird.go).
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('messagebird', [
  {
    id: 'messagebird-api-key',
    name: 'MessageBird API access key',
    category: 'api_key',
    keywords: ['messagebird', 'message_bird', 'message-bird'],
    pattern: String.raw`${NAME_START}(?:${ci('messagebird')}|${ci('message_bird')}|${ci('message-bird')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9_-]{25})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MESSAGEBIRD_ACCESS_KEY=iQlTbZnkWluYOTonaZEFYrbth',
          secret: 'iQlTbZnkWluYOTonaZEFYrbth',
        },
        {
          text: "curl https://rest.messagebird.com/balance -H 'Authorization: AccessKey xKLL5y5acwgSGNA8od6ByGfQ1' # messagebird key: xKLL5y5acwgSGNA8od6ByGfQ1",
          secret: 'xKLL5y5acwgSGNA8od6ByGfQ1',
        },
      ],
      negatives: [
        'MESSAGEBIRD_ACCESS_KEY=<access-key>',
        'MESSAGEBIRD_ACCESS_KEY=iQlTbZnkWluYOTonaZEFYrbt',
        'messagebird key ids: https://dashboard.messagebird.com/en/developers/access/iQlTbZnkWluYOTonaZEFYrbth',
      ],
    },
  },
]);
