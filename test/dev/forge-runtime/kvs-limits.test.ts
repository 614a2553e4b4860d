import { describe, expect, it } from 'vitest';
import { createKvsLimiter } from '../../../dev/forge-runtime/kvs-limits.js';

describe('KVS rate limits', () => {
  it('refuses past the requests of a second and the write units of a minute', () => {
    let t = 0;
    const l = createKvsLimiter(
      { requestsPerSecond: 3, readUnitsPerMinute: 100, writeUnitsPerMinute: 4 },
      () => t,
    );
    expect([l.admit(false), l.admit(false), l.admit(false), l.admit(false)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    t = 1_001;
    expect(l.admit(true)).toBe(true);
    l.charge(true, 4);
    t = 2_002;
    expect(l.admit(true)).toBe(false); // four write units this minute
    expect(l.admit(false)).toBe(true);
    t = 61_002;
    expect(l.admit(true)).toBe(true);
    expect(l.refused()).toBe(2);
  });
});
