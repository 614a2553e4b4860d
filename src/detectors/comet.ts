// Comet (comet.com, incl. Opik) API keys: 25 alphanumerics with no prefix, recognised only after a
// Comet or Opik name. https://www.comet.com/docs/v2/guides/experiment-management/configure-sdk/
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('comet', [
  {
    id: 'comet-api-key',
    name: 'Comet API key',
    category: 'api_key',
    keywords: ['comet', 'opik'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:comet(?:_ml)?|opik)[_.-]?(?:api[_.-]?key|key)${ASSIGN}([A-Za-z0-9]{25})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        { text: 'COMET_API_KEY=ihfYPAoxCbeOWonspDv6qCxdT', secret: 'ihfYPAoxCbeOWonspDv6qCxdT' },
        { text: 'opik_api_key: "IMgDjfa1TAbxAG8Va4kHunQYL"', secret: 'IMgDjfa1TAbxAG8Va4kHunQYL' },
      ],
      negatives: [
        'COMET_API_KEY=${COMET_API_KEY}',
        'COMET_API_KEY=ikOpR4UJR2v9iBLdXS2IYgsU',
        'https://www.comet.com/acme/project/28357b24dcbb339db4948d12d368ffa0',
      ],
    },
  },
]);

// Revoke or rotate: Comet documentation (the page this family file already cites for its key format).
guidance('comet', {
  steps:
    "Sign in to Comet and revoke (delete or regenerate) the leaked API key where Comet manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Comet's logs or usage for activity you do not recognise.",
  url: 'https://www.comet.com/docs/v2/guides/experiment-management/configure-sdk/',
});
