// Pydantic Logfire write tokens: "pylf_v1_" + region ("us"/"eu") + "_" + 44 alphanumerics.
// https://logfire.pydantic.dev/docs/how-to-guides/create-write-tokens/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('logfire', [
  {
    id: 'logfire-write-token',
    name: 'Pydantic Logfire write token',
    category: 'token',
    keywords: ['pylf_v1_'],
    pattern: String.raw`\b(pylf_v1_[a-z]{2}_[A-Za-z0-9]{44})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'pylf_v1_us_M1eWrP3uIZ35wyVpbDO0tdDFPu2OOjUz597TYG1TRtzn',
        {
          text: 'export LOGFIRE_TOKEN=pylf_v1_eu_n2keSriyRPwHaEbUOolLr7GG4GWIm2sTVPHQ8emEeJ0X',
          secret: 'pylf_v1_eu_n2keSriyRPwHaEbUOolLr7GG4GWIm2sTVPHQ8emEeJ0X',
        },
      ],
      negatives: [
        'LOGFIRE_TOKEN=pylf_v1_us_...',
        'LOGFIRE_TOKEN=pylf_v1_us_your-logfire-token-here',
        'pylf_v1_us_f5VS5hBgtEzCyUlb1bjKbdWZrmhEu4DgwhUd7470', // 40 chars
      ],
    },
  },
]);

// Revoke or rotate: Pydantic Logfire documentation (the page this family file already cites for its key format).
guidance('logfire', {
  steps:
    "Sign in to Pydantic Logfire and revoke (delete or regenerate) the leaked write token where Pydantic Logfire manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Pydantic Logfire's logs or usage for activity you do not recognise.",
  url: 'https://logfire.pydantic.dev/docs/how-to-guides/create-write-tokens/',
});
