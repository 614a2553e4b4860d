// AI21 Studio API keys: 32 alphanumerics with no prefix, recognised only after an AI21 variable
// name. https://docs.ai21.com/reference/authentication
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('ai21', [
  {
    id: 'ai21-api-key',
    name: 'AI21 Studio API key',
    category: 'api_key',
    keywords: ['ai21'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])ai21[\w.-]{0,20}(?:api[_.-]?key|key)${ASSIGN}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'AI21_API_KEY=M1eWrP3uIZ35wyVpbDO0tdDFPu2OOjUz',
          secret: 'M1eWrP3uIZ35wyVpbDO0tdDFPu2OOjUz',
        },
        {
          text: 'ai21_studio_key = "597TYG1TRtznn2keSriyRPwHaEbUOolL"',
          secret: '597TYG1TRtznn2keSriyRPwHaEbUOolL',
        },
      ],
      negatives: [
        'AI21_API_KEY=${AI21_API_KEY}',
        'AI21_API_KEY=r7GG4GWIm2sTVPHQ8emEeJ0Xf5VS5h',
        'ai21-jamba-1.5 checkpoint d39fcec500401863fae3b3141340ee74',
      ],
    },
  },
]);

// Revoke or rotate: AI21 Studio documentation (the page this family file already cites for its key format).
guidance('ai21', {
  steps:
    "Sign in to AI21 Studio and revoke (delete or regenerate) the leaked API key where AI21 Studio manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check AI21 Studio's logs or usage for activity you do not recognise.",
  url: 'https://docs.ai21.com/reference/authentication',
});
