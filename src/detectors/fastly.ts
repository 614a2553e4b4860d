// Fastly API tokens: 32 chars of [A-Za-z0-9_-] (no prefix), sent in the Fastly-Key header; reported
// only after a Fastly name. https://docs.fastly.com/en/guides/using-api-tokens and
// https://www.fastly.com/documentation/reference/api/auth-tokens/ ; trufflehog
// pkg/detectors/fastlypersonaltoken maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('fastly', [
  {
    id: 'fastly-api-token',
    name: 'Fastly API token',
    category: 'token',
    keywords: ['fastly'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])fastly[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key)${ASSIGN}([A-Za-z0-9_-]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'FASTLY_API_TOKEN=zsSFn6GtItgq-OWIzjw0CcSjrxxFKP-z',
          secret: 'zsSFn6GtItgq-OWIzjw0CcSjrxxFKP-z',
        },
        {
          text: 'curl -H "Fastly-Key: mFls3jz4PH68hqWvL7lDdLvuT2VrJMHR" https://api.fastly.com/service',
          secret: 'mFls3jz4PH68hqWvL7lDdLvuT2VrJMHR',
        },
        {
          // A typed Go constant: the type sits between the name and the '='.
          text: 'const fastlyKey string = "Qh7vTk2NpX9wLm4RzB6cYd1FgJ8sHe3A"',
          secret: 'Qh7vTk2NpX9wLm4RzB6cYd1FgJ8sHe3A',
        },
      ],
      negatives: [
        'FASTLY_API_TOKEN=$FASTLY_KEY',
        'fastly_service_id=zsSFn6GtItgq-OWIzjw0CcSjrxxFKP-z',
        'fastly purge key: homepage-assets-v2-eu-central-1ab',
        'const fastlyKeyHeader string = "Fastly-Key"',
      ],
    },
  },
]);

// Revoke or rotate: Fastly documentation, "Managing your personal API tokens": tokens are deleted from Account > API tokens or with `fastly auth-token delete`.
guidance('fastly', {
  steps:
    "Sign in to Fastly, open Account > Personal profile > API tokens, and delete the leaked token (or run `fastly auth-token delete` for it); an engineer or superuser can also revoke other users' tokens. Create a new token with the narrowest scope and services it needs, with an expiry date, and update every tool that used the old one. Check the account's event log for changes you do not recognise.",
  url: 'https://www.fastly.com/documentation/guides/organizations-and-accounts/personal-user-profiles/managing-your-personal-api-tokens',
});
