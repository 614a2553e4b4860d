// Mixpanel API secrets and service-account secrets: 32 alphanumerics, reported only after a Mixpanel
// secret name (project tokens are public). https://developer.mixpanel.com/reference/authentication
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mixpanel', [
  {
    id: 'mixpanel-api-secret',
    name: 'Mixpanel API or service account secret',
    category: 'api_key',
    keywords: ['mixpanel'],
    pattern: String.raw`${NAME_START}(?:${ci('mixpanel')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('password')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MIXPANEL_SERVICE_ACCOUNT_SECRET=pIvWz1SYcLDwJyCpZVgXNnSHWoipaDrF',
          secret: 'pIvWz1SYcLDwJyCpZVgXNnSHWoipaDrF',
        },
        {
          text: "mixpanel_api_secret: 'mZlqMUQpQfGqQRwYYu0YkZXxxBAPs7dZ'",
          secret: 'mZlqMUQpQfGqQRwYYu0YkZXxxBAPs7dZ',
        },
      ],
      negatives: [
        'MIXPANEL_API_SECRET=${MIXPANEL_API_SECRET}',
        'MIXPANEL_TOKEN=pIvWz1SYcLDwJyCpZVgXNnSHWoipaDrF',
        'MIXPANEL_API_SECRET=pIvWz1SYcLDwJyCpZVgXNnSHWoipaDr',
      ],
    },
  },
]);
