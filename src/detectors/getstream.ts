// Stream (getstream.io) API secrets: 64 lower-case alphanumerics, reported only after a Stream
// secret name. https://getstream.io/chat/docs/node/tokens_and_authentication/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('getstream', [
  {
    id: 'getstream-api-secret',
    name: 'Stream (getstream.io) API secret',
    category: 'api_key',
    keywords: ['getstream', 'stream_api', 'stream-api', 'stream_chat', 'stream-chat'],
    pattern: String.raw`${NAME_START}(?:${ci('getstream')}|${ci('stream_api')}|${ci('stream-api')}|${ci('stream_chat')}|${ci('stream-chat')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([a-z0-9]{64})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'STREAM_API_KEY=mz8k2q7xwb4n\nSTREAM_API_SECRET=jr4lwwqgwag1yz96bia72ih7n2b2nx9roawrokodmhxrniuuh7uq63obvntiof02',
          secret: 'jr4lwwqgwag1yz96bia72ih7n2b2nx9roawrokodmhxrniuuh7uq63obvntiof02',
        },
        {
          text: 'stream_chat_secret: "foj58zuonbqdi8ksv25zgg7isfa37mtqzfpa6rarxk3kb3k1po3bq0yhjh65a15v"',
          secret: 'foj58zuonbqdi8ksv25zgg7isfa37mtqzfpa6rarxk3kb3k1po3bq0yhjh65a15v',
        },
      ],
      negatives: [
        'STREAM_API_SECRET=${STREAM_API_SECRET}',
        'STREAM_API_SECRET=jr4lwwqgwag1yz96bia72ih7n2b2nx9roawrokodmhxrniuuh7uq63obvntiof0',
        'stream-api secret rotation https://dashboard.getstream.io/app/1283744/chat/overview',
      ],
    },
  },
]);

// Revoke or rotate: Stream documentation (the page this family file already cites for its key format).
guidance('getstream', {
  steps:
    "Sign in to Stream and revoke (delete or regenerate) the leaked API secret where Stream manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Stream's logs or usage for activity you do not recognise.",
  url: 'https://getstream.io/chat/docs/node/tokens_and_authentication/',
});
