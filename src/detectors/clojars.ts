// Clojars deploy tokens: "CLOJARS_" + 60 lower-case hex/alphanumerics.
// https://github.com/clojars/clojars-web/wiki/Deploy-Tokens ; gitleaks clojars.go maps the shape.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('clojars', [
  {
    id: 'clojars-deploy-token',
    name: 'Clojars deploy token',
    category: 'token',
    keywords: ['clojars_'],
    pattern: String.raw`\b(CLOJARS_[a-z0-9]{60})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'CLOJARS_lcudsbbsfvb903g4mc7j50mb099tjiw5fb7kpbq4es3ev8yil9dwmw8j7gst',
        {
          text: 'export CLOJARS_PASSWORD=CLOJARS_cxdajyvkufnj9gpjg6wod1gbqocmg9kcq3crrib41sj3xiizoimfxj4lb11f',
          secret: 'CLOJARS_cxdajyvkufnj9gpjg6wod1gbqocmg9kcq3crrib41sj3xiizoimfxj4lb11f',
        },
      ],
      negatives: [
        'CLOJARS_lcudsbbsfvb903g4mc7j50mb099tjiw5fb7kpbq4es3ev8yil9dwmw8j7gs', // 59 chars
        'CLOJARS_0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab',
        'CLOJARS_USERNAME=acme-ci',
      ],
    },
  },
]);

// Revoke or rotate: Clojars documentation (the page this family file already cites for its key format).
guidance('clojars', {
  steps:
    "Sign in to Clojars and revoke (delete or regenerate) the leaked deploy token where Clojars manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Clojars's logs or usage for activity you do not recognise.",
  url: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
});
