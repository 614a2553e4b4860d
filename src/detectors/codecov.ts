// Codecov repository upload tokens are UUIDs (no prefix): reported only after a Codecov name or the
// uploader's -t/--token flag. https://docs.codecov.com/docs/adding-the-codecov-token (CODECOV_TOKEN,
// "Repository upload token"); gitleaks codecov.go maps a Codecov keyword rule.
import { ASSIGN, family, near } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('codecov', [
  {
    id: 'codecov-upload-token',
    name: 'Codecov upload token',
    category: 'token',
    keywords: ['codecov'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])codecov[\w.-]{0,20}?[ ]?(?:upload[_-]?)?(?:token|key)${ASSIGN}|\s(?:-t|--token)[ =])['"]?(${UUID})(?:$|[^A-Za-z0-9_-])`,
    validate: (_s, ctx) => near(ctx, 200, ['codecov']),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CODECOV_TOKEN=1b644330-29ae-4d3e-bc50-79bce3123052',
          secret: '1b644330-29ae-4d3e-bc50-79bce3123052',
        },
        {
          text: '- uses: codecov/codecov-action@v4\n  with:\n    token: x\n    codecov_upload_token: "96fa3edb-bf89-4e54-a423-dda572562d33"',
          secret: '96fa3edb-bf89-4e54-a423-dda572562d33',
        },
        {
          text: './codecov upload-process -t 96fa3edb-bf89-4e54-a423-dda572562d33 -f coverage.xml',
          secret: '96fa3edb-bf89-4e54-a423-dda572562d33',
        },
      ],
      negatives: [
        'CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}',
        'codecov report https://app.codecov.io/gh/acme/api/commit/fd37b5f8abb8d7f4466da9d5e8edc8903222d658',
        'coverage upload -t 96fa3edb-bf89-4e54-a423-dda572562d33 -f coverage.xml', // no Codecov name
        'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
]);

// Revoke or rotate: Codecov documentation (the page this family file already cites for its key format).
guidance('codecov', {
  steps:
    "Sign in to Codecov and revoke (delete or regenerate) the leaked upload token where Codecov manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Codecov's logs or usage for activity you do not recognise.",
  url: 'https://docs.codecov.com/docs/adding-the-codecov-token',
});
