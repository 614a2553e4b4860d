/**
 * Makes example tokens with valid offline checksums, for writing detector examples by hand:
 *   node dist/scripts/example-token.js github ghp_      (also npm_)
 *   node dist/scripts/example-token.js gitlab glpat-
 *   node dist/scripts/example-token.js atlassian
 * Output is random each run: paste it into a detector's `examples`.
 */
import { crc32Ascii } from '../src/engine/checks/crc32.js';
import { toBase36, toBase62 } from '../src/engine/checks/radix.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B64URL = ALNUM + '-_';

function random(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return s;
}

function github(prefix: string): string {
  const r = random(ALNUM, 30);
  return prefix + r + toBase62(crc32Ascii(r), 6);
}

function gitlab(prefix: string): string {
  // 16 random bytes + routing payload, base64url; we only need a payload of plausible length.
  const payload = random(B64URL, 27);
  const body = `${prefix}${payload}.01.${toBase36(payload.length, 2)}`;
  return body + toBase36(crc32Ascii(body), 7);
}

function atlassian(): string {
  const body = 'ATATT3xFfGF0' + random(B64URL, 171) + '=';
  return body + crc32Ascii(body).toString(16).toUpperCase().padStart(8, '0');
}

const [kind, prefix = ''] = process.argv.slice(2);
switch (kind) {
  case 'github':
    console.log(github(prefix || 'ghp_'));
    break;
  case 'gitlab':
    console.log(gitlab(prefix || 'glpat-'));
    break;
  case 'atlassian':
    console.log(atlassian());
    break;
  default:
    console.error('usage: example-token github|gitlab|atlassian [prefix]');
    process.exitCode = 2;
}
