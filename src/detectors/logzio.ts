// Logz.io tokens (no prefix): API tokens are UUIDs (X-API-TOKEN header); data shipping tokens are
// 32 letters (listener URLs take them as ?token=). Reported only after a Logz.io name, header or
// listener URL. https://docs.logz.io/docs/user-guide/admin/authentication-tokens/api-tokens/ and
// https://docs.logz.io/docs/user-guide/admin/authentication-tokens/shipping-tokens/
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LOGZ = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])logz(?:io|[_.-]io)?[\w.-]{0,20}?[ ]?`;

export default family('logzio', [
  {
    id: 'logzio-api-token',
    name: 'Logz.io API token',
    category: 'token',
    keywords: ['logz'],
    ignoreCase: true,
    pattern: String.raw`${LOGZ}(?:api[_-]?)?(?:token|key)${ASSIGN}(${UUID})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'LOGZIO_API_TOKEN=b545a693-f725-46db-b2d3-28f674b57d35',
          secret: 'b545a693-f725-46db-b2d3-28f674b57d35',
        },
        {
          text: 'logz_io:\n  region: eu\nlogzio_api_key: "b545a693-f725-46db-b2d3-28f674b57d35"',
          secret: 'b545a693-f725-46db-b2d3-28f674b57d35',
        },
      ],
      negatives: [
        'LOGZIO_API_TOKEN=${LOGZIO_API_TOKEN}',
        'https://app.logz.io/#/dashboard/osd/discover/b545a693-f725-46db-b2d3-28f674b57d35',
        'LOGZIO_API_TOKEN=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'logzio-shipping-token',
    name: 'Logz.io data shipping token',
    category: 'token',
    keywords: ['logz'],
    ignoreCase: true,
    pattern: String.raw`(?:${LOGZ}(?:shipping[_-]?|listener[_-]?|logs[_-]?|metrics[_-]?)?token${ASSIGN}|\.logz\.io(?::\d{2,5})?/?\?token=)([a-z]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'LOGZIO_TOKEN=ZfQmCQgmyDCtVNJarIFWkcbPbSKgHaXk',
          secret: 'ZfQmCQgmyDCtVNJarIFWkcbPbSKgHaXk',
        },
        {
          text: 'curl -X POST "https://listener.logz.io:8071/?token=IvelRbycXGCQKLyXQLblDlzhlwELZmbR&type=app" -d @events.json',
          secret: 'IvelRbycXGCQKLyXQLblDlzhlwELZmbR',
        },
      ],
      negatives: [
        'LOGZIO_TOKEN=<<LOG-SHIPPING-TOKEN>>',
        'https://listener.logz.io:8071/?token=${LOGZIO_TOKEN}&type=app',
        'logzio_shipping_token: abcdefghijklmnopqrstuvwxyzabcdef',
      ],
    },
  },
]);

// Revoke or rotate: Logz.io documentation (the page this family file already cites for its key format).
guidance('logzio', {
  steps:
    "Sign in to Logz.io and revoke (delete or regenerate) the leaked API token or data shipping token where Logz.io manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Logz.io's logs or usage for activity you do not recognise.",
  url: 'https://docs.logz.io/docs/user-guide/admin/authentication-tokens/api-tokens/',
});
