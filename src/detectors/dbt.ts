// dbt Cloud (dbt platform) API tokens: personal access tokens "dbtu_" and service account tokens
// "dbtc_", each + 50 base64url chars. https://docs.getdbt.com/docs/dbt-apis/user-tokens and
// https://docs.getdbt.com/docs/dbt-apis/service-tokens (prefixes as issued by dbt Cloud).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('dbt', [
  {
    id: 'dbt-cloud-personal-access-token',
    name: 'dbt Cloud personal access token',
    category: 'token',
    keywords: ['dbtu_'],
    pattern: String.raw`\b(dbtu_[A-Za-z0-9_-]{40,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'dbtu_FqrlTj1c6UT4k5yX26UO0e1H--TJ6Vx2iOhQbdUQLcUPXgnFzL',
        {
          text: 'export DBT_CLOUD_API_TOKEN=dbtu_4W9OLhC7izSwKl53QACo1smnEMHoLYxO75rqd4YJEz9lyMKfeS',
          secret: 'dbtu_4W9OLhC7izSwKl53QACo1smnEMHoLYxO75rqd4YJEz9lyMKfeS',
        },
      ],
      negatives: [
        'export DBT_TOKEN="dbtu_..."',
        'token-value: "dbtu_YOUR_API_TOKEN_HERE"',
        'dbtu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'dbt-cloud-service-token',
    name: 'dbt Cloud service account token',
    category: 'token',
    keywords: ['dbtc_'],
    pattern: String.raw`\b(dbtc_[A-Za-z0-9_-]{40,64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'dbtc_QJjneqzrBUccFaUdcQPiFjMACdB92KYYVSAwoGD00yOQZDVKiq',
        {
          text: 'curl https://cloud.getdbt.com/api/v2/accounts/ -H "Authorization: Token dbtc_MEfmVn7nRDMd5tS4TCQj4sFmy5BcnBbzPyu21jWw1e61xopQaO"',
          secret: 'dbtc_MEfmVn7nRDMd5tS4TCQj4sFmy5BcnBbzPyu21jWw1e61xopQaO',
        },
      ],
      negatives: [
        'DBT_CLOUD_SERVICE_TOKEN=dbtc_test_token',
        'lndbtc_ok = lndMap["BTC"]["error"] == ""',
        'dbtc_0000000000000000000000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: dbt Cloud documentation (the page this family file already cites for its key format).
guidance('dbt', {
  steps:
    "Sign in to dbt Cloud and revoke (delete or regenerate) the leaked personal access token or service account token where dbt Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check dbt Cloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.getdbt.com/docs/dbt-apis/user-tokens',
});
