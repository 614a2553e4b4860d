import { describe, expect, it } from 'vitest';
import {
  CUSTOM_LIMITS,
  compileCustomDetector,
  runCustomDetector,
} from '../../src/engine/custom-detector.js';
import { createScanner } from '../../src/engine/scan.js';

const compile = (
  pattern: string,
  name = 'Acme internal',
): ReturnType<typeof compileCustomDetector> => compileCustomDetector({ name, pattern });

describe('compileCustomDetector', () => {
  it.each([
    ['(?<=a)b', /not a valid RE2 pattern/],
    ['(a)\\1', /not a valid RE2 pattern/],
    ['[', /not a valid RE2 pattern/],
    ['a*', /matches the empty string/],
    ['((a{100}){100}){100}', /not a valid RE2 pattern/],
    ['x'.repeat(CUSTOM_LIMITS.patternLength + 1), /longer than/],
  ])('rejects %s with a clear error', (pattern, error) => {
    const r = compile(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
  it('rejects a missing name', () => {
    expect(compileCustomDetector({ name: '  ', pattern: 'a' })).toEqual({
      ok: false,
      error: 'name is required',
    });
  });
});

describe('runCustomDetector', () => {
  it('reports group 1 with UTF-16 offsets, also across chunk boundaries', () => {
    const r = compile('acme-int-([0-9a-f]{16})');
    if (!r.ok) throw new Error(r.error);
    const secret = '9f3b2c7d1e8a4f60';
    const text = `${'🚀'.repeat(CUSTOM_LIMITS.chunk / 2 - 6)}acme-int-${secret} and acme-int-${secret}`;
    const found = runCustomDetector(r.detector, text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual([secret, secret]);
  });
  it('stays linear on a pattern that is catastrophic for backtracking engines', () => {
    const r = compile('(x+x+)+y');
    if (!r.ok) throw new Error(r.error);
    expect(runCustomDetector(r.detector, 'x'.repeat(200_000))).toEqual([]);
  });
  it('runs inside the scanner, below built-in detectors, with keyword gating', () => {
    const r = compileCustomDetector({
      name: 'Acme internal',
      pattern: 'acme-int-[0-9a-f]{16}',
      keywords: ['acme-int'],
    });
    if (!r.ok) throw new Error(r.error);
    const s = createScanner({
      detectors: [],
      customDetectors: [r.detector],
      fingerprintKey: 'custom-test-key-000001',
    });
    const [f] = s.scan('deploy with acme-int-9f3b2c7d1e8a4f60 now').findings;
    expect(f?.detector).toBe('custom-acme-internal');
    expect(f?.family).toBe('custom');
  });
});
