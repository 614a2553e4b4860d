// HubSpot private app access tokens: "pat-<region>-<uuid>"; legacy API keys (hapikey) are bare
// UUIDs, taken only under a HubSpot API-key name. https://developers.hubspot.com/docs/api/private-apps
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export default family('hubspot', [
  {
    id: 'hubspot-private-app-token',
    name: 'HubSpot private app access token',
    category: 'token',
    keywords: ['pat-'],
    pattern: String.raw`\b(pat-[a-z]{2}[0-9]-${UUID})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'pat-na1-0408281c-58fd-4776-a38c-d8c2eb08527e',
        {
          text: 'curl https://api.hubapi.com/crm/v3/objects/contacts -H "Authorization: Bearer pat-eu1-249d3291-ef2c-4410-a833-ae6891dbec70"',
          secret: 'pat-eu1-249d3291-ef2c-4410-a833-ae6891dbec70',
        },
      ],
      negatives: [
        'pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        'pat-na1-0408281c-58fd-4776-a38c', // cut short
        'pat-down-0408281c-58fd-4776-a38c-d8c2eb08527e',
      ],
    },
  },
  {
    id: 'hubspot-api-key',
    name: 'HubSpot API key (legacy hapikey)',
    category: 'api_key',
    keywords: ['hapikey', 'hubspot'],
    ignoreCase: true,
    pattern: String.raw`(?:hubspot[\w.-]{0,20}(?:api[_-]?key|apikey)|hapikey)${ASSIGN}(${UUID})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'HUBSPOT_API_KEY=e00f64e7-e2fc-49ac-9c94-23ec28046869',
          secret: 'e00f64e7-e2fc-49ac-9c94-23ec28046869',
        },
        {
          text: 'GET https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=a95396f4-29c8-4b5c-b9e6-9d1de4f5db10&count=10',
          secret: 'a95396f4-29c8-4b5c-b9e6-9d1de4f5db10',
        },
      ],
      negatives: [
        'hubspot form id: e00f64e7-e2fc-49ac-9c94-23ec28046869', // form GUIDs are not keys
        'HUBSPOT_API_KEY=12345678-ABCD-ABCD-ABCD-1234567890AB',
        'hapikey=${HAPI_KEY}',
      ],
    },
  },
]);

// Revoke or rotate: HubSpot developer docs, "Private apps" (an access token is rotated on the app's Auth tab).
guidance('hubspot', {
  steps:
    "As a HubSpot super admin open the private (legacy) app (Development > Legacy apps, or Settings > Integrations > Private Apps), go to its Auth tab and rotate the access token, choosing to expire the leaked one now. If a legacy API key (hapikey) leaked, deactivate it in the account's settings and move the integration to a private app. Update the integrations that used it and check the CRM's audit logs for changes you did not make.",
  url: 'https://developers.hubspot.com/docs/api/private-apps',
});
