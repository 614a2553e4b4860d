// Coralogix personal API keys: "cxup_" + 30 alphanumerics (query/management scope), as in
// CORALOGIX_API_KEY examples in public repositories; API keys are described at
// https://coralogix.com/docs/ (Account management > API keys). Team "cxtp_" keys are left out: the
// same prefix is used for browser RUM keys that are public by design.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('coralogix', [
  {
    id: 'coralogix-personal-api-key',
    name: 'Coralogix personal API key',
    category: 'api_key',
    keywords: ['cxup_'],
    pattern: String.raw`\b(cxup_[A-Za-z0-9]{30})${EW}`,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(5)) && /[0-9]/.test(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        'cxup_z45aFAKxTPoO0R9jukveYG7A4skhla',
        {
          text: 'export CORALOGIX_API_KEY=cxup_FhWBj3yOQIJnPh8UbR3RP2MEH6xkrH CORALOGIX_ENV=EU2',
          secret: 'cxup_FhWBj3yOQIJnPh8UbR3RP2MEH6xkrH',
        },
      ],
      negatives: [
        'CORALOGIX_API_KEY=cxup_xxxxxxxxxxxxxxxx',
        'PaddleCD/c2seg_config/cxup_4b_BW_PMRG_v2_lossV2.yml',
        'cxup_z45aFAKxTPoO0R9jukveYG7A4skhl', // 29 chars
      ],
    },
  },
]);

// Revoke or rotate: Coralogix documentation (the page this family file already cites for its key format).
guidance('coralogix', {
  steps:
    "Sign in to Coralogix and revoke (delete or regenerate) the leaked personal API key where Coralogix manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Coralogix's logs or usage for activity you do not recognise.",
  url: 'https://coralogix.com/docs/',
});
