// FOSSA API keys: 32 hex (no prefix), read from FOSSA_API_KEY or `fossa analyze --fossa-api-key`;
// reported only after those names. https://docs.fossa.com/docs/api-reference (API tokens) and
// https://github.com/fossas/fossa-cli (FOSSA_API_KEY, --fossa-api-key).
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('fossa', [
  {
    id: 'fossa-api-key',
    name: 'FOSSA API key',
    category: 'api_key',
    keywords: ['fossa'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])-{0,2}fossa[\w.-]{0,12}?(?:api[_-]?)?(?:key|token)${ASSIGN}([0-9a-f]{32})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'FOSSA_API_KEY=96174c73ee02992bf7a997f653160cbb',
          secret: '96174c73ee02992bf7a997f653160cbb',
        },
        {
          text: 'fossa analyze --fossa-api-key 03aee8dccc5b14d9c5e1b8fce0bed178 --project acme/web',
          secret: '03aee8dccc5b14d9c5e1b8fce0bed178',
        },
      ],
      negatives: [
        'FOSSA_API_KEY=${{ secrets.FOSSA_API_KEY }}',
        'fossa revision 96174c73ee02992bf7a997f653160cbb',
        'https://app.fossa.com/projects/custom%2B1234%2Fweb/refs/branch/main/03aee8dccc5b14d9c5e1b8fce0bed178',
      ],
    },
  },
]);

// Revoke or rotate: FOSSA documentation (the page this family file already cites for its key format).
guidance('fossa', {
  steps:
    "Sign in to FOSSA and revoke (delete or regenerate) the leaked API key where FOSSA manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check FOSSA's logs or usage for activity you do not recognise.",
  url: 'https://docs.fossa.com/docs/api-reference',
});
