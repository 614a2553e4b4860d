// Pulumi access tokens: "pul-" + 40 hex.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('pulumi', [
  {
    id: 'pulumi-access-token',
    name: 'Pulumi access token',
    category: 'token',
    keywords: ['pul-'],
    pattern: String.raw`\b(pul-[a-f0-9]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'export PULUMI_ACCESS_TOKEN=pul-2908e32b7078bbd7750a0f905149cab6c1e0a5cb',
          secret: 'pul-2908e32b7078bbd7750a0f905149cab6c1e0a5cb',
        },
        'pulumi login --token pul-bb9d8337d9212039a56b1eb4fd782e6d77cbd619',
      ],
      negatives: [
        'pul-fa548458fd3b9f4549676db74a5e3f8ce5aa9eb',
        'vipul-fa548458fd3b9f4549676db74a5e3f8ce5aa9ebb.png',
        'PUL-FA548458FD3B9F4549676DB74A5E3F8CE5AA9EBB',
      ],
    },
  },
]);

// Revoke or rotate: Pulumi Cloud docs, "Personal Access Tokens".
guidance('pulumi', {
  steps:
    "In Pulumi Cloud open your profile's Personal access tokens (or the organization's or team's Access tokens) and delete the leaked token; it stops working at once. Create a new token for the CI or automation that needs it, and check your stacks' update history for deployments you did not run.",
  url: 'https://pulumi.com/docs/pulumi-cloud/reference/personal-access-tokens',
});
