// Every detector family says how to revoke or rotate its secrets, with the provider's own page.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { familiesWithoutGuidance, remediationFor } from '../../src/detectors/remediation.js';

const dir = fileURLToPath(new URL('../../src/detectors/', import.meta.url));
const families = [...new Set(DETECTORS.map((d) => d.family))];

describe('remediation guidance', () => {
  it('exists for every family of the catalogue', () => {
    expect(families.length).toBeGreaterThan(250);
    expect(familiesWithoutGuidance()).toEqual([]);
  });

  it('is concrete text and an https link to a real page, never a placeholder', () => {
    for (const f of families) {
      const r = remediationFor(f);
      if (!r) throw new Error(`${f} has no guidance`);
      expect(r.steps.length, f).toBeGreaterThanOrEqual(80);
      expect(r.steps.length, f).toBeLessThanOrEqual(700);
      expect(r.steps, f).toMatch(/\.$/);
      expect(r.steps, f).not.toMatch(/TODO|TBD|lorem|example\.com/i);
      const url = new URL(r.url);
      expect(url.protocol, f).toBe('https:');
      expect(url.hostname, f).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(url.hostname, f).not.toMatch(/localhost|example\.(com|org)|\.test$/);
    }
  });

  it('is recorded in the family file itself, under that family name', () => {
    for (const file of readdirSync(dir)) {
      const source = readFileSync(`${dir}${file}`, 'utf8');
      const family = /export default family\(\s*'([^']+)'/.exec(source)?.[1];
      const recorded = [...source.matchAll(/^guidance\(\s*'([^']+)'/gm)].map((m) => m[1]);
      if (!family) {
        expect(recorded, file).toEqual([]);
        continue;
      }
      expect(recorded, file).toEqual([family]);
    }
  });

  it('gives custom detectors (and any unknown family) the generic guidance', () => {
    expect(remediationFor('custom')).toEqual(remediationFor('generic'));
    expect(remediationFor('custom')?.url).toMatch(/^https:\/\//);
  });
});
