import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../src/engine/prefilter.js';
import { classMembers, runsOf } from '../../src/engine/shortcuts.js';

const hits = (a: KeywordAutomaton, text: string): [string, number][] => {
  const out: [string, number][] = [];
  a.scan(text, (k, start) => out.push([String(k), start]));
  return out;
};

describe('KeywordAutomaton', () => {
  const a = new KeywordAutomaton(['ghp_', 'hp_', 'xoxb-', 'token']);
  it('finds overlapping keywords, case-insensitively, with UTF-16 starts', () => {
    expect(hits(a, 'GHP_ x')).toEqual([
      ['0', 0],
      ['1', 1],
    ]);
    expect(hits(a, '🚀 Token')).toEqual([['3', 3]]);
  });
  it('does not match across non-ASCII chars', () => {
    expect(hits(a, 'tokén xoxé-')).toEqual([]);
  });
  it('refuses keywords it cannot fold', () => {
    expect(() => new KeywordAutomaton(['Upper'])).toThrow(/lower-case/);
    expect(() => new KeywordAutomaton(['ключ'])).toThrow(/ASCII/);
    expect(() => new KeywordAutomaton([''])).toThrow();
  });
});

describe.each([
  ['four walks at once, in WebAssembly', true],
  ['two walks at once, in JavaScript', false],
])('KeywordAutomaton.find (%s)', (_, wasm) => {
  const keywords = ['ghp_', 'hp_', 'xoxb-', 'token', 'tok', 'a-very-long-keyword-here'];
  const a = new KeywordAutomaton(keywords, { wasm });
  /** Every occurrence by brute force, ordered by end then keyword (the automaton's output order). */
  const naive = (text: string): number[][] => {
    const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const out: number[][] = [];
    keywords.forEach((k, ki) => {
      for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) out.push([ki, i]);
    });
    const end = (h: number[]) => (h[1] as number) + (keywords[h[0] as number] as string).length;
    return out.sort((x, y) => end(x) - end(y) || (x[0] as number) - (y[0] as number));
  };
  const found = (text: string): number[][] => {
    const n = a.find(text);
    const out: number[][] = [];
    for (let i = 0; i < n; i += 2) out.push([a.hits[i] as number, a.hits[i + 1] as number]);
    const end = (h: number[]) => (h[1] as number) + (keywords[h[0] as number] as string).length;
    return out.sort((x, y) => end(x) - end(y) || (x[0] as number) - (y[0] as number));
  };
  it('finds every occurrence, those across the middle of the text included, in end order', () => {
    const filler = 'xy Z_-🚀部';
    for (let len = 0; len < 140; len++) {
      for (const k of keywords) {
        // The keyword at every place of a text of this length: across the middle too.
        for (let at = 0; at + k.length <= len; at += 3) {
          let text = '';
          for (let i = 0; text.length < len; i++)
            text += filler.charAt((i * 7 + len) % filler.length);
          text = text.slice(0, at) + k.toUpperCase() + text.slice(at + k.length, len);
          expect(found(text)).toEqual(naive(text));
          const n = a.find(text);
          const ends: number[] = [];
          for (let i = 0; i < n; i += 2)
            ends.push((a.hits[i + 1] as number) + (keywords[a.hits[i] as number] as string).length);
          expect(ends).toEqual([...ends].sort((x, y) => x - y));
        }
      }
    }
  });
  it('grows its buffers for texts dense with keywords', () => {
    const text = 'tokentokentoken ghp_ '.repeat(2000);
    expect(found(text)).toEqual(naive(text));
  });
});

describe('KeywordAutomaton.find in WebAssembly', () => {
  const all = (a: KeywordAutomaton, text: string): number[] =>
    Array.from(a.hits.subarray(0, a.find(text)));
  const keyword = fc.stringMatching(/^[a-z0-9_\-.:"]{1,12}$/);
  // Texts made of keyword pieces, upper-cased ones, non-ASCII units (CJK, emoji halves, chars whose
  // low byte is an ASCII letter) and separators: hits everywhere, across the quarter boundaries too.
  const piece = (keywords: string[]) =>
    fc.oneof(
      fc.constantFrom(...keywords),
      fc.constantFrom(...keywords).map((k) => k.toUpperCase()),
      fc.constantFrom(...keywords).map((k) => k.slice(0, -1)),
      fc.constantFrom(' ', '\n', '部', '🚀', '\uD83D', '\u4E61', '\u0161', 'é', 'K', 'İ', '\u0000'),
      fc.string({ maxLength: 4 }),
    );
  const textOf = (keywords: string[], maxLength: number) =>
    fc.array(piece(keywords), { maxLength }).map((xs) => xs.join(''));

  it('runs here (Node has WebAssembly and Buffer)', () => {
    expect(new KeywordAutomaton(['tok']).usesWasm).toBe(true);
    expect(new KeywordAutomaton(['tok'], { wasm: false }).usesWasm).toBe(false);
  });
  it('reports exactly what the JavaScript walk reports, in the same order', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(keyword, { minLength: 1, maxLength: 12 })
          .chain((keywords) =>
            fc.tuple(
              fc.constant(keywords),
              fc.array(textOf(keywords, 300), { minLength: 1, maxLength: 4 }),
            ),
          ),
        ([keywords, texts]) => {
          const fast = new KeywordAutomaton(keywords);
          const reference = new KeywordAutomaton(keywords, { wasm: false });
          for (const text of texts) expect(all(fast, text)).toEqual(all(reference, text));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('goes on past its per-call record limit on long texts dense with hits', () => {
    const keywords = ['tok', 'token', 'ken', 'a-very-long-keyword-here'];
    const fast = new KeywordAutomaton(keywords);
    const reference = new KeywordAutomaton(keywords, { wasm: false });
    const text = `${'tokentoken 部 '.repeat(40000)}a-very-long-keyword-here${'x'.repeat(300001)}token`;
    expect(all(fast, text)).toEqual(all(reference, text));
    expect(all(fast, 'token')).toEqual(all(reference, 'token')); // shorter again: memory reused
  });
});

describe('KeywordAutomaton.runsOf (runs of a class, in WebAssembly)', () => {
  // Made once, as a scanner makes its rules' tables: each new table takes a slot in memory.
  const classes = [
    '[A-Za-z0-9+/]',
    '[a-z2-7]',
    '[0-9a-f]',
    '[A-Za-z0-9_.-]',
    '[ -~]',
    '[\\t -~]',
  ].map((c) => classMembers(c, false) as Uint8Array);
  const a = new KeywordAutomaton(['tok']);
  // Long and short runs of each class, cut by chars outside it: non-ASCII units whose low byte or
  // saturated byte is a member (U+0161, U+4E61, U+FFFF), NUL, white space, punctuation.
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom('a', 'Z', '7', '+', '/', '-', '.', 'q', ' ', '\t', '\u0000', '!'),
        fc.constantFrom('\u0161', '\u4E61', '\uFFFF', '部', '🚀', 'é'),
        fc.integer({ min: 10, max: 70 }).map((n) => 'abc2de+f'.repeat(9).slice(0, n)),
        fc.integer({ min: 10, max: 70 }).map((n) => 'f0e1d2c3'.repeat(9).slice(0, n)),
      ),
      { maxLength: 60 },
    )
    .map((xs) => xs.join(''));
  /** On texts from `texts`, each class, `min` in [lo, hi]: the same list as runsOf's. */
  const sameAsRunsOf = (texts: fc.Arbitrary<string>, lo: number, hi: number): void => {
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom(...classes),
        fc.integer({ min: lo, max: hi }),
        (t, table, min) => {
          a.find(t);
          expect(a.runsOf(t, table, min)).toEqual(runsOf(t, { table, min }));
        },
      ),
      { numRuns: 2000 },
    );
  };
  it('lists exactly the runs runsOf lists', () => {
    sameAsRunsOf(text, 16, 70);
  });
  it('lists exactly the long runs runsOf lists (31 or more: whole 16-char steps, widened)', () => {
    // Runs of any length up to 200 at any place relative to the 16-char steps.
    const long = fc
      .array(
        fc.oneof(
          fc.constantFrom(' ', '!', '\u0000', '\u0161', '\uFFFF', '部', '-'),
          fc.integer({ min: 1, max: 200 }).map((n) => 'aZ7+/q2e'.repeat(25).slice(0, n)),
          fc.integer({ min: 1, max: 200 }).map((n) => 'c3d0e1f2'.repeat(25).slice(0, n)),
        ),
        { maxLength: 40 },
      )
      .map((xs) => xs.join(''));
    sameAsRunsOf(long, 31, 120);
  });
  it('lists the same runs from within the runs of a wider class', () => {
    // Pairs (inner, outer) where outer holds every member of inner.
    const pairs = [
      [1, 0],
      [2, 0],
      [0, 4],
      [3, 4],
      [0, 0],
    ] as const;
    const mixed = fc
      .array(
        fc.oneof(
          fc.constantFrom(' ', '!', '\u0000', '\u0161', '部', '-', '=', '~'),
          fc.integer({ min: 1, max: 200 }).map((n) => 'aZ7+/q2e'.repeat(25).slice(0, n)),
          fc.integer({ min: 1, max: 200 }).map((n) => 'qafussbt72ktbs'.repeat(15).slice(0, n)),
          fc.integer({ min: 1, max: 120 }).map((n) => 'c3d0e1f2'.repeat(15).slice(0, n)),
        ),
        { maxLength: 40 },
      )
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(
        mixed,
        fc.constantFrom(...pairs),
        fc.integer({ min: 16, max: 90 }),
        fc.integer({ min: 0, max: 40 }),
        (t, [inner, outer], outerMin, more) => {
          a.find(t);
          const within = a.runsOf(t, classes[outer] as Uint8Array, outerMin);
          const table = classes[inner] as Uint8Array;
          expect(a.runsOf(t, table, outerMin + more, within)).toEqual(
            runsOf(t, { table, min: outerMin + more }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('answers only for the text it walked last, a class without NUL and runs of 16 or more', () => {
    const table = classes[1] as Uint8Array;
    const t = `${'x'.repeat(40)} y`;
    a.find(t);
    expect(a.runsOf(t, table, 16)).toEqual([0, 40]);
    expect(a.runsOf(`${t} `, table, 16)).toBeUndefined();
    expect(a.runsOf(t, table, 15)).toBeUndefined();
    expect(a.runsOf(t, classMembers('[\\x00-z]', false) as Uint8Array, 16)).toBeUndefined();
    expect(new KeywordAutomaton(['tok'], { wasm: false }).runsOf(t, table, 16)).toBeUndefined();
  });
});
