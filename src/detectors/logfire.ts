// Pydantic Logfire write tokens: "pylf_v1_" + region ("us"/"eu") + "_" + 44 alphanumerics.
// https://logfire.pydantic.dev/docs/how-to-guides/create-write-tokens/
import { EW, family } from './define.js';

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
