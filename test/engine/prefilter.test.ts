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
