// SparkPost API keys: 40 hex, reported only after a SparkPost name.
// https://developers.sparkpost.com/api/#header-authentication (maps: trufflehog pkg/detectors/sparkpost).
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('sparkpost', [
  {
    id: 'sparkpost-api-key',
    name: 'SparkPost API key',
    category: 'api_key',
    keywords: ['sparkpost'],
    pattern: String.raw`${NAME_START}(?:${ci('sparkpost')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SPARKPOST_API_KEY=29e780e891383ed6b1537034e0a0da3721f5df43',
          secret: '29e780e891383ed6b1537034e0a0da3721f5df43',
        },
        {
          text: 'sparkpost:\n  api_key: "de1bbfd62f27de17d97b12c7b82f243c1e994cbd"\nsparkpost_key = "de1bbfd62f27de17d97b12c7b82f243c1e994cbd"',
          secret: 'de1bbfd62f27de17d97b12c7b82f243c1e994cbd',
        },
      ],
      negatives: [
        'SPARKPOST_API_KEY=${SPARKPOST_API_KEY}',
        'sparkpost key rotation landed in commit 29e780e891383ed6b1537034e0a0da3721f5df43',
        'SPARKPOST_API_KEY=29e780e891383ed6b1537034e0a0da3721f5df4',
      ],
    },
  },
]);
