import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Ascii } from '../../../src/engine/checks/crc32.js';
import { toBase36, toBase62 } from '../../../src/engine/checks/radix.js';
import {
  hasAtlassianCrc,
  hasBase62Crc32,
  isGitlabRoutable,
} from '../../../src/engine/checks/token-checksums.js';
import { awsAccountId, isAwsKeyId } from '../../../src/engine/checks/aws-key-id.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rand = (n: number, seed: number): string => {
  let s = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += ALNUM.charAt(x % ALNUM.length);
  }
  return s;
};

describe('crc32Ascii', () => {
  it('agrees with zlib on token alphabets', () => {
    for (let seed = 1; seed < 50; seed++) {
      const s = rand(30 + (seed % 40), seed);
      expect(crc32Ascii(s)).toBe(crc32(s));
    }
  });
});

describe('GitHub/npm base62 CRC32', () => {
  it('accepts a body whose last 6 chars are the checksum and rejects any change', () => {
    const random = rand(30, 7);
    const body = random + toBase62(crc32Ascii(random), 6);
    expect(hasBase62Crc32(body)).toBe(true);
    const flipped = body.slice(0, 5) + (body[5] === 'a' ? 'b' : 'a') + body.slice(6);
    expect(hasBase62Crc32(flipped)).toBe(false);
    expect(hasBase62Crc32(body.slice(1))).toBe(false);
  });
});

describe('GitLab routable tokens', () => {
  const make = (prefix: string, payload: string, version = true): string => {
    const head = `${prefix}${payload}.${version ? '01.' : ''}${toBase36(payload.length, 2)}`;
    return head + toBase36(crc32Ascii(head), 7);
  };
  it('accepts both layouts (with and without the version segment)', () => {
    expect(isGitlabRoutable(make('glpat-', rand(27, 3)))).toBe(true);
    expect(isGitlabRoutable(make('glrt-t1_', rand(27, 4)))).toBe(true);
    expect(isGitlabRoutable(make('glpat-', rand(27, 5), false))).toBe(true);
  });
  it("accepts GitLab's own documented sample", () => {
    expect(isGitlabRoutable('glpat-bzox79Of-KE9FD2LjoXXF4CvyxA.0r03gxo7s')).toBe(true);
  });
  it('rejects a wrong CRC or a wrong length field', () => {
    const t = make('glpat-', rand(27, 6));
    expect(isGitlabRoutable(t.slice(0, -1) + (t.endsWith('a') ? 'b' : 'a'))).toBe(false);
    const payload = rand(27, 8);
    const head = `glpat-${payload}.01.${toBase36(26, 2)}`;
    expect(isGitlabRoutable(head + toBase36(crc32Ascii(head), 7))).toBe(false);
  });
});

describe('Atlassian API token CRC', () => {
  it('accepts the upper-case hex CRC32 of everything before it', () => {
    const body = `ATATT3xFfGF0${rand(171, 9)}=`;
    const token = body + crc32Ascii(body).toString(16).toUpperCase().padStart(8, '0');
    expect(hasAtlassianCrc(token)).toBe(true);
    expect(hasAtlassianCrc(token.toLowerCase())).toBe(false);
    expect(hasAtlassianCrc(`${body}00000000`)).toBe(false);
  });
});

describe('AWS key ids', () => {
  it('decodes the account id of new-style key ids', () => {
    // Vector from the public write-up on AWS key id structure (see aws-key-id.ts).
    expect(awsAccountId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
  });
  it('rejects chars outside base32 and unknown prefixes', () => {
    expect(isAwsKeyId('AKIAY34FZKBOKMUTVV7A')).toBe(true);
    expect(isAwsKeyId('AKIAY34FZKBOKMUTVV1A')).toBe(false); // '1' is not base32
    expect(isAwsKeyId('AKIBY34FZKBOKMUTVV7A')).toBe(false);
  });
});
