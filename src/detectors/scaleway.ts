// Scaleway API keys (vendor format): access key "SCW" + 17 chars, secret key a UUID.
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

export default family('scaleway', [
  {
    id: 'scaleway-access-key-id',
    name: 'Scaleway access key ID',
    category: 'api_key',
    keywords: ['scw'],
    pattern: String.raw`\b(SCW[A-Z0-9]{17})${EW}`,
    minEntropy: 3,
    validate: (s) => /\d/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)),
    examples: {
      positives: [
        { text: 'SCW_ACCESS_KEY=SCWVNC7WXJMDLDD0ZF97', secret: 'SCWVNC7WXJMDLDD0ZF97' },
        'access_key = "SCWMZ5N2AXEIK87W4CUW"',
      ],
      negatives: ['SCWE0VKEFPWF6Z8LAXG', 'SCWABCDEFGHIJKLMNOPQ', 'SCWE0VKEFPWF6Z8LAXGCZ'],
    },
  },
  {
    // A UUID is a secret only under a Scaleway secret-key name (project and org ids are UUIDs too).
    id: 'scaleway-secret-key',
    name: 'Scaleway secret key',
    category: 'credentials',
    keywords: ['scaleway', 'scw_'],
    pattern: String.raw`${ci('(?:scaleway|scw)')}[\w .-]{0,20}?${ci('(?:secret|key|token)')}[\w-]{0,10}${ASSIGN}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SCW_SECRET_KEY=dc383a7e-b2ad-42d6-ae52-3f03e717fd59',
          secret: 'dc383a7e-b2ad-42d6-ae52-3f03e717fd59',
        },
        {
          text: 'scaleway_secret_key: "8dbb0171-8026-4fc6-9df6-b1eab9033095"',
          secret: '8dbb0171-8026-4fc6-9df6-b1eab9033095',
        },
      ],
      negatives: [
        'SCW_DEFAULT_PROJECT_ID=646e699c-379e-4112-9879-6e8468223a8b',
        'SCW_SECRET_KEY=881d11d3-eb51-438e-b363-3ae96d69c0b',
        'secret_key = 881d11d3-eb51-438e-b363-3ae96d69c0b4',
      ],
    },
  },
]);

// Revoke or rotate: Scaleway docs, "How to manage API keys".
guidance('scaleway', {
  steps:
    "In the Scaleway console open IAM & API keys > API keys and delete the leaked key (owners and IAM managers can delete other users' and applications' keys). Create a replacement for an IAM application with only the policies it needs and an expiry, update the tools that used it, and check the audit trail for actions you did not take.",
  url: 'https://scaleway.com/en/docs/iam/how-to/manage-api-keys',
});
