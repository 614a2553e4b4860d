// The generator's parts: the PRNG, token generators, filler prose, and the secret catalogue.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/detectors/index.js';
import {
  hasAtlassianCrc,
  hasBase62Crc32,
  isGitlabRoutable,
} from '../../../src/engine/checks/token-checksums.js';
import { createScanner } from '../../../src/engine/scan.js';
import { CONTEXTS, ISSUE_KINDS, placements, render } from '../../../dev/site-gen/placement.js';
import { createRng } from '../../../dev/site-gen/prng.js';
import * as prose from '../../../dev/site-gen/prose.js';
import { catalogue, PLACEHOLDERS } from '../../../dev/site-gen/secrets.js';
import {
  atlassianToken,
  githubToken,
  gitlabToken,
  npmToken,
} from '../../../dev/site-gen/tokens.js';

const scanner = createScanner({ detectors: DETECTORS, fingerprintKey: 'site-gen-parts-key-0001' });
const found = (text: string): string[] =>
  scanner.scan(text).findings.map((f) => `${f.detector} ${text.slice(f.start, f.end)}`);

describe('createRng', () => {
  it('repeats for a seed and differs across seeds', () => {
    const draw = (seed: number | string): number[] => {
      const r = createRng(seed);
      return Array.from({ length: 50 }, () => r.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw(7)).toEqual(draw('7'));
    expect(draw('a')).not.toEqual(draw('b'));
    for (const x of draw(1)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('spreads ints evenly', () => {
    const r = createRng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const k = r.int(4);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('token generators', () => {
  const r = createRng('tokens');
  it.each([
    ['github-pat', () => githubToken(r.next, 'ghp_'), (t: string) => hasBase62Crc32(t.slice(4))],
    [
      'github-oauth-token',
      () => githubToken(r.next, 'gho_'),
      (t: string) => hasBase62Crc32(t.slice(4)),
    ],
    ['npm-access-token', () => npmToken(r.next), (t: string) => hasBase62Crc32(t.slice(4))],
    ['gitlab-pat-routable', () => gitlabToken(r.next), isGitlabRoutable],
    ['atlassian-api-token', () => atlassianToken(r.next), hasAtlassianCrc],
  ])('makes %s tokens with valid checksums that the engine finds', (detector, make, valid) => {
    for (let i = 0; i < 200; i++) {
      const t = make();
      expect(valid(t), t).toBe(true);
      expect(found(`export TOKEN=${t}`)).toEqual([`${detector} ${t}`]);
    }
  });

  it('is deterministic for a seed', () => {
    expect(githubToken(createRng(1).next)).toBe(githubToken(createRng(1).next));
    expect(atlassianToken(createRng(1).next)).not.toBe(atlassianToken(createRng(2).next));
  });
});

describe('filler prose', () => {
  it('triggers no detector', () => {
    const r = createRng('prose');
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      parts.push(prose.title(r), prose.paragraph(r), ...prose.logLines(r, 2));
      parts.push(...prose.shellLines(r), ...prose.envLines(r));
    }
    expect(found(parts.join('\n'))).toEqual([]);
    // In pieces too: windows differ with the text around a keyword.
    expect(parts.slice(0, 3000).flatMap(found)).toEqual([]);
  });
});

describe('catalogue', () => {
  const c = catalogue();

  it('has an example of every detector that is on by default', () => {
    const inPool = new Set(c.examples.map((e) => e.detector));
    const missing = DETECTORS.filter((d) => d.enabledByDefault !== false && !inPool.has(d.id));
    expect(missing.map((d) => d.id)).toEqual([]);
    // Only generic detectors' examples are left out today; others are listed with a reason.
    for (const x of c.excluded) expect(x.reason.length).toBeGreaterThan(0);
  });

  it('keeps only negatives and placeholders the engine ignores', () => {
    for (const p of PLACEHOLDERS) expect(c.negatives).toContain(p);
    for (const n of c.negatives) expect(found(n), n).toEqual([]);
    for (const n of c.negatives) expect(found(render('inline', n)), n).toEqual([]);
  });

  it('places every example everywhere: the engine misses none in any kind of place', () => {
    const p = placements();
    for (const kind of ISSUE_KINDS) {
      expect(p.byKind.get(kind)?.length, kind).toBeGreaterThan(100);
      expect(CONTEXTS[kind].length).toBeGreaterThan(0);
    }
    const inline = new Set(p.byKind.get('comment')?.map((s) => s.detector));
    expect(inline.size).toBe(new Set(c.examples.map((e) => e.detector)).size);
    // Base64 PEM keys and Fly tokens right after `=` (`?token=...`) were missed until their
    // start boundary allowed `=`; a miss here is a detector gap to fix, not to place around.
    expect(p.misses).toEqual([]);
  });
});
