// Railway tokens are UUIDs (no prefix): RAILWAY_TOKEN holds a project token, RAILWAY_API_TOKEN an
// account or team token. Reported only after a Railway token name (a bare UUID after "railway" is
// as likely a project or service id). https://docs.railway.com/guides/public-api#creating-a-token
// and https://docs.railway.com/guides/cli#tokens
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('railway', [
  {
    id: 'railway-token',
    name: 'Railway API or project token',
    category: 'token',
    keywords: ['railway'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])railway[\w.-]{0,20}?[ ]?(?:api[_-]?|project[_-]?|team[_-]?)?(?:token|key|secret)${ASSIGN}(?:Bearer\s)?(${UUID})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'RAILWAY_TOKEN=c88e3857-6bc3-46ad-9987-652bf8fc4d99',
          secret: 'c88e3857-6bc3-46ad-9987-652bf8fc4d99',
        },
        {
          text: 'railway_api_token: "d3f8cf06-ea31-49d9-9df1-b145f23b9dbe"',
          secret: 'd3f8cf06-ea31-49d9-9df1-b145f23b9dbe',
        },
      ],
      negatives: [
        'RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}',
        'RAILWAY_PROJECT_ID=c88e3857-6bc3-46ad-9987-652bf8fc4d99',
        'https://railway.com/project/d3f8cf06-ea31-49d9-9df1-b145f23b9dbe/service/c88e3857-6bc3-46ad-9987-652bf8fc4d99',
      ],
    },
  },
]);

// Revoke or rotate: Railway documentation (the page this family file already cites for its key format).
guidance('railway', {
  steps:
    "Sign in to Railway and revoke (delete or regenerate) the leaked API or project token where Railway manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Railway's logs or usage for activity you do not recognise.",
  url: 'https://docs.railway.com/guides/public-api#creating-a-token',
});
