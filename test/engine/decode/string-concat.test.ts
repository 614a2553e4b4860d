import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/detectors/index.js';
import { findStringConcats } from '../../../src/engine/decode/string-concat.js';
import { pgpRsa } from '../../detectors/long-keys.js';
import { armourHits, EC_PEM, expectArmour, only, scanner } from './fixtures.js';

const s = scanner();
const plain = (pem: string) => only(s.scan(pem).findings);
const pem = EC_PEM.trimEnd();
const expectConcat = (text: string, key: string) => expectArmour(text, key, 'string-concat');

const decode = (text: string) => findStringConcats(text, undefined, armourHits(text));

/** `block`'s lines as literals quoted by `q`, each with its escaped line break, joined by `join`. */
const literals = (block: string, q: string, join: string): string =>
  block
    .split('\n')
    .map((l, i, all) => `${q}${l}${i < all.length - 1 ? '\\n' : ''}${q}`)
    .join(join);

describe('string-literal armour', () => {
  it('Java `"...\\n" +` lines are one incident with the plain key', () => {
    const text = `class K {\n  static final String PEM =\n      ${literals(pem, '"', ' +\n      ')};\n}`;
    expectConcat(text, pem);
  });

  it('JavaScript with `+` leading each line, Python implicit concatenation, PHP `.`', () => {
    expectConcat(`const key = ${literals(pem, "'", '\n  + ')};`, pem);
    expectConcat(`KEY = (\n    ${literals(pem, '"', '\n    ')}\n)`, pem);
    expectConcat(`$key = ${literals(pem, "'", ' .\n  ')};`, pem);
  });

  it('a PGP block, and a key whose literals hold a double-escaped \\\\n', () => {
    const pgp = DETECTORS.find((d) => d.id === 'private-key-pgp')?.examples.positives[0] as string;
    expectConcat(`var k = ${literals(pgp, '"', ' +\n  ')};`, pgp);
    const doubled = literals(pem, '"', ' +\n').replaceAll('\\n', '\\\\n');
    const f = only(s.scan(doubled).findings);
    expect(f.encoding).toEqual(['string-concat']);
    expect(f.detector).toBe(plain(pem).detector);
  });

  it("gpg's RSA-4096 key with its subkey (103 lines) as Java literals", () => {
    const key = pgpRsa(4096);
    expectConcat(`String k = ${literals(key, '"', ' +\n    ')};`, key);
  });

  it('an array of lines joined at run time (JSON, JavaScript, Python) is one incident with the plain key', () => {
    const lines = pem.split('\n');
    const quoted = (q: string, join: string) => lines.map((l) => `${q}${l}${q}`).join(join);
    expectConcat(`{"key": [${quoted('"', ', ')}]}`, pem);
    expectConcat(`const PEM = [\n  ${quoted('"', ',\n  ')},\n].join("\\n");`, pem);
    expectConcat(`KEY = "\\n".join([\n    ${quoted("'", ',\n    ')}\n])`, pem);
    // Elements that hold their line break already are joined with "".
    expectConcat(`k = [${literals(pem, '"', ',\n')}].join('')`, pem);
    const pgp = pgpRsa(2048);
    expectConcat(
      `[${pgp
        .split('\n')
        .map((l) => `"${l}"`)
        .join(',')}]`,
      pgp,
    );
  });

  it("an array of lines: the join's line break maps to the gap, a line lost is no finding", () => {
    const text = `["-----BEGIN A-----",\n  "B",\n  "-----END A-----"]`;
    const [span] = decode(text).spans;
    expect(span?.decoded).toBe('-----BEGIN A-----\nB\n-----END A-----');
    expect(span?.map(17, 18)).toEqual([text.indexOf('",'), text.indexOf('"B') + 1]);
    expect(span?.map(18, 19)).toEqual([text.indexOf('"B') + 1, text.indexOf('"B') + 2]);
    const cut = pem.split('\n').filter((_, i) => i !== 1);
    expect(s.scan(`k = [${cut.map((l) => `"${l}"`).join(', ')}]`).findings).toEqual([]);
    const edited = pem.replace(/\n(.)/, (_, c: string) => `\n${c === 'A' ? 'B' : 'A'}`);
    expect(
      s.scan(
        `k = [${edited
          .split('\n')
          .map((l) => `"${l}"`)
          .join(', ')}]`,
      ).findings,
    ).toEqual([]);
  });

  it('literals with `\\r\\n` escapes (a Windows file) are one incident with the plain LF key', () => {
    const text = `var k = ${literals(pem, '"', ' +\n  ').replaceAll('\\n', '\\r\\n')};`;
    expectConcat(text, pem);
    const [span] = decode('"-----BEGIN A-----\\r\\n" + "-----END A-----"').spans;
    expect(span?.decoded).toBe('-----BEGIN A-----\n-----END A-----');
    expect(span?.map(17, 18)).toEqual([18, 22]);
  });

  it('per-char map: an escape maps to its two chars, a span over literals takes the gap inside', () => {
    const text = `x = "-----BEGIN A-----\\n" +\n  "B\\tC\\n" +\n  "-----END A-----";`;
    const [span] = decode(text).spans;
    expect(span?.decoded).toBe('-----BEGIN A-----\nB\tC\n-----END A-----');
    expect([span?.encodedStart, span?.encodedEnd]).toEqual([5, text.length - 2]);
    const b = text.indexOf('B\\t');
    expect(span?.map(18, 19)).toEqual([b, b + 1]);
    expect(span?.map(19, 20)).toEqual([b + 1, b + 3]); // \t
    expect(span?.map(17, 19)).toEqual([text.indexOf('\\n'), b + 1]);
    expect(span?.map(0, span.decoded.length)).toEqual([5, text.length - 2]);
    // An END line split over literals ends the run once its closing dashes are in.
    const split = `"-----BEGIN A-----\\n" +\n"B\\n-----END" + " A PRIVATE KEY" +\n"-----" + "tail"`;
    expect(decode(split).spans[0]?.decoded).toBe(
      '-----BEGIN A-----\nB\n-----END A PRIVATE KEY-----',
    );
  });

  it('the plain key and its copy in code in one text: two places, one fingerprint', () => {
    const text = `${pem}\n\nString k = ${literals(pem, '"', ' +\n')};`;
    const [a, b] = s.scan(text).findings;
    expect(a?.encoding).toBeUndefined();
    expect(b?.encoding).toEqual(['string-concat']);
    expect(b?.fingerprint).toBe(a?.fingerprint);
  });

  it('finds nothing in literals that hold no key, or that stop before the END line', () => {
    const cert = DETECTORS.find((d) => d.id === 'private-key-rsa')?.examples.negatives[3] as string;
    const elided =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----';
    for (const block of [cert, elided]) {
      expect(s.scan(`s = ${literals(block, '"', ' +\n')};`).findings).toEqual([]);
    }
    const body = pem.split('\n').slice(0, -1).join('\n');
    // The END line comes from a variable, or a call: no run reaches it.
    expect(decode(`k = ${literals(body, '"', ' +\n')} + END;`).spans).toEqual([]);
    expect(decode(`k = [${literals(body, '"', ',\n')}, END]`).spans).toEqual([]);
    expect(decode(`k = ${literals(body, '"', ' +\n')} + f("-----END X-----")`).spans).toEqual([]);
    // One literal without escapes is plain text already; BEGIN after no quote is not a literal.
    expect(decode(`'${pem.replaceAll('\n', ' ')}'`).spans).toEqual([]);
    expect(decode(literals(pem, '"', ' +\n').slice(1)).spans).toEqual([]);
  });

  it('hostile input: 100k literals after a BEGIN, or 100k BEGIN literals, stay linear', () => {
    const endless = `"-----BEGIN PRIVATE KEY-----\\n" +\n${'"MIIE\\n" +\n'.repeat(100_000)};`;
    const r = decode(endless);
    expect([r.spans, r.more]).toEqual([[], false]);
    expect(r.cuts.map((c) => c.encoding)).toEqual(['string-concat']);
    const begins = Array.from({ length: 100_000 }, () => '"-----BEGIN A-----"').join(' + ');
    expect(decode(begins).spans).toEqual([]);
    expect(s.scan(begins).findings).toEqual([]);
    const array = `["-----BEGIN PRIVATE KEY-----", ${'"MIIE", '.repeat(100_000)}]`;
    expect(decode(array).cuts.map((c) => c.encoding)).toEqual(['string-concat']);
    expect(s.scan(array).findings).toEqual([]);
    // Escaped quotes on one line: no literal closes, and the line is read once.
    const unclosed = `"${'-----BEGIN A----- \\"'.repeat(100_000)}`;
    expect(decode(unclosed).spans).toEqual([]);
  });

  it('a run over the size limit is a recorded skip', () => {
    const text = `k = ${literals(pem, '"', ' +\n')};`;
    const at = text.indexOf('-----BEGIN');
    const r = findStringConcats(text, { maxSpans: 64, maxSpanChars: 100 }, armourHits(text));
    expect(r.spans).toEqual([]);
    const size = text.length - 2 - at;
    expect(r.cuts).toEqual([
      {
        encoding: 'string-concat',
        at,
        reason: `a run of string literals of ${size} chars (over 100) was not decoded`,
      },
    ]);
  });
});
