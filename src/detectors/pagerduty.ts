// PagerDuty credentials (no distinctive prefix): REST API keys are 20 chars of [A-Za-z0-9_+-] (user
// tokens start "u+"), sent as "Authorization: Token token=<key>"; Events API integration (routing)
// keys are 32 hex. All are reported only after a PagerDuty name or that header form.
// https://support.pagerduty.com/main/docs/api-access-keys and
// https://developer.pagerduty.com/docs/events-api-v2-overview ; trufflehog
// pkg/detectors/pagerdutyapikey maps the u+ shape.
import { ASSIGN, family, near } from './define.js';
import { guidance } from './guidance.js';

const PD = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:pagerduty|pager_duty|pd)[\w.-]{0,20}?[ ]?`;
const HEADER = String.raw`token\s?token=`;
const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;
const nearPd = (_s: string, ctx: Parameters<typeof near>[0]): boolean =>
  near(ctx, 200, ['pagerduty', 'pager_duty']);

export default family('pagerduty', [
  {
    id: 'pagerduty-user-api-token',
    name: 'PagerDuty user API token',
    category: 'token',
    keywords: ['pagerduty', 'pager_duty', 'token token='],
    ignoreCase: true,
    pattern: String.raw`(?:${PD}(?:api[_-]?|user[_-]?)?(?:token|key)${ASSIGN}|${HEADER})(u\+[A-Za-z0-9_-]{18})${END}`,
    validate: nearPd,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'PAGERDUTY_TOKEN=u+PQovx-CQ3lXRjZSbci', secret: 'u+PQovx-CQ3lXRjZSbci' },
        {
          text: 'curl https://api.pagerduty.com/incidents -H "Authorization: Token token=u+kwPQaEJTKu_O1Yq0kU"',
          secret: 'u+kwPQaEJTKu_O1Yq0kU',
        },
      ],
      negatives: [
        'PAGERDUTY_TOKEN=${PAGERDUTY_TOKEN}',
        "pagerduty keyword is not close to the key\n = 'u+PQovx-CQ3lXRjZSbci'",
        'emoji U+1F600 in the pagerduty incident title',
      ],
    },
  },
  {
    id: 'pagerduty-api-key',
    name: 'PagerDuty REST API key',
    category: 'api_key',
    keywords: ['pagerduty', 'pager_duty', 'token token='],
    ignoreCase: true,
    pattern: String.raw`(?:${PD}(?:api[_-]?|rest[_-]?)?(?:token|key)${ASSIGN}|${HEADER})([A-Za-z0-9_+-]{20})${END}`,
    validate: (s, ctx) =>
      !s.startsWith('u+') && /[A-Z]/.test(s) && /[a-z]/.test(s) && nearPd(s, ctx),
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'PAGERDUTY_API_KEY=TaZSXtlLtTTXaUBhxnXR', secret: 'TaZSXtlLtTTXaUBhxnXR' },
        {
          text: 'pagerduty:\n  service: web\npagerduty_api_token: "JX0KXlxRcmvPVb3KTWd2"',
          secret: 'JX0KXlxRcmvPVb3KTWd2',
        },
      ],
      negatives: [
        'PAGERDUTY_API_KEY=<read-only-api-key>',
        'PAGERDUTY_SERVICE_ID=PXXXXXX',
        'pagerduty_api_key: "pagerduty-prod-key-2"', // a name, single case
      ],
    },
  },
  {
    id: 'pagerduty-integration-key',
    name: 'PagerDuty Events API integration key',
    category: 'api_key',
    keywords: ['pagerduty', 'pager_duty', 'routing_key'],
    ignoreCase: true,
    pattern: String.raw`(?:${PD}(?:integration|routing|service|events?)[_-]?key|routing_key)${ASSIGN}([0-9a-f]{32})(?:$|[^A-Za-z0-9_-])`,
    validate: nearPd,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PAGERDUTY_INTEGRATION_KEY=e3f2354bb9c76d0ea984f2a4cf65c3e9',
          secret: 'e3f2354bb9c76d0ea984f2a4cf65c3e9',
        },
        {
          text: 'curl -X POST https://events.pagerduty.com/v2/enqueue -d \'{"routing_key": "e560f3ec1bed45ea6ebe43a0d481679d", "event_action": "trigger"}\'',
          secret: 'e560f3ec1bed45ea6ebe43a0d481679d',
        },
      ],
      negatives: [
        '{"routing_key": "e560f3ec1bed45ea6ebe43a0d481679d"}', // no PagerDuty context
        'PAGERDUTY_INTEGRATION_KEY=${PD_KEY}',
        'pagerduty incident https://acme.pagerduty.com/incidents/Q1W2E3R4T5Y6U7 trace e3f2354bb9c76d0ea984f2a4cf65c3e9',
      ],
    },
  },
]);

// Revoke or rotate: PagerDuty Support, "API Access Keys".
guidance('pagerduty', {
  steps:
    "In PagerDuty (Integrations > Developer Tools > API Access Keys) an admin disables, then deletes, the leaked general-access REST API key; a user API token is removed from that user's profile (User Settings), and a leaked Events API integration key is replaced by regenerating the service integration's key. Create a read-only replacement where possible and check the account's audit records for changes you did not make.",
  url: 'https://support.pagerduty.com/docs/using-the-api',
});
