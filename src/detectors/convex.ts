// Convex deploy keys: "<prod|dev|preview>:<deployment name>|<token>", reported only after a Convex
// key name. https://docs.convex.dev/production/hosting/#deploy-keys
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('convex', [
  {
    id: 'convex-deploy-key',
    name: 'Convex deploy key',
    category: 'api_key',
    keywords: ['convex'],
    pattern: String.raw`${NAME_START}(?:${ci('convex')})[\w.-]{0,24}?[ \t]?(?:${ci('key')}|${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}((?:prod|dev|preview|project):[a-z0-9-]{3,64}\|[A-Za-z0-9_=+/-]{40,300})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: "CONVEX_DEPLOY_KEY='prod:quiet-otter-482|eyJ2MiI6IOd9wc33wNEF8tOv9du_qmhv9nG93iIpzsFkHHTECz2QzOxgwaPn7eUGo6VXSaC0vl0cvoj'",
          secret:
            'prod:quiet-otter-482|eyJ2MiI6IOd9wc33wNEF8tOv9du_qmhv9nG93iIpzsFkHHTECz2QzOxgwaPn7eUGo6VXSaC0vl0cvoj',
        },
        {
          text: "convex deploy --cmd 'npm run build' # convex key: prod:quiet-otter-482|eyJ2MiI6IpUo0gyM_IJdFuw99cfajSYUPoKq7ukVOzU2w2NEOGSLq3N0htLPRmF5iOP2bxfwvuKuHH9",
          secret:
            'prod:quiet-otter-482|eyJ2MiI6IpUo0gyM_IJdFuw99cfajSYUPoKq7ukVOzU2w2NEOGSLq3N0htLPRmF5iOP2bxfwvuKuHH9',
        },
      ],
      negatives: [
        'CONVEX_DEPLOY_KEY=${CONVEX_DEPLOY_KEY}',
        'CONVEX_URL=https://quiet-otter-482.convex.cloud',
        'CONVEX_DEPLOY_KEY=prod:quiet-otter-482|abc',
      ],
    },
  },
]);

// Revoke or rotate: Convex documentation (the page this family file already cites for its key format).
guidance('convex', {
  steps:
    "Sign in to Convex and revoke (delete or regenerate) the leaked deploy key where Convex manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Convex's logs or usage for activity you do not recognise.",
  url: 'https://docs.convex.dev/production/hosting/#deploy-keys',
});
