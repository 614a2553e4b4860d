// Opsgenie API keys are UUIDs (no prefix), sent as "Authorization: GenieKey <key>"; reported only
// after an Opsgenie name or that header. https://docs.opsgenie.com/docs/authentication ; trufflehog
// pkg/detectors/opsgenie maps the keyword + UUID shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('opsgenie', [
  {
    id: 'opsgenie-api-key',
    name: 'Opsgenie API key',
    category: 'api_key',
    keywords: ['opsgenie', 'geniekey'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])opsgenie[\w.-]{0,20}?[ ]?(?:api[_-]?|integration[_-]?)?(?:token|key)${ASSIGN}|geniekey\s{1,3})(${UUID})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'OPSGENIE_API_KEY=7009282d-0d17-4cfd-9029-13e9dbaedc5c',
          secret: '7009282d-0d17-4cfd-9029-13e9dbaedc5c',
        },
        {
          text: 'curl -X POST https://api.opsgenie.com/v2/alerts -H "Authorization: GenieKey 5f99e1c1-fcd8-4df4-839d-2f0d180f8d09"',
          secret: '5f99e1c1-fcd8-4df4-839d-2f0d180f8d09',
        },
      ],
      negatives: [
        'OPSGENIE_API_KEY=${OPSGENIE_API_KEY}',
        'https://acme.app.opsgenie.com/alert/detail/7009282d-0d17-4cfd-9029-13e9dbaedc5c/details',
        "opsgenie keyword is not close to the key\n = '7009282d-0d17-4cfd-9029-13e9dbaedc5c'",
      ],
    },
  },
]);

// Revoke or rotate: Opsgenie documentation (the page this family file already cites for its key format).
guidance('opsgenie', {
  steps:
    "Sign in to Opsgenie and revoke (delete or regenerate) the leaked API key where Opsgenie manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Opsgenie's logs or usage for activity you do not recognise.",
  url: 'https://docs.opsgenie.com/docs/authentication',
});
