/**
 * Offline checksums that token formats embed. A candidate failing its checksum is a typo, a
 * truncation or a made-up example, so it is not a finding.
 * @module
 */
import { crc32Ascii } from './crc32.js';
import { decodeBase64, toBase36, toBase62 } from './radix.js';

/**
 * GitHub classic tokens (`ghp_` `gho_` `ghu_` `ghs_` `ghr_`) and npm tokens (`npm_`): 30 random
 * base62 chars then base62(CRC-32 of those 30), 6 chars.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function hasBase62Crc32(body: string): boolean {
  if (body.length !== 36) return false;
  const random = body.slice(0, 30);
  return toBase62(crc32Ascii(random), 6) === body.slice(30);
}

/**
 * GitLab routable tokens: `<prefix><base64url payload>.<version 2 base36>.<len 2 base36><crc 7 base36>`
 * (older ones lack the version segment). The CRC-32 covers everything before the last 7 chars.
 * The length field is the length of the base64 payload. Source: GitLab routable_token.rb.
 */
export function isGitlabRoutable(token: string): boolean {
  // Parse from the end: the length field tells where the payload starts, so a payload that
  // begins with chars like `ab_` is not mistaken for part of the prefix (e.g. `glrt-t1_`).
  const m = /\.(?:[0-9a-z]{2}\.)?([0-9a-z]{2})([0-9a-z]{7})$/.exec(token);
  if (!m) return false;
  const before = token.slice(0, m.index);
  const len = parseInt(m[1] as string, 36);
  if (len < 20 || len > before.length) return false;
  const payload = before.slice(before.length - len);
  const prefix = before.slice(0, before.length - len);
  if (!/^[a-z]{2,12}-(?:[a-z0-9]{1,4}_)?$/.test(prefix) || !/^[A-Za-z0-9_-]+$/.test(payload))
    return false;
  if (toBase36(crc32Ascii(token.slice(0, -7)), 7) !== m[2]) return false;
  // The payload is random bytes followed by "k:v" routing lines; it must at least decode.
  return decodeBase64(payload) !== undefined;
}

/**
 * Atlassian API tokens (`ATATT...`): the last 8 chars are the upper-case hex CRC-32 of all before.
 */
export function hasAtlassianCrc(token: string): boolean {
  if (token.length < 20) return false;
  const tail = token.slice(-8);
  if (!/^[0-9A-F]{8}$/.test(tail)) return false;
  return crc32Ascii(token.slice(0, -8)) === parseInt(tail, 16);
}
