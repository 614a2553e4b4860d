// Infracost API keys: "ico-" + 32 alphanumerics. https://www.infracost.io/docs/integrations/environment_variables/
// (INFRACOST_API_KEY); gitleaks infracost.go maps the shape. "ico-" also ends file names
// ("favicon.ico-<hash>.png"), so the key must not follow a dot, slash or word character.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Start of a token: like B, but a token may follow `=` (as in KEY=token or --token=token). */
const START = String.raw`(?:^|[^A-Za-z0-9_+/.-])`;

export default family('infracost', [
  {
    id: 'infracost-api-key',
    name: 'Infracost API key',
    category: 'api_key',
    keywords: ['ico-'],
    pattern: String.raw`${START}(ico-[A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'INFRACOST_API_KEY=ico-t6HFHeQuQoFkmv6GLZZAaC3TrU76xqq1',
          secret: 'ico-t6HFHeQuQoFkmv6GLZZAaC3TrU76xqq1',
        },
        'infracost configure set api_key ico-2LZ9Z39jlJJZtyNjBXh0yfhxe5dsQ9Bb',
      ],
      negatives: [
        'https://cdn.acme.test/assets/favicon.ico-7a388b69018576d24b59331fd60aab0c.png',
        'INFRACOST_API_KEY=ico-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'ico-t6HFHeQuQoFkmv6GLZZAaC3TrU76xqq', // 31 chars
      ],
    },
  },
]);

// Revoke or rotate: Infracost documentation (the page this family file already cites for its key format).
guidance('infracost', {
  steps:
    "Sign in to Infracost and revoke (delete or regenerate) the leaked API key where Infracost manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Infracost's logs or usage for activity you do not recognise.",
  url: 'https://www.infracost.io/docs/integrations/environment_variables/',
});
