// Codemagic API tokens (43 chars of [A-Za-z0-9_-], no prefix; sent as x-auth-token): reported only
// after a Codemagic variable name. https://docs.codemagic.io/rest-api/codemagic-rest-api/
// (Authentication); trufflehog pkg/detectors/codemagic maps the 43-char shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('codemagic', [
  {
    id: 'codemagic-api-token',
    name: 'Codemagic API token',
    category: 'token',
    keywords: ['codemagic'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])codemagic[\w.-]{0,20}?[ ]?(?:api[_-]?|auth[_-]?)?(?:token|key|secret)${ASSIGN}([A-Za-z0-9_-]{43})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'CODEMAGIC_API_TOKEN=ccy2EtScOhAXS2XPAxnVKFZ0ua40mkqkaDFRLPBIZAo',
          secret: 'ccy2EtScOhAXS2XPAxnVKFZ0ua40mkqkaDFRLPBIZAo',
        },
        {
          text: 'codemagic_auth_token: "XQMIY7j_Wqs-q73WriSOM79UUPlWWJaBA-zpl6v0mHe"',
          secret: 'XQMIY7j_Wqs-q73WriSOM79UUPlWWJaBA-zpl6v0mHe',
        },
      ],
      negatives: [
        'CODEMAGIC_API_TOKEN=$CM_API_TOKEN',
        'codemagic_app_id: 5f2a0b8c9d1e3f4a5b6c7d8e',
        'CODEMAGIC_API_TOKEN=ccy2EtScOhAXS2XPAxnVKFZ0ua40mkqkaDFRLPBIZA', // 42 chars
      ],
    },
  },
]);

// Revoke or rotate: Codemagic documentation (the page this family file already cites for its key format).
guidance('codemagic', {
  steps:
    "Sign in to Codemagic and revoke (delete or regenerate) the leaked API token where Codemagic manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Codemagic's logs or usage for activity you do not recognise.",
  url: 'https://docs.codemagic.io/rest-api/codemagic-rest-api/',
});
