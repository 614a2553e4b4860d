// OpenAI API keys embed "T3BlbkFJ" (base64 of "OpenAI") between two random halves of equal
// length (20, 46, 58 or 74 chars); the prefix names the key type (legacy sk-, sk-proj-, sk-admin-,
// sk-svcacct- or a service-account name). No public checksum.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const MARKER = 'T3BlbkFJ';
const HALVES = String.raw`[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74}`;

/** The halves around the marker have the same length and `prefix` is what precedes them. */
function balanced(token: string, prefix: RegExp): boolean {
  const i = token.indexOf(MARKER);
  const after = token.length - i - MARKER.length;
  return i >= after && prefix.test(token.slice(0, i - after));
}

export default family('openai', [
  {
    id: 'openai-api-key',
    name: 'OpenAI API key (legacy user key)',
    category: 'api_key',
    keywords: ['t3blbkfj'],
    pattern: String.raw`\b(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})${EW}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        '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',
        {
          text: 'openai.api-key: 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',
          secret: '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',
        },
      ],
      negatives: [
        'sk-3IgQnphvix06z5afftb6T3BlbkFJuNMZKcpNGKeKr6N', // second half short
        'sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
        'sk-3IgQnphvix06z5afftb6AbCdEfGhuNMZKcpNGKeKr6N7KlIR', // no marker
      ],
    },
  },
  {
    id: 'openai-project-key',
    name: 'OpenAI project API key',
    category: 'api_key',
    keywords: ['t3blbkfj'],
    pattern: String.raw`\b(sk-proj-${HALVES})${EW}`,
    validate: (t) => balanced(t, /^sk-proj-$/),
    minEntropy: 4.5,
    examples: {
      positives: [
        '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',
        {
          text: 'OPENAI_API_KEY="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"',
          secret:
            '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',
        },
      ],
      negatives: [
        // Halves of different lengths.
        'sk-proj-rwzXfiLzsiPBiJCAOevpV_dlb-E6w5StwPI51nlQKJE0M3Q3DXf1PyMSGsT3BlbkFJmrGxNah5WeVBFJlLpwm434Q7hh0r5',
        'sk-proj-asdfgasdfasdfdcQbzdcT3BlbkFJ83uCasdfgasdfgasdfjk', // keyboard mash, low entropy
        'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'openai-admin-key',
    name: 'OpenAI admin API key',
    category: 'api_key',
    keywords: ['t3blbkfj'],
    pattern: String.raw`\b(sk-admin-${HALVES})${EW}`,
    validate: (t) => balanced(t, /^sk-admin-$/),
    minEntropy: 4.5,
    examples: {
      positives: [
        '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',
        {
          text: 'export OPENAI_ADMIN_KEY=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',
          secret:
            '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',
        },
      ],
      negatives: [
        'BAD_KEY=sk-admin-shortT3BlbkFJgTJWgjMvdi6YlPvdXRqmSlZ4dLK-nFxUG2d9Tgaz5Q6weGVNBaLuUmMV4A',
        'sk-admin-4Ws_sH0UY4J-BygtQEwL2TuasoisRAxLwLz09SjGnZ6rMpEkIDHRZBOklOT3BlbkFJshort',
        'sk-admin-4Ws_sH0UY4J-BygtQEwL2TuasoisRAxLwLz09SjGnZ6rMpEkIDHRZBOklOABCDEFGHD33gNOvNb-kZfE4kimfZhWDoyxWBlkQBOnED2ZvkrsrqyddWeRx-5GORTb',
      ],
    },
  },
  {
    // Service-account keys: sk-svcacct- or sk-<account name>-; listed after the project and admin
    // entries, which win on the same span.
    id: 'openai-service-account-key',
    name: 'OpenAI service account API key',
    category: 'api_key',
    keywords: ['t3blbkfj'],
    pattern: String.raw`\b(sk-[A-Za-z0-9-]{1,60}-${HALVES})${EW}`,
    validate: (t) =>
      balanced(t, /^sk-[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,4}-$/) &&
      !/^sk-(?:proj|admin)-/.test(t),
    minEntropy: 4.5,
    examples: {
      positives: [
        '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',
        {
          text: 'OPENAI_API_KEY = "sk-ci-deployer-tbXET5HI6Rus1faACDVqT3BlbkFJr5f4Q9H5VNlap0W9LtmA"',
          secret: 'sk-ci-deployer-tbXET5HI6Rus1faACDVqT3BlbkFJr5f4Q9H5VNlap0W9LtmA',
        },
      ],
      negatives: [
        'sk-svcacct-sq-uEeWDtw3uERTIyNZOB7Bsjq3-kcFjRGmQUbhp_zT5xDMzutgWSPkQFaT2RX4TdxFswvrHeZT3BlbkFJBCtaIG18dXjx2mgZKs4OzWI',
        'sk-ci-deployer-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
        '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', // a legacy key, not a service account
      ],
    },
  },
]);

// Revoke or rotate: OpenAI Help Center, "Best practices for API key safety".
guidance('openai', {
  steps:
    "Delete the leaked key on the OpenAI platform's API keys page (project keys under the project's settings, admin keys under the organization's admin keys) and create a new one; keep it in an environment variable or a secrets manager, never in shared text. Then check the usage dashboard for calls you did not make.",
  url: 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety',
});
