import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/detectors/index.js';
import { findLinePrefixed, matchPrefix } from '../../../src/engine/decode/line-prefix.js';
import { mlDsa87, pgpRsa } from '../../detectors/long-keys.js';
import { armourHits, EC_PEM, expectArmour, only, scanner } from './fixtures.js';

const s = scanner();
const plain = (pem: string) => only(s.scan(pem).findings);
const pem = EC_PEM.trimEnd();
const expectPrefixed = (text: string, key: string) => expectArmour(text, key, 'line-prefix');

const decode = (text: string) => findLinePrefixed(text, undefined, armourHits(text));

/** `block`'s lines, each behind the prefix `prefixOf` gives for its line number. */
const prefixed = (block: string, prefixOf: (i: number) => string): string =>
  block
    .split('\n')
    .map((l, i) => prefixOf(i) + l)
    .join('\n');

/** A log line's clock, ticking one second per line. */
const clock = (i: number) => `2026-04-26 12:36:${String(i % 60).padStart(2, '0')} [main] INFO  `;

describe('line-prefixed armour', () => {
  it('a key logged line by line behind a ticking timestamp is one incident with the plain key', () => {
    const text = `boot ok\n${prefixed(pem, clock)}\n2026-04-26 12:37:00 [main] INFO  ready\n`;
    expectPrefixed(text, pem);
    expectPrefixed(text.replaceAll('\n', '\r\n'), pem); // a log saved on Windows
  });

  it('a key in a comment block, a mail quote and a BuildKit log', () => {
    const pgp = DETECTORS.find((d) => d.id === 'private-key-pgp')?.examples.positives[0] as string;
    // The PGP armour's blank line keeps only the comment marker, its trailing space trimmed.
    const comment = `/**\n${prefixed(pgp, () => ' * ').replace(/ \* \n/g, ' *\n')}\n */`;
    expectPrefixed(comment, pgp);
    expectPrefixed(`On Monday Kim wrote:\n${prefixed(pem, () => '> ')}\n`, pem);
    expectPrefixed(
      prefixed(pem, (i) => `#6 ${i}.${245 + i} `),
      pem,
    );
  });

  it('a key added or removed in a diff: `+` or `-` before each line', () => {
    const head =
      'diff --git a/deploy/key.pem b/deploy/key.pem\n--- a/deploy/key.pem\n+++ b/deploy/key.pem\n';
    expectPrefixed(`${head}@@ -0,0 +1,5 @@\n${prefixed(pem, () => '+')}\n`, pem);
    expectPrefixed(`${head}@@ -1,5 +0,0 @@\n${prefixed(pem, () => '-')}\n`, pem);
  });

  it('a post-quantum key of 104 lines (ML-DSA-87 PKCS#8) in a build log', () => {
    const key = mlDsa87();
    expect(key.split('\n').length).toBe(106);
    expect(plain(key).detector).toBe('private-key-pkcs8');
    expectPrefixed(
      prefixed(key, () => '#6 0.245 '),
      key,
    );
  });

  it("gpg's RSA-4096 key with its subkey (103 lines) quoted in a mail reply", () => {
    const key = pgpRsa(4096);
    expectPrefixed(
      `On Monday ops wrote:\n${prefixed(key, () => '> ').replace('\n> \n', '\n>\n')}`,
      key,
    );
  });

  it('per-char map: decoded chars map to their own chars, prefixes left out', () => {
    const text = prefixed('-----BEGIN X-----\nAB\n\nCD\n-----END X-----', (i) =>
      i === 2 ? '#2' : `#${i} `,
    );
    const [span] = decode(text).spans;
    expect(span?.decoded).toBe('-----BEGIN X-----\nAB\n\nCD\n-----END X-----');
    expect([span?.encodedStart, span?.encodedEnd]).toEqual([3, text.length]);
    const at = (s: string) => text.indexOf(s);
    expect(span?.map(18, 20)).toEqual([at('AB'), at('AB') + 2]);
    // Over a line break: the next line's prefix is inside, nothing around.
    expect(span?.map(18, 24)).toEqual([at('AB'), at('CD') + 2]);
    expect(span?.map(0, span.decoded.length)).toEqual([3, text.length]);
  });

  it('the plain key and its logged copy in one text: two places, one fingerprint', () => {
    const text = `${pem}\n\nand in the log:\n${prefixed(pem, clock)}`;
    const [a, b] = s.scan(text).findings;
    expect(a?.encoding).toBeUndefined();
    expect(b?.encoding).toEqual(['line-prefix']);
    expect(b?.fingerprint).toBe(a?.fingerprint);
  });

  it('prefix shapes: digit runs may differ, everything else must match', () => {
    const line = '2026-04-26 12:36:01 [main] MIIE';
    const shape = '2026-04-26 12:36:59 [main] ';
    expect(matchPrefix(line, 0, line.length, shape)).toBe(shape.length);
    expect(matchPrefix('2026-4-26 1:36:01 [main] MIIE', 0, 29, shape)).toBe(25);
    expect(matchPrefix('2026-04-26 12:36:01 [pool] MIIE', 0, 31, shape)).toBe(-1);
    expect(matchPrefix('2026-04-26T12:36:01 [main] MIIE', 0, 31, shape)).toBe(-1);
  });

  it('finds nothing in prefixed lines that hold no key', () => {
    const cert = DETECTORS.find((d) => d.id === 'private-key-rsa')?.examples.negatives[3] as string;
    const elided =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----';
    for (const block of [cert, elided]) expect(s.scan(prefixed(block, clock)).findings).toEqual([]);
    // A log with no armour, and a prefixed BEGIN whose END never comes.
    expect(decode(prefixed('step 1\nstep 2\nstep 3', clock)).spans).toEqual([]);
    expect(decode(prefixed(pem.slice(0, pem.indexOf('-----END')), clock)).spans).toEqual([]);
  });

  it('a block another line breaks into, or a prefix of indentation only, is not a view', () => {
    const lines = prefixed(pem, clock).split('\n');
    lines.splice(2, 0, '2026-04-26 12:36:02 [pool-3] WARN  slow disk');
    expect(decode(lines.join('\n')).spans).toEqual([]);
    // LF lines from the line start are what the detectors read: no view.
    expect(decode(`k:\n${pem}\n`).spans).toEqual([]);
    expect(plain(pem).encoding).toBeUndefined();
    // Indentation or CRLF is a view of private keys only (a CA bundle's certificates are not).
    const rsaPublic = DETECTORS.find((d) => d.id === 'private-key-rsa')?.examples.negatives[3];
    expect(
      decode(prefixed(rsaPublic as string, () => '  ').replaceAll('\n', '\r\n')).spans,
    ).toEqual([]);
    // A quote before BEGIN opens a string literal: string-concat.ts reads it.
    expect(decode(prefixed(pem, () => '"')).spans).toEqual([]);
  });

  it('one fingerprint however the lines are laid out: CRLF, indented, a multi-line raw literal', () => {
    const crlf = (t: string) => t.replaceAll('\n', '\r\n');
    const indent = (n: number) => prefixed(pem, () => ' '.repeat(n));
    const layouts = {
      crlf: crlf(`key:\n${pem}\n`),
      'Java text block': `String k = """\n${indent(8)}\n        """;`,
      'YAML block scalar, CRLF': crlf(`tls:\n  key: |\n${indent(4)}\n`),
      'indented deeper than the patterns read': indent(16),
      'C# verbatim string, CRLF': crlf(`var k = @"${pem}";`),
      'Go raw string, CRLF': crlf(`k := \`${pem}\``),
    };
    for (const text of Object.values(layouts)) expectPrefixed(text, pem);
    // A line lost from the indented or CRLF key is still no finding.
    const cut = pem
      .split('\n')
      .filter((_, i) => i !== 1)
      .join('\n');
    expect(s.scan(crlf(cut)).findings).toEqual([]);
    expect(s.scan(`k: |\n  ${cut.replaceAll('\n', '\n  ')}`).findings).toEqual([]);
  });

  it('hostile input: 100k prefixed BEGIN lines, or a BEGIN with 200k lines and no END, stay linear', () => {
    const begins = Array.from({ length: 100_000 }, () => '# -----BEGIN A-----').join('\n');
    const r = decode(begins);
    expect([r.spans, r.cuts, r.more]).toEqual([[], [], false]);
    // One line of them: each BEGIN looks back no further than a prefix may be long.
    expect(decode(begins.replaceAll('\n', ' ')).spans).toEqual([]);
    const endless = `# -----BEGIN PRIVATE KEY-----\n${'# MIIE\n'.repeat(200_000)}`;
    expect(decode(endless).spans).toEqual([]);
    expect(s.scan(endless).findings).toEqual([]);
    // Indented or CRLF lines with no END, and 100k BEGIN lines of a CRLF file.
    for (const line of ['    MIIE\n', 'MIIE\r\n']) {
      const text = `${line.startsWith(' ') ? '    ' : ''}-----BEGIN PRIVATE KEY-----\n${line.repeat(200_000)}`;
      expect(decode(text).spans).toEqual([]);
    }
    expect(decode(begins.replaceAll('# ', '').replaceAll('\n', '\r\n')).spans).toEqual([]);
  });

  it('a block over the size limit is a recorded skip', () => {
    const text = prefixed(pem, clock);
    const r = findLinePrefixed(text, { maxSpans: 64, maxSpanChars: 100 }, armourHits(text));
    expect(r.spans).toEqual([]);
    expect(r.cuts).toEqual([
      {
        encoding: 'line-prefix',
        at: text.indexOf('-----BEGIN'),
        reason: `a line-prefixed block of ${text.length - text.indexOf('-----BEGIN')} chars (over 100) was not decoded`,
      },
    ]);
    const skips = scanner({ decode: { maxSpanChars: 100 } }).scan(text).skips;
    expect(skips.map((k) => k.reason)).toContain(
      `${r.cuts[0]?.reason} at offset ${text.indexOf('-----BEGIN')}`,
    );
  });
});
