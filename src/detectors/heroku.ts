// Heroku API keys. Current platform keys are "HRKU-AA" + 58 chars; older keys are UUIDs,
// recognised only beside a Heroku key/token name.
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

export default family('heroku', [
  {
    id: 'heroku-platform-api-key',
    name: 'Heroku platform API key',
    category: 'api_key',
    keywords: ['hrku-aa'],
    pattern: String.raw`\b(HRKU-AA[0-9A-Za-z_-]{58})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'export HEROKU_API_KEY=HRKU-AArZaY-E2X24aa1R5GddHY5dtAGUhP_aXouj827Wg4xlr4FUl6fW_JiTwPcs',
          secret: 'HRKU-AArZaY-E2X24aa1R5GddHY5dtAGUhP_aXouj827Wg4xlr4FUl6fW_JiTwPcs',
        },
        '"token": "HRKU-AAZe8-SqLVdIAaV8ntiePSZ0_xOqe4srNp0uXpUQ1FMnh9kLsprL-tYXndiE"',
      ],
      negatives: [
        'HRKU-AAJJJpaYMBkuOE6Oo0E3UbMJMuGplhkiQ81FuBUG9q0cKoIZpuIf8nakF0v',
        'HRKU-AAJJJpaYMBkuOE6Oo0E3UbMJMuGplhkiQ81FuBUG9q0cKoIZpuIf8nakF0v1x',
        'HRKU-AA' + 'x'.repeat(58),
      ],
    },
  },
  {
    id: 'heroku-api-key',
    name: 'Heroku API key (legacy UUID format)',
    category: 'api_key',
    keywords: ['heroku'],
    pattern: String.raw`${ci('heroku')}[\w .-]{0,20}?${ci('(?:key|token|secret|pass|auth)')}[\w-]{0,10}${ASSIGN}([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'HEROKU_API_KEY=c3b55be9-4a7f-45c4-8809-e63baa0a7f9f',
          secret: 'c3b55be9-4a7f-45c4-8809-e63baa0a7f9f',
        },
        {
          text: 'const herokuToken = "a20f629e-261a-4741-8091-99226a8bbda3";',
          secret: 'a20f629e-261a-4741-8091-99226a8bbda3',
        },
      ],
      negatives: [
        'heroku_app_id = dc383a7e-b2ad-42d6-ae52-3f03e717fd59', // an app id, not a key
        'HEROKU_API_KEY=8dbb0171-8026-4fc6-9df6-b1eab903309',
        'api_key = 646e699c-379e-4112-9879-6e8468223a8b', // no Heroku name
      ],
    },
  },
]);

// Revoke or rotate: Heroku Help, "How should I generate an API key that allows me to use the Heroku Platform API?" (and the CLI's heroku authorizations:revoke).
guidance('heroku', {
  steps:
    "Revoke the leaked OAuth authorization with `heroku authorizations:revoke <id>` (list them with `heroku authorizations`), or regenerate the API key under Account settings in the Heroku Dashboard; changing the account password also ends it. Create a new authorization (`heroku authorizations:create`) for what needs one, update it there, and review the account's recent activity.",
  url: 'https://help.heroku.com/PBGP6IDE/how-should-i-generate-an-api-key-that-allows-me-to-use-the-heroku-platform-api/',
});
