// Jenkins user API tokens: since Jenkins 2.129 "11" + 32 hex; older tokens are 32 hex. Neither is
// distinctive alone, so both are reported only after a Jenkins variable name, or (new tokens) as
// the password of a `-u user:token` next to a Jenkins URL or name.
// https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/ and
// https://www.jenkins.io/blog/2018/07/02/new-api-token-system/ (the "11" version prefix).
import { ASSIGN, family, near } from './define.js';
import { guidance } from './guidance.js';

const NAME = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])jenkins[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key|secret|password|pass)${ASSIGN}`;
const END = String.raw`(?:$|[^A-Za-z0-9_-])`;

export default family('jenkins', [
  {
    id: 'jenkins-api-token',
    name: 'Jenkins API token',
    category: 'token',
    keywords: ['jenkins'],
    ignoreCase: true,
    pattern: String.raw`(?:${NAME}|\s-u\s{1,3}['"]?[\w.@-]{1,40}:)(11[0-9a-f]{32})${END}`,
    validate: (_s, ctx) => near(ctx, 200, ['jenkins']),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'JENKINS_API_TOKEN=11c5bb467ad12db17a93c2d7d8a9f6fa5f',
          secret: '11c5bb467ad12db17a93c2d7d8a9f6fa5f',
        },
        {
          text: 'curl -X POST -u deploy-bot:11c73d581799e7195909d3d18c03f8028b https://jenkins.acme.test/job/web/build',
          secret: '11c73d581799e7195909d3d18c03f8028b',
        },
        {
          text: 'jenkins:\n  user: ci\n  jenkins_token: "11c5bb467ad12db17a93c2d7d8a9f6fa5f"',
          secret: '11c5bb467ad12db17a93c2d7d8a9f6fa5f',
        },
      ],
      negatives: [
        'JENKINS_API_TOKEN=${JENKINS_API_TOKEN}',
        'curl -u deploy-bot:11c73d581799e7195909d3d18c03f8028b https://ci.acme.test/job/web/build',
        'jenkins build 412 at commit 11c5bb467ad12db17a93c2d7d8a9f6fa5f0ab3c2',
        'JENKINS_API_TOKEN=11c5bb467ad12db17a93c2d7d8a9f6fa5', // 31 hex
      ],
    },
  },
  {
    id: 'jenkins-legacy-api-token',
    name: 'Jenkins API token (legacy, 32 hex)',
    category: 'token',
    keywords: ['jenkins'],
    ignoreCase: true,
    pattern: String.raw`${NAME}([0-9a-f]{32})${END}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'JENKINS_TOKEN=c94d026c9f42c09b92fdbfc5bdffcd13',
          secret: 'c94d026c9f42c09b92fdbfc5bdffcd13',
        },
        {
          text: 'jenkins_api_key: "c94d026c9f42c09b92fdbfc5bdffcd13"',
          secret: 'c94d026c9f42c09b92fdbfc5bdffcd13',
        },
      ],
      negatives: [
        'JENKINS_TOKEN=<api-token>',
        'jenkins_build_sha=c94d026c9f42c09b92fdbfc5bdffcd13',
        'JENKINS_TOKEN=c94d026c9f42c09b92fdbfc5bdffcd13ab', // 34 chars, not 11-prefixed
      ],
    },
  },
]);

// Revoke or rotate: Jenkins blog, "Security Hardening: New API token system in Jenkins 2.129+".
guidance('jenkins', {
  steps:
    "Revoke the leaked API token on the user's Security (or Configure) page in Jenkins; an administrator can revoke any user's token there too. Replace a legacy token with a new one per client, update the scripts that call Jenkins, and check the build history and job configurations for changes you did not make.",
  url: 'https://www.jenkins.io/blog/2018/07/02/new-api-token-system/',
});
