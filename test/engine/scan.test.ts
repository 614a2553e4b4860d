import { describe, expect, it } from 'vitest';
import { createScanner, startsWithKeyword } from '../../src/engine/scan.js';
import type { Detector } from '../../src/engine/types.js';

// Small synthetic detectors so these tests pin the engine, not the catalogue.
const tok: Detector = {
  id: 'acme-token',
  name: 'Acme token',
  family: 'acme',
  category: 'token',
  keywords: ['acme_'],
  pattern: String.raw`\b(acme_[A-Za-z0-9]{24})(?:$|[^A-Za-z0-9_])`,
  examples: { positives: [], negatives: [] },
};
const ctx: Detector = {
  id: 'acme-secret',
  name: 'Acme secret (context)',
  family: 'acme',
  category: 'credentials',
  keywords: ['acme_secret'],
  ignoreCase: true,
  pattern: String.raw`acme_secret\s{0,3}=\s{0,3}([A-Za-z0-9]{32})(?:$|[^A-Za-z0-9])`,
  window: 8, // shorter than the value: the window must not cut it
  examples: { positives: [], negatives: [] },
};
const generic: Detector = {
  id: 'generic-x',
  name: 'Generic',
  family: 'generic',
  category: 'generic',
  keywords: ['acme_'],
  enabledByDefault: false,
  pattern: String.raw`(acme_[A-Za-z0-9]{10,40})`,
  examples: { positives: [], negatives: [] },
};
const KEY = 'unit-test-fingerprint-key';
const scanner = createScanner({
  detectors: [tok, ctx, generic],
  fingerprintKey: KEY,
  isEnabled: () => true,
});
const T = 'acme_Q7vLm2Xp9RtK4wZs8NbY3cHd';

describe('offsets', () => {
  it('are UTF-16 indices, end exclusive, after emoji and CJK', () => {
    const text = `部署 🚀🔥 見て\n  token ${T} ok`;
    const [f] = scanner.scan(text).findings;
    expect(f).toBeDefined();
    expect(text.slice(f?.start, f?.end)).toBe(T);
    expect(f?.line).toBe(2);
    expect(f?.column).toBe(9);
  });
  it('count \\r\\n and lone \\r as one line break each', () => {
    const [f] = scanner.scan(`a\r\nb\rc ${T}`).findings;
    expect([f?.line, f?.column]).toEqual([3, 3]);
  });
});

describe('findings', () => {
  it('never carry the secret; the preview is masked and the fingerprint keyed', () => {
    const [f] = scanner.scan(`x ${T}`).findings;
    expect(JSON.stringify(f)).not.toContain(T);
    expect(f?.redacted).toMatch(/^acme\*{8}Hd$/);
    const other = createScanner({ detectors: [tok], fingerprintKey: 'another-key-0123456789' });
    expect(other.scan(T).findings[0]?.fingerprint).not.toBe(f?.fingerprint);
    expect(scanner.scan(`again: ${T}`).findings[0]?.fingerprint).toBe(f?.fingerprint);
  });
  it('lets a specific detector win over a generic one on the same span', () => {
    const found = scanner.scan(T).findings;
    expect(found.map((f) => f.detector)).toEqual(['acme-token']);
  });
  it('runs only enabled detectors (generic ones are off by default)', () => {
    const s = createScanner({ detectors: [generic], fingerprintKey: KEY });
    expect(s.detectors).toEqual([]);
    expect(s.scan('acme_Q7vLm2Xp9Rt').findings).toEqual([]);
  });
  it('does not cut a token at a window edge', () => {
    const value = 'Hx7Lq2Vn9Rt4Wm8Kp3Zs6Yb1Cd5Fg0Jk';
    const text = `${'filler '.repeat(50)}ACME_SECRET = ${value}`;
    const found = scanner.scan(text).findings.filter((f) => f.detector === 'acme-secret');
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([value]);
  });
});

describe('placeholders and elisions are not findings', () => {
  it.each([
    'acme_xxxxxxxxxxxxxxxxxxxxxxxx',
    'acme_EXAMPLEEXAMPLEEXAMPLE12',
    'acme_000000000000000000000000',
    'acme_Q7vLm2Xp9R************',
    'acme_Q7vLm2Xp9RtK4wZs8NbY3cHd...',
    'acme_Q7vLm2Xp9RtK4wZs8NbY3cHd…',
    'acme_yourtokenhereQ7vLm2Xp9R',
  ])('%s', (text) => {
    expect(scanner.scan(text).findings).toEqual([]);
  });
});

describe('bad input never throws', () => {
  it('handles empty text, NUL bytes and lone surrogates', () => {
    expect(scanner.scan('')).toEqual({ findings: [], skips: [] });
    const nul = `\u0000\u0000${T}\u0000`;
    expect(scanner.scan(nul).findings).toHaveLength(1);
    const broken = `\uD800 \uDFFF ${T} \uD83D`;
    const [f] = scanner.scan(broken).findings;
    expect(broken.slice(f?.start, f?.end)).toBe(T);
    expect(f?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
  it('handles a 10 MB single line with keywords everywhere', () => {
    const line = 'acme_ acme_secret = '.repeat(500_000) + T;
    expect(line.length).toBeGreaterThan(10_000_000);
    const r = scanner.scan(line);
    expect(r.findings.map((f) => f.detector)).toContain('acme-token');
  });
  it('reports (does not silently drop) text past the size cap', () => {
    const s = createScanner({ detectors: [tok], fingerprintKey: KEY, maxTextLength: 100 });
    const r = s.scan(`${' '.repeat(200)}${T}`);
    expect(r.findings).toEqual([]);
    expect(r.skips[0]?.reason).toMatch(/only the first 100/);
  });
  it('turns a throwing validator into a recorded skip, keeping other findings', () => {
    const bad: Detector = {
      ...ctx,
      id: 'bad',
      validate: () => {
        throw new TypeError('boom');
      },
    };
    const s = createScanner({ detectors: [tok, bad], fingerprintKey: KEY });
    const r = s.scan(`${T} acme_secret = Hx7Lq2Vn9Rt4Wm8Kp3Zs6Yb1Cd5Fg0Jk`);
    expect(r.findings.map((f) => f.detector)).toEqual(['acme-token']);
    expect(r.skips).toEqual([{ detector: 'bad', reason: 'detector failed: TypeError' }]);
  });
  it('rejects non-string input with a skip', () => {
    expect(scanner.scan(42 as unknown as string).skips[0]?.reason).toBe('input is not text');
  });
});

describe('startsWithKeyword (short windows before a hit)', () => {
  const d = (pattern: string, keywords: string[]): Pick<Detector, 'pattern' | 'keywords'> => ({
    pattern,
    keywords,
  });
  it.each([
    [String.raw`\b(ghp_[A-Za-z0-9]{36})`, ['ghp_'], true],
    [String.raw`\b((?:AKIA|ASIA)[A-Z2-7]{16})`, ['akia', 'asia'], true],
    [String.raw`(?:^|[^A-Za-z0-9])(EAA[A-Za-z0-9]{80})`, ['eaa'], true],
    [String.raw`\b(dp\.pt\.[A-Za-z0-9]{40})`, ['dp.pt.'], true],
    // Alternatives that do not all begin with a keyword, or a keyword that is not at the start:
    [String.raw`(?:twilio[\w.-]{0,30}=|\bAC[0-9a-f]{32}:)([0-9a-f]{32})`, ['twilio'], false],
    [String.raw`abc_[a-z]{4}|def_[a-z]{4}`, ['abc_'], false],
    [String.raw`[A-Za-z]{0,20}secret=([a-z]{8})`, ['secret'], false],
    [String.raw`\b(xox[bp]-[0-9]{10})`, ['xoxb-', 'xoxp-'], false],
    [String.raw`\b(abcd?_[0-9]{10})`, ['abcd'], false],
  ])('%s -> %s', (pattern, keywords, expected) => {
    expect(startsWithKeyword(d(pattern, keywords))).toBe(expected);
  });

  it('still finds a prefixed token glued to a long run of text before it', () => {
    const text = `${'z'.repeat(5000)} ${T}`;
    expect(scanner.scan(text).findings.map((f) => text.slice(f.start, f.end))).toEqual([T]);
    const glued = `${'-'.repeat(5000)}${T}`;
    expect(scanner.scan(glued).findings.map((f) => glued.slice(f.start, f.end))).toEqual([T]);
  });
});
