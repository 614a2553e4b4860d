// Checkly API keys: 32 lower-case alphanumerics (no prefix), used as a Bearer token with the
// X-Checkly-Account header; reported only after a Checkly name.
// https://www.checklyhq.com/docs/accounts-and-users/creating-api-key/ ; trufflehog
// pkg/detectors/checklyhq maps the shape.
import { ASSIGN, family } from './define.js';

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
]);
