// CircleCI API tokens: https://circleci.com/docs/managing-api-tokens/
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** CCIPAT_ / CCIPRJ_ + 22 alphanumerics + "_" + 40 hex. */
const prefixed = (prefix: string) => String.raw`\b(${prefix}_[A-Za-z0-9]{22}_[0-9a-f]{40})${EW}`;

export default family('circleci', [
  {
    id: 'circleci-personal-token',
    name: 'CircleCI personal API token',
    category: 'token',
    keywords: ['ccipat_'],
    pattern: prefixed('CCIPAT'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'CCIPAT_X09xNyGTuWy4JYcOFMPo7W_6c9907f40c63c85be136b273285210433c1f33a2',
        {
          text: 'curl -H "Circle-Token: CCIPAT_OdwxhMiM9FF1oFwhKnB5Oj_6e3304fb54c4ae35d0ceb09c67ab1bde391596b6" https://circleci.com/api/v2/me',
          secret: 'CCIPAT_OdwxhMiM9FF1oFwhKnB5Oj_6e3304fb54c4ae35d0ceb09c67ab1bde391596b6',
        },
      ],
      negatives: [
        'CCIPAT_FAKEtokenFAKEtokenFAKE_b939a909f8cba09da41fa4619d7f1287294175b9',
        'CCIPAT_X09xNyGTuWy4JYcOFMPo7W_6c9907f40c63c85be136b273285210433c1f33a',
      ],
    },
  },
  {
    id: 'circleci-project-token',
    name: 'CircleCI project API token',
    category: 'token',
    keywords: ['cciprj_'],
    pattern: prefixed('CCIPRJ'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'CCIPRJ_6RthoXd6SrbS41UT7zPiIi_e52327038ccf1922e7a169af11757d20ba0b0ed3',
        {
          text: 'CIRCLE_PROJECT_TOKEN=CCIPRJ_7EEZLPLhp6hmjwdAzSer3y_717200daf490272725a3a9a0efb078dc0695f93b',
          secret: 'CCIPRJ_7EEZLPLhp6hmjwdAzSer3y_717200daf490272725a3a9a0efb078dc0695f93b',
        },
      ],
      negatives: [
        'CCIPRJ_6RthoXd6SrbS41UT7zPiIi_e52327038ccf1922e7a169af11757d20ba0b0ed',
        'CCIPRJ_6RthoXd6SrbS41UT7zPiIi_e52327038ccf1922e7a169af11757d20ba0b0ed30',
      ],
    },
  },
  {
    // Older personal and project tokens are bare 40 hex: only after a CircleCI name.
    id: 'circleci-legacy-token',
    name: 'CircleCI API token (legacy, unprefixed)',
    category: 'token',
    keywords: ['circle'],
    ignoreCase: true,
    pattern: String.raw`circle[\w.-]{0,12}(?:token|key)${ASSIGN}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CIRCLE_TOKEN=b939a909f8cba09da41fa4619d7f1287294175b9',
          secret: 'b939a909f8cba09da41fa4619d7f1287294175b9',
        },
        {
          text: 'circleci_api_key: "0f3e3febead835eae3c261e2397e0020e05e658a"',
          secret: '0f3e3febead835eae3c261e2397e0020e05e658a',
        },
      ],
      negatives: [
        'CIRCLE_TOKEN=$CIRCLE_TOKEN',
        'CIRCLE_SHA1 b939a909f8cba09da41fa4619d7f1287294175b9 is the commit', // not an assignment
        'circle_token: b939a909f8cba09da41fa4619d7f1287294175b',
      ],
    },
  },
]);

// Revoke or rotate: CircleCI Docs, "Managing API tokens" (tokens cannot be changed: delete and recreate them).
guidance('circleci', {
  steps:
    'Delete the leaked personal API token under User Settings > Personal API Tokens (the X in the Remove column), or a leaked project token under Project Settings > API Permissions, then create a replacement with the same or a narrower scope and an expiry date. Update the scripts that used it, and check recent pipelines and project settings for changes you did not make.',
  url: 'https://circleci.com/docs/managing-api-tokens/',
});
