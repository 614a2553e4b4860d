// Text built to make regexes slow, around every keyword of every detector: the scan must finish
// (vitest's timeout is the bound; nothing here measures time) and find nothing in it.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';

const scanner = createScanner({
  detectors: DETECTORS,
  fingerprintKey: 'hostile-text-test-key-01',
  isEnabled: () => true,
});
const keywords = [...new Set(DETECTORS.flatMap((d) => d.keywords))];

describe('hostile text', () => {
  it.each([
    ['long runs after each keyword', (k: string) => `${k}${'a'.repeat(3000)} `],
    ['separators that almost assign', (k: string) => `${k}${' = :'.repeat(800)}`],
    ['nested-looking URLs', (k: string) => `https://${k}:${'@x:'.repeat(800)}`],
    [
      'unterminated PEM armour',
      (k: string) => `-----BEGIN ${k} PRIVATE KEY-----${'QUJD\n'.repeat(800)}`,
    ],
  ])('%s', (_name, make) => {
    const text = keywords.map(make).join('\n');
    const r = scanner.scan(text);
    expect(r.skips).toEqual([]);
    expect(r.findings.filter((f) => f.category !== 'generic')).toEqual([]);
  });
});
