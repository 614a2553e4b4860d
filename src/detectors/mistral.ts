// Mistral AI API keys: 32 alphanumerics with no prefix, recognised only after a Mistral variable or
// setting name. https://docs.mistral.ai/getting-started/quickstart/#account-setup
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A Mistral (or Codestral) variable, setting or header name right before the value. */
const NAME = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:mistral|codestral)[\w.-]{0,20}(?:api[_.-]?key|key|token)`;

export default family('mistral', [
  {
    id: 'mistral-api-key',
    name: 'Mistral AI API key',
    category: 'api_key',
    keywords: ['mistral', 'codestral'],
    ignoreCase: true,
    pattern: String.raw`${NAME}${ASSIGN}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'MISTRAL_API_KEY=5697kA5jqrP199aisSKV7kXFWyGaqrKG',
          secret: '5697kA5jqrP199aisSKV7kXFWyGaqrKG',
        },
        {
          text: 'mistral_api_key: "fsYoV99ORmEpXxEDLjXumN0Lf0WbpB8s"',
          secret: 'fsYoV99ORmEpXxEDLjXumN0Lf0WbpB8s',
        },
        {
          text: 'export CODESTRAL_API_KEY="pYVoKD0Wf2ZFMdQZgRByQnsGmGfJqrCB"',
          secret: 'pYVoKD0Wf2ZFMdQZgRByQnsGmGfJqrCB',
        },
      ],
      negatives: [
        'MISTRAL_API_KEY=${MISTRAL_API_KEY}',
        'MISTRAL_API_KEY=your-mistral-api-key-here',
        'MISTRAL_API_KEY=NKcU2vgSSyBX2gzScJBbHXvkblsU498', // 31 chars
        'mistral_model_revision=7e959e2567e04d40f59fd47628f7cdb1', // not a key name
        'see https://console.mistral.ai/api-keys/b73c06c5-6afd-45e7-a784-42b45560fd68',
      ],
    },
  },
]);

// Revoke or rotate: Mistral AI docs, "API keys" (revoke compromised keys immediately by deleting them).
guidance('mistral', {
  steps:
    "Delete the leaked key in Mistral AI Studio (API keys) or, as an organization admin, in the Admin Console's API Keys list: revocation is immediate. Create a new key scoped to the right Workspace with an expiry date, update the applications that used it, and check the Workspace's usage for requests you did not make.",
  url: 'https://docs.mistral.ai/admin/security-access/api-keys',
});
