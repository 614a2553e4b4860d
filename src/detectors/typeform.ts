// Typeform personal access tokens: "tfp_" + 44 + "_" + 14 alphanumerics.
// https://www.typeform.com/developers/get-started/personal-access-token/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('typeform', [
  {
    id: 'typeform-personal-access-token',
    name: 'Typeform personal access token',
    category: 'token',
    keywords: ['tfp_'],
    pattern: String.raw`\b(tfp_[A-Za-z0-9]{44}_[A-Za-z0-9]{14})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'tfp_Fn2SXM6NtjkRoZosO9fTQ1ewrC4GJgRGR55Y4jaL1UTR_O9uvhiwAkaPK4k',
        {
          text: 'curl https://api.typeform.com/forms -H "Authorization: Bearer tfp_z3HmYuwA41rD9KiTzVz3J8qVhLI3DS23X6PJQvHMEemM_ayNi7LCS5Bu7TD"',
          secret: 'tfp_z3HmYuwA41rD9KiTzVz3J8qVhLI3DS23X6PJQvHMEemM_ayNi7LCS5Bu7TD',
        },
      ],
      negatives: [
        "typeform_token = 'tfp_1'",
        'tfp_Fn2SXM6NtjkRoZosO9fTQ1ewrC4GJgRGR55Y4jaL1UTR', // no second part
        'tfp_ABCDEfghijKLMNOPqrstuvWXYZ0123456789ABCDEFGH_ijK12340qqqBBB', // alphabet run
      ],
    },
  },
]);

// Revoke or rotate: Typeform documentation (the page this family file already cites for its key format).
guidance('typeform', {
  steps:
    "Sign in to Typeform and revoke (delete or regenerate) the leaked personal access token where Typeform manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Typeform's logs or usage for activity you do not recognise.",
  url: 'https://www.typeform.com/developers/get-started/personal-access-token/',
});
