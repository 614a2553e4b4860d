// Neon API keys: "napi_" + 64 lower-case alphanumerics. https://neon.com/docs/manage/api-keys
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('neon', [
  {
    id: 'neon-api-key',
    name: 'Neon API key',
    category: 'api_key',
    keywords: ['napi_'],
    pattern: String.raw`\b(napi_[a-z0-9]{64})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'napi_zq9zd3zgw43fmnoaxyz4kr2w1kvnt9laxt4gwawzamr8wu8ke9dyezpm4h4bb9u4',
        {
          text: 'export NEON_API_KEY=napi_1m8zzrysl5mdfnqtftljxgk8d7zarrz2zqux4z944ifis4o2eowal33glxijld0o',
          secret: 'napi_1m8zzrysl5mdfnqtftljxgk8d7zarrz2zqux4z944ifis4o2eowal33glxijld0o',
        },
      ],
      negatives: [
        'napi_zq9zd3zgw43fmnoaxyz4kr2w1kvnt9laxt4gwawzamr8wu8ke9dyezpm4h4bb9u', // 63
        'NEON_API_KEY=napi_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Neon FAQ, "How do I rotate Neon API keys?".
guidance('neon', {
  steps:
    "In the Neon Console, open Account settings > API keys (organization or project keys under the organization's Settings > API keys) and revoke the leaked key: revocation is immediate and permanent. Create a replacement with the same scope, update the CI jobs and scripts that used it, and reset the database role's password too if a connection string leaked with it.",
  url: 'https://neon.com/faqs/rotate-neon-api-keys',
});
