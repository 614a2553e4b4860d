// Webex bot and personal access tokens: 64 alphanumerics, "_", a 4-char cluster id, "_", the org
// UUID; integration client secrets (64 hex) after a Webex name.
// https://developer.webex.com/docs/bots (maps: trufflehog pkg/detectors/webexbot).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('webex', [
  {
    id: 'webex-access-token',
    name: 'Webex bot or personal access token',
    category: 'token',
    keywords: ['webex', 'ciscospark', 'spark_'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_-])([A-Za-z0-9]{64}_[A-Z0-9]{4}_${UUID})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'WEBEX_BOT_TOKEN=91uOCSx1eSJkcUnOCpAqt2ufwcIuMJDxXHLh16KINrUsIx229SZ9txAJGGEe8Odi_PF84_c0822b4e-496b-4585-b83d-9681f6bfd8a0',
          secret:
            '91uOCSx1eSJkcUnOCpAqt2ufwcIuMJDxXHLh16KINrUsIx229SZ9txAJGGEe8Odi_PF84_c0822b4e-496b-4585-b83d-9681f6bfd8a0',
        },
        {
          text: 'curl https://webexapis.com/v1/people/me -H "Authorization: Bearer kP74fkLlqWFJy3U8o0pKmmC6bZQLtkC82AM6IYnPRDz3TDZxXJDsAzQ9gVbVYYCn_P0A1_cf991a37-5fac-4e88-821a-4f004e960d24"',
          secret:
            'kP74fkLlqWFJy3U8o0pKmmC6bZQLtkC82AM6IYnPRDz3TDZxXJDsAzQ9gVbVYYCn_P0A1_cf991a37-5fac-4e88-821a-4f004e960d24',
        },
      ],
      negatives: [
        'webex token: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_PF84_00000000-0000-0000-0000-000000000000',
        'webex token: kP74fkLlqWFJy3U8o0pKmmC6bZQLtkC82AM6IYnPRDz3TDZxXJDsAzQ9gVbVYYC_PF84_cf991a37-5fac-4e88-821a-4f004e960d24', // 63
        'https://web.webex.com/meet/kP74fkLlqWFJy3U8o0pKmmC6bZQLtkC82AM6IYnP',
      ],
    },
  },
  {
    // Integration (OAuth) client secrets: 64 hex, only after a Webex secret/token name
    // (https://developer.webex.com/docs/integrations; maps: trufflehog pkg/detectors/webex).
    id: 'webex-client-secret',
    name: 'Webex integration client secret',
    category: 'credentials',
    keywords: ['webex'],
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])${ci('webex')}[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('token')})(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'WEBEX_CLIENT_ID=C5985146c95b449a04d7f12d8c36cedcf5cad78e614d7a97092cd7e59b6118909\nWEBEX_CLIENT_SECRET=4bcdc7b276bf311f6d27b56ab3218023dd544d375321e256d013c5f3c726ceb9',
          secret: '4bcdc7b276bf311f6d27b56ab3218023dd544d375321e256d013c5f3c726ceb9',
        },
        {
          text: "webex_secret: '5985146c95b449a04d7f12d8c36cedcf5cad78e614d7a97092cd7e59b6118909'",
          secret: '5985146c95b449a04d7f12d8c36cedcf5cad78e614d7a97092cd7e59b6118909',
        },
      ],
      negatives: [
        'WEBEX_CLIENT_SECRET=${WEBEX_CLIENT_SECRET}',
        'WEBEX_CLIENT_ID=C5985146c95b449a04d7f12d8c36cedcf5cad78e614d7a97092cd7e59b6118909',
        'webex token - redirect_uri_mismatch',
      ],
    },
  },
]);

// Revoke or rotate: Webex documentation (the page this family file already cites for its key format).
guidance('webex', {
  steps:
    "Sign in to Webex and revoke (delete or regenerate) the leaked bot or personal access token or integration client secret where Webex manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Webex's logs or usage for activity you do not recognise.",
  url: 'https://developer.webex.com/docs/bots',
});
