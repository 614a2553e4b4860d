// Coveralls repo tokens (alphanumerics, no prefix; COVERALLS_REPO_TOKEN / repo_token in
// .coveralls.yml): reported only after a Coveralls name.
// https://docs.coveralls.io/api-introduction and https://docs.coveralls.io/supported-ci-services ;
// trufflehog pkg/detectors/coveralls maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('coveralls', [
  {
    id: 'coveralls-repo-token',
    name: 'Coveralls repo token',
    category: 'token',
    keywords: ['coveralls'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])coveralls[\w.-]{0,20}?[ ]?(?:repo[_-]?|api[_-]?)?token${ASSIGN}([A-Za-z0-9-]{30,40})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'COVERALLS_REPO_TOKEN=HRzoOsrJN9QENBV9ff1zPifHMFrezQ57t',
          secret: 'HRzoOsrJN9QENBV9ff1zPifHMFrezQ57t',
        },
        {
          text: 'coveralls_token: "kFRFjCgINaT3feKoaeoMW9YRcNkn0Q6M"',
          secret: 'kFRFjCgINaT3feKoaeoMW9YRcNkn0Q6M',
        },
      ],
      negatives: [
        'COVERALLS_REPO_TOKEN=${{ secrets.COVERALLS_REPO_TOKEN }}',
        'coveralls_token: "coveralls-production-token-name-v2"',
        'COVERALLS_REPO_TOKEN=HRzoOsrJN9QENBV9ff1zP', // 21
      ],
    },
  },
]);

// Revoke or rotate: Coveralls documentation (the page this family file already cites for its key format).
guidance('coveralls', {
  steps:
    "Sign in to Coveralls and revoke (delete or regenerate) the leaked repo token where Coveralls manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Coveralls's logs or usage for activity you do not recognise.",
  url: 'https://docs.coveralls.io/api-introduction',
});
