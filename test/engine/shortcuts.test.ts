import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticJiraUnits } from '../../bench/synthetic-jira.js';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import type { Detector } from '../../src/engine/types.js';
import {
  classBits,
  isSubclass,
  classMembers,
  exactRun,
  hasExactRun,
  hasExactRunIn,
  hasRun,
  hasRunIn,
  holdsNoSpace,
  keywordStart,
  requiredRun,
  runsOf,
  snapBack,
  snapForward,
  withoutAssertions,
} from '../../src/engine/shortcuts.js';
import { seededRandom } from '../../dev/site-gen/prng.js';
import { sharedPath } from '../shared-path.js';

describe('keywordStart', () => {
  it.each([
    [String.raw`\b(ghp_[A-Za-z0-9]{36})`, ['ghp_'], false, 0],
    [String.raw`(?:^|[^A-Za-z0-9_])(xoxb-[0-9]{10})`, ['xoxb-'], false, 1],
    // Expanded small classes and optional items: apikey, api_key, api.key, api-key.
    [
      String.raw`((?:secret|api[_.-]?key)[A-Za-z0-9]{0,4})=(\w{16})`,
      ['secret', 'apikey', 'api_key', 'api.key', 'api-key'],
      true,
      0,
    ],
    [String.raw`(?:[Aa][Zz][Uu][Rr][Ee])_(\w{8})`, ['azure'], false, 0],
  ])('proves %s begins at a keyword', (pattern, keywords, ignoreCase, lead) => {
    expect(keywordStart(pattern, keywords, ignoreCase)?.lead).toBe(lead);
  });
  it.each([
    // `api` alone is no keyword: "apikey" is, but a match may read "api" + something else.
    [String.raw`(api[a-z]?key)=(\w{16})`, ['apikey']],
    [String.raw`(?:azure|ado)[\w.-]{0,20}=(\w{52})`, ['azure', 'ado_']],
    [String.raw`ghp_\w{36}|gho_\w{36}`, ['ghp_', 'gho_']], // top-level alternation
    [String.raw`[A-Za-z]{4}_(\w{8})`, ['acme']], // a large class opens the match
    [String.raw`(?=acme)(acme_\w{8})`, ['acme']], // lookahead not expanded
    [String.raw`(?:^|\s)(acme_\w{8})`, ['acme']], // \s is not a one-char ASCII class
  ])('does not claim %s', (pattern, keywords) => {
    expect(keywordStart(pattern, keywords, false)).toBeUndefined();
  });
});

describe('requiredRun and hasRun', () => {
  it('finds the longest mandatory class run', () => {
    const run = requiredRun(String.raw`(?:azure|//\w{0,9}:)([a-z2-7]{52})(?:$|[^a-z])`, false);
    expect(run?.min).toBe(52);
    expect(run?.table['a'.charCodeAt(0)]).toBe(1);
    expect(run?.table['8'.charCodeAt(0)]).toBe(0);
  });
  it('ignores runs that are optional, alternated or not ASCII-only', () => {
    expect(requiredRun(String.raw`x(?:[a-z]{20})?`, false)).toBeUndefined();
    expect(requiredRun(String.raw`x(?:[a-z]{20}|y)`, false)).toBeUndefined();
    expect(requiredRun(String.raw`x([^\s]{20})`, false)).toBeUndefined();
    expect(requiredRun(String.raw`x([a-z]{8})`, false)).toBeUndefined(); // too short to help
  });
  it('tells a window with the run from one without', () => {
    const run = requiredRun(String.raw`([a-f0-9]{16})`, false);
    if (!run) throw new Error('no run');
    const text = `see abcdef0123 and then 0123456789abcdef0 ok`;
    expect(hasRun(text, 0, text.length, run)).toBe(true);
    const at = text.indexOf('0123456789');
    expect(hasRun(text, 0, at + 15, run)).toBe(false); // the window cuts the run at 15
    expect(hasRun(text, at, at + 16, run)).toBe(true);
    expect(hasRun(text, at + 1, text.length, run)).toBe(true);
    expect(hasRun(text, at + 2, text.length, run)).toBe(false);
  });
});

describe('runsOf and hasRunIn', () => {
  it('answer every window as hasRun does', () => {
    const rnd = seededRandom(3);
    for (const min of [2, 3, 5]) {
      const table = classMembers('[a-c]', false);
      if (!table) throw new Error('no class');
      const run = { table, min };
      for (let n = 0; n < 300; n++) {
        let text = '';
        for (let len = Math.floor(rnd() * 40); len > 0; len--)
          text += 'abcx '.charAt(Math.floor(rnd() * 5));
        const runs = runsOf(text, run);
        for (let from = 0; from <= text.length; from++) {
          for (let to = from; to <= text.length; to++) {
            expect(hasRunIn(runs, from, to, min), `${text} ${from}-${to}`).toBe(
              hasRun(text, from, to, run),
            );
          }
        }
      }
    }
  });
});

// Blobs of base64 and hex, long and short, cut by every kind of white space, by non-space chars
// outside the classes (punctuation, NUL, non-ASCII) and by keywords of the test detectors.
const blobby = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u2028', '\u0000'),
      fc.constantFrom('=', '-', '.', ':', '"', '部', '🚀', 'jira ', 'mt', 'sk'),
      fc.integer({ min: 1, max: 1500 }).map((n) => 'MTkaZ7+/q2e'.repeat(137).slice(0, n)),
      fc.integer({ min: 1, max: 80 }).map((n) => 'c3d0e1f2'.repeat(10).slice(0, n)),
      fc.integer({ min: 1, max: 120 }).map((n) => 'qafussbt72ktbsnb'.repeat(8).slice(0, n)),
      fc.integer({ min: 1, max: 120 }).map((n) => 'snake_case_name_'.repeat(8).slice(0, n)),
    ),
    { maxLength: 30 },
  )
  .map((xs) => xs.join(''));

describe('classBits and isSubclass', () => {
  const bits = (src: string) => classBits(classMembers(src, false) as Uint8Array);
  it('tells a class inside another, to the edge chars', () => {
    expect(isSubclass(bits('[a-z2-7]'), bits('[A-Za-z0-9+/]'))).toBe(true);
    expect(isSubclass(bits('[A-Za-z0-9+/]'), bits('[a-z2-7]'))).toBe(false);
    expect(isSubclass(bits('[0-9a-f]'), bits('[0-9a-fA-F]'))).toBe(true);
    expect(isSubclass(bits('[\\x00-\\x7f]'), bits('[\\x01-\\x7f]'))).toBe(false);
    expect(isSubclass(bits('[\\x7f]'), bits('[\\x00-\\x7e]'))).toBe(false);
    expect(isSubclass(bits('[ -~]'), bits('[\\x00-\\x7f]'))).toBe(true);
  });
  it('agrees with comparing the tables member by member', () => {
    const table = fc.uint8Array({ minLength: 128, maxLength: 128, max: 1 });
    fc.assert(
      fc.property(table, table, (a, b) => {
        const expected = a.every((v, c) => !v || b[c] === 1);
        expect(isSubclass(classBits(a), classBits(b))).toBe(expected);
        expect(isSubclass(classBits(a), classBits(a.map((v, c) => v | (b[c] as number))))).toBe(
          true,
        );
      }),
    );
  });
});

describe('snapBack and snapForward', () => {
  const classes = ['[A-Za-z0-9+/]', '[a-z2-7]', '[!-~]', '[0-9a-f]'].map(
    (c) => classMembers(c, false) as Uint8Array,
  );
  // The char loops runWindow had before the run lists: the reference.
  const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
  const back = (text: string, at: number, limit: number, floor = 0): number => {
    let p = at;
    for (let n = 0; p > floor && n < limit && !isSpace(text.charCodeAt(p - 1)); n++) p--;
    return p;
  };
  const forward = (text: string, at: number, limit: number): number => {
    let p = at;
    for (let n = 0; p < text.length && n < limit && !isSpace(text.charCodeAt(p)); n++) p++;
    return p;
  };
  it('move an edge as far as the char loop does, with or without a run list', () => {
    fc.assert(
      fc.property(
        blobby,
        fc.constantFrom(...classes),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constant(1024)),
        (text, table, min, where, limit) => {
          const at = Math.floor(where * text.length);
          const runs = runsOf(text, { table, min });
          expect(snapBack(text, at, limit, runs)).toBe(back(text, at, limit));
          expect(snapBack(text, at, limit, undefined)).toBe(back(text, at, limit));
          const floor = Math.floor(where * at);
          expect(snapBack(text, at, limit, runs, floor)).toBe(back(text, at, limit, floor));
          expect(snapForward(text, at, limit, runs)).toBe(forward(text, at, limit));
          expect(snapForward(text, at, limit, undefined)).toBe(forward(text, at, limit));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('give the scanner the findings of the reference path', () => {
    // The first rule lists the runs of its class (`jira` hits are dense): the windows of every
    // later rule snap over them. Tokens as long as a blob, so an edge that stops short shows.
    const detector = (id: string, keywords: string[], pattern: string, window: number) => ({
      id,
      name: id,
      family: 'edge',
      category: 'token' as const,
      keywords,
      pattern,
      window,
      allowRepetitive: true,
      examples: { positives: [], negatives: [] },
    });
    const detectors: Detector[] = [
      detector(
        'dc',
        ['jira'],
        String.raw`(?:^|[^A-Za-z0-9+/])([MNO][A-Za-z0-9+/]{43})(?:$|[^A-Za-z0-9_+/=-])`,
        1000,
      ),
      detector(
        'mt',
        ['mt'],
        String.raw`(?:^|[^A-Za-z0-9+/=])([A-Za-z0-9+/]{0,40}?[Mm][Tt][A-Za-z0-9+/=.-]{10,3000})`,
        12,
      ),
      detector('sk', ['sk'], String.raw`\b(sk[0-9a-f]{4}[A-Za-z0-9+/]{0,3000})`, 9),
      // Runs within the first rule's (read from its run list), and runs that are not.
      detector('az', ['jira'], String.raw`(?:^|[^a-z2-7])([a-z2-7]{52,70})(?:$|[^a-z2-7])`, 900),
      detector('us', ['jira'], String.raw`(?:^|[^a-z_])([a-z_]{50,70})(?:$|[^a-z_])`, 900),
    ];
    const make = (shortcuts: boolean) =>
      createScanner({
        detectors,
        fingerprintKey: 'snap-test-fingerprint-key',
        shortcuts,
        isEnabled: () => true,
      });
    const fast = make(true);
    const reference = make(false);
    let findings = 0;
    fc.assert(
      fc.property(blobby, (t) => {
        const text = `jira ${t} jira jira`;
        const expected = reference.scan(text);
        findings += expected.findings.length;
        expect(fast.scan(text)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    expect(findings).toBeGreaterThan(500);
  });
  it('take run lists only of classes without white space', () => {
    expect(classes.every(holdsNoSpace)).toBe(true);
    expect(holdsNoSpace(classMembers('[ -~]', false) as Uint8Array)).toBe(false);
    expect(holdsNoSpace(classMembers('[\\x0b-z]', false) as Uint8Array)).toBe(false);
  });
});

describe('exactRun and hasExactRun', () => {
  it('proves a token of classes between boundaries that exclude its members', () => {
    const dc = String.raw`(?:^|[^A-Za-z0-9+/])([MNO][A-Za-z0-9+/]{43})(?:$|[^A-Za-z0-9_+/=-])`;
    expect(exactRun(dc, false)).toMatchObject({ min: 44, max: 44 });
    expect(
      exactRun(String.raw`(?:^|[^a-z0-9])([a-z]{16,20}[0-9]{2})(?:$|[^a-z0-9])`, false),
    ).toMatchObject({ min: 18, max: 22 });
  });
  it.each([
    String.raw`(?:^|[^a-z])([a-z0-9]{20})(?:$|[^a-z0-9])`, // a digit may come before the token
    String.raw`(?:^|[^a-z0-9])([a-z0-9]{20})(?:$|[^a-z])`, // or after it
    String.raw`(?:^|[^a-z0-9])([a-z0-9]{20})`, // no right boundary
    String.raw`(?:^|[^a-z0-9])([a-z0-9]{8})(?:$|[^a-z0-9])`, // too short to help
  ])('does not claim %s', (pattern) => {
    expect(exactRun(pattern, false)).toBeUndefined();
  });
  it('finds a whole run of the right length in a range, cut by its edges', () => {
    const table = classMembers('[ab]', false);
    if (!table) throw new Error('no class');
    const run = { table, min: 2, max: 3 };
    const rnd = seededRandom(9);
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let len = Math.floor(rnd() * 30); len > 0; len--)
        text += 'ab-'.charAt(Math.floor(rnd() * 3));
      const runs = runsOf(text, run);
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          const lengths = text
            .slice(from, to)
            .split('-')
            .map((r) => r.length);
          const expected = lengths.some((l) => l >= 2 && l <= 3);
          expect(hasExactRun(text, from, to, run), `${text} ${from}-${to}`).toBe(expected);
          expect(hasExactRunIn(runs, from, to, run), `${text} ${from}-${to}`).toBe(expected);
        }
      }
    }
  });
});

describe('withoutAssertions', () => {
  it('makes ^, $, \\b and \\B always true, outside classes only', () => {
    expect(withoutAssertions(String.raw`(?:^|[^a-z$^\b])(x\by)\B$`)).toBe(
      String.raw`(?:(?:)|[^a-z$^\b])(x(?:)y)(?:)(?:)`,
    );
    expect(withoutAssertions(String.raw`a\\b\$`)).toBe(String.raw`a\\b\$`);
  });
  it('matches the whole text wherever the pattern matches a slice of it', () => {
    const patterns = [
      String.raw`\b(acme_[a-z]{4,12})\b`,
      String.raw`(?:^|[^a-z])(acme_[a-z]{4,12})(?:$|[^a-z])`,
      String.raw`acme_\B[a-z]{2}$`,
    ];
    const text = 'xacme_abcdefghijklmn acme_ab acme_abcd zacme_abcdefgh';
    for (const p of patterns) {
      const relaxed = new RegExp(withoutAssertions(p), 'y');
      for (let from = 0; from < text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          const slice = text.slice(from, to);
          const strict = new RegExp(p, 'y');
          for (let q = 0; q < slice.length; q++) {
            strict.lastIndex = q;
            if (!strict.test(slice)) continue;
            relaxed.lastIndex = from + q;
            expect(relaxed.test(text), `${p} at ${from + q} (slice ${from}-${to})`).toBe(true);
          }
        }
      }
    }
  });
});

/** Texts the engine meets: the labelled corpus, every catalogue example, and bench-like issues. */
function texts(): string[] {
  const out: string[] = [];
  for (const file of ['corpus/positives.jsonl', 'corpus/negatives.jsonl']) {
    for (const line of readFileSync(sharedPath(file), 'utf8').split('\n')) {
      if (line) out.push((JSON.parse(line) as { text: string }).text);
    }
  }
  for (const d of DETECTORS) {
    for (const p of [...d.examples.positives, ...d.examples.negatives])
      out.push(typeof p === 'string' ? p : p.text);
  }
  out.push(...syntheticJiraUnits({ totalBytes: 512 * 1024, seed: 11, secretRate: 0.5 }));
  return out;
}

describe('the shortcuts find exactly what the reference path finds', () => {
  const all = texts();
  it.each([
    ['every detector', () => true],
    ['the default set', undefined],
  ])('%s', (_name, isEnabled) => {
    const make = (shortcuts: boolean) =>
      createScanner({
        detectors: DETECTORS,
        fingerprintKey: 'shortcuts-test-fingerprint-key',
        shortcuts,
        ...(isEnabled ? { isEnabled } : {}),
      });
    const fast = make(true);
    const reference = make(false);
    let findings = 0;
    for (const t of all) {
      const expected = reference.scan(t);
      findings += expected.findings.length;
      expect(fast.scan(t)).toEqual(expected);
    }
    expect(findings).toBeGreaterThan(1000); // the texts do exercise the detectors
  });
});

describe('skipping rules whose relaxed pattern fails at every hit', () => {
  // Tiny windows and assertions at their edges: where a window cuts a token, `$` and `\b` hold in
  // the slice but not in the text, the case the relaxed pattern exists for.
  const detectors: Detector[] = [
    String.raw`\b(acme_[a-z0-9]{4,30})$`,
    String.raw`(?:^|[^a-z])(acme_[a-z0-9]{4,30})(?:$|[^a-z0-9])`,
    String.raw`(acme_[a-z0-9]{4,30})\b`,
    String.raw`acme_(?:key|id)\B([a-z0-9]{6,30})\b`,
    // Longer than its window widens to: the reference accepts a match cut by the last widening.
    String.raw`\b(acme_[a-z0-9 ]{4,3000})$`,
    // A whole run of 16 to 18 chars (exactRun): a longer run holds none, a window edge cuts one.
    String.raw`(?:^|[^a-z0-9])([a-z0-9]{16,18})(?:$|[^a-z0-9])`,
  ].map((pattern, i) => ({
    id: `edge-${i}`,
    name: `Edge ${i}`,
    family: 'edge',
    category: 'token',
    keywords: ['acme_'],
    pattern,
    window: 2 + i,
    examples: { positives: [], negatives: [] },
  }));
  const rnd = seededRandom(7);
  const pieces = [
    ...['acme_', 'acme_key', 'abc', 'x9', ' ', '\n', '-', 'q1w2e3r4'],
    ...['z'.repeat(1100), 'ab cd '.repeat(60), 'k'.repeat(16), 'q'.repeat(18), 'w'.repeat(19)],
  ];
  const texts = Array.from({ length: 3000 }, () => {
    let t = '';
    for (let n = 1 + Math.floor(rnd() * 12); n > 0; n--)
      t += pieces[Math.floor(rnd() * pieces.length)] as string;
    return t;
  });
  it('finds what the reference path finds', () => {
    const make = (shortcuts: boolean) =>
      createScanner({
        detectors,
        fingerprintKey: 'edge-test-fingerprint-key',
        shortcuts,
        isEnabled: () => true,
      });
    const fast = make(true);
    const reference = make(false);
    let findings = 0;
    for (const t of texts) {
      const expected = reference.scan(t);
      findings += expected.findings.length;
      expect(fast.scan(t), JSON.stringify(t)).toEqual(expected);
    }
    expect(findings).toBeGreaterThan(500);
  });
});
