import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import type { Detector } from '../../src/engine/types.js';

// Scanners built from the same detectors share their compiled rules and keyword automaton (see
// `compileRule` and `automatonFor` in scan.ts): nothing a scanner does may show in another's
// results.

const twin = (id: string): Detector => ({
  id,
  name: id,
  family: 'acme',
  category: 'token',
  keywords: ['acme_'],
  pattern: String.raw`\b(acme_[A-Za-z0-9]{24})\b`,
  examples: { positives: [], negatives: [] },
});
const first = twin('acme-first');
const second = twin('acme-second');
const KEY = 'unit-test-fingerprint-key';
const TEXT = 'deploy with acme_Q7rT2vW9xZ4bN6mK8pL3sD5f please';

describe('scanners built from shared parts', () => {
  it('keep their own detector order (a tie goes to the detector listed first)', () => {
    const ab = createScanner({ detectors: [first, second], fingerprintKey: KEY });
    const ba = createScanner({ detectors: [second, first], fingerprintKey: KEY });
    expect(ab.scan(TEXT).findings.map((f) => f.detector)).toEqual(['acme-first']);
    expect(ba.scan(TEXT).findings.map((f) => f.detector)).toEqual(['acme-second']);
    expect(ab.scan(TEXT).findings.map((f) => f.detector)).toEqual(['acme-first']);
  });

  it('keep their own fingerprint key and enabled set', () => {
    const a = createScanner({ detectors: [first, second], fingerprintKey: KEY });
    const b = createScanner({
      detectors: [first, second],
      fingerprintKey: `${KEY}-other`,
      isEnabled: (d) => d.id === 'acme-second',
    });
    const [fa] = a.scan(TEXT).findings;
    const [fb] = b.scan(TEXT).findings;
    expect(fa?.detector).toBe('acme-first');
    expect(fb?.detector).toBe('acme-second');
    expect(fa?.fingerprint).not.toBe(fb?.fingerprint);
  });

  it('give the same findings when their scans alternate over different texts', () => {
    // The catalogue's own positives, one text per family, and the same texts in reverse order
    // through a second scanner in between: the shared automaton holds the last text walked, and
    // the run lists are read from it.
    const texts = [...new Map(DETECTORS.map((d) => [d.family, d])).values()]
      .slice(0, 80)
      .map((d) => {
        const p = d.examples.positives[0];
        return `ticket notes ${typeof p === 'string' ? p : (p?.text ?? '')} jira azure token`;
      });
    const all = { detectors: DETECTORS, fingerprintKey: KEY, isEnabled: () => true };
    const alone = createScanner(all);
    const expected = texts.map((t) => alone.scan(t));
    const a = createScanner(all);
    const b = createScanner({ detectors: DETECTORS, fingerprintKey: KEY });
    texts.forEach((t, i) => {
      b.scan(texts[texts.length - 1 - i] as string);
      expect(a.scan(t)).toEqual(expected[i]);
    });
    expect(expected.filter((r) => r.findings.length > 0).length).toBeGreaterThan(60);
  });

  it('matches the reference path, which compiles its own rules', () => {
    const fast = createScanner({ detectors: DETECTORS, fingerprintKey: KEY });
    const reference = createScanner({
      detectors: DETECTORS,
      fingerprintKey: KEY,
      shortcuts: false,
    });
    const text = `${TEXT}\nAKIAZ3MHWLHHTOUEWUQF aws_secret_access_key=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`;
    expect(fast.scan(text)).toEqual(reference.scan(text));
    expect(fast.scan(TEXT)).toEqual(reference.scan(TEXT));
  });
});
