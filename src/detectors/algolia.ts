// Algolia API keys: 32 lower-case hex with no prefix, recognised only after an Algolia name or the
// X-Algolia-API-Key header; the application id (10 upper-case alphanumerics) is the partner, not a
// secret. Admin and write keys are secrets; search-only keys are meant for browsers (low severity).
// https://www.algolia.com/doc/guides/security/api-keys/ (format: gitleaks rules/algolia.go)
import type { PartnerSpec } from '../engine/types.js';
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/**
 * An Algolia key works only with its application id (10 upper-case alphanumerics), named as
 * such or in the `<APPID>-dsn.algolia.net` host.
 */
const APP_ID: PartnerSpec = {
  kind: 'algolia-application-id',
  name: 'Algolia application ID',
  pattern: String.raw`(?:${ci('app')}(?:${ci('lication')})?[_.-]?${ci('id')}["'\x60]?\s{0,4}[:=]\s{0,4}["'\x60]?|//)([A-Z0-9]{10})\b`,
  within: 400,
};

export default family('algolia', [
  {
    id: 'algolia-admin-api-key',
    name: 'Algolia admin or write API key',
    category: 'api_key',
    keywords: ['algolia'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])algolia[\w.-]{0,16}(?:admin|write|secret|private)[\w.-]{0,8}(?:api[_.-]?)?key${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    partner: APP_ID,
    examples: {
      positives: [
        {
          text: 'ALGOLIA_ADMIN_API_KEY=28abc70e91efa4c9c665284cb0f07586',
          secret: '28abc70e91efa4c9c665284cb0f07586',
        },
        {
          text: 'ALGOLIA_APP_ID=S7EM4E9FH1\nalgolia_write_key: "39fcec500401863fae3b3141340ee74d"',
          secret: '39fcec500401863fae3b3141340ee74d',
        },
      ],
      negatives: [
        'ALGOLIA_ADMIN_API_KEY=${ALGOLIA_ADMIN_API_KEY}',
        'ALGOLIA_ADMIN_API_KEY=7caf35f7b606ecdd74316c01c0eecb0',
        'ALGOLIA_ADMIN_INDEX=aba9abfef34d1fd6322b239745856a14',
        'ALGOLIA_APP_ID=GU5M53HS6P',
      ],
    },
  },
  {
    id: 'algolia-api-key',
    name: 'Algolia API key',
    category: 'api_key',
    severity: 'medium',
    keywords: ['algolia'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:x-)?algolia[_.-]?api[_.-]?key${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    partner: APP_ID,
    examples: {
      positives: [
        {
          text: 'curl "https://3BAK5DKWQS-dsn.algolia.net/1/indexes/products/query" -H "X-Algolia-API-Key: 428ab33a3339762a9ac12a43128679b7" -H "X-Algolia-Application-Id: 3BAK5DKWQS"',
          secret: '428ab33a3339762a9ac12a43128679b7',
        },
        {
          text: 'ALGOLIA_API_KEY=706ab6151137259adf6342c785996483',
          secret: '706ab6151137259adf6342c785996483',
        },
      ],
      negatives: [
        'X-Algolia-API-Key: <api-key>',
        'ALGOLIA_API_KEY=b5c617f4ec9caf811bfe271322ca029b7',
        'https://dashboard.algolia.com/apps/H0QO73TFYH/api-keys/331b820acb2353aa7a603a1547b4fbb2',
      ],
    },
  },
  {
    id: 'algolia-search-api-key',
    name: 'Algolia search-only API key',
    category: 'api_key',
    severity: 'low',
    keywords: ['algolia', 'docsearch'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:algolia|docsearch)[\w.-]{0,16}search[\w.-]{0,8}(?:api[_.-]?)?key${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ALGOLIA_SEARCH_API_KEY=943fe86167e6e76f770d5f969dd80ffd',
          secret: '943fe86167e6e76f770d5f969dd80ffd',
        },
        {
          text: 'NEXT_PUBLIC_ALGOLIA_SEARCH_KEY="5fcfde8cfd65699c5acd52df979e91ee"',
          secret: '5fcfde8cfd65699c5acd52df979e91ee',
        },
      ],
      negatives: [
        'ALGOLIA_SEARCH_API_KEY=${ALGOLIA_SEARCH_API_KEY}',
        'ALGOLIA_SEARCH_INDEX=81f577b1665629e2ed1149e0bc8ea35d',
        'ALGOLIA_SEARCH_API_KEY=cc16324df5ce48b0e97a48ad9c4e1b',
      ],
    },
  },
]);

// Revoke or rotate: Algolia docs, "API keys" (Admin, Search-only and custom keys; managed in the dashboard's API Keys section).
guidance('algolia', {
  steps:
    "In the Algolia dashboard's API Keys section, regenerate the Admin API key if it leaked (the old one stops working at once, so update your back-end first) or delete a leaked custom key and create a narrower one; a search-only key is public by design, but restrict it by index, referrer and rate limit. Then check the indices and their operation logs for changes you did not make.",
  url: 'https://www.algolia.com/doc/guides/security/api-keys/',
});
