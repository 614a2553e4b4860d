// Freshdesk API keys: 20 alphanumerics, reported only after a Freshdesk key name.
// https://developers.freshdesk.com/api/#authentication (maps: trufflehog pkg/detectors/freshdesk).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('freshdesk', [
  {
    id: 'freshdesk-api-key',
    name: 'Freshdesk API key',
    category: 'api_key',
    keywords: ['freshdesk'],
    pattern: String.raw`${NAME_START}(?:${ci('freshdesk')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{20})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'FRESHDESK_API_KEY=dAGoef1iBrV23DaFndk9',
          secret: 'dAGoef1iBrV23DaFndk9',
        },
        {
          text: 'freshdesk_secret: "frmmTvwaKkU9SozWUZBZ"',
          secret: 'frmmTvwaKkU9SozWUZBZ',
        },
      ],
      negatives: [
        'FRESHDESK_API_KEY=<api-key>',
        'FRESHDESK_API_KEY=dAGoef1iBrV23DaFndk',
        'freshdesk ticket https://acme.freshdesk.com/a/tickets/20931 about the api key',
      ],
    },
  },
]);

// Revoke or rotate: Freshdesk documentation (the page this family file already cites for its key format).
guidance('freshdesk', {
  steps:
    "Sign in to Freshdesk and revoke (delete or regenerate) the leaked API key where Freshdesk manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Freshdesk's logs or usage for activity you do not recognise.",
  url: 'https://developers.freshdesk.com/api/#authentication',
});
