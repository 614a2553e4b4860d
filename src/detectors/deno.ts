// Deno Deploy access tokens: "ddp_" (personal access token) or "ddw_" + 36 alphanumerics.
// https://docs.deno.com/deploy/manual/ci_github/ (DENO_DEPLOY_TOKEN, deployctl --token) ;
// trufflehog pkg/detectors/deno maps the dd[pw]_ shape.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('deno', [
  {
    id: 'deno-deploy-access-token',
    name: 'Deno Deploy access token',
    category: 'token',
    keywords: ['ddp_', 'ddw_'],
    pattern: String.raw`\b(dd[pw]_[A-Za-z0-9]{36})${EW}`,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(4)) && /[0-9]/.test(s),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'export DENO_DEPLOY_TOKEN="ddp_wymW8blseG5RMVrUT8jOWQtXh7kHftm45s8S"',
          secret: 'ddp_wymW8blseG5RMVrUT8jOWQtXh7kHftm45s8S',
        },
        'deployctl deploy --project=shop main.ts --token ddw_rGINKFxbzOJ9MFlH1Lrzfj6SVJC6qdpTClCR',
      ],
      negatives: [
        '"summonerId": "oljqJ1Ddp_LJm5s6ONPAJXIl97Bi6pcKMywYLG496a58rA"',
        'ddp_wymW8blseG5RMVrUT8jOWQtXh7kHftm45s8', // 35 chars
        'DENO_DEPLOY_TOKEN=ddp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Deno documentation (the page this family file already cites for its key format).
guidance('deno', {
  steps:
    "Sign in to Deno and revoke (delete or regenerate) the leaked Deploy access token where Deno manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Deno's logs or usage for activity you do not recognise.",
  url: 'https://docs.deno.com/deploy/manual/ci_github/',
});
