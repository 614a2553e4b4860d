// Walks every detector: shape, RE2 syntax, its own positives (plain and in Jira-shaped text) and negatives.
import { RE2 } from 're2-wasm';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import type { Detector, PositiveExample } from '../../src/engine/types.js';
import { jiraWrappers } from './jira-wrappers.js';
import { unboundedQuantifiers } from './regex-shape.js';

const KEY = 'catalogue-test-key-0123456789';
const all = createScanner({ detectors: DETECTORS, fingerprintKey: KEY, isEnabled: () => true });
// Positives pin each detector's own pattern, so they are scanned without decoding: decoding
// replaces a container detector's finding (a base64 PEM, a .dockerconfigjson) with the finding of
// what it encodes, on purpose (test/engine/decode). Negatives are scanned with it.
const undecoded = createScanner({
  detectors: DETECTORS,
  fingerprintKey: KEY,
  isEnabled: () => true,
  decode: false,
});
const undecodedByDefault = createScanner({
  detectors: DETECTORS,
  fingerprintKey: KEY,
  decode: false,
});
const byDefault = createScanner({ detectors: DETECTORS, fingerprintKey: KEY });
const exampleText = (p: PositiveExample): string => (typeof p === 'string' ? p : p.text);

describe('detector catalogue', () => {
  it('has at least 150 provider-specific detectors with unique kebab-case ids', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(DETECTORS.filter((d) => d.category !== 'generic').length).toBeGreaterThanOrEqual(150);
  });

  it('keeps generic detectors off by default', () => {
    const generic = DETECTORS.filter((d) => d.category === 'generic');
    expect(generic.map((d) => d.id).sort()).toEqual([
      'generic-high-entropy-secret',
      'generic-password',
    ]);
    for (const d of generic) expect(d.enabledByDefault).toBe(false);
  });
});

describe.each(DETECTORS.map((d) => [d.id, d] as const))('%s', (_id, d: Detector) => {
  const scanner = d.enabledByDefault === false ? undecoded : undecodedByDefault;
  const decoding = d.enabledByDefault === false ? all : byDefault;

  it('is well formed', () => {
    expect(d.name.length).toBeGreaterThan(3);
    expect(d.keywords.length).toBeGreaterThan(0);
    for (const k of d.keywords) expect(k).toBe(k.toLowerCase());
    expect(d.examples.positives.length).toBeGreaterThanOrEqual(2);
    expect(d.examples.negatives.length).toBeGreaterThanOrEqual(2);
    expect(unboundedQuantifiers(d.pattern)).toEqual([]);
  });

  it('compiles under RE2 and agrees with V8 on its positives', () => {
    const re2 = new RE2(d.pattern, d.ignoreCase ? 'iu' : 'u');
    try {
      const v8 = new RegExp(d.pattern, d.ignoreCase ? 'i' : '');
      for (const p of d.examples.positives) {
        const text = exampleText(p);
        const a = v8.exec(text);
        const b = re2.exec(text);
        expect(b?.[0], text).toBe(a?.[0]);
      }
    } finally {
      // re2-wasm has a fixed 16 MiB heap: free each compiled program (an embind object).
      (re2 as unknown as { wrapper: { delete(): void } }).wrapper.delete();
    }
    if (d.partner) {
      expect(unboundedQuantifiers(d.partner.pattern)).toEqual([]);
      const partner = new RE2(d.partner.pattern, d.partner.ignoreCase ? 'iu' : 'u');
      (partner as unknown as { wrapper: { delete(): void } }).wrapper.delete();
    }
  });

  it.each(d.examples.positives.map((p) => [exampleText(p).slice(0, 60), p] as const))(
    'finds positive %s in Jira-shaped text',
    (_label, p) => {
      const example = exampleText(p);
      for (const w of jiraWrappers(example)) {
        const hits = scanner
          .scan(w.text)
          .findings.filter((f) => f.detector === d.id && f.start >= w.start && f.end <= w.end);
        expect(hits.length, `${w.name}: ${JSON.stringify(w.text.slice(0, 200))}`).toBeGreaterThan(
          0,
        );
        if (typeof p !== 'string') {
          const secrets = hits.map((f) => w.text.slice(f.start, f.end));
          expect(secrets, w.name).toContain(w.encode(p.secret));
        }
        // With decoding on it is still reported: by this detector, or by the one of what it encodes.
        const decoded = decoding.scan(w.text).findings;
        expect(
          decoded.some((f) => f.start < w.end && w.start < f.end),
          `${w.name} (decoding on)`,
        ).toBe(true);
      }
    },
  );

  it.each(d.examples.negatives.map((n) => [n.slice(0, 60), n] as const))(
    'ignores negative %s',
    (_label, n) => {
      const hits = all.scan(n).findings.filter((f) => f.detector === d.id);
      expect(hits).toEqual([]);
    },
  );
});
