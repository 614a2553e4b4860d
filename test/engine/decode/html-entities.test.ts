import { describe, expect, it } from 'vitest';
import { findHtmlEntities } from '../../../src/engine/decode/html-entities.js';
import { DOCKER_PAT, GITHUB_PAT, only, position, scanner, SLACK_HOOK } from './fixtures.js';

const s = scanner();

describe('HTML entities', () => {
  it('finds a webhook whose slashes a page escaped (&#x2F;) and maps it back', () => {
    const escaped = SLACK_HOOK.replaceAll('/', '&#x2F;');
    const text = `<p>Alerts go to</p>\n<pre>SLACK_URL=&quot;${escaped}&quot;</pre>`;
    const f = only(s.scan(text).findings);
    const at = text.indexOf(escaped);
    expect(f.detector).toBe(only(s.scan(SLACK_HOOK).findings).detector);
    expect([f.start, f.end]).toEqual([at, at + escaped.length]);
    expect([f.line, f.column]).toEqual(Object.values(position(text, at)));
    expect(f.encoding).toEqual(['html-entity']);
    expect(f.fingerprint).toBe(only(s.scan(SLACK_HOOK).findings).fingerprint);
  });

  it('a token the escaping did not touch is reported once, as plain text', () => {
    const text = `<pre>curl -H &quot;Authorization: Bearer ${GITHUB_PAT}&quot;</pre>`;
    const f = only(s.scan(text).findings);
    expect(f.encoding).toBeUndefined();
    expect(text.slice(f.start, f.end)).toBe(GITHUB_PAT);
  });

  it('maps entities inside the secret to their exact span', () => {
    const pair = `u:${DOCKER_PAT}`;
    const escaped = `{&quot;auths&quot;:{&quot;r.acme.test&quot;:{&quot;auth&quot;:&quot;${btoa(pair)}&quot;}}}`;
    const f = only(s.scan(`config: ${escaped}`).findings);
    expect(f.detector).toBe('docker-hub-pat');
    expect(f.encoding).toEqual(['html-entity', 'base64']);
    expect(f.fingerprint).toBe(only(s.scan(DOCKER_PAT).findings).fingerprint);
    const vs = `config: ${escaped}`.indexOf(btoa(pair));
    expect(f.start).toBeGreaterThanOrEqual(vs);
    expect(f.end).toBeLessThanOrEqual(vs + btoa(pair).length);
  });

  it('numeric and named references, with a per-char map', () => {
    const text = 'a&#x2F;b&#47;c&amp;&bogus;&lt';
    const [span] = findHtmlEntities(text).spans;
    expect(span?.decoded).toBe('a/b/c&&bogus;&lt');
    expect(span?.map(1, 2)).toEqual([1, 7]);
    expect(span?.map(3, 4)).toEqual([8, 13]);
    expect(span?.map(5, 6)).toEqual([14, 19]);
  });

  it('&amp; in prose and escaped markup without a secret find nothing', () => {
    expect(
      s.scan('Tom &amp; Jerry &lt;3 the R&amp;D team&#39;s dashboards &copy; 2026').findings,
    ).toEqual([]);
    expect(s.scan(`token ${GITHUB_PAT} &amp; more`).findings.map((f) => f.encoding)).toEqual([
      undefined,
    ]);
  });

  it('stays linear on 100k entities with no white space: one oversized run, skipped', () => {
    const r = s.scan('&amp;'.repeat(100_000));
    expect(r.findings).toEqual([]);
    expect(r.skips.map((k) => k.detector)).toEqual(['decode']);
    expect(r.skips[0]?.reason).toContain('HTML-escaped text of 500000 chars');
  });
});
