// Loggly customer tokens are UUIDs (no prefix); they appear in the input URL
// (logs-01.loggly.com/inputs/<token>/tag/...) or after a Loggly name.
// https://documentation.solarwinds.com/en/success_center/loggly/content/admin/customer-token-authentication-token.htm
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('loggly', [
  {
    id: 'loggly-customer-token',
    name: 'Loggly customer token',
    category: 'token',
    keywords: ['loggly'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])loggly[\w.-]{0,20}?[ ]?(?:customer[_-]?|input[_-]?)?(?:token|key)${ASSIGN}|loggly\.com/(?:inputs|bulk)/)(${UUID})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'LOGGLY_TOKEN=7c3cb6b7-b36f-482b-9015-98aa0f26d4e1',
          secret: '7c3cb6b7-b36f-482b-9015-98aa0f26d4e1',
        },
        {
          text: 'curl -H "content-type:text/plain" -d "deploy ok" http://logs-01.loggly.com/inputs/52e4fed4-4219-4f52-8cb4-c9c59cdbc916/tag/http/',
          secret: '52e4fed4-4219-4f52-8cb4-c9c59cdbc916',
        },
      ],
      negatives: [
        'LOGGLY_TOKEN=${LOGGLY_TOKEN}',
        'https://acme.loggly.com/search#terms=&from=-20m&source_group=&savedsearchid=52e4fed4-4219-4f52-8cb4-c9c59cdbc916',
        "loggly keyword is not close to the key\n = '7c3cb6b7-b36f-482b-9015-98aa0f26d4e1'",
      ],
    },
  },
]);

// Revoke or rotate: Loggly documentation (the page this family file already cites for its key format).
guidance('loggly', {
  steps:
    "Sign in to Loggly and revoke (delete or regenerate) the leaked customer token where Loggly manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Loggly's logs or usage for activity you do not recognise.",
  url: 'https://documentation.solarwinds.com/en/success_center/loggly/content/admin/customer-token-authentication-token.htm',
});
