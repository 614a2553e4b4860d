// Rollbar access tokens: 32 hex (no prefix), sent as X-Rollbar-Access-Token; reported only after a
// Rollbar name or that header. https://docs.rollbar.com/reference/getting-started-1#authentication
// and https://docs.rollbar.com/docs/access-tokens
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('rollbar', [
  {
    id: 'rollbar-access-token',
    name: 'Rollbar access token',
    category: 'token',
    keywords: ['rollbar'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:rollbar[\w.-]{0,20}?[ ]?(?:access[_-]?|server[_-]?|client[_-]?|post[_-]?|read[_-]?|write[_-]?|project[_-]?)?(?:token|key)|x-rollbar-access-token)${ASSIGN}([0-9a-f]{32})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ROLLBAR_ACCESS_TOKEN=7bd64f8295b64a3d6674f0bf0aeb1357',
          secret: '7bd64f8295b64a3d6674f0bf0aeb1357',
        },
        {
          text: 'curl https://api.rollbar.com/api/1/items -H "X-Rollbar-Access-Token: e7f17680b76eb9ded981e5f6646b4975"',
          secret: 'e7f17680b76eb9ded981e5f6646b4975',
        },
        {
          text: 'Rollbar.init({ accessToken: "x" });\nrollbar_post_server_item_token: 7bd64f8295b64a3d6674f0bf0aeb1357',
          secret: '7bd64f8295b64a3d6674f0bf0aeb1357',
        },
      ],
      negatives: [
        'ROLLBAR_ACCESS_TOKEN=${ROLLBAR_ACCESS_TOKEN}',
        'https://rollbar.com/acme/web/items/1234/occurrences/7bd64f8295b64a3d6674f0bf0aeb1357/',
        'rollbar_code_version=7bd64f8295b64a3d6674f0bf0aeb1357',
      ],
    },
  },
]);

// Revoke or rotate: Rollbar documentation, "API overview" (project access tokens are administered in the project's Settings > Project Access Tokens; account tokens at account level).
guidance('rollbar', {
  steps:
    "In Rollbar open the project's Settings > Project Access Tokens (for an account-level token, the account's API access tokens settings), disable or delete the leaked token, and add a new one with only the scopes it needs (for example post_server_item for a server SDK, read for reporting). Update every service that used the old token and review the project for items, deploys or settings changes you do not recognise.",
  url: 'https://rollbar.com/docs/api_overview',
});
