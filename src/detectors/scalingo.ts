// Scalingo API tokens: "tk-us-" + 48 chars of [A-Za-z0-9_-].
// https://doc.scalingo.com/platform/cli/login (API tokens); gitleaks scalingo.go maps the shape.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('scalingo', [
  {
    id: 'scalingo-api-token',
    name: 'Scalingo API token',
    category: 'token',
    keywords: ['tk-us-'],
    pattern: String.raw`\b(tk-us-[A-Za-z0-9_-]{48})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'tk-us-gYIC8doIRCAFk7D_DeP4TJEsmORzIBCYhYxTZxKlJCd9AzQX',
        {
          text: 'scalingo login --api-token tk-us-pdAvombG3cUlsqblamCBXrKvDfTHz11y2GnbafYHS9covVHW',
          secret: 'tk-us-pdAvombG3cUlsqblamCBXrKvDfTHz11y2GnbafYHS9covVHW',
        },
      ],
      negatives: [
        'tk-us-gYIC8doIRCAFk7D_DeP4TJEsmORzIBCYhYxTZxKlJCd9AzQ', // 47 chars
        'tk-us-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'SCALINGO_API_TOKEN=tk-us-<your token>',
      ],
    },
  },
]);

// Revoke or rotate: Scalingo documentation (the page this family file already cites for its key format).
guidance('scalingo', {
  steps:
    "Sign in to Scalingo and revoke (delete or regenerate) the leaked API token where Scalingo manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Scalingo's logs or usage for activity you do not recognise.",
  url: 'https://doc.scalingo.com/platform/cli/login',
});
