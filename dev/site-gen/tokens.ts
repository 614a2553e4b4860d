/**
 * Fresh tokens with valid offline checksums (the ones the detectors verify), from a PRNG: seeded
 * for the site generator, Math.random for scripts/example-token.ts. A token whose random part
 * happens to look like a placeholder (`xxxx`, `1234567`, `fake`...) is drawn again, since the
 * engine rightly ignores those.
 * @module
 */
import { crc32Ascii } from '../../src/engine/checks/crc32.js';
import { toBase36, toBase62 } from '../../src/engine/checks/radix.js';
import { isPlaceholderValue } from '../../src/engine/placeholder.js';
import type { Random } from './prng.js';

export type { Random } from './prng.js';

export const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const B64URL = ALNUM + '-_';

export function randomString(rand: Random, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(rand() * alphabet.length));
  return s;
}

function fresh(make: () => string): string {
  for (;;) {
    const t = make();
    if (!isPlaceholderValue(t)) return t;
  }
}

/** GitHub classic token (`ghp_` `gho_` `ghu_` `ghs_` `ghr_`): 30 base62 + base62 CRC-32 (6). */
export function githubToken(rand: Random, prefix = 'ghp_'): string {
  return fresh(() => {
    const r = randomString(rand, ALNUM, 30);
    return prefix + r + toBase62(crc32Ascii(r), 6);
  });
}

/** npm access token: the GitHub format with `npm_`. */
export function npmToken(rand: Random): string {
  return githubToken(rand, 'npm_');
}

/** GitLab routable token: prefix, base64url payload, `.01.`, base36 length (2), base36 CRC-32 (7). */
export function gitlabToken(rand: Random, prefix = 'glpat-'): string {
  return fresh(() => {
    // 16 random bytes + routing payload, base64url; we only need a payload of plausible length.
    const payload = randomString(rand, B64URL, 27);
    const body = `${prefix}${payload}.01.${toBase36(payload.length, 2)}`;
    return body + toBase36(crc32Ascii(body), 7);
  });
}

/** Atlassian Cloud API token: `ATATT3xFfGF0`, base64url body, `=`, upper-case hex CRC-32 (8). */
export function atlassianToken(rand: Random): string {
  return fresh(() => {
    const body = 'ATATT3xFfGF0' + randomString(rand, B64URL, 171) + '=';
    return body + crc32Ascii(body).toString(16).toUpperCase().padStart(8, '0');
  });
}
