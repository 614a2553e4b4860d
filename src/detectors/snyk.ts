// Snyk API tokens are UUIDs: only after a Snyk name or `snyk auth`.
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('snyk', [
  {
    id: 'snyk-api-token',
    name: 'Snyk API token',
    category: 'token',
    keywords: ['snyk'],
    ignoreCase: true,
    pattern: String.raw`snyk(?:[\w.-]{0,12}(?:token|key)${ASSIGN}|\s{1,3}auth\s{1,3})([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    examples: {
      positives: [
        {
          text: 'set SNYK_API_TOKEN=d041c6d8-8ffb-4b45-9cdf-722ab42a7fbf',
          secret: 'd041c6d8-8ffb-4b45-9cdf-722ab42a7fbf',
        },
        {
          text: 'snyk auth af888211-03e7-41af-b461-8d865b519633',
          secret: 'af888211-03e7-41af-b461-8d865b519633',
        },
        {
          text: 'env:\n  SNYK_TOKEN: "d041c6d8-8ffb-4b45-9cdf-722ab42a7fbf"',
          secret: 'd041c6d8-8ffb-4b45-9cdf-722ab42a7fbf',
        },
      ],
      negatives: [
        'SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}',
        'SNYK_TOKEN=00000000-0000-0000-0000-000000000000',
        'snyk test --org=d041c6d8-8ffb-4b45-9cdf-722ab42a7fbf', // an org id, not an assignment to a token name
        'trace af888211-03e7-41af-b461-8d865b519633',
      ],
    },
  },
]);

// Revoke or rotate: Snyk docs, "Revoke and regenerate a Snyk API token".
guidance('snyk', {
  steps:
    "In Snyk open your General Account Settings (app.snyk.io/account) and click Revoke & Regenerate: the leaked API token stops working at once and a new one replaces it; a leaked service account token is revoked on the organization's or group's Service accounts page. Update the CLI, CI and integrations that used it.",
  url: 'https://docs.snyk.io/snyk-api/authentication-for-api/revoke-and-regenerate-a-snyk-api-token',
});
