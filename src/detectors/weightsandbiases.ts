// Weights & Biases API keys: 40 lower-case hex with no prefix (self-hosted servers prefix
// "local-"), recognised only after a W&B name such as WANDB_API_KEY or in ~/.netrc for api.wandb.ai.
// https://docs.wandb.ai/guides/track/environment-variables (format: TruffleHog pkg/detectors/weightsandbiases)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('weightsandbiases', [
  {
    id: 'wandb-api-key',
    name: 'Weights & Biases API key',
    category: 'api_key',
    keywords: ['wandb'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])wandb[\w.-]{0,12}(?:api[_.-]?key|key)${ASSIGN}|wandb\.ai(?:\s|\\[nrt]){1,8}login(?:\s|\\[nrt]){1,8}\S{1,40}?(?:\s|\\[nrt]){1,8}password(?:\s|\\[nrt]){1,8}|wandb\s{1,4}login\s{1,4}(?:--relogin\s{1,4})?)((?:local-)?[0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: "WANDB_API_KEY = '598c3b1cbc9a3a90cf01ebf892701cf9f4c29ee0'",
          secret: '598c3b1cbc9a3a90cf01ebf892701cf9f4c29ee0',
        },
        {
          text: 'machine api.wandb.ai\n  login user\n  password 148110604d9e8b43b8e01560d1ac1dc014af4911',
          secret: '148110604d9e8b43b8e01560d1ac1dc014af4911',
        },
        {
          text: 'wandb login --relogin local-1c9d8c12546064c099a8591cc0f1d038c2c68c13',
          secret: 'local-1c9d8c12546064c099a8591cc0f1d038c2c68c13',
        },
      ],
      negatives: [
        'WANDB_API_KEY=${WANDB_API_KEY}',
        "WANDB_API_KEY = '90ca4c616e8c4bf144d3334955d46af783'", // 34 chars
        'wandb: Synced run https://wandb.ai/acme/proj/runs/8w7raao1 commit 5f390a53fb4ba683a1a369c275f39c24e98b7444',
        'WANDB_RUN_ID=7f70893bcf4e395e318278e0ad1473634d8d9317',
      ],
    },
  },
]);

// Revoke or rotate: Weights & Biases documentation (the page this family file already cites for its key format).
guidance('weightsandbiases', {
  steps:
    "Sign in to Weights & Biases and revoke (delete or regenerate) the leaked API key where Weights & Biases manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Weights & Biases's logs or usage for activity you do not recognise.",
  url: 'https://docs.wandb.ai/guides/track/environment-variables',
});
