import { describe, expect, it } from 'vitest';
import {
  findBase64Containers,
  mayStartContainer,
} from '../../../src/engine/decode/base64-containers.js';
import { base64Span, DOCKER_PAT, EC_PEM, GITHUB_PAT, only, position, scanner } from './fixtures.js';

const s = scanner();
const plainFingerprint = (secret: string): string => only(s.scan(secret).findings).fingerprint;

/**
 * Scans `text`, where `decoded` is base64-encoded at its first `encoded` occurrence and holds
 * `secret`: one finding, on the encoded span covering the secret, with the plain copy's fingerprint.
 */
function expectDecoded(text: string, decoded: string, secret: string, detector: string) {
  const encoded = btoa(decoded);
  const vs = text.indexOf(encoded);
  const from = new TextEncoder().encode(decoded.slice(0, decoded.indexOf(secret))).length;
  const want = base64Span(vs, vs + encoded.length, from, from + secret.length);
  const f = only(s.scan(text).findings);
  expect(f.detector).toBe(detector);
  expect([f.start, f.end]).toEqual([want.start, want.end]);
  expect([f.line, f.column]).toEqual(Object.values(position(text, want.start)));
  expect(f.encoding).toEqual(['base64']);
  expect(f.fingerprint).toBe(plainFingerprint(secret));
  return f;
}

/** `b64` as a YAML block scalar's lines: `width` chars each, indented by `indent`, ended by `eol`. */
const wrap = (b64: string, width: number, indent: string, eol: string): string =>
  (b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).map((l) => indent + l + eol).join('');

/**
 * The one finding of `text`, where `decoded` is base64 wrapped over the lines of a block scalar
 * at `blockStart`: on the original chars that hold the secret's groups, line breaks skipped.
 */
function expectWrapped(text: string, blockStart: number, decoded: string, secret: string) {
  const pos: number[] = [];
  for (let i = blockStart; i < text.length && pos.length < btoa(decoded).length; i++)
    if (/[A-Za-z0-9+/=]/.test(text.charAt(i))) pos.push(i);
  const from = new TextEncoder().encode(decoded.slice(0, decoded.indexOf(secret))).length;
  const g = base64Span(0, pos.length, from, from + secret.length);
  const f = only(s.scan(text).findings);
  expect([f.start, f.end]).toEqual([pos[g.start], (pos[g.end - 1] as number) + 1]);
  expect([f.line, f.column]).toEqual(Object.values(position(text, f.start)));
  expect(f.encoding).toEqual(['base64']);
  expect(f.fingerprint).toBe(plainFingerprint(secret));
  return f;
}

describe('base64 containers', () => {
  it('Kubernetes Secret data (YAML): each value is decoded and mapped back', () => {
    const env = `LOG_LEVEL=info\nGITHUB_TOKEN=${GITHUB_PAT}\n`;
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci\ntype: Opaque\ndata:\n' +
      `  user: ${btoa('ci-bot')}\n  config.env: ${btoa(env)}\n  # a comment\n` +
      'stringData:\n  other: plain\n';
    expectDecoded(text, env, GITHUB_PAT, 'github-pat');
  });

  describe('Kubernetes Secret data written as YAML block scalars', () => {
    const head = 'apiVersion: v1\nkind: Secret\ndata:\n';

    it('`key: |` with the value on one line', () => {
      const text = `${head}  token: |\n    ${btoa(GITHUB_PAT)}\n  user: ${btoa('ci')}\n`;
      expectDecoded(text, GITHUB_PAT, GITHUB_PAT, 'github-pat');
    });

    it('`|-` wrapped over several lines: the finding spans the lines, mapped char by char', () => {
      const env = `LOG_LEVEL=info\nGITHUB_TOKEN=${GITHUB_PAT}\nREGION=eu-west-1\n`;
      const block = wrap(btoa(env), 20, '    ', '\n');
      const text = `${head}  config.env: |-\n${block}\n  user: ${btoa('ci')}\n`;
      const f = expectWrapped(text, text.indexOf(block), env, GITHUB_PAT);
      // The secret's groups run over more than one line of the original.
      expect(text.slice(f.start, f.end)).toContain('\n');
      expect(f.detector).toBe('github-pat');
    });

    it('`>` folded, `|2+` with an indentation indicator, and CRLF line ends', () => {
      const pair = `ci:${DOCKER_PAT}`;
      for (const [indicator, eol] of [
        ['>', '\n'],
        ['|2+', '\n'],
        ['>-  # wrapped by base64 -w 16', '\r\n'],
      ] as const) {
        const block = wrap(btoa(pair), 16, '      ', eol);
        const text = `${head.replaceAll('\n', eol)}    auth: ${indicator}${eol}${block}`;
        expect(expectWrapped(text, text.indexOf(block), pair, DOCKER_PAT).detector).toBe(
          'docker-hub-pat',
        );
      }
    });

    it('entries after a block are still read; a blank line inside a block is part of it', () => {
      const b64 = btoa(GITHUB_PAT);
      const text = `data:\n  a: |\n    ${b64.slice(0, 24)}\n\n    ${b64.slice(24)}\n  b: ${btoa('second')}\n`;
      const r = findBase64Containers(text);
      expect(r.spans.map((x) => x.decoded)).toEqual([GITHUB_PAT, 'second']);
      expect(r.spans[0]?.map(0, GITHUB_PAT.length)).toEqual([
        text.indexOf(b64.slice(0, 24)),
        text.indexOf(b64.slice(24)) + b64.length - 24,
      ]);
    });

    it('a block that is not base64 is not decoded, and ends the data block', () => {
      const prose = `data:\n  motd: |\n    Welcome to the build cluster\n    ${btoa(GITHUB_PAT)}\n  b: ${btoa(GITHUB_PAT)}\n`;
      expect(findBase64Containers(prose).spans).toEqual([]);
      // Padding in the middle of a value: two values glued together, not one.
      const glued = `data:\n  a: |\n    ${btoa('x:12')}\n    ${btoa(GITHUB_PAT)}\n`;
      expect(findBase64Containers(glued).spans).toEqual([]);
    });

    it('a `description: |` block outside `data:` is prose and is not decoded', () => {
      const b64 = wrap(btoa(`bot:${GITHUB_PAT}`), 24, '      ', '\n');
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ci\n  annotations:\n    description: |\n      Rotated by the platform team.\n      See the runbook.\n    example: |\n${b64}`;
      expect(findBase64Containers(text).spans).toEqual([]);
      expect(s.scan(text).findings).toEqual([]);
    });

    it('a block over the size limit is a recorded cut, and the next entry is still decoded', () => {
      const big = wrap(btoa('x'.repeat(600)), 76, '    ', '\n');
      const text = `data:\n  big: |\n${big}  b: ${btoa('second')}\n`;
      const r = findBase64Containers(text, { maxSpans: 8, maxSpanChars: 512 });
      expect(r.spans.map((x) => x.decoded)).toEqual(['second']);
      expect(r.cuts).toEqual([
        {
          encoding: 'base64',
          at: text.indexOf(big.trimStart()),
          reason: `a base64 value of ${big.trim().length} chars (over 512) was not decoded`,
        },
      ]);
    });
  });

  it('Kubernetes Secret data (kubectl -o json)', () => {
    const text = `{\n  "apiVersion": "v1",\n  "data": {\n    "token": "${btoa(GITHUB_PAT)}",\n    "user": "${btoa('ci')}"\n  },\n  "kind": "Secret"\n}`;
    expectDecoded(text, GITHUB_PAT, GITHUB_PAT, 'github-pat');
  });

  it('Docker config.json auth entries', () => {
    const pair = `acmeci:${DOCKER_PAT}`;
    const text = `{"auths":{"https://index.docker.io/v1/":{"auth":"${btoa(pair)}"}}}`;
    expectDecoded(text, pair, DOCKER_PAT, 'docker-hub-pat');
  });

  it('Authorization: Basic headers', () => {
    const pair = `bot:${GITHUB_PAT}`;
    const text = `curl -s \\\n  -H 'Authorization: Basic ${btoa(pair)}' https://git.acme.test/api`;
    // The generic Authorization-header finding (the base64 itself) gives way to the token inside.
    expectDecoded(text, pair, GITHUB_PAT, 'github-pat');
  });

  it('.npmrc _auth and .yarnrc.yml npmAuthIdent lines', () => {
    const pair = `ci:${GITHUB_PAT}`;
    expectDecoded(
      `//npm.pkg.github.com/:_auth=${btoa(pair)}\nalways-auth=true`,
      pair,
      GITHUB_PAT,
      'github-pat',
    );
    expectDecoded(
      `npmScopes:\n  acme:\n    npmAuthIdent: "${btoa(pair)}"`,
      pair,
      GITHUB_PAT,
      'github-pat',
    );
  });

  it('kubeconfig client-key-data: the PEM inside is the finding, one incident with a plain paste', () => {
    const text = `users:\n- name: admin\n  user:\n    client-certificate-data: ${btoa('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}\n    client-key-data: ${btoa(EC_PEM)}\n`;
    const f = expectDecoded(text, EC_PEM, EC_PEM.trimEnd(), 'private-key-ec');
    expect(f.severity).toBe('critical');
  });

  it('a .dockerconfigjson holds a config whose auth holds the token: one level of nesting', () => {
    const pair = `acmeci:${DOCKER_PAT}`;
    const config = JSON.stringify({ auths: { 'registry.acme.test': { auth: btoa(pair) } } });
    const outer = btoa(config);
    const text = `data:\n  .dockerconfigjson: ${outer}\n`;
    const f = only(s.scan(text).findings);
    expect(f.detector).toBe('docker-hub-pat');
    expect(f.encoding).toEqual(['base64', 'base64']);
    expect(f.fingerprint).toBe(plainFingerprint(DOCKER_PAT));
    // Inside the outer value, covering the inner auth value's groups.
    const vs = text.indexOf(outer);
    expect(f.start).toBeGreaterThanOrEqual(vs);
    expect(f.end).toBeLessThanOrEqual(vs + outer.length);
    const inner = base64Span(
      vs,
      vs + outer.length,
      config.indexOf(btoa(pair)),
      config.indexOf(btoa(pair)) + btoa(pair).length,
    );
    expect(f.start).toBeGreaterThanOrEqual(inner.start);
    expect(f.end).toBeLessThanOrEqual(inner.end);
  });

  it('plain and encoded copies of one secret in one text: two findings, one fingerprint', () => {
    const text = `token ${GITHUB_PAT}\nAuthorization: Basic ${btoa(`x:${GITHUB_PAT}`)}`;
    const fs = s.scan(text).findings;
    expect(fs.map((f) => f.detector)).toEqual(['github-pat', 'github-pat']);
    expect(fs[0]?.fingerprint).toBe(fs[1]?.fingerprint);
    expect(fs[0]?.encoding).toBeUndefined();
  });

  it('finds nothing in base64 of random bytes, certificates, or values outside containers', () => {
    const random = btoa(
      String.fromCharCode(...Array.from({ length: 48 }, (_, i) => (i * 97 + 13) % 256)),
    );
    expect(findBase64Containers(`data:\n  blob: ${random}\n`).spans).toEqual([]);
    expect(
      findBase64Containers(`client-certificate-data: ${btoa('-----BEGIN CERTIFICATE-----\n')}`)
        .spans,
    ).toEqual([]);
    expect(findBase64Containers(`note: ${btoa(`x:${GITHUB_PAT}`)}`).spans).toEqual([]);
    expect(s.scan(`data:\n  blob: ${random}\n  name: ${btoa('production')}\n`).findings).toEqual(
      [],
    );
    // A ConfigMap's plain values are not base64 of text.
    expect(findBase64Containers('data:\n  LOG_LEVEL: debug\n  REGION: eu-west-1\n').spans).toEqual(
      [],
    );
  });

  it('the prefilter sends a text to the decoders only for a data: line that opens a block', () => {
    expect(mayStartContainer('Screenshot data: QUJDRA==', 11)).toBe(false);
    expect(mayStartContainer('data:  # secrets\n  a: QUJDRA==', 0)).toBe(true);
    expect(mayStartContainer('  data:\r\n', 2)).toBe(true);
    expect(mayStartContainer('_auth=QUJDRA==', 0)).toBe(true);
  });

  it('a 1 MB value is not decoded: a recorded skip, and the work is one pass', () => {
    const blob = btoa(`x:${GITHUB_PAT}`).padEnd(1024 * 1024, 'QUFB');
    const r = s.scan(`Authorization: Basic ${blob}`);
    expect(r.findings.filter((f) => f.encoding)).toEqual([]);
    expect(r.skips.map((k) => k.detector)).toEqual(['decode']);
    expect(r.skips[0]?.reason).toContain(`base64 value of ${blob.length} chars`);
  });

  it('decodes at most maxSpans values per text and says so', () => {
    const text = Array.from({ length: 70 }, (_, i) => `_auth=${btoa(`user${i}:pw-${i}-Zq8`)}`).join(
      '\n',
    );
    const r = findBase64Containers(text, { maxSpans: 64, maxSpanChars: 1024 });
    expect(r.spans.length).toBe(64);
    expect(r.more).toBe(true);
    const { skips } = s.scan(text);
    expect(skips.map((k) => k.detector)).toEqual(['decode']);
    expect(skips[0]?.reason).toContain('more than 64 base64 spans');
  });
});
