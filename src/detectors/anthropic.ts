// Anthropic keys: "sk-ant-<type><version>-" + 93 url-safe chars + "AA" (108 chars in all).
// Claude OAuth access/refresh tokens (sk-ant-oat01-/sk-ant-ort01-) and claude.ai session keys
// (sk-ant-sid01-) share the prefix scheme. https://docs.anthropic.com/en/api/getting-started
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('anthropic', [
  {
    id: 'anthropic-api-key',
    name: 'Anthropic API key',
    category: 'api_key',
    keywords: ['sk-ant-api'],
    pattern: String.raw`\b(sk-ant-api0[0-9]-[A-Za-z0-9_-]{93}AA)${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'sk-ant-api03-QseAvO3WzhiiDNKNgvtwBGa0CpjIEJ9O1QDc1nmwRaLIsZrtKyJNagjFGAf870wFgweuKnsBP4VzEOQ_-7skHuh3g_1FvAA',
        {
          text: 'export ANTHROPIC_API_KEY=sk-ant-api03-AACMLImhSv6zRTOkrR5X0jdUKKcNvxxIB8vngB0jBB7CdtGKoyKgPJM78soqvgi7Zge38Poaw4tKQnf6NL7puP0UwC58hAA',
          secret:
            'sk-ant-api03-AACMLImhSv6zRTOkrR5X0jdUKKcNvxxIB8vngB0jBB7CdtGKoyKgPJM78soqvgi7Zge38Poaw4tKQnf6NL7puP0UwC58hAA',
        },
      ],
      negatives: [
        'sk-ant-api03-QseAvO3WzhiiDNKNgvtwBGa0CpjIEJ9O1QDc1nmwRaLIsZrtKyJNagjFGAf870wFgweuKnsBP4VzEOQ_-7skHuh3g_1FvBB', // no AA
        'sk-ant-api03-QseAvO3WzhiiDNKNgvtwBGa0CpjIEJ9O1QDc1nmwRaLIsZrtKyAA', // short
        'sk-ant-api03-...',
      ],
    },
  },
  {
    id: 'anthropic-admin-key',
    name: 'Anthropic Admin API key',
    category: 'api_key',
    keywords: ['sk-ant-admin'],
    pattern: String.raw`\b(sk-ant-admin0[0-9]-[A-Za-z0-9_-]{93}AA)${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'sk-ant-admin01-GXguThIk6WVfqmo1eWnDBR7Yuedq6vQOKLl6Ak8h_uhBftvVNI4YHsKpujOZ8zFI_6t8OGWhKpcQw_s3xvVnX9Tn3hQFRAA',
        {
          text: '"x-api-key": "sk-ant-admin01-XpTawROyMPFZHq1KFrxZjkvaY3FRAPLFOA8mhugsCh5D_JmLfgrHyeyFxqrUhPrAM0_gN__10mDdvMaOLXMsHOaTJM8WEAA"',
          secret:
            'sk-ant-admin01-XpTawROyMPFZHq1KFrxZjkvaY3FRAPLFOA8mhugsCh5D_JmLfgrHyeyFxqrUhPrAM0_gN__10mDdvMaOLXMsHOaTJM8WEAA',
        },
      ],
      negatives: [
        'sk-ant-admin01-abc123xyz-456de-klMnopqrstuvwx-3456yza789bcde-1234fghijklmnopAA',
        'sk-ant-admin01-GXguThIk6WVfqmo1eWnDBR7Yuedq6vQOKLl6Ak8h_uhBftvVNI4YHsKpujOZ8zFI_6t8OGWhKpcQw_s3xvVnX9Tn3hQFRBB',
      ],
    },
  },
  {
    // Claude subscription OAuth tokens (Claude Code credentials): oat = access, ort = refresh.
    id: 'anthropic-oauth-token',
    name: 'Anthropic (Claude) OAuth token',
    category: 'token',
    keywords: ['sk-ant-oat', 'sk-ant-ort'],
    pattern: String.raw`\b(sk-ant-o[ar]t0[0-9]-[A-Za-z0-9_-]{80,120})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'sk-ant-oat01-BE9twtmT2NX3A51_KwmdZEqqO4Ktb1Z1vN4_SmPcncOdr0rpouVhyARYd0r2ijzBpmeo7Km3EnoZVEEvAxS13KVZb73eoAA',
        {
          text: '{"claudeAiOauth": {"refreshToken": "sk-ant-ort01-EqGBFcbvt-2H0To9K3xo0c77mbIr52t24gwYiQcP3IK6juN7dHNIVtiXSg03dwtK8U8ZLNfpGgVqrhIWq5Rb7KJlXG76PAA"}}',
          secret:
            'sk-ant-ort01-EqGBFcbvt-2H0To9K3xo0c77mbIr52t24gwYiQcP3IK6juN7dHNIVtiXSg03dwtK8U8ZLNfpGgVqrhIWq5Rb7KJlXG76PAA',
        },
      ],
      negatives: [
        '"accessToken": "sk-ant-oat01-..."',
        '"refreshToken": "sk-ant-ort01-refresh-token-xyz"',
        'sk-ant-oat01-test-token-abc123',
      ],
    },
  },
  {
    // claude.ai web session cookie ("sessionKey"): same prefix scheme, type "sid".
    id: 'anthropic-session-key',
    name: 'Anthropic (claude.ai) session key',
    category: 'credentials',
    keywords: ['sk-ant-sid'],
    pattern: String.raw`\b(sk-ant-sid0[0-9]-[A-Za-z0-9_-]{80,120})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'sk-ant-sid01-GPzEyoL8EsaJd-wyXxQPplH8ACyjkz4jmBQlm7knI4pShZFC8ZrXbeg-fT3pG_h8msMlc_T1ah9sdbEl7oX8nrAA',
        {
          text: 'Cookie: sessionKey=sk-ant-sid01-EHAluvtdgDW1_In81LJK6yc_jecsblnAk2vnXK6_Zy2GKlPOyJV9YZGWNkJnsrUgBhcpqIuRhWlMkU6ag5t-ZjAA; intercom-device-id=x',
          secret:
            'sk-ant-sid01-EHAluvtdgDW1_In81LJK6yc_jecsblnAk2vnXK6_Zy2GKlPOyJV9YZGWNkJnsrUgBhcpqIuRhWlMkU6ag5t-ZjAA',
        },
      ],
      negatives: [
        'sessionKey=sk-ant-sid01-...',
        'sk-ant-sid01-EHAluvtdgDW1_In81LJK6yc_jecsblnAk2vnXK6_Zy2GKlPOyJV9YZGWNkJn', // too short
        'sk-ant-sid01-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Claude Help Center, "What should I do if I suspect my API key has been compromised?".
guidance('anthropic', {
  steps:
    "In the Claude Console, open the API keys page, choose the leaked key's menu and Delete API Key (permanent), then create a new key and store it in a secrets manager. An OAuth or session token is ended by signing that account out; review the Console's usage for calls you did not make.",
  url: 'https://support.claude.com/en/articles/8384961-what-should-i-do-if-i-suspect-my-api-key-has-been-compromised',
});
