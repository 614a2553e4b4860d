/**
 * HTTP(S) URLs with `user:password@` (basic auth in the URL: registry mirrors, Elasticsearch,
 * Jenkins, proxies). The secret is the password. Lower priority than the connection-string and
 * provider entries, so a GitHub token in `https://x-access-token:ghs_...@github.com` is reported as
 * a GitHub token. `git@host:org/repo` (SSH, no password) never matches: it has no `//`.
 * @module
 */
import { isRealUrlPassword } from '../engine/checks/connection-url.js';
import { HOST, USER } from './connection-string.js';
import { family } from './define.js';
import { guidance } from './guidance.js';

// No '/', '?' or '#' in the password: `https://registry.npmjs.org:443/@scope/pkg` has no password.
const PASSWORD = String.raw`[!$-&(-.0-;=@-~]`;

export default family('basic-auth-url', [
  {
    id: 'basic-auth-url-password',
    name: 'Password in an HTTP(S) URL (basic auth)',
    category: 'credentials',
    keywords: ['http://', 'https://'],
    pattern: String.raw`\bhttps?://(${USER}{1,64}):(${PASSWORD}{1,128})@(${HOST})`,
    secretGroup: 2,
    priority: -1,
    validate: (password, ctx) =>
      isRealUrlPassword('https', ctx.groups[1] ?? '', password, ctx.groups[3] ?? ''),
    examples: {
      positives: [
        {
          text: 'ELASTIC_URL=https://elastic:Rq7.Vx2mKt9Lw4Zs@es-prod.acme.test:9200',
          secret: 'Rq7.Vx2mKt9Lw4Zs',
        },
        {
          text: 'git clone https://build-bot:Hp3!Xd8vNq1Tc6Wm@git.acme.test/platform/infra.git',
          secret: 'Hp3!Xd8vNq1Tc6Wm',
        },
        'pip install --index-url http://ci:Mz5~Kr2qYw8Fb1Jt@pypi.acme.test/simple/ acme-sdk',
      ],
      negatives: [
        'https://user:password@example.com/path',
        'https://username:${PASSWORD}@jenkins.acme.test/job/build',
        'https://<user>:<token>@git.acme.test/repo.git',
        'git@github.com:acme/infra.git',
        'https://registry.npmjs.org:443/@babel/core',
        'https://admin:admin@localhost:8080/manager',
        'http://%s:%s@%s:%d/api',
      ],
    },
  },
]);

// Revoke or rotate: GitHub Docs, "Managing alerts from secret scanning" (securing compromised secrets).
guidance('basic-auth-url', {
  steps:
    "The URL carries a user name and password for the host it names: change that account's password (or revoke the token used as a password) on that host, update the clients that used the URL, and rewrite such URLs to take the credential from a secrets store. Then check the host's access log for logins you do not recognise.",
  url: 'https://docs.github.com/enterprise-server@3.0/code-security/secret-scanning/managing-alerts-from-secret-scanning',
});
