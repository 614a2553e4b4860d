import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { KeywordFollow, mayFollow } from '../../src/engine/keyword-follow.js';
import { createScanner } from '../../src/engine/scan.js';
import { keywordStart, withoutAssertions } from '../../src/engine/shortcuts.js';
import type { Detector } from '../../src/engine/types.js';

/** The automaton of a pattern proved to begin at a keyword, as compileRule builds it. */
function followOf(pattern: string, keywords: readonly string[], ignoreCase = false) {
  const start = keywordStart(pattern, keywords, ignoreCase);
  if (!start) throw new Error(`no keyword start: ${pattern}`);
  return new KeywordFollow(withoutAssertions(start.rest), keywords, ignoreCase);
}

/** Whether the walk lets through the hit of `keyword` at the first place `text` has it (folded). */
function letsThrough(
  pattern: string,
  keywords: readonly string[],
  text: string,
  keyword: string,
  ignoreCase = false,
): boolean {
  const at = asciiLower(text).indexOf(keyword);
  if (at < 0) throw new Error(`no ${keyword} in ${text}`);
  return mayFollow(followOf(pattern, keywords, ignoreCase), text, at, keyword.length);
}

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const byId = (id: string): Detector => DETECTORS.find((d) => d.id === id) as Detector;

describe('KeywordFollow', () => {
  it.each([
    // Real patterns: the chars after a dense keyword decide.
    [
      'generic-high-entropy-secret',
      'API_SECRET = "Zq7Lw2Xv9Nc4Rt8Yb1Hm6Kp3Sd5Fg0Ja"',
      'secret',
      true,
    ],
    [
      'generic-high-entropy-secret',
      'client_secret:Zq7Lw2Xv9Nc4Rt8Yb1Hm6Kp3Sd5Fg0Ja',
      'secret',
      true,
    ],
    ['generic-high-entropy-secret', 'the secret key is in the vault', 'secret', false],
    ['generic-high-entropy-secret', 'rotate the token. Then', 'token', false],
    ['generic-high-entropy-secret', 'a token', 'token', false], // out of text with more to read
    ['basic-auth-url-password', 'see https://jira.acme.test/browse/OPS-1', 'https://', false],
    [
      'basic-auth-url-password',
      'https://ci:Mz5~Kr2qYw8Fb1Jt@pypi.acme.test/simple/',
      'https://',
      true,
    ],
  ])('%s: %s', (id, text, keyword, through) => {
    const d = byId(id);
    expect(letsThrough(d.pattern, d.keywords, text, keyword, d.ignoreCase ?? false)).toBe(through);
  });

  it('walks on past a keyword that is a prefix of the literal (ghp, ghp_)', () => {
    const p = String.raw`\b(ghp_[A-Za-z0-9]{4})`;
    expect(letsThrough(p, ['ghp'], 'x ghp_Ab12', 'ghp')).toBe(true);
    expect(letsThrough(p, ['ghp'], 'x ghpAb12', 'ghp')).toBe(false);
    expect(letsThrough(p, ['ghp'], 'x ghp_Ab1', 'ghp')).toBe(false); // text ends first
    expect(letsThrough(p, ['ghp'], 'x ghp_Ab1!', 'ghp')).toBe(false);
  });

  it('folds case as the prefilter does, and as the pattern does', () => {
    const p = String.raw`(?:^|[^A-Za-z0-9_])(xoxb-[0-9]{4})`;
    expect(letsThrough(p, ['xoxb'], '=xoxb-1234', 'xoxb')).toBe(true);
    // Upper case in the text is for the regex to refuse: the walk only reads what follows.
    expect(letsThrough(p, ['xoxb'], '=XOXB-1234', 'xoxb')).toBe(true);
    expect(letsThrough(p, ['xoxb'], '=xoxb_1234', 'xoxb')).toBe(false);
    // Keywords are lower case, the pattern's literal upper case.
    expect(letsThrough(String.raw`\b(AKIA[A-Z2-7]{4})`, ['akia'], 'AKIAQ2R7', 'akia')).toBe(true);
    expect(letsThrough(String.raw`\b(AKIA[A-Z2-7]{4})`, ['akia'], 'AKIAq2r7', 'akia')).toBe(false);
    const i = String.raw`(auth_[a-z]{2})`;
    expect(letsThrough(i, ['auth'], 'AUTH_XY', 'auth', true)).toBe(true);
    expect(letsThrough(i, ['auth'], 'auth_XY', 'auth', false)).toBe(false);
  });

  it('takes the union over keywords of one length, and accepts a match ending inside the hit', () => {
    const p = String.raw`(?:abcx|abdy)z`;
    expect(letsThrough(p, ['abc', 'abd'], 'abcxz', 'abc')).toBe(true);
    // The hit's length is all the walk knows: after "abc" it also allows what follows "abd".
    expect(letsThrough(p, ['abc', 'abd'], 'abcyz', 'abc')).toBe(true);
    expect(letsThrough(p, ['abc', 'abd'], 'abczz', 'abc')).toBe(false);
    // "ab" is a whole match: a hit of "abcd" there lets anything through.
    expect(letsThrough(String.raw`(?:ab|abcd)[0-9]?`, ['ab', 'abcd'], 'abcd!', 'abcd')).toBe(true);
  });

  it('keeps non-ASCII chars where a class may hold them, and only there', () => {
    expect(letsThrough(String.raw`key=\S{2}`, ['key'], 'key=部署', 'key')).toBe(true);
    expect(letsThrough(String.raw`key=[^ ]{2}`, ['key'], 'key=部署', 'key')).toBe(true);
    expect(letsThrough(String.raw`key=.x`, ['key'], 'key=部x', 'key')).toBe(true);
    expect(letsThrough(String.raw`key=[a-z\d]{2}`, ['key'], 'key=部署', 'key')).toBe(false);
    expect(letsThrough(String.raw`key=\w{2}`, ['key'], 'key=ſs', 'key', true)).toBe(false);
  });

  it('reads counted, optional and lazy repeats and named groups', () => {
    const p = String.raw`tok(?<sep>[_.-]{1,3})?(?:en)??\s*[:=]{1,2}\x22?([a-z]{3,})`;
    expect(letsThrough(p, ['tok'], 'tok__en :="abc', 'tok')).toBe(true);
    expect(letsThrough(p, ['tok'], 'tok____en=abc', 'tok')).toBe(false);
    expect(letsThrough(p, ['tok'], 'tok en=abc', 'tok')).toBe(false);
  });

  it('lets every hit through when it cannot read the pattern', () => {
    for (const p of [String.raw`acme(?=_)_\w`, String.raw`acme(_)\1`, String.raw`acme\cJ`]) {
      const f = new KeywordFollow(p, ['acme'], false);
      expect(f.understood, p).toBe(false);
      expect(mayFollow(f, 'acme!', 0, 4)).toBe(true);
    }
  });
});

/** Every catalogue example, keywords and all. */
const EXAMPLES = DETECTORS.flatMap((d) =>
  [...d.examples.positives, ...d.examples.negatives].map((p) =>
    typeof p === 'string' ? p : p.text,
  ),
);

describe('over the whole catalogue', () => {
  it('never stops a walk at a keyword where the relaxed rest matches, and stops most others', () => {
    let matched = 0;
    let stopped = 0;
    let readable = 0;
    let proved = 0;
    for (const d of DETECTORS) {
      const ignoreCase = d.ignoreCase ?? false;
      const start = keywordStart(d.pattern, d.keywords, ignoreCase);
      if (!start) continue;
      proved++;
      const rest = withoutAssertions(start.rest);
      const follow = new KeywordFollow(rest, d.keywords, ignoreCase);
      if (follow.understood) readable++;
      const re = new RegExp(rest, ignoreCase ? 'yi' : 'y');
      for (const text of EXAMPLES) {
        const folded = asciiLower(text);
        for (const k of new Set(d.keywords)) {
          for (let at = folded.indexOf(k); at >= 0; at = folded.indexOf(k, at + 1)) {
            re.lastIndex = at;
            const through = mayFollow(follow, text, at, k.length);
            if (re.test(text)) {
              matched++;
              expect(through, `${d.id} at ${at} of ${JSON.stringify(text)}`).toBe(true);
            } else if (!through) stopped++;
          }
        }
      }
    }
    expect(readable).toBe(proved); // every pattern the engine tries at hits is read
    expect(matched).toBeGreaterThan(500);
    expect(stopped).toBeGreaterThan(1000);
  });
});

describe('scanning with the walk', () => {
  // Detectors whose keywords hit densely, and the synthetic edge cases above.
  const detectors: Detector[] = [
    ...DETECTORS.filter((d) => keywordStart(d.pattern, d.keywords, d.ignoreCase ?? false)),
  ];
  const keywords = [...new Set(detectors.flatMap((d) => d.keywords))];
  const make = (shortcuts: boolean) =>
    createScanner({
      detectors,
      fingerprintKey: 'keyword-follow-test-fingerprint-key',
      shortcuts,
      isEnabled: () => true,
    });
  const fast = make(true);
  const reference = make(false);
  const piece = fc.oneof(
    fc.constantFrom(...keywords),
    fc.constantFrom(...keywords).map((k) => k.toUpperCase()),
    fc.constantFrom(...EXAMPLES),
    fc.constantFrom(...EXAMPLES).map((e) => e.slice(0, Math.floor(e.length / 2))),
    fc.constantFrom(' ', '=', ': ', '"', '\n', '_', '-', '.', '/', '@', '部', '🚀', 'ſ', 'K'),
    fc.stringMatching(/^[A-Za-z0-9+/=_.-]{1,40}$/),
  );
  it('finds exactly what the reference path finds on hostile text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(fast.scan(text)).toEqual(reference.scan(text));
      }),
      { numRuns: 400 },
    );
  });
});
