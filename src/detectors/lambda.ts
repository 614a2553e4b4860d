// Lambda Cloud API keys: "secret_" + key name + "_" + 32 hex + "." + 32 alphanumerics.
// https://docs.lambda.ai/public-cloud/cloud-api/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('lambda', [
  {
    id: 'lambda-cloud-api-key',
    name: 'Lambda Cloud API key',
    category: 'api_key',
    keywords: ['secret_'],
    pattern: String.raw`\b(secret_[A-Za-z0-9-]{1,64}_[0-9a-f]{32}\.[A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'secret_ci-runner_59ff9c9d697c2a2b1d748508e2e8b14d.KFQaCETrdVzAwuS5WfgiSNt1aWFQ9jKR',
        {
          text: 'curl -u secret_mykey_17295e36173046c8cd492b8ab5928203.lxNXfhI5s5COPHdY66yKOPLBNvmVjsYb: https://cloud.lambda.ai/api/v1/instances',
          secret: 'secret_mykey_17295e36173046c8cd492b8ab5928203.lxNXfhI5s5COPHdY66yKOPLBNvmVjsYb',
        },
      ],
      negatives: [
        'LAMBDA_API_KEY=secret_<name>_<id>.<token>',
        'LAMBDA_API_KEY=${LAMBDA_API_KEY}',
        'secret_ci-runner_fa4bcec41ef314d0e40f5c60e6dbf3.tVfgdwfo5q1beG11w0OwTip7Z3y8oufj',
      ],
    },
  },
]);

// Revoke or rotate: Lambda Cloud documentation (the page this family file already cites for its key format).
guidance('lambda', {
  steps:
    "Sign in to Lambda Cloud and revoke (delete or regenerate) the leaked API key where Lambda Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Lambda Cloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.lambda.ai/public-cloud/cloud-api/',
});
