// Pusher Channels app secrets: 20 hex, reported only after a Pusher secret name.
// https://pusher.com/docs/channels/server_api/authenticating-users/ (maps: trufflehog
// pkg/detectors/pusherchannelkey).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('pusher', [
  {
    id: 'pusher-app-secret',
    name: 'Pusher Channels app secret',
    category: 'api_key',
    keywords: ['pusher'],
    pattern: String.raw`${NAME_START}(?:${ci('pusher')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{20})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PUSHER_APP_ID=1487213\nPUSHER_APP_KEY=9c2e4a6b8d0f1e3c5a7b\nPUSHER_APP_SECRET=7399633e5c83b16122e0',
          secret: '7399633e5c83b16122e0',
        },
        {
          text: 'pusher_secret: "35b650ad05bb0f825aff"',
          secret: '35b650ad05bb0f825aff',
        },
      ],
      negatives: [
        'PUSHER_APP_SECRET=${PUSHER_APP_SECRET}',
        'PUSHER_APP_KEY=7399633e5c83b16122e0',
        'PUSHER_APP_SECRET=7399633e5c83b16122e',
      ],
    },
  },
]);

// Revoke or rotate: Pusher Channels documentation (the page this family file already cites for its key format).
guidance('pusher', {
  steps:
    "Sign in to Pusher Channels and revoke (delete or regenerate) the leaked app secret where Pusher Channels manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Pusher Channels's logs or usage for activity you do not recognise.",
  url: 'https://pusher.com/docs/channels/server_api/authenticating-users/',
});
