/**
 * Credentials in pasted HTTP requests: `curl -u user:password`, and Authorization or API-key
 * headers. Common in Jira ("here is the curl that fails"). Low priority: a provider detector that
 * recognises the token itself wins over these.
 * @module
 */
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { isPlaceholderValue } from '../engine/placeholder.js';
import type { MatchContext } from '../engine/types.js';
import { isRealPassword } from '../engine/checks/connection-url.js';
import { family } from './define.js';
import { guidance } from './guidance.js';

/** A header value that is a credential: long, mixed, not a placeholder, base64 `=` only at the end. */
function isCredentialValue(value: string): boolean {
  if (/=[^=]/.test(value) || isPlaceholderValue(value)) return false;
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** `Basic` values must decode to `user:password` with a real password. */
function validAuthorization(value: string, ctx: MatchContext): boolean {
  if (!isCredentialValue(value)) return false;
  if (!/^basic$/i.test(ctx.groups[1] ?? '')) return true;
  const bytes = decodeBase64(value);
  const text = bytes && bytesToUtf8(bytes);
  const colon = text?.indexOf(':') ?? -1;
  if (!text || colon < 0) return false;
  return isRealPassword(text.slice(colon + 1), text.slice(0, colon));
}

export default family('curl', [
  {
    id: 'curl-user-password',
    name: 'Password in a curl --user option',
    category: 'credentials',
    keywords: ['curl'],
    window: 512,
    priority: -2,
    // `curl ... -u user:pass` / `--user "user:pass"` / `-uuser:pass` / `--user name:'pass'` (only the
    // password quoted) / `-u :token` (no user, as Azure DevOps documents its PATs), on one
    // (continued) line.
    pattern: String.raw`\bcurl\b(?:[^\n]|\\\r?\n){0,400}?\s(?:-u|--user)(?:\s{1,3}|=)?\\?["']?([^\s"':$\\]{0,64}):\\?["']?([^\s"'\\]{3,128})(?:\\?["']|\s|$)`,
    secretGroup: 2,
    validate: (password, ctx) =>
      !password.startsWith('$') && isRealPassword(password, ctx.groups[1] ?? ''),
    examples: {
      positives: [
        {
          text: 'curl --cacert ca.pem -u ops-admin:2Nyze0O1FDjEAf https://search.internal:9200/_cat/indices',
          secret: '2Nyze0O1FDjEAf',
        },
        {
          text: 'curl -sS \\\n  --user "svc.reports:re3mBK1f8jr3" \\\n  https://reports.acme.test/export',
          secret: 're3mBK1f8jr3',
        },
        {
          text: "curl --user deploy:'Vq7nR2xLp9sK' -X PATCH https://reports.acme.test/api/jobs/12",
          secret: 'Vq7nR2xLp9sK',
        },
        {
          text: 'curl -u :k3x9pq2vT7wLr5nZ8bYc https://dev.azure.com/acme/_apis/projects',
          secret: 'k3x9pq2vT7wLr5nZ8bYc',
        },
      ],
      negatives: [
        'curl -u username:password https://search.internal:9200',
        'curl --user "$API_USER:$API_PASSWORD" https://reports.acme.test',
        'curl -u "{{ user }}:{{ pass }}" https://x.test',
        'curl -u admin: https://search.internal:9200',
        'curl -u elastic:elastic https://localhost:9200',
        'curl --user "ops:zzz" https://x.test',
        'curl -u ":" https://search.internal:9200',
        'curl -u :$AZURE_DEVOPS_PAT https://dev.azure.com/acme/_apis/projects',
        "curl --user deploy:'<password>' https://reports.acme.test",
      ],
    },
  },
  {
    // `curl -u token:` sends an API token as the user name with an empty password (Stripe,
    // Mailgun and many others document this form): the token is the secret.
    id: 'curl-user-token',
    name: 'API token as a curl --user name',
    category: 'credentials',
    keywords: ['curl'],
    window: 512,
    priority: -2,
    pattern: String.raw`\bcurl\b(?:[^\n]|\\\r?\n){0,400}?\s(?:-u|--user)(?:\s{1,3}|=)?\\?["']?([^\s"':$\\]{12,128}):(?:\\?["']|\s|$)`,
    validate: (token) => /[0-9]/.test(token) && /[A-Za-z]/.test(token) && isRealPassword(token),
    examples: {
      positives: [
        {
          text: 'curl https://api.billing.acme.test/v1/invoices -u "d2LkV78zLx!tQ9:"',
          secret: 'd2LkV78zLx!tQ9',
        },
        {
          text: 'curl -s --user Rk7vQ2mZ9xLp4sTw: https://status.acme.test/api/checks',
          secret: 'Rk7vQ2mZ9xLp4sTw',
        },
      ],
      negatives: [
        'curl -u admin: https://search.internal:9200',
        'curl -u "$STRIPE_SECRET_KEY:" https://api.stripe.com/v1/charges',
        'curl -u ops.readonly: https://search.internal:9200/_cat/health',
        'curl -u "your_api_key_here:" https://api.billing.acme.test/v1/invoices',
      ],
    },
  },
  {
    id: 'http-authorization-header',
    name: 'Credential in an HTTP Authorization header',
    category: 'credentials',
    keywords: ['authorization'],
    ignoreCase: true,
    priority: -2,
    pattern: String.raw`\b(?:proxy-)?authorization["'\\]{0,2}\s{0,3}:\s{0,3}(bearer|token|basic|bot|apikey|api-key|api-token|ssws)\s{1,3}([A-Za-z0-9._~+/=-]{16,1000})(?:$|[^A-Za-z0-9._~+/=-])`,
    secretGroup: 2,
    minEntropy: 3,
    validate: validAuthorization,
    examples: {
      positives: [
        {
          text: 'curl -H "Authorization: Bearer FTSvDY6WITQI2cLhleDUxbEGAg3sULGm" https://api.internal.test/v2/jobs',
          secret: 'FTSvDY6WITQI2cLhleDUxbEGAg3sULGm',
        },
        {
          text: "-H 'Authorization: Basic c3ZjLWRlcGxveTpvc2Z3UTcybVBWV0FRU3J4'",
          secret: 'c3ZjLWRlcGxveTpvc2Z3UTcybVBWV0FRU3J4',
        },
        'authorization: token Kw5tklMKtwYNqJkUiOj0pXAwxB4mm3JvnMBpGbcV',
      ],
      negatives: [
        'Authorization: Bearer <your-access-token>',
        'Authorization: Bearer $ACCESS_TOKEN',
        "-H 'Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ='", // username:password
        'Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'http-api-key-header',
    name: 'API key in an HTTP header',
    category: 'api_key',
    keywords: ['api-key', 'apikey', 'api-token', 'auth-token', 'private-token'],
    ignoreCase: true,
    priority: -2,
    // A header, not a code assignment: after curl's -H/--header, or at the start of a line.
    pattern: String.raw`(?:(?:-H|--header)[\s=]{1,3}\\?["']?|(?:^|\n)[ \t]{0,8})(?:x-(?:[a-z0-9]{1,20}-)?)?(?:api-?key|api-token|auth-token|private-token)["'\\]{0,2}\s{0,3}:\s{0,3}["']?([A-Za-z0-9._~+/=-]{16,200})(?:$|[^A-Za-z0-9._~+/=-])`,
    minEntropy: 3,
    validate: isCredentialValue,
    examples: {
      positives: [
        {
          text: 'curl https://api.partner.test/v1/orders -H "X-Api-Key: Kw5tklMKtwYNqJkUiOj0pXAwxB4mm3JvnMBpGbcV"',
          secret: 'Kw5tklMKtwYNqJkUiOj0pXAwxB4mm3JvnMBpGbcV',
        },
        { text: '--header "PRIVATE-TOKEN: re3mBK1f8jr3Q7vLm2Xp"', secret: 're3mBK1f8jr3Q7vLm2Xp' },
      ],
      negatives: [
        '-H "X-Api-Key: ${PARTNER_API_KEY}"',
        '-H "apikey: your-api-key-goes-here"',
        'X-Api-Key: aaaaaaaaaaaaaaaaaaaa',
        'const client = new Client({ apiKey: "Kw5tklMKtwYNqJkUiOj0pXAwxB4mm3JvnMBpGbcV" });', // code: the generic detector's job
      ],
    },
  },
]);

// Revoke or rotate: GitHub Docs, "Managing alerts from secret scanning" (securing compromised secrets).
guidance('curl', {
  steps:
    "The command or header names the service the credential is for: revoke or change it there (a password, a bearer token or an API key in a header), update the scripts that used it, and pass credentials from an environment variable or a netrc file instead of the command line. Then check that service's logs for calls you did not make.",
  url: 'https://docs.github.com/enterprise-server@3.0/code-security/secret-scanning/managing-alerts-from-secret-scanning',
});
