import { describe, expect, it } from 'vitest';
import {
  CUSTOM_LIMITS,
  compileCustomDetector,
  customWork,
  runCustomDetector,
  type CustomDetector,
} from '../../src/engine/custom-detector.js';
import { createScanner, createWorkBudget } from '../../src/engine/scan.js';

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
    // About 60 µs a character on re2js: twenty of these stalled every real-time trigger.
    [String.raw`(?:\p{L}?){999}\d`, /compiles to 2001 instructions, over the limit of 1000/],
    ['[A-Za-z0-9]{1,1000}', /over the limit/],
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

describe('program size', () => {
  it('accepts token-shaped patterns well under the limit and says what each costs', () => {
    const r = compile('acme_[A-Za-z0-9]{40}');
    if (!r.ok) throw new Error(r.error);
    expect(r.detector.programSize).toBeLessThan(60);
    expect(customWork(r.detector, 1000)).toBe(1000 * (r.detector.programSize + 16));
  });
});

describe('runCustomDetector', () => {
  it('reports group 1 with UTF-16 offsets, also far into a long text', () => {
    const r = compile('acme-int-([0-9a-f]{16})');
    if (!r.ok) throw new Error(r.error);
    const secret = '9f3b2c7d1e8a4f60';
    // Past where chunked matching used to cut (8,192 chars), in a text of surrogate pairs.
    const text = `${'🚀'.repeat(4090)}acme-int-${secret} and acme-int-${secret}`;
    const found = runCustomDetector(r.detector, text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual([secret, secret]);
  });
  it('gives ^ and $ their RE2 meaning on the whole text, not on pieces of it', () => {
    const r = compile('(a|aa)+$');
    if (!r.ok) throw new Error(r.error);
    expect(runCustomDetector(r.detector, `${'a'.repeat(20_000)}!`)).toEqual([]);
    // The secret is group 1: the last `a` of the one match that ends the text.
    expect(runCustomDetector(r.detector, 'a'.repeat(20_000))).toEqual([
      { start: 19_999, end: 20_000 },
    ]);
    const start = compile('^acme-[0-9]{4}');
    if (!start.ok) throw new Error(start.error);
    const text = `acme-1234 ${'x'.repeat(10_000)}\nacme-5678`;
    expect(runCustomDetector(start.detector, text)).toEqual([{ start: 0, end: 9 }]);
    const multiline = compile('(?m)^acme-[0-9]{4}');
    if (!multiline.ok) throw new Error(multiline.error);
    expect(
      runCustomDetector(multiline.detector, text).map((m) => text.slice(m.start, m.end)),
    ).toEqual(['acme-1234', 'acme-5678']);
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

describe('custom-detector budget', () => {
  const detector = (name: string, pattern: string): CustomDetector => {
    const r = compileCustomDetector({ name, pattern });
    if (!r.ok) throw new Error(r.error);
    return r.detector;
  };
  const acme = detector('Acme', 'acme-int-[0-9a-f]{16}');
  // Cheap to run (its literal prefix is never there) but priced as what it might cost.
  const big = detector('Big', 'zz9_[a-z0-9]{900}');
  const github = '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'; // valid CRC32
  const text = `deploy with acme-int-9f3b2c7d1e8a4f60 ${'lorem ipsum '.repeat(200)}`;

  it('leaves out a detector over the per-text limit with an over-budget skip, built-ins still run', async () => {
    const { DETECTORS } = await import('../../src/detectors/index.js');
    const s = createScanner({
      detectors: DETECTORS,
      customDetectors: [acme, big],
      fingerprintKey: 'custom-test-key-000001',
      customWork: { perText: customWork(acme, text.length + github.length + 1) },
    });
    const r = s.scan(`${text} ${github}`);
    expect(r.findings.map((f) => f.detector).sort()).toEqual(['custom-acme', 'github-pat']);
    expect(r.skips).toEqual([
      {
        detector: 'custom-big',
        code: 'over-budget',
        reason: expect.stringMatching(
          /^custom detector not run: \d+ chars with its \d+-instruction pattern is over what one text may take$/,
        ) as unknown,
      },
    ]);
  });

  it('shares one pool between the scans of a run, and never overdraws it', () => {
    const pool = createWorkBudget(customWork(acme, text.length) * 2);
    const s = createScanner({
      detectors: [],
      customDetectors: [acme],
      fingerprintKey: 'custom-test-key-000001',
      customWork: { pool },
    });
    expect(s.scan(text).findings).toHaveLength(1);
    expect(s.scan(text).findings).toHaveLength(1);
    const third = s.scan(text);
    expect(third.findings).toEqual([]);
    expect(third.skips[0]?.reason).toMatch(/custom-detector time of this run is spent/);
    expect(pool.remaining).toBe(0);
  });
});
