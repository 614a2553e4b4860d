// Help Scout API keys and app secrets: 32-40 alphanumerics, reported only after a Help Scout name.
// https://developer.helpscout.com/mailbox-api/overview/authentication/ (maps: trufflehog pkg/detectors/helpscout).
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('helpscout', [
  {
    id: 'helpscout-api-key',
    name: 'Help Scout API key or app secret',
    category: 'api_key',
    keywords: ['helpscout', 'help_scout', 'help-scout'],
    pattern: String.raw`${NAME_START}(?:${ci('helpscout')}|${ci('help_scout')}|${ci('help-scout')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9]{32,40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'HELPSCOUT_APP_SECRET=q8cmw4blzj5pe1j1vo9ofgl2mfayy1egk7xrnjhg',
          secret: 'q8cmw4blzj5pe1j1vo9ofgl2mfayy1egk7xrnjhg',
        },
        {
          text: 'helpscout_secret: "k991thdy2qwr2yywfqxsspqntuj0mc0bx7llkjad"',
          secret: 'k991thdy2qwr2yywfqxsspqntuj0mc0bx7llkjad',
        },
      ],
      negatives: [
        'HELPSCOUT_APP_SECRET=<secret>',
        'HELPSCOUT_APP_SECRET=abc123',
        'helpscout key docs https://secure.helpscout.net/settings/api-keys/q8cmw4blzj5pe1j1vo9ofgl2mfayy1egk7xrnjhg',
      ],
    },
  },
]);
