// SambaNova Cloud API keys are UUIDs, recognised only after a SambaNova variable name.
// https://docs.sambanova.ai/cloud/docs/get-started/overview
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('sambanova', [
  {
    id: 'sambanova-api-key',
    name: 'SambaNova Cloud API key',
    category: 'api_key',
    keywords: ['sambanova'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])sambanova[\w.-]{0,20}(?:api[_.-]?key|key)${ASSIGN}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SAMBANOVA_API_KEY=318eee60-c672-464a-a6f4-f364f10150e7',
          secret: '318eee60-c672-464a-a6f4-f364f10150e7',
        },
        {
          text: 'sambanova_key: "bf1ccc7f-46c3-4828-a8bd-e7720d6b31dd"',
          secret: 'bf1ccc7f-46c3-4828-a8bd-e7720d6b31dd',
        },
      ],
      negatives: [
        'SAMBANOVA_API_KEY=<your-api-key>',
        'SAMBANOVA_PROJECT_ID=a2ed4e64-270a-486d-99e4-3ced912e82cd',
        'https://cloud.sambanova.ai/apis/0af45d76-58de-494e-b0ef-071343effe30',
      ],
    },
  },
]);

// Revoke or rotate: SambaNova Cloud documentation (the page this family file already cites for its key format).
guidance('sambanova', {
  steps:
    "Sign in to SambaNova Cloud and revoke (delete or regenerate) the leaked API key where SambaNova Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check SambaNova Cloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.sambanova.ai/cloud/docs/get-started/overview',
});
