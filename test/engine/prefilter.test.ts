import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../src/engine/prefilter.js';

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

describe('KeywordAutomaton.find (two walks at once)', () => {
  const keywords = ['ghp_', 'hp_', 'xoxb-', 'token', 'tok', 'a-very-long-keyword-here'];
  const a = new KeywordAutomaton(keywords);
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
