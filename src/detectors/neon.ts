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

// Revoke or rotate: Neon documentation (the page this family file already cites for its key format).
guidance('neon', {
  steps:
    "Sign in to Neon and revoke (delete or regenerate) the leaked API key where Neon manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Neon's logs or usage for activity you do not recognise.",
  url: 'https://neon.com/docs/manage/api-keys',
});
