// Render API keys: "rnd_" + alphanumerics (28 to 32 in keys seen in public repositories).
// https://render.com/docs/api#1-create-an-api-key
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('render', [
  {
    id: 'render-api-key',
    name: 'Render API key',
    category: 'api_key',
    keywords: ['rnd_'],
    pattern: String.raw`\b(rnd_[A-Za-z0-9]{24,48})${EW}`,
    // Random alphanumerics mix cases and digits; identifiers after the same prefix (CamelCase names) do not.
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 4,
    examples: {
      positives: [
        'rnd_DnKNitSHpCrlML4TSmtw40ni5JKzZBq8',
        {
          text: 'RENDER_API_KEY=rnd_kBvsAwhprQCDLZZKOBZLcQT3zsCj',
          secret: 'rnd_kBvsAwhprQCDLZZKOBZLcQT3zsCj',
        },
        {
          text: 'curl -H "Authorization: Bearer rnd_kBvsAwhprQCDLZZKOBZLcQT3zsCjToj6" https://api.render.com/v1/services',
          secret: 'rnd_kBvsAwhprQCDLZZKOBZLcQT3zsCjToj6',
        },
      ],
      negatives: [
        'rnd_DnKNitSHpCrlML4TSmtw40n', // 23 chars
        'rnd_seed_generator_for_tests_only_v2',
        'rnd_GenerateRandomNumberBetweenZeroAndOne',
        'RENDER_API_KEY=rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Render documentation, "The Render API" (API keys are created and managed from Account Settings in the Render Dashboard; a compromised key is revoked there and replaced).
guidance('render', {
  steps:
    'In the Render Dashboard open Account Settings > API Keys and revoke the leaked key, then create a new one (it is shown in full only once) and update every script or CI job that used the old key. Because a Render API key can manage services, deploys and environment groups, review recent deploys and environment variable changes for anything you did not do.',
  url: 'https://render.com/api',
});
