// Checkly API keys, used as a Bearer token with the X-Checkly-Account header. User API keys are
// "cu_" + 32 hex; older keys are 32 lower-case alphanumerics with no prefix, reported only after a
// Checkly name. https://www.checklyhq.com/docs/accounts-and-users/creating-api-key/ (CHECKLY_API_KEY
// examples read cu_...); trufflehog pkg/detectors/checklyhq maps the unprefixed shape.
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('checkly', [
  {
    id: 'checkly-api-key',
    name: 'Checkly API key',
    category: 'api_key',
    keywords: ['checkly'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])checkly(?:hq)?[\w.-]{0,20}?[ ]?(?:api[_-]?|auth[_-]?)?(?:token|key|secret)${ASSIGN}(?:Bearer\s)?([a-z0-9]{32})(?:$|[^A-Za-z0-9_-])`,
    validate: (s) => /[a-z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'CHECKLY_API_KEY=jcd9g2l5jb0vgcpsxxeu5hqy03p3db12',
          secret: 'jcd9g2l5jb0vgcpsxxeu5hqy03p3db12',
        },
        {
          text: 'env:\n  CHECKLY_ACCOUNT_ID: 1a2b\n  checkly_auth_token: "Bearer jtxqiegn1zfotaqcpgtjctehki2f8dx5"',
          secret: 'jtxqiegn1zfotaqcpgtjctehki2f8dx5',
        },
      ],
      negatives: [
        'CHECKLY_API_KEY=${{ secrets.CHECKLY_API_KEY }}',
        'checkly_check_id=jcd9g2l5jb0vgcpsxxeu5hqy03p3db12',
        'CHECKLY_API_KEY=your_checkly_api_key_goes_here_x',
      ],
    },
  },
  {
    id: 'checkly-user-api-key',
    name: 'Checkly user API key',
    category: 'api_key',
    keywords: ['cu_'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/.-])(cu_[0-9a-f]{32})${EW}`,
    // 32 random hex chars mix letters and digits; a cu_<word> identifier does not.
    validate: (s) => /[a-f]/.test(s.slice(3)) && /[0-9]/.test(s.slice(3)),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'export CHECKLY_API_KEY="cu_3ed4570c8a95d2667077cc7bd974d6b5"\nexport CHECKLY_ACCOUNT_ID="1a2b"',
          secret: 'cu_3ed4570c8a95d2667077cc7bd974d6b5',
        },
        {
          text: 'curl -H "Authorization: Bearer cu_806ad2de4f06d74b5bd8e5385f4198b0" -H "X-Checkly-Account: 1a2b" https://api.checklyhq.com/v1/checks',
          secret: 'cu_806ad2de4f06d74b5bd8e5385f4198b0',
        },
      ],
      negatives: [
        'CHECKLY_API_KEY=cu_xxx',
        'cu_3ed4570c8a95d2667077cc7bd974d6b', // 31 hex
        'acu_3ed4570c8a95d2667077cc7bd974d6b5',
      ],
    },
  },
]);

// Revoke or rotate: Checkly documentation (the page this family file already cites for its key format).
guidance('checkly', {
  steps:
    "Sign in to Checkly and revoke (delete or regenerate) the leaked API key or user API key where Checkly manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Checkly's logs or usage for activity you do not recognise.",
  url: 'https://www.checklyhq.com/docs/accounts-and-users/creating-api-key/',
});
