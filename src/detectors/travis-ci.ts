// Travis CI API tokens (22 chars of [A-Za-z0-9_], no prefix): reported only right after a Travis
// variable or header name. https://docs.travis-ci.com/user/triggering-builds/ (API token from
// the profile's settings page, sent as "Authorization: token <t>"); format mapped by trufflehog
// pkg/detectors/travisci and gitleaks travisci.go.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('travis-ci', [
  {
    id: 'travis-ci-api-token',
    name: 'Travis CI API token',
    category: 'token',
    keywords: ['travis'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])travis[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key|secret)${ASSIGN}(?:token\s)?([A-Za-z0-9_]{22})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'TRAVIS_API_TOKEN=1C4AorMk5Xq8sB5khp4p5Q', secret: '1C4AorMk5Xq8sB5khp4p5Q' },
        {
          text: 'travis_token: "NVbqAjQsSh20YYtjUBoWCb" # from travis-ci.com/account/preferences',
          secret: 'NVbqAjQsSh20YYtjUBoWCb',
        },
        {
          text: 'export TRAVIS_CI_KEY="token 1C4AorMk5Xq8sB5khp4p5Q"',
          secret: '1C4AorMk5Xq8sB5khp4p5Q',
        },
      ],
      negatives: [
        'TRAVIS_API_TOKEN=${TRAVIS_API_TOKEN}',
        'travis_token: aaaaaaaaaaaaaaaaaaaaaa',
        'TRAVIS_COMMIT=fd37b5f8abb8d7f4466da9d5e8edc8903222d658',
        'TRAVIS_API_TOKEN=1C4AorMk5Xq8sB5khp4p5Qx', // 23 chars
      ],
    },
  },
]);

// Revoke or rotate: Travis CI documentation (the page this family file already cites for its key format).
guidance('travis-ci', {
  steps:
    "Sign in to Travis CI and revoke (delete or regenerate) the leaked API token where Travis CI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Travis CI's logs or usage for activity you do not recognise.",
  url: 'https://docs.travis-ci.com/user/triggering-builds/',
});
