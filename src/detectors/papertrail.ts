// Papertrail API tokens: 20 alphanumerics (no prefix), sent as X-Papertrail-Token; reported only
// after that header or a Papertrail token name.
// https://www.papertrail.com/help/http-api/#authentication
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('papertrail', [
  {
    id: 'papertrail-api-token',
    name: 'Papertrail API token',
    category: 'token',
    keywords: ['papertrail'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:x-papertrail-token|papertrail[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key))${ASSIGN}([A-Za-z0-9]{20})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'PAPERTRAIL_API_TOKEN=4NYANNNi3dIwvgN4hFAQ', secret: '4NYANNNi3dIwvgN4hFAQ' },
        {
          text: 'curl -H "X-Papertrail-Token: xes16JLvALCAUzkkCLWy" https://papertrailapp.com/api/v1/events/search.json',
          secret: 'xes16JLvALCAUzkkCLWy',
        },
      ],
      negatives: [
        'X-Papertrail-Token: ${PAPERTRAIL_API_TOKEN}',
        'papertrail_system_key=web01productioneuw1',
        'PAPERTRAIL_API_TOKEN=4NYANNNi3dIwvgN4hFAQz', // 21
      ],
    },
  },
]);

// Revoke or rotate: Papertrail documentation (the page this family file already cites for its key format).
guidance('papertrail', {
  steps:
    "Sign in to Papertrail and revoke (delete or regenerate) the leaked API token where Papertrail manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Papertrail's logs or usage for activity you do not recognise.",
  url: 'https://www.papertrail.com/help/http-api/#authentication',
});
