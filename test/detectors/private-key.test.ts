// Private keys of the largest sizes in use: each is found whole by its armour's detector, and one
// line lost still fails its structure check.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import { encryptedRsa8192, mlDsa87, openssh8192, pgpRsa, rsa8192Pkcs1 } from './long-keys.js';

const s = createScanner({ detectors: DETECTORS, fingerprintKey: 'private-key-test-0123456789' });

describe('long private keys', () => {
  it.each([
    ['RSA-8192 PKCS#1', rsa8192Pkcs1(), 'private-key-rsa', 97],
    ['RSA-8192 encrypted PKCS#8', encryptedRsa8192(), 'private-key-pkcs8-encrypted', 100],
    ['ML-DSA-87 PKCS#8', mlDsa87(), 'private-key-pkcs8', 104],
    ['RSA-8192 OpenSSH', openssh8192(), 'private-key-openssh', 91],
    // gpg's RSA keys with their subkey; the last line is the CRC24 (the blank line counts too)
    ['RSA-2048 PGP', pgpRsa(2048), 'private-key-pgp', 55],
    ['RSA-3072 PGP', pgpRsa(3072), 'private-key-pgp', 79],
    ['RSA-4096 PGP', pgpRsa(4096), 'private-key-pgp', 103],
  ])('%s', (_name, key, detector, lines) => {
    expect(key.split('\n').length - 2).toBe(lines);
    const text = `key for the release job:\n${key}\nthanks`;
    const found = s.scan(text).findings;
    expect(found.map((f) => [f.detector, text.slice(f.start, f.end)])).toEqual([[detector, key]]);
    const cut = key
      .split('\n')
      .filter((_, i) => i !== 40)
      .join('\n');
    expect(s.scan(cut).findings).toEqual([]);
  });
});

describe('PGP private key blocks', () => {
  it('a gpg RSA-3072 key with any one of its lines lost is no finding', () => {
    const lines = pgpRsa(3072).split('\n');
    // the body lines: after the blank line, before the CRC24 line
    for (let i = 2; i < lines.length - 2; i++) {
      const cut = lines.filter((_, j) => j !== i).join('\n');
      expect(s.scan(cut).findings, `line ${i}`).toEqual([]);
    }
  });
});

describe('PEM keys wrapped in lines no decoder opens', () => {
  it('an RSA-4096 key (49 lines) in kubectl logs --prefix output', () => {
    const key = rsa8192Pkcs1(4096);
    expect(key.split('\n').length - 2).toBe(49);
    const pod = '[pod/api-5c8b/app] ';
    const text = `${pod}ERROR bad key: ${key.replaceAll('\n', `\n${pod}`)}\n${pod}exit 1`;
    const found = s.scan(text).findings;
    const start = text.indexOf('-----BEGIN');
    const end = text.lastIndexOf('-----') + 5;
    expect(found.map((f) => [f.detector, f.start, f.end])).toEqual([
      ['private-key-pem-wrapped', start, end],
    ]);
    const cut = text
      .split('\n')
      .filter((_, i) => i !== 20)
      .join('\n');
    expect(s.scan(cut).findings).toEqual([]);
  });
});
