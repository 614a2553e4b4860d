// Figma tokens: personal access tokens "figd_" + 40 url-safe chars; OAuth access tokens "figu_"
// (refresh "figur_"); legacy PATs were "<digits>-<uuid>". https://www.figma.com/developers/api#authentication
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('figma', [
  {
    id: 'figma-personal-access-token',
    name: 'Figma personal access token',
    category: 'token',
    keywords: ['figd_'],
    pattern: String.raw`\b(figd_[A-Za-z0-9_-]{40})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'figd_E1PrOhL3ALvhXCnB8MoK0s-AOix2oxBV89drcnY0',
        {
          text: 'curl -H "X-Figma-Token: figd_llIWVugq3DvEC0oBQYi0Lr78Tb8yf5fA0HukGwMh" https://api.figma.com/v1/me',
          secret: 'figd_llIWVugq3DvEC0oBQYi0Lr78Tb8yf5fA0HukGwMh',
        },
      ],
      negatives: [
        'figd_E1PrOhL3ALvhXCnB8MoK0s-AOix2oxBV89', // short
        'figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'figma-oauth-token',
    name: 'Figma OAuth token',
    category: 'token',
    keywords: ['figu_', 'figur_', 'figo_'],
    pattern: String.raw`\b(fig(?:ur|u|o)_[A-Za-z0-9_-]{40,80})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'figu_7P6H-lI0mVa_A-wQIOraHOlslbcpJcw_XPDi5iE8',
        {
          text: '"accessToken": "figo_kM1_YiKewHN3KsLQPjy0nlsiLsbd6PDO83XwJHCw"',
          secret: 'figo_kM1_YiKewHN3KsLQPjy0nlsiLsbd6PDO83XwJHCw',
        },
      ],
      negatives: [
        'figu_entropy_rsmpl = draw(Rsmpl_entropy)',
        '"accessToken": "figu_xxxx", "refreshToken": "figur_xxxx"',
        'figu_test_token',
      ],
    },
  },
  {
    id: 'figma-legacy-personal-access-token',
    name: 'Figma personal access token (legacy)',
    category: 'token',
    keywords: ['figma'],
    ignoreCase: true,
    pattern: String.raw`figma[\w.-]{0,30}${ASSIGN}([0-9]{4,8}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'FIGMA_TOKEN=756118-b633c207-45ac-4e10-a087-4126899fe946',
          secret: '756118-b633c207-45ac-4e10-a087-4126899fe946',
        },
        'figma_personal_token: "92391-7d4670f7-87b0-405b-9e46-ed8a5abf57b1"',
      ],
      negatives: [
        'FIGMA_FILE_ID=b633c207-45ac-4e10-a087-4126899fe946',
        'figma_secret: "647501-6p71dd66-3k6s-un9a-0ri0-0ypi87cz3rmx"',
        '756118-b633c207-45ac-4e10-a087-4126899fe946', // no Figma name
      ],
    },
  },
]);

// Revoke or rotate: Figma Help Center, "Manage personal access tokens" (and Figma's REST API docs: revocations are instant).
guidance('figma', {
  steps:
    "In Figma, open Settings > Security > Personal access tokens and revoke the leaked token (revocation is instant; the list shows when each token was last used); a leaked OAuth token ends when the app's access is removed from your connected apps. Create a new token with only the scopes and expiry the integration needs, and check your files' version history for changes you did not make.",
  url: 'https://help.figma.com/hc/en-us/articles/8085703771159-Manage-personal-access-token',
});
