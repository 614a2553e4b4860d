// Scrutinizer CI access tokens (64 lower-case alphanumerics, no prefix): reported only after a
// Scrutinizer name. https://scrutinizer-ci.com/docs/api/ (access_token); trufflehog
// pkg/detectors/scrutinizerci maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('scrutinizer-ci', [
  {
    id: 'scrutinizer-ci-access-token',
    name: 'Scrutinizer CI access token',
    category: 'token',
    keywords: ['scrutinizer'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])scrutinizer[\w.-]{0,20}?[ ]?(?:access[_-]?|api[_-]?)?token${ASSIGN}([a-z0-9]{64})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'SCRUTINIZER_ACCESS_TOKEN=3ejagccff4ab1pozc16tt7ebi9y4bb5w2igay9mf7a3lbpiw33inqz1b5p26b6uw',
          secret: '3ejagccff4ab1pozc16tt7ebi9y4bb5w2igay9mf7a3lbpiw33inqz1b5p26b6uw',
        },
        {
          text: 'scrutinizer_token: "33m5ie65omstl2ctrapih5u7zcll5nwzzc7xxh2xey3gy2b2ejlnhe4v0xgroebz"',
          secret: '33m5ie65omstl2ctrapih5u7zcll5nwzzc7xxh2xey3gy2b2ejlnhe4v0xgroebz',
        },
      ],
      negatives: [
        'SCRUTINIZER_ACCESS_TOKEN=${SCRUTINIZER_TOKEN}',
        'scrutinizer_build_sha=fe1eb29698f08c254772a8dc2f656d9ef9891cdb5de61630e62e5a2a7fbf68cb', // not a token name
        "scrutinizerci keyword is not close to the real key\n = '3ejagccff4ab1pozc16tt7ebi9y4bb5w2igay9mf7a3lbpiw33inqz1b5p26b6uw'",
      ],
    },
  },
]);

// Revoke or rotate: Scrutinizer CI documentation (the page this family file already cites for its key format).
guidance('scrutinizer-ci', {
  steps:
    "Sign in to Scrutinizer CI and revoke (delete or regenerate) the leaked access token where Scrutinizer CI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Scrutinizer CI's logs or usage for activity you do not recognise.",
  url: 'https://scrutinizer-ci.com/docs/api/',
});
