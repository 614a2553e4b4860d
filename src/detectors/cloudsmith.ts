// Cloudsmith API keys: 40 hex (no prefix), sent as X-Api-Key. Reported only after a Cloudsmith
// variable name. https://help.cloudsmith.io/docs/api-key ; trufflehog pkg/detectors/cloudsmith maps
// the 40-hex shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('cloudsmith', [
  {
    id: 'cloudsmith-api-key',
    name: 'Cloudsmith API key',
    category: 'api_key',
    keywords: ['cloudsmith'],
    ignoreCase: true,
    // "cloudsmith_api_key = ..." or a bare "cloudsmith: ..." (a commit SHA after plain "cloudsmith " is not taken).
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])cloudsmith(?:[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key|secret)${ASSIGN}|[\\'"]{0,3}\s{0,2}[:=]\s{0,2}[\\'"]{0,3})([0-9a-f]{40})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CLOUDSMITH_API_KEY=4caddabd97cc0778c2b609838199c1a9fca8453d',
          secret: '4caddabd97cc0778c2b609838199c1a9fca8453d',
        },
        {
          text: 'registries:\n  cloudsmith: "6baa8e16179b50da1553fba877e77d9dc82b9548"',
          secret: '6baa8e16179b50da1553fba877e77d9dc82b9548',
        },
      ],
      negatives: [
        'CLOUDSMITH_API_KEY=${{ secrets.CLOUDSMITH_API_KEY }}',
        'bump cloudsmith 4caddabd97cc0778c2b609838199c1a9fca8453d',
        'cloudsmith_commit_sha=4caddabd97cc0778c2b609838199c1a9fca8453d',
      ],
    },
  },
]);

// Revoke or rotate: Cloudsmith documentation (the page this family file already cites for its key format).
guidance('cloudsmith', {
  steps:
    "Sign in to Cloudsmith and revoke (delete or regenerate) the leaked API key where Cloudsmith manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Cloudsmith's logs or usage for activity you do not recognise.",
  url: 'https://help.cloudsmith.io/docs/api-key',
});
