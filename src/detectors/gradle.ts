// Gradle Develocity (formerly Gradle Enterprise) access keys: DEVELOCITY_ACCESS_KEY (or
// GRADLE_ENTERPRISE_ACCESS_KEY) holds "<server host>=<key>" with a 52-char lower-case key.
// https://docs.gradle.com/develocity/gradle-plugin/current/#via_environment_variable
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('gradle', [
  {
    id: 'gradle-develocity-access-key',
    name: 'Gradle Develocity access key',
    category: 'api_key',
    keywords: ['develocity_access_key', 'gradle_enterprise_access_key'],
    ignoreCase: true,
    pattern: String.raw`(?:develocity|gradle_enterprise)_access_key${ASSIGN}[A-Za-z0-9.-]{1,100}=([a-z0-9]{52})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'export DEVELOCITY_ACCESS_KEY=develocity.acme.test=2dbe6zx6gnnn7cw6rg35vkmukk6akn4iih2nipzojbhbfni5dybl',
          secret: '2dbe6zx6gnnn7cw6rg35vkmukk6akn4iih2nipzojbhbfni5dybl',
        },
        {
          text: 'env:\n  GRADLE_ENTERPRISE_ACCESS_KEY: "ge.acme.test=tb5fpckyxfyctm746lpznwat4chj6bjt3m4cmfuk2mxesisgcmgd"',
          secret: 'tb5fpckyxfyctm746lpznwat4chj6bjt3m4cmfuk2mxesisgcmgd',
        },
      ],
      negatives: [
        'DEVELOCITY_ACCESS_KEY=${{ secrets.DEVELOCITY_ACCESS_KEY }}',
        'DEVELOCITY_ACCESS_KEY=develocity.acme.test=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'DEVELOCITY_ACCESS_KEY=develocity.acme.test=tb5fpckyxfyctm746lpznwat4chj6bjt3m4cmfuk2mxes', // short
      ],
    },
  },
]);

// Revoke or rotate: Gradle Develocity documentation (the page this family file already cites for its key format).
guidance('gradle', {
  steps:
    "Sign in to Gradle Develocity and revoke (delete or regenerate) the leaked access key where Gradle Develocity manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Gradle Develocity's logs or usage for activity you do not recognise.",
  url: 'https://docs.gradle.com/develocity/gradle-plugin/current/#via_environment_variable',
});
