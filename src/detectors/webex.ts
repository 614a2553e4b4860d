// Webex bot and personal access tokens: 64 alphanumerics, "_", a 4-char cluster id, "_", the org
// UUID. https://developer.webex.com/docs/bots (maps: trufflehog pkg/detectors/webexbot).
import { EW, family } from './define.js';

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
]);
