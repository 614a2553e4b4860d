// Lokalise API tokens: 40 hex, reported only after a Lokalise token name.
// https://developers.lokalise.com/reference/api-authentication (maps: trufflehog
// pkg/detectors/lokalisetoken).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('lokalise', [
  {
    id: 'lokalise-api-token',
    name: 'Lokalise API token',
    category: 'token',
    keywords: ['lokalise'],
    pattern: String.raw`${NAME_START}(?:${ci('lokalise')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'LOKALISE_API_TOKEN=3b9369d430899a7fe780107808516a5064801db5',
          secret: '3b9369d430899a7fe780107808516a5064801db5',
        },
        {
          text: "curl https://api.lokalise.com/api2/projects -H 'X-Api-Token: x' # lokalise token: 40a9bee1b6a428cbcd690f09593890ec7e8177da",
          secret: '40a9bee1b6a428cbcd690f09593890ec7e8177da',
        },
      ],
      negatives: [
        'LOKALISE_API_TOKEN=${LOKALISE_API_TOKEN}',
        'LOKALISE_API_TOKEN=3b9369d430899a7fe780107808516a5064801db',
        'lokalise token fix merged in 3b9369d430899a7fe780107808516a5064801db50a',
      ],
    },
  },
]);

// Revoke or rotate: Lokalise documentation (the page this family file already cites for its key format).
guidance('lokalise', {
  steps:
    "Sign in to Lokalise and revoke (delete or regenerate) the leaked API token where Lokalise manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Lokalise's logs or usage for activity you do not recognise.",
  url: 'https://developers.lokalise.com/reference/api-authentication',
});
