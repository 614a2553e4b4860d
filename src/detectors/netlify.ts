// Netlify personal access tokens: "nfp_" + 36 chars; older unprefixed tokens are 43 chars.
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

export default family('netlify', [
  {
    id: 'netlify-personal-access-token',
    name: 'Netlify personal access token',
    category: 'token',
    keywords: ['nfp_'],
    pattern: String.raw`\b(nfp_[A-Za-z0-9]{36})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'NETLIFY_AUTH_TOKEN=nfp_Hdd2Z3IxGdRcKBsZslOV43kqrOxf8xYo9Wqg',
          secret: 'nfp_Hdd2Z3IxGdRcKBsZslOV43kqrOxf8xYo9Wqg',
        },
        'netlify deploy --prod --auth nfp_LSBnMQ5lCOfHvwpdiX3Di9bOsDooOxD72M7H',
      ],
      negatives: [
        'nfp_aUADY4baAOZkfSnWiJZ8jPD04sqw4aiUops',
        'nfp_aUADY4baAOZkfSnWiJZ8jPD04sqw4aiUopsSx',
        'nfp_' + 'x'.repeat(36),
      ],
    },
  },
  {
    id: 'netlify-access-token-legacy',
    name: 'Netlify access token (legacy format)',
    category: 'token',
    keywords: ['netlify'],
    pattern: String.raw`${ci('netlify')}[\w .-]{0,30}?${ASSIGN}([A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 3.5,
    validate: (s) => /\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s),
    examples: {
      positives: [
        {
          text: 'NETLIFY_AUTH_TOKEN=zmhzS5SaqA-c4hQi9MRg-CGr8PqXUjYdjnTQdzOVT2G',
          secret: 'zmhzS5SaqA-c4hQi9MRg-CGr8PqXUjYdjnTQdzOVT2G',
        },
        {
          text: 'netlify token = "0VpF69pJL0TWy6O9nuckyUZcXR8IHky94A8kOPwLW6O"',
          secret: '0VpF69pJL0TWy6O9nuckyUZcXR8IHky94A8kOPwLW6O',
        },
      ],
      negatives: [
        'NETLIFY_AUTH_TOKEN=bn_t1K-s4qePATncuYfYbRUEBZeUHPx7ovGC_C9rhR',
        'token = bn_t1K-s4qePATncuYfYbRUEBZeUHPx7ovGC_C9rhRT',
      ],
    },
  },
]);

// Revoke or rotate: Netlify's Personal access tokens page (User settings > Applications), as Netlify's CLI authentication docs describe.
guidance('netlify', {
  steps:
    "On Netlify's User settings > Applications > Personal access tokens, generate a replacement token, move the CLI, CI and scripts to it, then delete the leaked token (Options > Delete personal token). Check your sites' deploy logs and settings for changes you did not make.",
  url: 'https://app.netlify.com/user/applications#personal-access-tokens',
});
