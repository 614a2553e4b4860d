// Modal tokens: a token id "ak-" and a token secret "as-" (22 alphanumerics each), set with
// `modal token set` or kept in ~/.modal.toml. The secret counts only after a token-secret name.
// https://modal.com/docs/reference/modal.config
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('modal', [
  {
    id: 'modal-token-secret',
    name: 'Modal token secret',
    category: 'credentials',
    keywords: ['token_secret', 'token-secret'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:modal[_-])?token[_-]secret${ASSIGN}(as-[A-Za-z0-9]{22})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: '[default]\ntoken_id = "ak-iYkWVMZ195EoHc1aC8nzFT"\ntoken_secret = "as-Kf8PTBtFKYHpEUitarSqMQ"',
          secret: 'as-Kf8PTBtFKYHpEUitarSqMQ',
        },
        {
          text: 'modal token set --token-id ak-U53jAIMyIn00hJqLm8bwmK --token-secret as-5qjPxUUwf2hBBZqjuOtxUm',
          secret: 'as-5qjPxUUwf2hBBZqjuOtxUm',
        },
        {
          text: 'export MODAL_TOKEN_SECRET=as-M6KQtI2LqHNVByBApEIkgS',
          secret: 'as-M6KQtI2LqHNVByBApEIkgS',
        },
      ],
      negatives: [
        'token_secret = "as-..."',
        'token_secret = "as-test"',
        'MODAL_TOKEN_SECRET=${{ secrets.MODAL_TOKEN_SECRET }}',
        'token_secret: as-DqKmXAk0ifeP', // too short
      ],
    },
  },
]);

// Revoke or rotate: Modal documentation (the page this family file already cites for its key format).
guidance('modal', {
  steps:
    "Sign in to Modal and revoke (delete or regenerate) the leaked token secret where Modal manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Modal's logs or usage for activity you do not recognise.",
  url: 'https://modal.com/docs/reference/modal.config',
});
