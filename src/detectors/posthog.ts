// PostHog personal API keys ("phx_"), project secret API keys ("phs_"), OAuth access ("pha_") and
// refresh ("phr_") tokens: prefix + a base57 random token (32-35 bytes, 43-48 chars). Project API
// keys ("phc_") are public by design (sent by every browser) and deliberately not reported.
// https://posthog.com/docs/api/personal-api-keys; prefixes from PostHog's posthog/models/utils.py.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('posthog', [
  {
    id: 'posthog-personal-api-key',
    name: 'PostHog personal API key',
    category: 'api_key',
    keywords: ['phx_'],
    pattern: String.raw`\b(phx_[A-Za-z0-9_-]{40,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'phx_Dd7J5S0jdU_Rc2CpgWJR73H2JYnY6FmzmXhLhVXzNqJ',
        {
          text: "curl -H 'Authorization: Bearer phx_q8WmZ2vT0bKc5Lx9Ny3RdFh7Js1Pg4Ae6Uo2Xi8Ck0Mt' https://us.posthog.com/api/projects/",
          secret: 'phx_q8WmZ2vT0bKc5Lx9Ny3RdFh7Js1Pg4Ae6Uo2Xi8Ck0Mt',
        },
      ],
      negatives: [
        'POSTHOG_PERSONAL_API_KEY=phx_your_personal_api_key_here',
        'phx_Dd7J5S0jdU_Rc2CpgWJR73H2JYnY6FmzmXhLhV', // too short
        'phc_Dd7J5S0jdU_Rc2CpgWJR73H2JYnY6FmzmXhLhVXzNqJ', // public project key
      ],
    },
  },
  {
    id: 'posthog-project-secret-api-key',
    name: 'PostHog project secret API key',
    category: 'api_key',
    keywords: ['phs_'],
    pattern: String.raw`\b(phs_[A-Za-z0-9_-]{40,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'phs_AyX7B4a4_fnH6XzEH2sZ44DI3oVeTWa7HzinJSNG5Sr',
        {
          text: 'POSTHOG_SECRET_KEY="phs_Vn4tQ9zW2kLp7Xb1Rc8Ym3Hd6Jf0Gs5Ea2Uo9Ki4Tw7Zq"',
          secret: 'phs_Vn4tQ9zW2kLp7Xb1Rc8Ym3Hd6Jf0Gs5Ea2Uo9Ki4Tw7Zq',
        },
      ],
      negatives: [
        'phs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'phs_AyX7B4a4_fnH6XzEH2sZ44DI3oVeTWa7HzinJ', // too short
      ],
    },
  },
  {
    id: 'posthog-oauth-access-token',
    name: 'PostHog OAuth access token',
    category: 'token',
    keywords: ['pha_'],
    pattern: String.raw`\b(pha_[A-Za-z0-9_-]{40,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'pha_Bd9kT3qWm7Xz2Lc5Vn8Rp1Hs4Jf6Gy0Ae3Uo7Ki2Ct9Mw5',
        {
          text: 'Authorization: Bearer pha_Qk4Zt8Wn2Lm6Xb9Rc1Vy5Hd3Jf7Gs0Ea4Uo8Ki2Tw6Cq',
          secret: 'pha_Qk4Zt8Wn2Lm6Xb9Rc1Vy5Hd3Jf7Gs0Ea4Uo8Ki2Tw6Cq',
        },
      ],
      negatives: [
        'pha_Bd9kT3qWm7Xz2Lc5Vn8Rp1Hs4Jf6Gy0',
        'pha_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'posthog-oauth-refresh-token',
    name: 'PostHog OAuth refresh token',
    category: 'token',
    keywords: ['phr_'],
    pattern: String.raw`\b(phr_[A-Za-z0-9_-]{40,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'phr_Xn5Rb8Kw2Tq7Lm4Vz9Cy1Hd6Jf3Gs0Ea8Uo5Ki2Pt7Mw4Nb',
        {
          text: '{"access_token": "pha_Qk4Zt8Wn2Lm6Xb9Rc1Vy5Hd3Jf7Gs0Ea4Uo8Ki2Tw6Cq", "refresh_token": "phr_Wm3Zk7Tn1Lx5Vb9Rq2Cy6Hd4Jf8Gs0Ea3Uo7Ki1Pt5Qb"}',
          secret: 'phr_Wm3Zk7Tn1Lx5Vb9Rq2Cy6Hd4Jf8Gs0Ea3Uo7Ki1Pt5Qb',
        },
      ],
      negatives: [
        'phr_Xn5Rb8Kw2Tq7Lm4Vz9Cy1Hd6Jf3Gs0',
        'phr_0000000000000000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: PostHog documentation, "Personal API keys" (each key can be rolled or deleted individually in account settings).
guidance('posthog', {
  steps:
    'In PostHog open account settings > Personal API keys and roll or delete the leaked key (each key can be invalidated on its own); for a leaked project secret API key, rotate it in the project settings. Create a replacement with only the scopes and projects it needs, update every script or integration that used the old one, and check the activity log for changes you do not recognise.',
  url: 'https://posthog.com/docs/api/personal-api-keys',
});
