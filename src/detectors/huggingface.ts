// Hugging Face tokens: "hf_" (user access) or legacy "api_org_" (organization) + 34 letters.
// https://huggingface.co/docs/hub/security-tokens
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

// camelCase identifiers (hf_requiredCharacteristic...) fall below the entropy of random letters.
const MIN_ENTROPY = 4.2;

export default family('huggingface', [
  {
    id: 'huggingface-access-token',
    name: 'Hugging Face user access token',
    category: 'token',
    keywords: ['hf_'],
    pattern: String.raw`\b(hf_[A-Za-z]{34})${EW}`,
    minEntropy: MIN_ENTROPY,
    examples: {
      positives: [
        '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',
        {
          text: 'huggingface-cli login --token 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',
          secret: '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',
        },
      ],
      negatives: [
        'hf_3478658437658347638475687346587374', // digits
        'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '- (id)hf_requiredCharacteristicTypesForDisplayMetadata;',
        '&hf_servingcellpriorityparametersdescription_h_prio),',
      ],
    },
  },
  {
    id: 'huggingface-org-token',
    name: 'Hugging Face organization API token (legacy)',
    category: 'token',
    keywords: ['api_org_'],
    pattern: String.raw`\b(api_org_[A-Za-z]{34})${EW}`,
    minEntropy: MIN_ENTROPY,
    examples: {
      positives: [
        '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',
        {
          text: "os.environ['HUGGINGFACEHUB_API_TOKEN'] = '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'",
          secret: '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',
        },
      ],
      negatives: [
        'api_org_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        "const api_org_controller = require('../../controllers/api/index').organizations;",
        'def _api_org_96726c78_4ae3_402f_b08b_7a78c6903d2a(self, method, url, body, headers):',
      ],
    },
  },
]);

// Revoke or rotate: Hugging Face Hub docs, "User access tokens" (Settings > Access Tokens; "Invalidate and refresh").
guidance('huggingface', {
  steps:
    'In Hugging Face, open Settings > Access Tokens and, on the leaked token, choose Manage > Invalidate and refresh (or delete it): the old value stops working at once. Give each app its own fine-grained or read-only token, update the apps and Spaces that used the old one, and check your models, datasets and Spaces for changes you did not make.',
  url: 'https://huggingface.co/docs/hub/security-tokens',
});
