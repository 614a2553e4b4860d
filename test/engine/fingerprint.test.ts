import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFingerprinter } from '../../src/engine/fingerprint.js';

// Node's own HMAC as the independent reference.
const reference = (key: string, secret: string): string =>
  createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(secret, 'utf8')).digest('hex');

describe('makeFingerprinter', () => {
  it('is HMAC-SHA256 of the secret under the key, call after call (the keyed state is copied)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 16, maxLength: 80 }).filter((k) => Buffer.byteLength(k) >= 16),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { minLength: 1, maxLength: 5 }),
        (key, secrets) => {
          const f = makeFingerprinter(key);
          for (const s of [...secrets, ...secrets]) expect(f(s)).toBe(reference(key, s));
        },
      ),
    );
  });
  it('refuses a key under 16 bytes', () => {
    expect(() => makeFingerprinter('short')).toThrow(/16 bytes/);
  });
});
