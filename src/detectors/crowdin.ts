// Crowdin personal access tokens: 80 hex, reported only after a Crowdin token name.
// https://support.crowdin.com/account-settings/#api (maps: trufflehog pkg/detectors/crowdin).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('crowdin', [
  {
    id: 'crowdin-personal-access-token',
    name: 'Crowdin personal access token',
    category: 'token',
    keywords: ['crowdin'],
    pattern: String.raw`${NAME_START}(?:${ci('crowdin')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{80})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CROWDIN_PERSONAL_TOKEN=845dadbac09442ed8a8ca0381e3bc43df5513224257510d0fa0405878a6fee09cf2ec42589165b9f',
          secret:
            '845dadbac09442ed8a8ca0381e3bc43df5513224257510d0fa0405878a6fee09cf2ec42589165b9f',
        },
        {
          text: 'crowdin:\n  api_token: "bce713bc5cd842165a405acc7e9bea8198cf45ac670528c5a7d396125e952c1d114f42662f27de14"\ncrowdin_token: "bce713bc5cd842165a405acc7e9bea8198cf45ac670528c5a7d396125e952c1d114f42662f27de14"',
          secret:
            'bce713bc5cd842165a405acc7e9bea8198cf45ac670528c5a7d396125e952c1d114f42662f27de14',
        },
      ],
      negatives: [
        'CROWDIN_PERSONAL_TOKEN=${CROWDIN_PERSONAL_TOKEN}',
        'CROWDIN_PERSONAL_TOKEN=845dadbac09442ed8a8ca0381e3bc43df5513224257510d0fa0405878a6fee09cf2ec42589165b9',
        'crowdin token doc: https://crowdin.com/settings#api-key',
      ],
    },
  },
]);

// Revoke or rotate: Crowdin documentation (the page this family file already cites for its key format).
guidance('crowdin', {
  steps:
    "Sign in to Crowdin and revoke (delete or regenerate) the leaked personal access token where Crowdin manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Crowdin's logs or usage for activity you do not recognise.",
  url: 'https://support.crowdin.com/account-settings/#api',
});
