// Okta API tokens: "00" + 40 url-safe chars, no checksum; taken next to an Okta name or after the
// SSWS authorization scheme. https://developer.okta.com/docs/guides/create-an-api-token/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

// The Okta word must start a word ("rookTable" is not Okta), then up to two more words, a separator.
const BESIDE_OKTA = String.raw`(?:^|[^A-Za-z0-9])okta[\w.-]{0,30}(?:[ \t]{1,2}[A-Za-z_.-]{1,20}){0,2}[\s'"\x60\\]{0,4}(?:=|:|=>|:=|-|\s)[\s'"\x60\\]{0,4}`;

export default family('okta', [
  {
    id: 'okta-api-token',
    name: 'Okta API token',
    category: 'token',
    keywords: ['okta', 'ssws'],
    ignoreCase: true,
    pattern: String.raw`(?:${BESIDE_OKTA}|SSWS[ \t]{1,3})(00[A-Za-z0-9_-]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'OKTA_API_TOKEN=00NM7NgjLVLTGKLHK65PDUI-XDsh8ZJ32Tv-ZNmEfP',
          secret: '00NM7NgjLVLTGKLHK65PDUI-XDsh8ZJ32Tv-ZNmEfP',
        },
        {
          text: 'curl -H "Authorization: SSWS 00Uozv6Vv9tUU8ygwHTlD_kcBQ0iSpxrI3eXfDAUpO" https://acme.okta.com/api/v1/users',
          secret: '00Uozv6Vv9tUU8ygwHTlD_kcBQ0iSpxrI3eXfDAUpO',
        },
        {
          text: 'var oktaApiToken = "00lVuZPQwxoccNACTodptirAQYqkjLqOV2VCb2WHoe";',
          secret: '00lVuZPQwxoccNACTodptirAQYqkjLqOV2VCb2WHoe',
        },
      ],
      negatives: [
        'rookTable = 0023452Lllk2KqjLBvaxANWEgTd7bqjsxjo8aZj0wd',
        'oktaKey = 00000000000000000000000000000000000TUVWXYZ',
        '00NM7NgjLVLTGKLHK65PDUI-XDsh8ZJ32Tv-ZNmEfP', // no Okta context
        'OKTA_API_TOKEN=00NM7NgjLVLTGKLHK65PDUI-XDsh8ZJ32Tv', // short
      ],
    },
  },
]);

// Revoke or rotate: Okta Developer, "Create an API token" (tokens are revoked in the Admin Console's API tokens list).
guidance('okta', {
  steps:
    'In the Okta Admin Console, open Security > API > Tokens and revoke the leaked API token; a token also stops when the admin who created it is deactivated. Create a new token from a dedicated service account with the least admin role it needs, update the integrations, and search the System Log for requests made with the old token.',
  url: 'https://developer.okta.com/docs/guides/create-an-api-token/',
});
