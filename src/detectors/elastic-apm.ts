// Elastic APM agent credentials: the secret token (random string, no prefix) and the APM API key
// (base64 of "<id>:<api_key>"). Both are reported only after their agent variable names.
// https://www.elastic.co/guide/en/observability/current/apm-secret-token.html and
// https://www.elastic.co/guide/en/apm/agent/java/current/config-reporter.html (ELASTIC_APM_SECRET_TOKEN,
// ELASTIC_APM_API_KEY).
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;

/** The APM API key decodes to "<id>:<key>" with printable parts. */
function isIdColonKey(s: string): boolean {
  const bytes = decodeBase64(s);
  return !!bytes && /^[\w-]{8,40}:[\w-]{16,60}$/.test(bytesToLatin1(bytes));
}

export default family('elastic-apm', [
  {
    id: 'elastic-apm-secret-token',
    name: 'Elastic APM secret token',
    category: 'token',
    keywords: ['apm_secret_token', 'apm-secret-token', 'apm.secret_token', 'server.secret_token'],
    ignoreCase: true,
    pattern: String.raw`(?:elastic[_-]?apm[_-]|apm[_-]server[_.-]|apm[_.-])secret[_-]?token${ASSIGN}([A-Za-z0-9]{16,64})${END}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'ELASTIC_APM_SECRET_TOKEN=MBcQ7y20H7cJk6WbmbNCdJ2XfVUg6hoW',
          secret: 'MBcQ7y20H7cJk6WbmbNCdJ2XfVUg6hoW',
        },
        {
          text: 'apm-server:\n  apm-server.secret_token: "6vt6qynSUWpN7JzMugH3Pi1f"',
          secret: '6vt6qynSUWpN7JzMugH3Pi1f',
        },
      ],
      negatives: [
        'ELASTIC_APM_SECRET_TOKEN=${APM_TOKEN}',
        'ELASTIC_APM_SECRET_TOKEN=changemechangeme',
        'secret_token: MBcQ7y20H7cJk6WbmbNCdJ2XfVUg6hoW', // not an APM name
      ],
    },
  },
  {
    id: 'elastic-apm-api-key',
    name: 'Elastic APM API key',
    category: 'api_key',
    keywords: ['apm_api_key', 'apm-api-key', 'apm.api_key'],
    ignoreCase: true,
    pattern: String.raw`(?:elastic[_-]?apm[_-]|apm[_.-])api[_-]?key${ASSIGN}([A-Za-z0-9+/]{24,120}={0,2})${END}`,
    validate: isIdColonKey,
    minEntropy: 3.5,
    // The APM variable names say more than elasticsearch-api-key's `elastic...api_key`.
    priority: 1,
    examples: {
      positives: [
        {
          text: 'ELASTIC_APM_API_KEY=SGVLSnE3Y2pzWkZqRFZSYXhER0g6OW5FSW1ZczFYbVZsNExqVmp3eWN4Zw==',
          secret: 'SGVLSnE3Y2pzWkZqRFZSYXhER0g6OW5FSW1ZczFYbVZsNExqVmp3eWN4Zw==',
        },
        {
          text: 'elastic.apm.api_key: x\nelastic_apm_api_key: "SGVLSnE3Y2pzWkZqRFZSYXhER0g6OW5FSW1ZczFYbVZsNExqVmp3eWN4Zw=="',
          secret: 'SGVLSnE3Y2pzWkZqRFZSYXhER0g6OW5FSW1ZczFYbVZsNExqVmp3eWN4Zw==',
        },
      ],
      negatives: [
        'ELASTIC_APM_API_KEY=${ELASTIC_APM_API_KEY}',
        'ELASTIC_APM_API_KEY=MBcQ7y20H7cJk6WbmbNCdJ2XfVUg6hoW', // not base64 of id:key
      ],
    },
  },
]);

// Revoke or rotate: Elastic APM documentation (the page this family file already cites for its key format).
guidance('elastic-apm', {
  steps:
    "Sign in to Elastic APM and revoke (delete or regenerate) the leaked secret token or API key where Elastic APM manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Elastic APM's logs or usage for activity you do not recognise.",
  url: 'https://www.elastic.co/guide/en/observability/current/apm-secret-token.html',
});
