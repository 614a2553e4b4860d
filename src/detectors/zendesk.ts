// Zendesk API tokens: 40 alphanumerics, reported only after a Zendesk token name.
// https://developer.zendesk.com/api-reference/introduction/security-and-auth/ (maps: gitleaks
// zendesk.go).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('zendesk', [
  {
    id: 'zendesk-api-token',
    name: 'Zendesk API token',
    category: 'api_key',
    keywords: ['zendesk'],
    pattern: String.raw`${NAME_START}(?:${ci('zendesk')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'ZENDESK_API_TOKEN=qVoHD6rc0JZKMTMh7UjjdwrBEQ5EallvRVlv5Rop',
          secret: 'qVoHD6rc0JZKMTMh7UjjdwrBEQ5EallvRVlv5Rop',
        },
        {
          text: 'zendesk:\n  subdomain: acme\n  api_token: x\nzendesk_token: "zCdZ2Z50qSwjOObDemLkbZlQ2g8KHNrMPxuBkfJa"',
          secret: 'zCdZ2Z50qSwjOObDemLkbZlQ2g8KHNrMPxuBkfJa',
        },
      ],
      negatives: [
        'ZENDESK_API_TOKEN=<your-zendesk-api-token>',
        'zendesk token rotated, ticket https://acme.zendesk.com/agent/tickets/48213 commit 3f9a1c7e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a',
        'ZENDESK_API_TOKEN=qVoHD6rc0JZKMTMh7UjjdwrBEQ5EallvRVlv5Ro',
      ],
    },
  },
]);

// Revoke or rotate: Zendesk help, "Generating a new API token" (support.zendesk.com article 226022787): tokens are deactivated or deleted in Admin Center > Apps and integrations > APIs > API tokens.
guidance('zendesk', {
  steps:
    "In Zendesk Admin Center, open Apps and integrations > APIs > API tokens, find the leaked token and deactivate it, then delete it. Generate a new token only if a service still needs one, store it in a secret store, and update every integration that used the old token. Review the account's audit log for requests you do not recognise.",
  url: 'https://support.zendesk.com/hc/en-us/articles/226022787-Generating-a-new-API-token',
});
