// IBM Cloud credentials.
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

export default family('ibm', [
  {
    // IAM API keys are 44 chars of base64url with no prefix: only beside an IBM name.
    id: 'ibm-cloud-api-key',
    name: 'IBM Cloud API key',
    category: 'api_key',
    keywords: ['ibm'],
    pattern: String.raw`${ci('ibm')}[\w .-]{0,30}?${ASSIGN}([A-Za-z0-9_-]{44})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'export IBMCLOUD_API_KEY=VEe6na7t9KPU4xfvF7VEzOkcF0ArBqTQQ3DDK5wdYFP4',
          secret: 'VEe6na7t9KPU4xfvF7VEzOkcF0ArBqTQQ3DDK5wdYFP4',
        },
        {
          text: 'ibmcloud login --apikey 3Rc20Z5Gq6Il4kjTgQ5OexkkeMh7Uhhfu32A3lFnpWF1',
          secret: '3Rc20Z5Gq6Il4kjTgQ5OexkkeMh7Uhhfu32A3lFnpWF1',
        },
        '"ibm_api_key": "AZ50Du8xbZ46PQ2JJgjPSPYXcc4KOPHsyIUErt11yvBd"',
      ],
      negatives: [
        'IBMCLOUD_API_KEY=VEe6na7t9KPU4xfvF7VEzOkcF0ArBqTQQ3DDK5wdYFP',
        'api_key = 3Rc20Z5Gq6Il4kjTgQ5OexkkeMh7Uhhfu32A3lFnpWF1',
        'IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}',
      ],
    },
  },
  {
    // Cloud Object Storage HMAC credentials: secret_access_key is 48 hex inside "cos_hmac_keys".
    id: 'ibm-cos-hmac-secret-key',
    name: 'IBM Cloud Object Storage HMAC secret key',
    category: 'credentials',
    keywords: ['cos_hmac_keys'],
    pattern: String.raw`secret_access_key[\\'"]{0,4}\s{0,5}[:=]\s{0,5}[\\'"]{0,4}([a-f0-9]{48})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: '"cos_hmac_keys": { "access_key_id": "c45962e24c30c76164d49192c66f2d04", "secret_access_key": "f9c968790a72ef2fe2d023e887c76fb9be61de4fd9e34d30" }',
          secret: 'f9c968790a72ef2fe2d023e887c76fb9be61de4fd9e34d30',
        },
        '"cos_hmac_keys": {"access_key_id": "cda14fbddbac6560739fc960e8b3108d","secret_access_key": "54be2eb6090a80952b321b487cc6e97fd4fed4a8ead89a1e"}',
      ],
      negatives: [
        '"secret_access_key": "f9c968790a72ef2fe2d023e887c76fb9be61de4fd9e34d30"',
        '"cos_hmac_keys": { "secret_access_key": "54be2eb6090a80952b321b487cc6e97fd4fed4a8ead8" }',
      ],
    },
  },
]);

// Revoke or rotate: IBM Cloud docs, "Understanding API keys" (keys are managed under Manage > Access (IAM) > API keys).
guidance('ibm', {
  steps:
    "In the IBM Cloud console open Manage > Access (IAM) > API keys and delete the leaked key from its Actions menu (service ID keys are deleted on the service ID's page). Create a replacement for a functional or service ID with only the access it needs, update the tools that used it, and check the Activity Tracker events for its use.",
  url: 'https://cloud.ibm.com/docs/iam?topic=iam-manapikey',
});
