/**
 * Private keys pasted whole: PEM armours (PKCS#1, PKCS#8, SEC1, DSA, OpenSSH, PGP), PuTTY .ppk files
 * and base64-wrapped PEM (kubeconfig `client-key-data`). The secret is the whole block, and the block
 * must decode and parse as the container its armour names, so elided or made-up bodies are not
 * findings.
 *
 * Pattern shape: a bounded regex needs one RE2 instruction per char it can match, and RE2 keeps a
 * DFA state per position of a long match, so bodies use a one-range class and plain white-space
 * separators: lines of the exact width the tools write (64 chars; 70 for OpenSSH) in nested
 * optional groups of whole lines (RE2 caps nested repeat products at 1000), then a last short line.
 * Exact widths keep the parse unambiguous, so V8 backtracks linearly when no END line follows. A
 * separator may be empty, so a key whose line breaks were stripped, or escaped as `\n` in JSON or
 * an .env file, is one run of chars cut into 64-char pieces and still parses.
 * @module
 */
import { isPrivateKeyBody } from '../engine/checks/private-key.js';
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { family } from './define.js';
import { guidance } from './guidance.js';

// One byte range, '+' to 'z': base64, the backslashes of escaped line breaks, and junk that
// validation rejects. No space or quote, so a body ends where the text around it starts.
const C = '[+-z]';
// Between lines: line breaks and indentation.
const SEP = String.raw`[\t-\r ]{0,12}`;
// Around header lines, which are few: also escaped line breaks.
const HSEP = String.raw`(?:[\t-\r ]|\\{1,2}[rn]){0,8}`;

/** Lines of `width` chars, at most about `maxLines` of them, the last one possibly shorter. */
function lines(width: number, maxLines: number): string {
  const groups = Math.ceil(maxLines / Math.floor(1000 / width));
  const per = Math.ceil(maxLines / groups);
  const line = String.raw`${C}{${width}}${SEP}`;
  let nested = '';
  for (let g = 1; g < groups; g++) nested = `(?:(?:${line}){${per}}${nested})?`;
  return String.raw`${SEP}${nested}(?:${line}){0,${per - 1}}${C}{1,${width}}${SEP}`;
}

// RFC 1421 headers of OpenSSL's legacy passphrase encryption (PKCS#1, SEC1 and DSA keys).
const LEGACY_ENCRYPTION = String.raw`(?:${HSEP}Proc-Type: ?4, ?ENCRYPTED${HSEP}DEK-Info: ?[A-Z0-9-]{3,32},[0-9A-Fa-f]{16,64}${HSEP})?`;
const END = '-----END [A-Z0-9 ]{0,24}PRIVATE KEY-----';
const pem = (label: string, maxLines: number, headers = '', width = 64): string =>
  String.raw`(-----BEGIN ${label}-----${headers}${lines(width, maxLines)}${END})`;

const ARMOUR = /^-----BEGIN ([A-Z0-9 ]{1,40})-----([\s\S]*)-----END [A-Z0-9 ]{1,40}-----$/;

/** The armour label and body of a matched block, JSON/.env escapes of line breaks undone. */
function armour(block: string): { label: string; body: string } | undefined {
  const m = ARMOUR.exec(block);
  if (!m) return undefined;
  const label = (m[1] as string).replace(/^ECDSA /, 'EC ');
  return { label, body: (m[2] as string).replace(/\\+[rnt]/g, '\n') };
}

/** Size of the ciphertext under RFC 1421 headers. */
function legacyCiphertextBytes(body: string): number {
  const data = body
    .split('\n')
    .filter((l) => !l.includes(':'))
    .join('');
  return decodeBase64(data)?.length ?? -1;
}

function validPem(block: string): boolean {
  const a = armour(block);
  if (!a || !isPrivateKeyBody(a.label, a.body)) return false;
  // Encrypted bodies are ciphertext: a whole number of 8- or 16-byte cipher blocks.
  return !a.body.includes('Proc-Type:') || legacyCiphertextBytes(a.body) % 8 === 0;
}

/** Reads SSH wire-format fields (uint32 length, then bytes). */
class SshReader {
  private pos = 0;
  constructor(private readonly b: Uint8Array) {}
  get left(): number {
    return this.b.length - this.pos;
  }
  u32(): number | undefined {
    if (this.left < 4) return undefined;
    const b = this.b;
    const p = this.pos;
    this.pos += 4;
    return (
      (b[p] as number) * 0x1000000 +
      (b[p + 1] as number) * 0x10000 +
      (b[p + 2] as number) * 0x100 +
      (b[p + 3] as number)
    );
  }
  bytes(): Uint8Array | undefined {
    const n = this.u32();
    if (n === undefined || n > this.left) return undefined;
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  text(): string | undefined {
    const b = this.bytes();
    return b && bytesToLatin1(b);
  }
}

/**
 * An `openssh-key-v1` container whose whole layout parses: magic, cipher, kdf, kdf options, key
 * count, public keys, then the private section ending the buffer.
 * https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key
 */
function validOpenssh(block: string): boolean {
  const a = armour(block);
  if (!a || !isPrivateKeyBody('OPENSSH PRIVATE KEY', a.body)) return false;
  const bytes = decodeBase64(a.body);
  if (!bytes) return false;
  const r = new SshReader(bytes.subarray(15));
  const cipher = r.text() ?? '';
  const kdf = r.text() ?? '';
  const kdfOptions = r.bytes();
  const keys = r.u32() ?? 0;
  if (!/^[a-z0-9@.-]{3,40}$/.test(cipher) || !/^[a-z0-9]{3,20}$/.test(kdf) || !kdfOptions) {
    return false;
  }
  if (keys < 1 || keys > 16) return false;
  for (let i = 0; i < keys; i++) if (!r.bytes()) return false;
  const priv = r.bytes();
  return priv !== undefined && priv.length >= 8 && r.left === 0;
}

// PuTTY .ppk v2 and v3: https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html
const NL = String.raw` {0,8}(?:\r?\n|\\{1,2}(?:r\\{1,2})?n) {0,16}`;
const PPK_LINE = String.raw`${C}{64}${NL}`;
const ppkLines = (rest: string): string => String.raw`${rest}(?:${PPK_LINE}){0,14}${C}{1,64}${NL}`;
const PPK_KDF = [
  'Key-Derivation: ?Argon2(?:id|i|d)',
  'Argon2-Memory: ?[0-9]{1,10}',
  'Argon2-Passes: ?[0-9]{1,10}',
  'Argon2-Parallelism: ?[0-9]{1,3}',
  'Argon2-Salt: ?[0-9a-f]{16,128}',
]
  .map((l) => l + NL)
  .join('');
const PPK = String.raw`(PuTTY-User-Key-File-[23]: ?(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521))${NL}Encryption: ?(?:none|aes256-cbc)${NL}Comment: ?[ -\[\]-~]{0,64}${NL}Public-Lines: ?[0-9]{1,2}${NL}${ppkLines('')}(?:${PPK_KDF})?Private-Lines: ?[0-9]{1,2}${NL}${ppkLines(`(?:(?:${PPK_LINE}){15})?`)}Private-MAC: ?[0-9a-f]{40,64})`;

/**
 * Checks a .ppk block: declared line counts match, the public blob names the header's algorithm,
 * the MAC has the version's length, and the private blob is whole SSH fields (unencrypted) or
 * whole AES blocks (encrypted). The MAC itself is not checked: a key with an edited comment fails
 * it but is still a leaked key.
 */
function validPpk(block: string): boolean {
  const rows = block
    .replace(/(?:\\+r)?\\+n/g, '\n')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const head = /^PuTTY-User-Key-File-([23]): ?(\S+)$/.exec(rows[0] ?? '');
  if (!head) return false;
  const field = (name: string): string =>
    (rows.find((l) => l.startsWith(name + ':')) ?? '').slice(name.length + 1).trim();
  const blob = (countField: string): Uint8Array | undefined => {
    const at = rows.findIndex((l) => l.startsWith(countField + ':'));
    const n = Number(field(countField));
    const data = rows.slice(at + 1, at + 1 + n);
    const isData = (l: string): boolean => /^[A-Za-z0-9+/=]{1,64}$/.test(l);
    if (at < 0 || !(n > 0) || data.length !== n || !data.every(isData)) return undefined;
    if (isData(rows[at + 1 + n] ?? '')) return undefined; // more lines than declared
    return decodeBase64(data.join(''));
  };
  const pub = blob('Public-Lines');
  const priv = blob('Private-Lines');
  if (!pub || !priv || field('Private-MAC').length !== (head[1] === '2' ? 40 : 64)) return false;
  if (new SshReader(pub).text() !== head[2]) return false;
  if (field('Encryption') !== 'none') return priv.length >= 16 && priv.length % 16 === 0;
  const r = new SshReader(priv);
  let fields = 0;
  while (r.left >= 4 && r.bytes()) fields++;
  return fields >= 1 && r.left < 16;
}

// base64("-----BEGIN <label>") for the private-key labels, as in a kubeconfig `client-key-data` or
// a Kubernetes `tls.key`. Certificates (LS0tLS1CRUdJTiBDRVJU...) share only the first 15 chars.
const B64_ARMOURS = [
  'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVkt', // RSA PRIVATE KEY
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0t', // PRIVATE KEY
  'LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0t', // EC PRIVATE KEY
  'LS0tLS1CRUdJTiBEU0EgUFJJVkFURSBLRVkt', // DSA PRIVATE KEY
  'LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZ', // OPENSSH PRIVATE KEY
];
// The rest of the value in exact 64-char chunks (up to ~2.9 KB: an RSA-2048 key).
const B64C = String.raw`[+-\[\]-z]`; // as C, without '\\'
const CHUNK = `${B64C}{64}`;
// `=` may come before (`KEY=LS0t…` in a .env file or a URL query): only base64 letters may not.
const B64_PEM = String.raw`(?:^|[^A-Za-z0-9+/])(LS0tLS1CRUdJTiB(?:${B64_ARMOURS.map((a) => a.slice(15)).join('|')})(?:(?:${CHUNK}){15}(?:(?:${CHUNK}){15})?)?(?:${CHUNK}){0,14}${B64C}{0,63})(?:$|[^+-\[\]-z])`;

/** Decodes a base64-wrapped PEM and checks the key inside. */
function validB64Pem(value: string): boolean {
  const bytes = decodeBase64(value);
  const text = bytes && bytesToLatin1(bytes).trim();
  if (!text) return false;
  return text.includes('OPENSSH') ? validOpenssh(text) : validPem(text);
}

// RFC 9580 section 6.2 armour: headers, a blank line, 64-char lines, an optional `=` CRC24 line.
// gpg 2.2 writes an RSA-4096 key with its encryption subkey in 101 body lines (RSA-2048: 53).
const PGP = String.raw`(-----BEGIN PGP PRIVATE KEY BLOCK-----(?:${HSEP}(?:Version|Comment|Hash|Charset|MessageID): ?[ -\[\]-~]{1,64}){0,3}${HSEP}${lines(64, 112)}(?:=[A-Za-z0-9+/]{4}${SEP})?-----END PGP PRIVATE KEY BLOCK-----)`;

function validPgp(block: string): boolean {
  const m = /^-----BEGIN PGP PRIVATE KEY BLOCK-----([\s\S]*)-----END/.exec(block);
  return (
    m !== null &&
    isPrivateKeyBody('PGP PRIVATE KEY BLOCK', (m[1] as string).replace(/\\+[rnt]/g, '\n'))
  );
}

// Keys inside source code or logs: each line wrapped in a prefix (a log timestamp, a comment
// marker, `+ "`) and a suffix (`\n" +`), the line breaks raw or JSON-escaped. A line's 64-char
// base64 run is delimited on both sides by chars outside base64, and the suffix parts start with
// distinct chars, so each line has one parse and V8 cannot backtrack exponentially across lines.
const B64 = '[A-Za-z0-9+/=]';
const NOT_B64 = String.raw`[\t -*,-.:-<>-@\[-\x60{-~]`;
const PRE = String.raw`(?:[\t -~]{0,30}${NOT_B64})?`;
const SUF_PART = String.raw`\\{1,2}[rnt]|\\?["']|[\t ,;)]`;
const SUF = String.raw`(?:(?:${SUF_PART})(?:${SUF_PART}|\+){0,7})?`;
const NEWLINE = String.raw`(?:\r?\n|\\n)`;
const WRAPPED_LINE = `${PRE}${B64}{64}${SUF}${NEWLINE}`;
// Up to 59 lines: RSA-4096 takes 49 (PKCS#1) or 50 (PKCS#8); bigger keys in a wrapper are left to
// the decoders, as each line here is a long RE2 program.
const WRAPPED = String.raw`(-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----${SUF}${NEWLINE}(?:(?:${WRAPPED_LINE}){15}(?:(?:${WRAPPED_LINE}){15}(?:(?:${WRAPPED_LINE}){15})?)?)?(?:${WRAPPED_LINE}){0,14}${PRE}${B64}{1,64}(?:${SUF}${NEWLINE}${PRE}|\\{1,2}n)?-----END [A-Z ]{0,24}PRIVATE KEY-----)`;

/** Takes the base64 run that ends each wrapped line, then checks the key as a plain block. */
function validWrapped(block: string): boolean {
  const m = /^-----BEGIN ([A-Z ]{1,40})-----([\s\S]*?)-----END/.exec(block);
  if (!m) return false;
  const rows = (m[2] as string).replace(/\\+[rnt]/g, '\n').split('\n');
  // the last run of 2+ chars (a lone '+' is the concatenation operator); on the END line's row
  // only a run right before the END (a prefix's `[app]` there is no data)
  const run = (row: string, last: boolean): string =>
    (last ? row.match(/[A-Za-z0-9+/=]{2,}$/)?.[0] : row.match(/[A-Za-z0-9+/=]{2,}/g)?.pop()) ?? '';
  const data = rows.map((row, i) => run(row, i === rows.length - 1));
  return isPrivateKeyBody(m[1] as string, data.join('\n'));
}

// Examples: keys generated for this project (node:crypto, openssl, ssh-keygen, gpg; .ppk files
// built to the PuTTY spec). Short key types keep the file readable.
const RSA_A = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIICXAIBAAKBgQDddgjx7E8XN6Vu/z3Y6PPBritbd27knScRg5MaRFOhfm87e7ZW',
  'hLQ7sc5AOrrVSAg8fYo4k+ZM4Ja1m8aCLR/oDlWitToU8dXeGMntbOJHWXykcaIo',
  '7c5b8uciYxzRndj2kfy8Mdd3gyd7ky2zb/fH3qhEr1ATgRmE3XwRxDiIlwIDAQAB',
  'AoGAEsxhJ//yGrtrfIeH/XCQuGELZyE1NYytc0wi4XjpTG0KDheLO77Z+bM3Gbai',
  'g1Yw9MmHQRQ02VO7F0FY0VX5PjXtr1yfBMH6pNziag9422gCR1drVLAMD4dTmlwW',
  'RaS8sMNW32xAWRzrrcEpCDQRlmjbZle3J0hUso5Wf3fMI0ECQQD+o6L51qOGQpLz',
  '0Qe2draxUUdV7WnRU+Z49X1+g3sM0IqoUt1wenyhe65OaexNs09g2Ux9RbGKhFO8',
  'LJly8g6hAkEA3qUCKCiFqxuy+8XpWm7uFI6b7+li9xO4L2NerumbRYBeSjoOeHsP',
  'KcqaYTbCzbIEsFhqxpxmIOuqYwWqXzDkNwJAfTY106iJrGFcJWwp4L0rRLH04/nk',
  'SLx63gvI88bvYPPC2tY0cTSpyDYrFf/b5LFBXRw9EnSMwtIi4qsDoZQJQQJARjbL',
  'o1aEMR4fJ/+WRArP0nPXAaYcq8bwQyGXbpoFebmuAsKkZaKJeaiHXzkh3jTR/bsk',
  'kVYpbyBjL69Nt493qQJBAJ0jSx3SNUNtWyUUDJbpPPO5atzu95H4JFAeidwymmSr',
  'Cdpd0eR9IsOhIaS8D7UV4Viom3ywAFD6Pg/x2EafSI0=',
  '-----END RSA PRIVATE KEY-----',
].join('\n');
const PKCS8_EC = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgLXBd/aRYy2A6rb7l',
  'xlBe9XSwQUOzFAHfmeoIG9GDG9OhRANCAATlDkhWw+XufcsLCGSmcLSNBhJ/gp4r',
  'jGZRV47kp4phVvZw6je5Wi60gyQcCNQfpZTxxaxmJnuTk6kyIumvxiye',
  '-----END PRIVATE KEY-----',
].join('\n');
const PKCS8_RSA_SA = [
  '-----BEGIN PRIVATE KEY-----',
  'MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAJ3/XQqpPi3Enut7',
  'o4lAT5Twm+HiB4RKhW8SifGkz93jhinh2LzxfgcuhudAtlduYoLsqUfViOOBxvz2',
  '+lMDNQoMyJ46FxZUI+yOVofANujYDQ7PIzOt8T5MKUvUfuPXgWcm8ngQ9gU3BFLE',
  'TDRd8/3OGGAx/q5c2qRr1/0p8geFAgMBAAECgYB89HQqNVWGruUcyei5aNJHsc8m',
  '4zMcri8/fAL6yGTZUNNPll1qePc6SNLKW8SZ+yQP9Ymf1UJw47dzYwTw2C1+KiWe',
  'XVFmutFMbB803gUXCTHP+xXYmUJWuVkfVA0KYqfyuGplcQPRq+IimZ6zg1ijMrLH',
  'bye7Sjrbo8kCea6z4QJBAMoQtY115fHHk1PbXsFcH/U1/fy5wukj3JZHGHGdk+h1',
  'GjCBj1KuwpCKdEL65v7YcRxkfPBQt0KqGu7Zv+LGQxkCQQDIK3eX4atJ1ntuCZ1T',
  'YhJ2gET/18Rzr/CKsRFf4pvsfOkyBWyuIY05BV4WyLW/+Rs500AjIBJd0gM9UxUa',
  'ysFNAkAcOhdSioyzqMCA710eP8NLGt6/Jif/L35KE+ZrQKr/xxQAgKjH0Rfm3yB8',
  'ltYb9Zpfb/4wB+aBzodypEJ06GNJAkEAuM24ula055THnA3wXD1dQl6mVXaFfzFe',
  'aQ2VNutmfW3NdksfzZxYX96ewXZIppZ8FmT8//DqRAhSyVldUMEEuQJAHgAe1hzC',
  'qPNgp1s5fS5GG7PnmAXZDqHE7j6R8R2k7tVYW31mLW9uPpxI03bAOSDqaV/2pYzV',
  'KoIVCs+/LCZSbw==',
  '-----END PRIVATE KEY-----',
].join('\n');
// A Google Cloud service-account key beside its client_email (the JSON key file, whose key is
// JSON-escaped, is tested in test/validity/gcp.test.ts: the site generator plants raw spans).
const SA_KEY = `client_email = "deployer@billing-prod-4411.iam.gserviceaccount.com"\nprivate_key = <<EOT\n${PKCS8_RSA_SA}\nEOT`;
const PKCS8_ED25519 = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIGLnU4jAFUTX8/uxDdun9RvfHQ/nFlQvmWJdAJXWPDOD',
  '-----END PRIVATE KEY-----',
].join('\n');
const EC_A = [
  '-----BEGIN EC PRIVATE KEY-----',
  'MHcCAQEEIC1wXf2kWMtgOq2+5cZQXvV0sEFDsxQB35nqCBvRgxvToAoGCCqGSM49',
  'AwEHoUQDQgAE5Q5IVsPl7n3LCwhkpnC0jQYSf4KeK4xmUVeO5KeKYVb2cOo3uVou',
  'tIMkHAjUH6WU8cWsZiZ7k5OpMiLpr8Ysng==',
  '-----END EC PRIVATE KEY-----',
].join('\n');
const EC_B = [
  '-----BEGIN EC PRIVATE KEY-----',
  'MHcCAQEEIC8BV/N1WY0nZ2b1PeS6nBIwdTyJ3HojwQC9/fGkKPPUoAoGCCqGSM49',
  'AwEHoUQDQgAEyEgCaeWG/I8+kEfLOyAc1BT5wa+CGMpAT/yh20qLu793a9KsTIAv',
  '5vx1mgXOJP/TPl/kZr5x7d1U2y3QHoJYpg==',
  '-----END EC PRIVATE KEY-----',
].join('\n');
const DSA_A = [
  '-----BEGIN DSA PRIVATE KEY-----',
  'MIIBywIBAAKBgQCz+Nzg9+lRKECDrM9+VN87Qe/H/5PQunVAMFJE7JPAjDGHK2Oj',
  'bn/zuYJDqNfnfO2FRseF9QA9e+91YdPv5g4nNQyo3hg4AMXyleaIrrtX74lX4Xz3',
  'POLRKZntbK266xy+oHDpETWcAHQRbeQhab+0ggBup6NqlLoFBGuNT3pPtQIdAPnj',
  'dBfrAMsOYLYJZRAMfr8ntWHXng8x3+1oeeMCgYBBqgjLolH4Ebqsnfau1q5A5cEB',
  'LQMnm4a9jo7I+ib9ksRvq5VT6hng2Tp+loyHBBf/jinsoUcTWp2IwYD1HXKooxHb',
  'dHISDSioFFqwvp/LR7CNrni7Gy2vnokF05kBxoLMvEge4lxf8iDwpFxbA7BR5KDO',
  '9FiwpRbotMGMcKRjOwKBgEwXeUmd7vWeOSpPC7/HHbjQ2FvVjd6nyHi315ncsVDu',
  'Jyx9Q5oqiJrWHAbPVuiIw0mrQhppp1Vx6tcjbrpKLVgEspUnH2e5Z0beUbrmNnHW',
  'TKdaNdk55dAmsD5cjl6R/zUTKFzl0Z4GU/Gbkx4qT5YtxL5FY82oSiGi3qAowFC4',
  'Ah0A2CfPQFt8i6sM4jK8+5HF/ud6lYhwIG/ek+cD2Q==',
  '-----END DSA PRIVATE KEY-----',
].join('\n');
const DSA_B = [
  '-----BEGIN DSA PRIVATE KEY-----',
  'MIIBywIBAAKBgQCz+Nzg9+lRKECDrM9+VN87Qe/H/5PQunVAMFJE7JPAjDGHK2Oj',
  'bn/zuYJDqNfnfO2FRseF9QA9e+91YdPv5g4nNQyo3hg4AMXyleaIrrtX74lX4Xz3',
  'POLRKZntbK266xy+oHDpETWcAHQRbeQhab+0ggBup6NqlLoFBGuNT3pPtQIdAPnj',
  'dBfrAMsOYLYJZRAMfr8ntWHXng8x3+1oeeMCgYBBqgjLolH4Ebqsnfau1q5A5cEB',
  'LQMnm4a9jo7I+ib9ksRvq5VT6hng2Tp+loyHBBf/jinsoUcTWp2IwYD1HXKooxHb',
  'dHISDSioFFqwvp/LR7CNrni7Gy2vnokF05kBxoLMvEge4lxf8iDwpFxbA7BR5KDO',
  '9FiwpRbotMGMcKRjOwKBgF8VSw/3MJ0eWgtD5z4pJSsRXVux02dwPkeYi5W9uLgC',
  'eNJPKRUCJucv9kXDn9grgDSZ3PxqsovjmI2v1ceHk2OnQw/CRTnHW9R1k/qlosyo',
  'nBvXwfKJGh7A+b36Nf25/3SNINlAW6Pfh4/IUtHeE8B848pQyj2JsouZt/2Iuqi3',
  'Ah0A84n82RkRMrXfR97Do4XWZM2/qcPu5wMufMoXdw==',
  '-----END DSA PRIVATE KEY-----',
].join('\n');
const ENC_PKCS8_ED25519 = [
  '-----BEGIN ENCRYPTED PRIVATE KEY-----',
  'MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhEmiJOM7eF5AICCAAw',
  'DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEELOBE8aHAea35fBhalO2IcQEQGLY',
  '3FjyM2qd+TmsarCAsJA4jXxUIhRAuVcDQTHjq0XkDbjKMoRtHqbsCWv2EHtJJ0iR',
  'xM3+eMosSGD5Z98PIlc=',
  '-----END ENCRYPTED PRIVATE KEY-----',
].join('\n');
const ENC_PKCS8_EC = [
  '-----BEGIN ENCRYPTED PRIVATE KEY-----',
  'MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjSyGhBVdc25AICCAAw',
  'DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEFihFrM/xXWGtJgRuE5iTBgEgZC6',
  't+xJ+hx2MZyEgR4c4LsLMH073leTQE6teuH0JtPBB8DLWd7t/4c8V2nHWS0bC0Np',
  '6ljFLMfLnIiz4/d5zxVA6BoudNhTonppLox+kR+VgLWnCdWJ422ih2fSd178xg8Q',
  'ngDTmo9wxiUYJ86J6TwRcgLFMuKn1ZiN15wfpVdwMLgRVKPTluy9GZXu9Pu2p4k=',
  '-----END ENCRYPTED PRIVATE KEY-----',
].join('\n');
const RSA_LEGACY_ENC = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'Proc-Type: 4,ENCRYPTED',
  'DEK-Info: AES-128-CBC,EB040C812ED34CF2AD278FC2196A1C95',
  '',
  'ePhl31QpyVo4MmhOSgxm07iyIPXQGDgLkCNQVnDYtEGf8qHmvL47uNBYGOG2pYYW',
  'XDc2gLIsIL0o+oAHOVsaWHqDfUXbe8I02sDPqVCVCvrELnZWQ4CPA0K+6NJPy0KR',
  '0jZO7q3q98CuCCy6Sk+Kgi6+JeEqAJb5EQnAEs9AEVx4SxGOduK/KlotDEdhmRsX',
  'hmW/stRAfrVPxQEraI+8u9zqPWKzbSfNvVeEk5kgCoPH/OW9zeE/2bYqxrEJORAc',
  'bLEMNY8AscaHvwUSqYopxOHo4ZB7Kx+bY1dgkqeWbMQm4SwqduzNEH/RMDlZsn/5',
  '7VcKFOTtvmp6RVoozybiTvHo57cGES2vH9++dP4xNJjXQaYaGfTV8L1wTbtNnCXd',
  'WDaqNYgY7sTE1nBO6G5C+zabR3cZzTs++gUOS9RLihdlTjORg4zvFPHjdkVS/fl6',
  'WijeJdEbjN17K77YznBGll24fPHC1b4oHiJtOKJGG5QRrCqDlEc6n6bXExls5s6j',
  'KxN/TWVOBXibemKiBisJKA401R/6jsN7DbQ7ipm/TU6H6H1XtKRzRSMU/wS6UzlJ',
  '181NHMNBGKxcs2tmueIHMM+p7Woj7kvdnvzwguxchetaFkq1uuiK6ti7t84tKFxG',
  'epWYsR84E8uQrVZYXpRCV68prFU080oeV24/CpDAMewyLWYG5IKslkAEjDJ1de9L',
  '+IuKXNJH05BZNEOHwLjbJrC408vCBrvQzWcBstjxxRQhkE8ckqV2rgPerJDt6zd0',
  'g/3aoE3WWW0YN6nXBMVyWA+DFXJ7PA1qu/nBCg+RjJv43EBS9fFFDNY8BL6Bqdt6',
  '-----END RSA PRIVATE KEY-----',
].join('\n');
const EC_LEGACY_ENC = [
  '-----BEGIN EC PRIVATE KEY-----',
  'Proc-Type: 4,ENCRYPTED',
  'DEK-Info: AES-256-CBC,ADD1C33B31DBDE536307D645B3D631F0',
  '',
  '2n89VV/z4zSQuSAmKNE3Wv5ItXBqzISm+rQvjq1cxwuGNzHx9SYfzrdiGeoUw2v2',
  'aPAVVq7MHM9Drl4jUY0B28/aEki5nLhS9V7nmWb3HrUKhJgDkgrqpL/TaWQw4fmb',
  'Dt4u88EDyvB0F/Bw1cm6DF5193FR8eng1ZNjSaY+QIM=',
  '-----END EC PRIVATE KEY-----',
].join('\n');
const OPENSSH_A = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBkeHZlBY0zWAcL8aD/axN8PpvRVi56zrUtPFKHfMF3ZAAAAIjnGoan5xqG',
  'pwAAAAtzc2gtZWQyNTUxOQAAACBkeHZlBY0zWAcL8aD/axN8PpvRVi56zrUtPFKHfMF3ZA',
  'AAAEAx5UPiBajU/3sA8VF+roAIRot4XbE+BAzwfpQLV42pkmR4dmUFjTNYBwvxoP9rE3w+',
  'm9FWLnrOtS08Uod8wXdkAAAAAAECAwQF',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const OPENSSH_B = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACCRH6dLUPLN5lfiJshk9t2ZpfbzRqoPh7jeIZOJdtvflAAAAIjd5scE3ebH',
  'BAAAAAtzc2gtZWQyNTUxOQAAACCRH6dLUPLN5lfiJshk9t2ZpfbzRqoPh7jeIZOJdtvflA',
  'AAAEAJdcwFykcPaKR0A559Llv1kAt7u64V5ODqVmx2xY20m5Efp0tQ8s3mV+ImyGT23Zml',
  '9vNGqg+HuN4hk4l229+UAAAAAAECAwQF',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const OPENSSH_ENC_A = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABDNB6PE7q',
  'h+hyU5bQGTecR6AAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIJ1NCD1qgvSgoTsK',
  'itarbAPVwmR96+xT/gmxH8vB7utuAAAAkMl+6d57Lbo5lQq7Ywh9vVpGvRk0tPW9DekM8X',
  'CdganQE3icAb/N5BBkeeEETcTr8WWST+41lLR4L54siSmGpp7fHINoXk+HS2YrzstiQQGw',
  'UxNgKX+nhAmCxFSFg2bmKYHA3VH2flOX0R0APO4Bpen7IozXC6TJtWeBtOllbSARzZ3syN',
  'cJcQRHsbH2VF/e3A==',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const OPENSSH_ENC_B = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABAgznzVqM',
  'fRJlr1XI0/K7IVAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIKlq2puzUCkJt8sQ',
  'a3cXyMZ5izwqQaosSOnLiasbpzssAAAAkP75Kl4Mt6RpM1vH+kjPm/1pQg/I0GLhWzjAQx',
  'RMJWgsQ20T/HuH6C1UV5cw20qfWiROdwGH11GeHq8QvR97dIAukfXTLMATCdVdzESyRAl4',
  'Z4vGu5858HL5pHhtZMpcbo4uQ9TOoCrTmkDCOh0TgoaNItONVDbwoFCnFjqstAAW/xFezR',
  'ntGmt2F7m0RnW9xg==',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const PGP_A = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'lFgEaweAuBYJKwYBBAHaRw8BAQdAMsh/nX0MKXlKKqa3jfCBSpsHHmtrvepoyTyj',
  'hKjrVlsAAP40geepEAEO6XfMGWiKpTk5zPCnx5nCCuz6yO42QOrFcBJwtB9CdWls',
  'ZCBCb3QgPGJ1aWxkLWJvdEBhY21lLnRlc3Q+iJAEExYIADgWIQS+rEQ3pcj8CiKI',
  'XpXWv3TUiz07SQUCaweAuAIbAwULCQgHAgYVCgkICwIEFgIDAQIeAQIXgAAKCRDW',
  'v3TUiz07SWWxAP9Tno4hmekyBqtRWn7bZ6cpTOzaldSJetddYaU7kqW6+gEAho8i',
  'tECefM8hmDOSkIQ1Qp2qG+Nf8hBwWZLZP+4jjgo=',
  '=IS0K',
  '-----END PGP PRIVATE KEY BLOCK-----',
].join('\n');
const PGP_B = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'lIYEaweAuxYJKwYBBAHaRw8BAQdAwGzLXtYGrFeY1ItorG5i1Tgre/IluG9aajVi',
  'MszBTHf+BwMCKabUtEymwuz/5i3xqcKx83+jxISBjITckvcxL2pC/E/wcQautVyC',
  'suDA7DoLt9JD4N9kgbaHyaottcUDvQXWfUV/pmRNDuARDzs7y6O7PrQiUmVsZWFz',
  'ZSBTaWduZXIgPHJlbGVhc2VAYWNtZS50ZXN0PoiQBBMWCAA4FiEE5KHES01WEAZf',
  '3q5gkWNJHTjE5sUFAmsHgLsCGwMFCwkIBwIGFQoJCAsCBBYCAwECHgECF4AACgkQ',
  'kWNJHTjE5sXApgEAhkvMWmqkmEnjnuK5W4pLnfn5rojyocXfUwQJ/4aUcyMA/RFm',
  'AQRPHJg8pQraBbSRm3azVDam2OgwWr4tVexWj64L',
  '=AvZh',
  '-----END PGP PRIVATE KEY BLOCK-----',
].join('\n');
const PGP_PUBLIC_RELABELLED = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'mDMEaweAuBYJKwYBBAHaRw8BAQdAMsh/nX0MKXlKKqa3jfCBSpsHHmtrvepoyTyj',
  'hKjrVlu0H0J1aWxkIEJvdCA8YnVpbGQtYm90QGFjbWUudGVzdD6IkAQTFggAOBYh',
  'BL6sRDelyPwKIohelda/dNSLPTtJBQJrB4C4AhsDBQsJCAcCBhUKCQgLAgQWAgMB',
  'Ah4BAheAAAoJENa/dNSLPTtJZbEA/1OejiGZ6TIGq1FafttnpylM7NqV1Il6111h',
  'pTuSpbr6AQCGjyK0QJ58zyGYM5KQhDVCnaob41/yEHBZktk/7iOOCg==',
  '=ppBF',
  '-----END PGP PRIVATE KEY BLOCK-----',
].join('\n');
const PPK_RSA_V2 = [
  'PuTTY-User-Key-File-2: ssh-rsa',
  'Encryption: none',
  'Comment: rsa-key-20250314',
  'Public-Lines: 4',
  'AAAAB3NzaC1yc2EAAAADAQABAAAAgQCpfhhV6KsWe6MF8VsQYkQe1YzUyGcZvW1w',
  'JnIhGLofTE7ApyPSeRJRrhrpMiCs1qQJufLONgoZ0oc1gevABBukp3ocfx7fZASd',
  'u/O8Od/dG1bNhjgbCaZ0bMxEqLpP+8ER6sdSJW9vRrn+fQM1Hd1GILA1+2hhBEo5',
  'wBVYz5Ob+Q==',
  'Private-Lines: 8',
  'AAAAgHZVBbJ81W3F9eRBRF2k7YBFgaRRIcITwWMqREYdGFyfjt/sERNx2btS/ZDP',
  'oYZp+G6d9wnHKrgqhqFxymDtvUnNBpH5cvy9CjGhof9XhA/JZSk64R/2z1z5dlhh',
  '9dqYZp0NFWmX84vNzGOYwpQIaZjAUwxXUd62m4biWwiZmuY9AAAAQQDdglkIHkub',
  'Kavac8RXTvxhf4trmKZvjgqMG+8FVIPY537LaDsTolfwCM98f2TVM+HiL/dIxamR',
  'TLMPeKBheygnAAAAQQDD4kui4loZjXSo5ay2jaL6Dh6UvNuww7kXyWgbEALxiMTY',
  '3yO05pPtMm6PgXnebPKcG1F6a9oHgMyciaiQio7fAAAAQFYKzh1/riPMiq/5OmVP',
  'm7H5PZfj1DqR82+vnqNjs1VFYIIlQNQGfBXJqrHJC4spiXIij5Ov/uJz7H79y9N3',
  'g3M=',
  'Private-MAC: 37cf9332b513793bb674d555d2f4d2e7d3cffee0',
].join('\n');
const PPK_ED25519_V3 = [
  'PuTTY-User-Key-File-3: ssh-ed25519',
  'Encryption: none',
  'Comment: deploy@jenkins-02',
  'Public-Lines: 2',
  'AAAAC3NzaC1lZDI1NTE5AAAAIARkXDPq2pYZYEfRgFsbwFWdlL0ypsHkJfXigzFZ',
  'rYjE',
  'Private-Lines: 1',
  'AAAAIJdeZCivzH1GGJ2jUJesYXoKDX9QhEss+cadArG9AeZQ',
  'Private-MAC: c1be093ece322e95e21fceaccd61f436fc066b07184cbb08e61653edcca3b667',
].join('\n');
const PPK_ENC_V2 = [
  'PuTTY-User-Key-File-2: ssh-ed25519',
  'Encryption: aes256-cbc',
  'Comment: ed25519-key-20240611',
  'Public-Lines: 2',
  'AAAAC3NzaC1lZDI1NTE5AAAAIEW1KJ0iHIHQqDpQi5lWdXPJPSsnKy2uQWm0iD0q',
  'amH2',
  'Private-Lines: 1',
  'DzskPfOp6l+x4dx7S1Ofk5v1rMMBbH/zDQPjYesPGAEsPnciYAWtbgWI0yp2sYH9',
  'Private-MAC: f427f2732f0ce69dde5d212088b1a0727247c313',
].join('\n');
const PPK_ENC_V3 = [
  'PuTTY-User-Key-File-3: ssh-ed25519',
  'Encryption: aes256-cbc',
  'Comment: ops laptop',
  'Public-Lines: 2',
  'AAAAC3NzaC1lZDI1NTE5AAAAIBRta+btTP5ZSrLF5gnvUAKAogs9a71svGrBH8Vi',
  'ptqc',
  'Key-Derivation: Argon2id',
  'Argon2-Memory: 8192',
  'Argon2-Passes: 21',
  'Argon2-Parallelism: 1',
  'Argon2-Salt: 2d0a4fc063bd79a02242038e7acd5e2c',
  'Private-Lines: 1',
  'wo1taE2131PX3+/+k5A2yC+QqsR3Z83oLDzOung5XNX97DdiL+yvOUTc0dyy7pZa',
  'Private-MAC: 7dd9afbaad7e14735641f693bab1b048b4e41fcc8393d405348b1f03a34cacb3',
].join('\n');
const RSA_PUBLIC = [
  '-----BEGIN RSA PUBLIC KEY-----',
  'MIGJAoGBAN12CPHsTxc3pW7/Pdjo88GuK1t3buSdJxGDkxpEU6F+bzt7tlaEtDux',
  'zkA6utVICDx9ijiT5kzglrWbxoItH+gOVaK1OhTx1d4Yye1s4kdZfKRxoijtzlvy',
  '5yJjHNGd2PaR/Lwx13eDJ3uTLbNv98feqESvUBOBGYTdfBHEOIiXAgMBAAE=',
  '-----END RSA PUBLIC KEY-----',
].join('\n');
const CERTIFICATE = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBgzCCASmgAwIBAgIUBZYztPAx19I6wMcyduVasON9mdMwCgYIKoZIzj0EAwIw',
  'FzEVMBMGA1UEAwwMY2kuYWNtZS50ZXN0MB4XDTI2MTEyNjAwNTgwNFoXDTI2MTIy',
  'NjAwNTgwNFowFzEVMBMGA1UEAwwMY2kuYWNtZS50ZXN0MFkwEwYHKoZIzj0CAQYI',
  'KoZIzj0DAQcDQgAE5BToPXaFtRZp6vVXqhS8O5RsAu8mJQzHWfUUJ8/Nl7cikaGa',
  'TuaC7wyEfzYIR1CpqlWeNX/ikbLPccviNdkIu6NTMFEwHQYDVR0OBBYEFLcx7DUl',
  'IfgfHICHc2B1KcCSeH0xMB8GA1UdIwQYMBaAFLcx7DUlIfgfHICHc2B1KcCSeH0x',
  'MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAMIq/d/n9EbV6dss',
  'jEXYIqMDinp95zh6b/DltkC/4wBDAiADXiJbCTRbxLzbkHzHuq0bwghbyjtDZjJw',
  'C+GlW61BjQ==',
  '-----END CERTIFICATE-----',
].join('\n');
const JAVA_EC = EC_A.split('\n')
  .map((l) => `"${l}\\n"`)
  .join(' +\n    ')
  .replace(/\\n"$/, '"');
const LOGGED_PKCS8 = PKCS8_EC.split('\n')
  .map((l) => `2026-03-02T09:14:07Z [init] ${l}`)
  .join('\n');
// An array of lines joined at run time. With decoding on (the engine's default), decode/
// string-concat.ts opens it, as line-prefix.ts and string-concat.ts open the wrappers above, and
// the armour's own detector reports the key (one incident with the plain key); this pattern is
// for scans without decoding and for the wrappers no decoder opens.
const ARRAY_PKCS8 = `const PEM = [\n${PKCS8_EC.split('\n')
  .map((l) => `  "${l}",`)
  .join('\n')}\n].join("\\n");`;
// `kubectl logs --prefix` output where the key came inside a message: the BEGIN line's prefix
// differs from the others', so decode/line-prefix.ts does not open it and only this pattern reads it.
const POD_LOGGED_EC = `[pod/web-7d9f/app] WARN key from env: ${EC_A.split('\n').join('\n[pod/web-7d9f/app] ')}`;
const PGP_B_COMMENTED = PGP_B.replace('\n\n', '\nComment: release@acme.test\n\n');

/**
 * A Google Cloud service-account key file holds its PKCS#8 key beside the account's
 * `client_email` (before or after it, as a tool orders the fields): that email is what the key
 * signs for, so it is the key's partner (the validity check exchanges a JWT for it).
 */
const SERVICE_ACCOUNT_PARTNER = {
  kind: 'google-service-account-email',
  name: 'Google Cloud service account email (client_email)',
  pattern: String.raw`\b([a-z0-9][a-z0-9._-]{0,99}@[a-z0-9][a-z0-9.-]{0,99}\.gserviceaccount\.com)\b`,
  within: 512,
};

const dropLines = (block: string, from: number, to: number): string =>
  block
    .split('\n')
    .filter((_, i) => i < from || i >= to)
    .join('\n');

export default family('private-key', [
  {
    id: 'private-key-rsa',
    name: 'RSA private key (PKCS#1 PEM)',
    category: 'private_key',
    keywords: ['begin rsa private key'],
    pattern: pem('RSA PRIVATE KEY', 112, LEGACY_ENCRYPTION), // RSA-8192 takes 97 lines
    validate: validPem,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        { text: `Deploy key for the build agent:\n${RSA_A}\n`, secret: RSA_A },
        RSA_LEGACY_ENC, // passphrase-protected, but the passphrase is often pasted next to it
      ],
      negatives: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
        `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA${'x'.repeat(48)}\n-----END RSA PRIVATE KEY-----`,
        dropLines(RSA_A, 4, 9), // lines lost in the paste: the DER lengths no longer add up
        RSA_PUBLIC,
      ],
    },
  },
  {
    id: 'private-key-pkcs8',
    name: 'Private key (PKCS#8 PEM)',
    category: 'private_key',
    keywords: ['begin private key'],
    pattern: pem('PRIVATE KEY', 112), // ML-DSA-87 (FIPS 204) takes 104 lines, RSA-8192 98
    validate: validPem,
    window: 8192,
    allowRepetitive: true,
    partner: SERVICE_ACCOUNT_PARTNER,
    examples: {
      positives: [
        PKCS8_EC,
        { text: `private_key = <<EOT\n${PKCS8_ED25519}\nEOT`, secret: PKCS8_ED25519 },
        { text: SA_KEY, secret: PKCS8_RSA_SA },
      ],
      negatives: [
        '-----BEGIN PRIVATE KEY-----\n<paste your private key here>\n-----END PRIVATE KEY-----',
        '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\n-----END PRIVATE KEY-----',
        '-----BEGIN PRIVATE KEY-----\nVGhpcyBpcyBub3QgYSBrZXksIGp1c3QgYmFzZTY0IHRleHQgaW4gYSBQRU0gYm94\n-----END PRIVATE KEY-----',
        dropLines(PKCS8_EC, 2, 3),
      ],
    },
  },
  {
    id: 'private-key-pkcs8-encrypted',
    name: 'Encrypted private key (PKCS#8 PEM)',
    category: 'private_key',
    severity: 'medium', // still needs its passphrase
    keywords: ['begin encrypted private key'],
    pattern: pem('ENCRYPTED PRIVATE KEY', 112), // RSA-8192 takes 100
    validate: validPem,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        ENC_PKCS8_ED25519,
        { text: `key.pem (passphrase in 1Password):\n${ENC_PKCS8_EC}`, secret: ENC_PKCS8_EC },
      ],
      negatives: [
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI...\n-----END ENCRYPTED PRIVATE KEY-----',
        dropLines(ENC_PKCS8_EC, 1, 2),
      ],
    },
  },
  {
    id: 'private-key-ec',
    name: 'EC private key (SEC1 PEM)',
    category: 'private_key',
    keywords: ['begin ec private key', 'begin ecdsa private key'],
    pattern: pem('EC(?:DSA)? PRIVATE KEY', 10, LEGACY_ENCRYPTION),
    validate: validPem,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        EC_A,
        { text: `ssl_key = """${EC_B}"""`, secret: EC_B },
        EC_A.replace(/ EC /g, ' ECDSA '),
        EC_LEGACY_ENC,
      ],
      negatives: [
        '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----',
        '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBase64GoesHereXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXoAoGCCqGSM49\n-----END EC PRIVATE KEY-----',
        dropLines(EC_B, 1, 2),
        EC_LEGACY_ENC.replace(/.{4}\n-----END/, '\n-----END'), // ciphertext cut mid-block
      ],
    },
  },
  {
    id: 'private-key-dsa',
    name: 'DSA private key (PEM)',
    category: 'private_key',
    keywords: ['begin dsa private key'],
    pattern: pem('DSA PRIVATE KEY', 30, LEGACY_ENCRYPTION),
    validate: validPem,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [DSA_A, { text: `key: |\n${DSA_B}`, secret: DSA_B }],
      negatives: [
        '-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQ...\n-----END DSA PRIVATE KEY-----',
        dropLines(DSA_A, 3, 6),
      ],
    },
  },
  {
    id: 'private-key-openssh',
    name: 'OpenSSH private key',
    category: 'private_key',
    keywords: ['begin openssh private key'],
    pattern: pem('OPENSSH PRIVATE KEY', 112, '', 70), // RSA-8192 takes 91
    validate: validOpenssh,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        { text: `cat > ~/.ssh/id_ed25519 <<'EOF'\n${OPENSSH_A}\nEOF`, secret: OPENSSH_A },
        OPENSSH_ENC_A, // passphrase-protected (aes256-ctr, bcrypt)
      ],
      negatives: [
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn\n-----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----',
        dropLines(OPENSSH_B, 2, 4),
        dropLines(OPENSSH_ENC_B, 3, 4),
      ],
    },
  },
  {
    id: 'private-key-pgp',
    name: 'PGP private key block',
    category: 'private_key',
    keywords: ['begin pgp private key block'],
    pattern: PGP,
    validate: validPgp,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        PGP_A,
        {
          text: `release signing key (do not share):\n${PGP_B_COMMENTED}`,
          secret: PGP_B_COMMENTED,
        },
      ],
      negatives: [
        PGP_PUBLIC_RELABELLED, // a public-key packet under a private-key armour
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBF...\n-----END PGP PRIVATE KEY BLOCK-----',
      ],
    },
  },
  {
    // Keys in source code (string concatenation) or in log output (a prefix on every line).
    id: 'private-key-pem-wrapped',
    name: 'PEM private key wrapped in code or log lines',
    category: 'private_key',
    keywords: [
      'begin rsa private key',
      'begin private key',
      'begin ec private key',
      'begin dsa private key',
      'begin encrypted private key',
    ],
    pattern: WRAPPED,
    validate: validWrapped,
    priority: -1, // a plain block is reported by its armour's entry
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        { text: `String pem = ${JAVA_EC};`, secret: JAVA_EC.slice(1, -1) },
        { text: LOGGED_PKCS8, secret: LOGGED_PKCS8.slice(LOGGED_PKCS8.indexOf('-----BEGIN')) },
        { text: POD_LOGGED_EC, secret: POD_LOGGED_EC.slice(POD_LOGGED_EC.indexOf('-----BEGIN')) },
        {
          text: ARRAY_PKCS8,
          secret: ARRAY_PKCS8.slice(
            ARRAY_PKCS8.indexOf('-----BEGIN'),
            ARRAY_PKCS8.lastIndexOf('-----') + 5,
          ),
        },
      ],
      negatives: [
        '"-----BEGIN RSA PRIVATE KEY-----\\n" +\n  "MIIEpAIBAAKCAQEA...\\n" +\n  "-----END RSA PRIVATE KEY-----"',
        dropLines(LOGGED_PKCS8, 1, 2),
      ],
    },
  },
  {
    id: 'private-key-putty',
    name: 'PuTTY private key (.ppk)',
    category: 'private_key',
    keywords: ['putty-user-key-file-'],
    pattern: PPK,
    validate: validPpk,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [PPK_RSA_V2, PPK_ENC_V3],
      negatives: [
        PPK_RSA_V2.replace('Private-Lines: 8', 'Private-Lines: 9'),
        PPK_ED25519_V3.replace(/Private-MAC: .*/, 'Private-MAC: <mac>'),
        PPK_ENC_V2.replace(/(Private-Lines: 1\n)(.{40}).*/, '$1$2'), // ciphertext cut short
      ],
    },
  },
  {
    // kubeconfig `client-key-data`, Kubernetes `tls.key`, Helm values: a PEM key base64-encoded whole.
    id: 'private-key-base64-pem',
    name: 'Base64-encoded PEM private key (kubeconfig client-key-data)',
    category: 'private_key',
    keywords: B64_ARMOURS.map((a) => a.toLowerCase()),
    pattern: B64_PEM,
    validate: validB64Pem,
    window: 8192,
    allowRepetitive: true,
    examples: {
      positives: [
        { text: `    client-key-data: ${btoa(EC_B + '\n')}`, secret: btoa(EC_B + '\n') },
        `  tls.key: ${btoa(PKCS8_ED25519 + '\n')}`,
        { text: `PRIVATE_KEY=${btoa(EC_B + '\n')}`, secret: btoa(EC_B + '\n') },
      ],
      negatives: [
        `client-certificate-data: ${btoa(CERTIFICATE)}`,
        `client-key-data: ${btoa('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n')}`,
        `client-key-data: ${btoa(dropLines(EC_B, 1, 2))}`,
      ],
    },
  },
]);

// Revoke or rotate: Red Hat Enterprise Linux Deployment Guide, "Revoking an SSH CA Certificate" (OpenSSH key revocation).
guidance('private-key', {
  steps:
    "Generate a new key pair and install its public key wherever the old one was trusted (authorized_keys, a deploy key, a certificate request), then remove the old public key everywhere. For SSH, add the old key to the server's RevokedKeys list; for a TLS or code-signing key, have the certificate authority revoke the certificate; for a PGP key, publish its revocation certificate.",
  url: 'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/6/html/deployment_guide/sec-revoking_an_ssh_ca_certificate',
});
