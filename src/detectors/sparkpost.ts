// SparkPost API keys: 40 hex, reported only after a SparkPost name.
// https://developers.sparkpost.com/api/#header-authentication (maps: trufflehog
// pkg/detectors/sparkpost).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('sparkpost', [
  {
    id: 'sparkpost-api-key',
    name: 'SparkPost API key',
    category: 'api_key',
    keywords: ['sparkpost'],
    pattern: String.raw`${NAME_START}(?:${ci('sparkpost')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SPARKPOST_API_KEY=3d4c9b35d0d120010fdbd67e34c503d70882c50a',
          secret: '3d4c9b35d0d120010fdbd67e34c503d70882c50a',
        },
        {
          text: 'sparkpost:\n  api_key: "c41b7913e391570f97a5fba01ce314bf8bf76929"\nsparkpost_key = "c41b7913e391570f97a5fba01ce314bf8bf76929"',
          secret: 'c41b7913e391570f97a5fba01ce314bf8bf76929',
        },
      ],
      negatives: [
        'SPARKPOST_API_KEY=${SPARKPOST_API_KEY}',
        'sparkpost key rotation landed in commit 3d4c9b35d0d120010fdbd67e34c503d70882c50a',
        'SPARKPOST_API_KEY=3d4c9b35d0d120010fdbd67e34c503d70882c50',
      ],
    },
  },
]);

// Revoke or rotate: SparkPost documentation (the page this family file already cites for its key format).
guidance('sparkpost', {
  steps:
    "Sign in to SparkPost and revoke (delete or regenerate) the leaked API key where SparkPost manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check SparkPost's logs or usage for activity you do not recognise.",
  url: 'https://developers.sparkpost.com/api/#header-authentication',
});
