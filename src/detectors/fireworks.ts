// Fireworks AI API keys: current keys are "fw_" + alphanumerics (24 to 40 seen); older keys had no
// prefix and are not detected (no precise format). https://docs.fireworks.ai/api-reference/introduction
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Random keys mix upper case, lower case and digits; identifiers such as fw_version_major do not. */
const mixed = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

export default family('fireworks', [
  {
    id: 'fireworks-api-key',
    name: 'Fireworks AI API key',
    category: 'api_key',
    keywords: ['fw_'],
    pattern: String.raw`\b(fw_[A-Za-z0-9]{24,40})${EW}`,
    validate: (s) => mixed(s.slice(3)),
    minEntropy: 4,
    examples: {
      positives: [
        'fw_PtOlPwK2IRJ1w23QAglhTBTPIfqnTgHYt',
        {
          text: 'export FIREWORKS_API_KEY=fw_xP9cMn56ObRpLlggKg303Ilb',
          secret: 'fw_xP9cMn56ObRpLlggKg303Ilb',
        },
      ],
      negatives: [
        'FIREWORKS_API_KEY=fw_...',
        'fw_fpkwFWCboJTVpu468Gxf', // too short
        'uint32_t fw_versionmajorminorpatchbuildinfo;', // identifier
        'fw_1WUOrFVC7p0Yul3D2PvpTTo3NOOUi52qVFulKNL4c', // too long
      ],
    },
  },
]);

// Revoke or rotate: Fireworks AI documentation (the page this family file already cites for its key format).
guidance('fireworks', {
  steps:
    "Sign in to Fireworks AI and revoke (delete or regenerate) the leaked API key where Fireworks AI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Fireworks AI's logs or usage for activity you do not recognise.",
  url: 'https://docs.fireworks.ai/api-reference/introduction',
});
