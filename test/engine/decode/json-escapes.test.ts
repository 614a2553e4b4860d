import { describe, expect, it } from 'vitest';
import { findJsonEscapes } from '../../../src/engine/decode/json-escapes.js';
import { EC_PEM, GITHUB_PAT, only, position, scanner, SLACK_HOOK } from './fixtures.js';

const s = scanner();
const plain = (secret: string) => only(s.scan(secret).findings);

describe('JSON escapes', () => {
  it('maps a webhook URL written with \\/ back to its exact escaped span', () => {
    const escaped = SLACK_HOOK.replaceAll('/', '\\/');
    const text = `log: {"level":"warn",\n"hook":"${escaped}","retries":3}`;
    const f = only(s.scan(text).findings);
    const at = text.indexOf(escaped);
    expect(f.detector).toBe(plain(SLACK_HOOK).detector);
    expect([f.start, f.end]).toEqual([at, at + escaped.length]);
    expect([f.line, f.column]).toEqual(Object.values(position(text, at)));
    expect(f.encoding).toEqual(['json-escape']);
    expect(f.fingerprint).toBe(plain(SLACK_HOOK).fingerprint);
  });

  it('decodes \\u002F the same way', () => {
    const escaped = SLACK_HOOK.replaceAll('/', '\\u002F');
    const text = `{"url": "${escaped}"}`;
    const f = only(s.scan(text).findings);
    expect([f.start, f.end]).toEqual([
      text.indexOf(escaped),
      text.indexOf(escaped) + escaped.length,
    ]);
    expect(f.fingerprint).toBe(plain(SLACK_HOOK).fingerprint);
  });

  it('a service-account key PEM with \\n escapes is one incident with the plain PEM', () => {
    const pem = EC_PEM.trimEnd();
    const escaped = JSON.stringify(pem).slice(1, -1);
    const text = `{\n  "type": "service_account",\n  "private_key": "${escaped}",\n  "client_email": "ci@acme.iam.gserviceaccount.com"\n}`;
    const f = only(s.scan(text).findings);
    const at = text.indexOf(escaped);
    expect(f.detector).toBe(plain(pem).detector);
    expect([f.start, f.end]).toEqual([at, at + escaped.length]);
    expect([f.line, f.column]).toEqual([3, 19]);
    expect(f.fingerprint).toBe(plain(pem).fingerprint);
  });

  it('one key from a LF file, a CRLF file, and either JSON-escaped, is one fingerprint', () => {
    const pem = EC_PEM.trimEnd();
    const crlf = pem.replaceAll('\n', '\r\n');
    const copies = [pem, crlf, ...[pem, crlf].map((k) => `{"key": ${JSON.stringify(k)}}`)];
    const found = copies.map((text) => only(s.scan(text).findings));
    expect(new Set(found.map((f) => f.fingerprint))).toEqual(new Set([plain(pem).fingerprint]));
    expect(new Set(found.map((f) => f.detector))).toEqual(new Set([plain(pem).detector]));
    // The escaped CRLF key is mapped back to its whole escaped span, `\r\n` by `\r\n`.
    const escaped = JSON.stringify(crlf).slice(1, -1);
    expect([found[3]?.start, found[3]?.end]).toEqual([9, 9 + escaped.length]);
    const text = 'x = "a\\r\\nb\\r"';
    const [span] = findJsonEscapes(text).spans;
    expect(span?.decoded).toBe('a\nb\r'); // a lone \r stays a CR
    expect(span?.map(1, 2)).toEqual([6, 10]);
    // An edited escaped CRLF key is no finding.
    const edited = escaped.replace(/\\r\\n(.)/, (_, c: string) => `\\r\\n${c === 'A' ? 'B' : 'A'}`);
    expect(s.scan(`{"key": "${edited}"}`).findings).toEqual([]);
  });

  it('a token already visible in the escaped string is reported once, as plain text', () => {
    const text = `{"msg": "export GITHUB_TOKEN=${GITHUB_PAT}\\nexit 1"}`;
    const f = only(s.scan(text).findings);
    expect(f.encoding).toBeUndefined();
    expect(text.slice(f.start, f.end)).toBe(GITHUB_PAT);
  });

  it('per-char map: each decoded char maps to the escape that wrote it', () => {
    const text = 'x = "a\\nb\\u0041\\/c\\q"';
    const [span] = findJsonEscapes(text).spans;
    expect(span?.decoded).toBe('a\nbA/c\\q');
    expect(span?.map(1, 2)).toEqual([6, 8]); // \n
    expect(span?.map(3, 4)).toEqual([9, 15]); // \u0041
    expect(span?.map(0, 8)).toEqual([5, text.length - 1]);
  });

  it('finds nothing in strings without escapes, Windows paths or prose', () => {
    expect(findJsonEscapes('{"a": "plain", "b": "x"}').spans).toEqual([]);
    expect(
      s.scan('{"path": "C:\\Users\\build\\work", "msg": "line one\\nline two"}').findings,
    ).toEqual([]);
    expect(s.scan('He said \\"hi\\" and left').findings).toEqual([]);
  });

  it('100k escapes: strings over the size limit are skipped, and the rest stays linear', () => {
    const body = `${'\\n'.repeat(100_000)} ${GITHUB_PAT}`;
    const long = `{"k": "${body}"}`;
    const r = s.scan(long);
    expect(r.findings.map((f) => f.encoding)).toEqual([undefined]); // the token, seen plain
    expect(r.skips.map((k) => k.detector)).toEqual(['decode']);
    expect(r.skips[0]?.reason).toContain(`JSON string of ${body.length} chars`);
    const many = Array.from({ length: 100_000 }, () => '"\\n"').join(',');
    const r2 = s.scan(many);
    expect(r2.findings).toEqual([]);
    expect(r2.skips.map((k) => k.detector)).toEqual(['decode']);
    expect(r2.skips[0]?.reason).toContain('more than 64 json-escape spans');
  });
});
