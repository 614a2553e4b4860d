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

// Revoke or rotate: Rollbar documentation (the page this family file already cites for its key format).
guidance('rollbar', {
  steps:
    "Sign in to Rollbar and revoke (delete or regenerate) the leaked access token where Rollbar manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Rollbar's logs or usage for activity you do not recognise.",
  url: 'https://docs.rollbar.com/reference/getting-started-1#authentication',
});
