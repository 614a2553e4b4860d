// Mixpanel API secrets and service-account secrets: 32 alphanumerics, reported only after a
// Mixpanel secret name (project tokens are public).
// https://developer.mixpanel.com/reference/authentication
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('mixpanel', [
  {
    id: 'mixpanel-api-secret',
    name: 'Mixpanel API or service account secret',
    category: 'api_key',
    keywords: ['mixpanel'],
    pattern: String.raw`${NAME_START}(?:${ci('mixpanel')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')}|${ci('password')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MIXPANEL_SERVICE_ACCOUNT_SECRET=1A9aMc1m1TawN72nBFs60dFcl3hEoven',
          secret: '1A9aMc1m1TawN72nBFs60dFcl3hEoven',
        },
        {
          text: "mixpanel_api_secret: 'd6IJuNuZtKJFQ7YWiTlUgVyee00KqaFT'",
          secret: 'd6IJuNuZtKJFQ7YWiTlUgVyee00KqaFT',
        },
      ],
      negatives: [
        'MIXPANEL_API_SECRET=${MIXPANEL_API_SECRET}',
        'MIXPANEL_TOKEN=1A9aMc1m1TawN72nBFs60dFcl3hEoven',
        'MIXPANEL_API_SECRET=1A9aMc1m1TawN72nBFs60dFcl3hEove',
      ],
    },
  },
]);

// Revoke or rotate: Mixpanel documentation, "Service Accounts" (managed in Organization Settings > Service Accounts; they can be deleted and expire) and "Project Secret" (deprecated; found in the project's Access Keys settings).
guidance('mixpanel', {
  steps:
    "For a leaked service account secret, open Mixpanel Organization Settings > Service Accounts and delete that service account (or use the Service Accounts API), then create a new one with only the projects, role and expiry it needs. For a leaked legacy project secret (shown in the project's settings under Access Keys), move the integration to a service account and rotate or retire the project secret there. Update every script that used the old credentials and check the projects for imports or exports you do not recognise.",
  url: 'https://docs.mixpanel.com/reference/service-accounts',
});
