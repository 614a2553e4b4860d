// Bugsnag credentials (no prefix): notifier API keys are 32 hex (Bugsnag-Api-Key header, apiKey in
// the notifier config); personal auth tokens for the Data Access API are UUIDs. Both are reported
// only after a Bugsnag name. https://docs.bugsnag.com/product/getting-started/#api-key and
// https://bugsnagapiv2.docs.apiary.io/#introduction/authentication
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const NAME = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])bugsnag[\w.-]{0,20}?[ ]?`;
const END = String.raw`(?:$|[^A-Za-z0-9_-])`;

export default family('bugsnag', [
  {
    id: 'bugsnag-api-key',
    name: 'Bugsnag notifier API key',
    category: 'api_key',
    keywords: ['bugsnag'],
    ignoreCase: true,
    pattern: String.raw`${NAME}(?:api[_-]?|notifier[_-]?)?key${ASSIGN}([0-9a-f]{32})${END}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'BUGSNAG_API_KEY=1f4e0bb314add8463917ba00b2e4fa29',
          secret: '1f4e0bb314add8463917ba00b2e4fa29',
        },
        {
          text: 'curl https://notify.bugsnag.com/ -H "Bugsnag-Api-Key: e7f17680b76eb9ded981e5f6646b4975" -d @report.json',
          secret: 'e7f17680b76eb9ded981e5f6646b4975',
        },
      ],
      negatives: [
        'BUGSNAG_API_KEY=${BUGSNAG_API_KEY}',
        'bugsnag error https://app.bugsnag.com/acme/web/errors/1f4e0bb314add8463917ba00',
        'bugsnag_release_sha=e7f17680b76eb9ded981e5f6646b4975',
      ],
    },
  },
  {
    id: 'bugsnag-auth-token',
    name: 'Bugsnag personal auth token',
    category: 'token',
    keywords: ['bugsnag'],
    ignoreCase: true,
    pattern: String.raw`${NAME}(?:auth[_-]?|api[_-]?|data[_-]?access[_-]?|personal[_-]?)?token${ASSIGN}(?:token\s)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${END}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'BUGSNAG_AUTH_TOKEN=42d2a07d-1592-4ac9-a68b-5f29bd577d13',
          secret: '42d2a07d-1592-4ac9-a68b-5f29bd577d13',
        },
        {
          text: 'bugsnagToken := "e9ffd04a-9353-4288-bfcb-7300a74f1347"',
          secret: 'e9ffd04a-9353-4288-bfcb-7300a74f1347',
        },
      ],
      negatives: [
        'BUGSNAG_AUTH_TOKEN=<personal-auth-token>',
        'https://app.bugsnag.com/acme/web/errors?filters[event.id]=e9ffd04a-9353-4288-bfcb-7300a74f1347',
        'bugsnag_project_id=42d2a07d-1592-4ac9-a68b-5f29bd577d13',
      ],
    },
  },
]);

// Revoke or rotate: Bugsnag documentation (the page this family file already cites for its key format).
guidance('bugsnag', {
  steps:
    "Sign in to Bugsnag and revoke (delete or regenerate) the leaked notifier API key or personal auth token where Bugsnag manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Bugsnag's logs or usage for activity you do not recognise.",
  url: 'https://docs.bugsnag.com/product/getting-started/#api-key',
});
