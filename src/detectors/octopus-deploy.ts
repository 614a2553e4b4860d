// Octopus Deploy API keys: "API-" + upper-case letters and digits (26 in current keys, up to 32 in
// older ones). https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key ; gitleaks
// octopusdeploy.go maps the API-[A-Z0-9]{26} shape. The "API-" prefix also starts slugs and wiki
// page names, so the token must stand alone (not after "/", "-", "." or a letter) and be random.
import { family } from './define.js';
import { guidance } from './guidance.js';

/** Start of a token: like B, but a token may follow `=` (as in KEY=token or --token=token). */
const START = String.raw`(?:^|[^A-Za-z0-9_+/.-])`;

export default family('octopus-deploy', [
  {
    id: 'octopus-deploy-api-key',
    name: 'Octopus Deploy API key',
    category: 'api_key',
    keywords: ['api-'],
    pattern: String.raw`${START}(API-[A-Z0-9]{26,32})(?:$|[^A-Za-z0-9_+/=.-]|\.(?:$|\s))`,
    // 26+ random chars from 36 almost surely mix letters and digits; upper-case words do not.
    validate: (s) => /[A-Z]/.test(s.slice(4)) && /[0-9]/.test(s.slice(4)),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'OCTOPUS_API_KEY=API-RET376WQWN2GBQK2E5P0AEBUJ2',
          secret: 'API-RET376WQWN2GBQK2E5P0AEBUJ2',
        },
        {
          text: 'octo create-release --project Web --server https://acme.octopus.app --apiKey API-FOOSHUTNJ7QIOIZQOHY5P5IWAH',
          secret: 'API-FOOSHUTNJ7QIOIZQOHY5P5IWAH',
        },
        {
          text: 'curl -H "X-Octopus-ApiKey: API-J2RQ1MSUS7PXJS28YFXE1WEGONW9V" https://acme.octopus.app/api/users/me',
          secret: 'API-J2RQ1MSUS7PXJS28YFXE1WEGONW9V',
        },
      ],
      negatives: [
        'https://wiki.acme.test/API-BD80F56CDC1441E6BF6011AB6D852875', // a page slug
        'OCTOPUS_API_KEY=API-AAAAAAAAAAAAAAAAAAAAAAAAAA',
        'apiKey := "API-abcdefghijklmnopqrstuvwxyz1234"',
        'GSSAPI-VIRHEKAPSELOINTIMERKKIJONO',
        'see API-RATELIMITEXCEEDEDEXCEPTIONS in the log',
        'OCTOPUS_API_KEY=API-RET376WQWN2GBQK2E5P0AEBUJ2ABCDEFGHIJ', // 36 chars
      ],
    },
  },
]);

// Revoke or rotate: Octopus Deploy documentation (the page this family file already cites for its key format).
guidance('octopus-deploy', {
  steps:
    "Sign in to Octopus Deploy and revoke (delete or regenerate) the leaked API key where Octopus Deploy manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Octopus Deploy's logs or usage for activity you do not recognise.",
  url: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
});
