import { describe, expect, it } from 'vitest';
import { findPercentEncoded } from '../../../src/engine/decode/percent.js';
import { GITHUB_PAT, only, position, scanner, SLACK_HOOK } from './fixtures.js';

const s = scanner();
const plain = (secret: string) => only(s.scan(secret).findings);

describe('percent-encoding', () => {
  it('finds a webhook URL passed as a query parameter, mapped to its encoded span', () => {
    const encoded = encodeURIComponent(SLACK_HOOK);
    const text = `Redirect loop on\nhttps://status.acme.test/subscribe?channel=ops&target=${encoded}&v=2 please check`;
    const f = only(s.scan(text).findings);
    const at = text.indexOf(encoded);
    expect(f.detector).toBe(plain(SLACK_HOOK).detector);
    expect([f.start, f.end]).toEqual([at, at + encoded.length]);
    expect([f.line, f.column]).toEqual(Object.values(position(text, at)));
    expect(f.encoding).toEqual(['percent']);
    expect(f.fingerprint).toBe(plain(SLACK_HOOK).fingerprint);
  });

  it('a detector that matches the URL-encoded form keeps it as the secret', () => {
    const text =
      'https://billingexports.blob.core.windows.net/reports/q3.csv?sv=2024-11-04&ss=b&srt=o&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig=mBjHLRrvV5oEyyY4zAYXvp0zZmMpYZWRw8pfQj%2BM89U%3D';
    const f = only(s.scan(text).findings);
    expect(f.detector).toBe('azure-sas-token');
    expect(f.encoding).toBeUndefined();
    expect(text.slice(f.start, f.end)).toBe('mBjHLRrvV5oEyyY4zAYXvp0zZmMpYZWRw8pfQj%2BM89U%3D');
  });

  it('double encoding is one level of nesting', () => {
    const twice = encodeURIComponent(encodeURIComponent(SLACK_HOOK));
    const f = only(s.scan(`next=${twice}`).findings);
    expect(f.encoding).toEqual(['percent', 'percent']);
    expect(f.fingerprint).toBe(plain(SLACK_HOOK).fingerprint);
    expect([f.start, f.end]).toEqual([5, 5 + twice.length]);
  });

  it('a third level is not decoded: a recorded skip', () => {
    const thrice = encodeURIComponent(encodeURIComponent(encodeURIComponent(SLACK_HOOK)));
    const r = s.scan(`next=${thrice}`);
    expect(r.findings).toEqual([]);
    expect(r.skips).toEqual([
      { detector: 'decode', reason: 'encoded text nested more than 2 levels deep was not decoded' },
    ]);
    expect(scanner({ decode: false }).scan(`next=${encodeURIComponent(SLACK_HOOK)}`)).toEqual({
      findings: [],
      skips: [],
    });
  });

  it('decodes UTF-8 runs as one char each, with an exact map', () => {
    const text = 'a=%C3%A9%2Fx%ZZ%20';
    const [span] = findPercentEncoded(text).spans;
    expect(span?.decoded).toBe('a=é/x%ZZ ');
    expect(span?.map(2, 3)).toEqual([2, 8]); // é from two escapes
    expect(span?.map(3, 5)).toEqual([8, 12]); // "/x"
  });

  it('leaves ordinary URLs alone: %20 only, or nothing found after decoding', () => {
    expect(findPercentEncoded('https://wiki.acme.test/display/OPS/Run%20Book%20v2').spans).toEqual(
      [],
    );
    expect(
      s.scan('https://wiki.acme.test/search?q=deploy%3A%20failed%2C%20retry 100% done').findings,
    ).toEqual([]);
    expect(s.scan(`see ${GITHUB_PAT.slice(0, 10)}%2F`).findings).toEqual([]);
  });

  it('stays linear on 100k escapes in one token: over the size limit, skipped', () => {
    const r = s.scan(`u=${'%2F'.repeat(100_000)}`);
    expect(r.findings).toEqual([]);
    expect(r.skips.map((k) => k.detector)).toEqual(['decode']);
    expect(r.skips[0]?.reason).toContain('percent-encoded token of 300002 chars');
  });
});
