/**
 * The two generic detectors, off by default: a high-entropy value assigned to a secret-looking
 * name, and a value assigned to a password-looking name. They find what no provider format covers,
 * at the price of false positives, so they run at the lowest priority and drop values that look
 * like references, identifiers or placeholders rather than secrets.
 * @module
 */
import type { MatchContext } from '../engine/types.js';
import { isRealPassword } from '../engine/checks/connection-url.js';
import { family } from './define.js';
import { guidance } from './guidance.js';

// Assignment on one line: `=`, `:`, `=>`, `:=` with optional quotes, or the `", "` between the
// name and the value of a call like getenv("API_TOKEN", "..."). Never across a line break: an
// empty value must not pick up the next line.
const SET = String.raw`(?:[ \t'"\x60\\]{0,4}(?:=|:|=>|:=)[ \t'"\x60\\]{0,4}|\\?["'],[ \t]{0,2}\\?["'])`;

/** Names that hold metadata about a secret, not the secret: ids, lengths, URLs, files... */
const METADATA_NAME =
  /(?:id|ids|name|names|url|uri|urls|path|file|files|dir|type|types|length|len|size|min|max|version|count|field|header|prefix|suffix|format|enabled|required|expires?|expiry|expiration|ttl|timeout|endpoint|scopes?|method|mode|ref|provider|issuer|audience|hash|hashed|salt|policy|prompt|label|hint|reset|changed|regex|pattern|validator|strength|rules?|input|column|selector|text|message|msg|error|placeholder|flag|env|var|variable|command|cmd|template|manager|store|encoder|hasher|attempts|age|history|question|location|source)$/i;
/** Token-named things that are not credentials: pagination cursors, CSRF tokens, parsers. */
const NOT_A_CREDENTIAL =
  /public|csrf|xsrf|nonce|cache|page|next|continuation|cursor|sync|lexer|parser|tokeniz/i;

/** A reference to a value elsewhere: a dotted code path, a host name, an ALL_CAPS variable. */
function isReference(value: string): boolean {
  if (/^(?:\.{0,2}\/|~\/)/.test(value)) return true; // a file path
  if (/^[a-z_$][a-z0-9_$-]*(?:\.[A-Za-z_$][\w$-]*)+$/.test(value)) return true; // config.db.pw, a.host
  if (/^[A-Z][A-Z0-9_]{3,}$/.test(value)) return true; // an environment variable name
  return /[([{]/.test(value); // a call, an index, a template
}

/** Resource names and artifact versions (cmp2-qat-1208358310, jjwt-jackson-0.11.2): words, not hex. */
const isSlug = (value: string): boolean =>
  /^[a-z0-9]+(?:[-.][a-z0-9]+)+$/.test(value) &&
  value.split(/[-.]/).some((s) => /^[a-z]{3,}$/.test(s) && /[g-z]/.test(s));

/**
 * The whole variable name: the patterns start at the keyword (a leading `[\w.-]{0,40}` made V8
 * try every position of every window, the bulk of all scan time), so the part of the name
 * before the keyword is read back here.
 */
function variableName(ctx: MatchContext): string {
  let start = ctx.matchStart;
  while (
    start > ctx.matchStart - 40 &&
    start > 0 &&
    /[A-Za-z0-9_.-]/.test(ctx.text.charAt(start - 1))
  ) {
    start--;
  }
  return ctx.text.slice(start, ctx.matchStart) + (ctx.groups[1] ?? '');
}

export default family('generic', [
  {
    id: 'generic-high-entropy-secret',
    name: 'Generic high-entropy secret',
    category: 'generic',
    enabledByDefault: false,
    keywords: ['secret', 'token', 'apikey', 'api_key', 'api-key', 'api.key', 'credential', 'auth'],
    ignoreCase: true,
    pattern: String.raw`((?:secret|token|api[_.-]?key|credential|auth)[A-Za-z0-9_.-]{0,40})${SET}(?:(?:Bearer|Basic|Token|Bot) )?([A-Za-z0-9_.+/~$-]{16,200}={0,2})(?:$|[^A-Za-z0-9_.+/~$=-])`,
    secretGroup: 2,
    minEntropy: 3.5,
    validate: (value, ctx) => {
      const name = variableName(ctx);
      if (METADATA_NAME.test(name) || NOT_A_CREDENTIAL.test(name)) return false;
      if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
      if (value.toLowerCase().includes(name.toLowerCase())) return false;
      return !isReference(value) && !isSlug(value);
    },
    examples: {
      positives: [
        {
          text: 'INTERNAL_API_KEY=Zq7Lw2Xv9Nc4Rt8Yb1Hm6Kp3Sd5Fg0Ja',
          secret: 'Zq7Lw2Xv9Nc4Rt8Yb1Hm6Kp3Sd5Fg0Ja',
        },
        {
          text: '"client_secret": "c3f91a7e0b4d8e62f5a19c7b3e0d4a8f6b2c9e1d",',
          secret: 'c3f91a7e0b4d8e62f5a19c7b3e0d4a8f6b2c9e1d',
        },
        { text: 'auth_token: Tb5~Wq9xKm2Lr7Vz4Ns1', secret: 'Tb5~Wq9xKm2Lr7Vz4Ns1' },
        'os.getenv("PARTNER_TOKEN", "pt_4Hx8Qm2Wv6Lz1Kc9Rb3Ny7Td")',
      ],
      negatives: [
        'API_KEY=${API_KEY}',
        'client_secret: your_client_secret_here',
        'token_url = "https://auth.acme.test/oauth/token"',
        'credentialsId: "7d1e5c2a-90b4-4f3e-8a61-2c9d0e7b4f18"',
        'csrf_token = "Mj2qykJO5rELyHgezQ69nzUX0i3OH67V7+V4eUrLfpuyOuxmiW9rhROG"',
        'access_token = settings.partner.access_token_value',
        'SECRET_KEY = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
        'next_page_token: "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA"',
        'keyVaultSecrets: cmp2-qat-1208358310',
      ],
    },
  },
  {
    id: 'generic-password',
    name: 'Generic password assignment',
    category: 'generic',
    enabledByDefault: false,
    keywords: ['pass', 'pwd'],
    ignoreCase: true,
    pattern: String.raw`((?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]{0,30}|pass(?:[_.-][A-Za-z0-9_.-]{0,30})?)${SET}([!#-%(-+\--:=?-\[\]-_a-~]{6,128})(?:$|[\s'"\x60\\;,&<>])`,
    secretGroup: 2,
    validate: (value, ctx) => {
      const name = variableName(ctx);
      if (METADATA_NAME.test(name)) return false;
      if (!isRealPassword(value) || isReference(value)) return false;
      if (
        /^(?:true|false|null|none|nil|undefined|required|optional|string|hidden|empty)$/i.test(
          value,
        )
      ) {
        return false;
      }
      if (/^\$(?:2[abxy]?|5|6|argon2i?d?|pbkdf2[\w-]*|scrypt)\$/.test(value)) return false; // a hash
      if (value.length <= 10 && /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(value)) return false; // a word
      return value.toLowerCase() !== name.toLowerCase();
    },
    examples: {
      positives: [
        { text: 'DB_PASSWORD=Kx8#vQ2!mZr4', secret: 'Kx8#vQ2!mZr4' },
        { text: '"password": "Tr4!nB0w-77q",', secret: 'Tr4!nB0w-77q' },
        {
          text: 'spring.datasource.password: 9vLq-Ws3@x1Zd',
          secret: '9vLq-Ws3@x1Zd',
        },
        "smtp_pass = 'Hq5$xN8*w2Pz'",
        'adminPwd := "Gd6.Yt1xWs9q"',
      ],
      negatives: [
        'password: ${DB_PASSWORD}',
        'password = os.environ["DB_PASSWORD"]',
        'password_policy: strong-and-long',
        'password: changeme',
        '"password": "********"',
        'password_min_length=12',
        'password: hunter',
        'password_hash: $2b$12$Kq7vW3xLm9Nc2Rt5Yb8HeOa1Sd4Fg6Jk0Lp3Qw7Er9Ty2Ui5Op8As',
        'passenger_count = 123456789',
        'PASSWORD=\nUSER=admin',
      ],
    },
  },
]);

// Revoke or rotate: GitHub Docs, "Managing alerts from secret scanning" (securing compromised secrets), which holds for any credential.
guidance('generic', {
  steps:
    "Treat the value as compromised: find which system issued it (the text around it usually names it), check whether it still works, then create a new secret there, move every service that used the old one to the new one, and delete or disable the old one. Finally review that system's access logs for use of it since it was written in Jira.",
  url: 'https://docs.github.com/enterprise-server@3.0/code-security/secret-scanning/managing-alerts-from-secret-scanning',
});
