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

// Revoke or rotate: Okta documentation (the page this family file already cites for its key format).
guidance('okta', {
  steps:
    "Sign in to Okta and revoke (delete or regenerate) the leaked API token where Okta manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Okta's logs or usage for activity you do not recognise.",
  url: 'https://developer.okta.com/docs/guides/create-an-api-token/',
});
