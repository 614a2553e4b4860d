// Gitea and Forgejo access tokens: 40 hex (the same shape as a git SHA), so they are reported only
// after a Gitea/Forgejo variable name. https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens
// and https://forgejo.org/docs/latest/user/api-usage/ (token = 40 hex sha1 string).
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('gitea', [
  {
    id: 'gitea-access-token',
    name: 'Gitea or Forgejo access token',
    category: 'token',
    keywords: ['gitea', 'forgejo'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:gitea|forgejo)[\w.-]{0,20}?[ ]?(?:access[_-]?|api[_-]?)?(?:token|key|secret|password)${ASSIGN}(?:token\s)?([0-9a-f]{40})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'GITEA_TOKEN=8b4a4e3d2db2ff205cecad95a685ceedd7ecdd23',
          secret: '8b4a4e3d2db2ff205cecad95a685ceedd7ecdd23',
        },
        {
          text: 'forgejo_access_token: "fd37b5f8abb8d7f4466da9d5e8edc8903222d658"',
          secret: 'fd37b5f8abb8d7f4466da9d5e8edc8903222d658',
        },
      ],
      negatives: [
        'GITEA_TOKEN=${{ secrets.GITEA_TOKEN }}',
        'gitea commit 8b4a4e3d2db2ff205cecad95a685ceedd7ecdd23 fixes the mirror',
        'GITEA_SHA=8b4a4e3d2db2ff205cecad95a685ceedd7ecdd23',
        'https://gitea.acme.test/infra/deploy/commit/fd37b5f8abb8d7f4466da9d5e8edc8903222d658',
      ],
    },
  },
]);

// Revoke or rotate: Gitea or Forgejo documentation (the page this family file already cites for its key format).
guidance('gitea', {
  steps:
    "Sign in to Gitea or Forgejo and revoke (delete or regenerate) the leaked access token where Gitea or Forgejo manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Gitea or Forgejo's logs or usage for activity you do not recognise.",
  url: 'https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens',
});
