// Exoscale API keys: the key is "EXO" + 24 hex, the secret 43 base64url chars (reported only after an
// Exoscale secret name). https://community.exoscale.com/documentation/iam/quick-start/ (API keys)
// and https://github.com/exoscale/cli (EXOSCALE_API_KEY / EXOSCALE_API_SECRET).
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('exoscale', [
  {
    id: 'exoscale-api-key',
    name: 'Exoscale API key',
    category: 'credentials',
    keywords: ['exo'],
    pattern: String.raw`\b(EXO[0-9a-f]{24})${EW}`,
    minEntropy: 3.2,
    examples: {
      positives: [
        'EXOa63f680e8eb80e19b2ea3b37',
        {
          text: 'export EXOSCALE_API_KEY=EXOfd9f74bb1dde0a3f919712bd',
          secret: 'EXOfd9f74bb1dde0a3f919712bd',
        },
      ],
      negatives: [
        'EXOSCALE_API_KEY=EXOxxxxxxxxxxxxxxxxxxxxxxxx',
        'EXOa63f680e8eb80e19b2ea3b3', // 23 hex
        'EXOSKELETON_PART_NUMBER',
      ],
    },
  },
  {
    id: 'exoscale-api-secret',
    name: 'Exoscale API secret',
    category: 'credentials',
    keywords: ['exoscale'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])exoscale[\w.-]{0,20}?(?:api[_-]?)?secret(?:[_-]?key)?${ASSIGN}([A-Za-z0-9_-]{43})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'EXOSCALE_API_KEY=EXOfd9f74bb1dde0a3f919712bd\nEXOSCALE_API_SECRET=nCfzhGOW3e7xGZm9RhODVICIQzxh6ka5Bi7WfuLtr33',
          secret: 'nCfzhGOW3e7xGZm9RhODVICIQzxh6ka5Bi7WfuLtr33',
        },
        {
          text: 'exoscale_secret_key: "G1gHn_5CL_psNFA4q9sX31fPGzgq4d3iQvuzOqzAkV2"',
          secret: 'G1gHn_5CL_psNFA4q9sX31fPGzgq4d3iQvuzOqzAkV2',
        },
      ],
      negatives: [
        'EXOSCALE_API_SECRET=${EXOSCALE_API_SECRET}',
        'EXOSCALE_API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'EXOSCALE_API_SECRET=nCfzhGOW3e7xGZm9RhODVICIQzxh6ka5Bi7WfuLtr3', // 42
      ],
    },
  },
]);

// Revoke or rotate: Exoscale documentation (the page this family file already cites for its key format).
guidance('exoscale', {
  steps:
    "Sign in to Exoscale and revoke (delete or regenerate) the leaked API key or API secret where Exoscale manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Exoscale's logs or usage for activity you do not recognise.",
  url: 'https://community.exoscale.com/documentation/iam/quick-start/',
});
