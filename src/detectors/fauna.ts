// Fauna secrets (keys and tokens): "fn" + base64url, reported only after a Fauna secret name.
// https://docs.fauna.com/fauna/current/learn/security/keys/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('fauna', [
  {
    id: 'fauna-secret',
    name: 'Fauna secret',
    category: 'token',
    keywords: ['fauna'],
    pattern: String.raw`${NAME_START}(?:${ci('fauna')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('key')}|${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}(fn[A-Za-z0-9_-]{38,60})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'FAUNA_SECRET=fnAEy64Lu0uZKV67Tgcn4Bmls3VlTMbjN6MiG8hR',
          secret: 'fnAEy64Lu0uZKV67Tgcn4Bmls3VlTMbjN6MiG8hR',
        },
        {
          text: "fauna_key: 'fnAEsSBgy1Wsash6lMQhH7KIuCM7aiw7wz6ZPQGA'",
          secret: 'fnAEsSBgy1Wsash6lMQhH7KIuCM7aiw7wz6ZPQGA',
        },
      ],
      negatives: [
        'FAUNA_SECRET=${FAUNA_SECRET}',
        'FAUNA_SECRET=fnXXXXXXXX',
        'fauna secret rotation https://dashboard.fauna.com/keys-new/@db/us/acme',
      ],
    },
  },
]);

// Revoke or rotate: Fauna documentation (the page this family file already cites for its key format).
guidance('fauna', {
  steps:
    "Sign in to Fauna and revoke (delete or regenerate) the leaked secret where Fauna manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Fauna's logs or usage for activity you do not recognise.",
  url: 'https://docs.fauna.com/fauna/current/learn/security/keys/',
});
