// The JWT detectors share one decode per candidate token: a counting decoder stands in for
// parseJwt, and a scan with every detector must decode each token once.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ parse: [] as string[], direct: [] as string[] }));

vi.mock('../../src/engine/checks/jwt.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/checks/jwt.js')>();
  return {
    ...original,
    parseJwt: (token: string) => {
      calls.parse.push(token);
      return original.parseJwt(token);
    },
    // A detector decoding on its own, outside the shared decode, shows up here.
    isJwt: (token: string) => {
      calls.direct.push(token);
      return original.isJwt(token);
    },
  };
});

const { DETECTORS } = await import('../../src/detectors/index.js');
const { decodedPerText } = await import('../../src/detectors/jwt-claims.js');
const { createScanner } = await import('../../src/engine/scan.js');

const scanner = createScanner({
  detectors: DETECTORS,
  fingerprintKey: 'jwt-claims-test-key-0001',
  isEnabled: () => true,
});

/** The first plain positive of a detector's own examples. */
function example(id: string): string {
  const d = DETECTORS.find((x) => x.id === id);
  const p = d?.examples.positives.find((x) => typeof x === 'string');
  if (typeof p !== 'string') throw new Error(`no plain positive for ${id}`);
  return p;
}

const count = (list: readonly string[], token: string): number =>
  list.filter((t) => t === token).length;

beforeEach(() => {
  calls.parse.length = 0;
  calls.direct.length = 0;
});

describe('JWT claim detectors', () => {
  it('decode each candidate token once, however many detectors look at it', () => {
    const tokens = {
      'auth0-management-api-token': example('auth0-management-api-token'),
      'calendly-personal-access-token': example('calendly-personal-access-token'),
      'front-api-token': example('front-api-token'),
      'monday-api-token': example('monday-api-token'),
    };
    const text = Object.values(tokens)
      .map((t, i) => `step ${i + 1} failed with token ${t} (see logs)`)
      .join('\n');

    const found = scanner.scan(text).findings.map((f) => f.detector);

    // Each token is still reported by its provider's detector, and only by it.
    expect(found.sort()).toEqual(Object.keys(tokens).sort());
    // At least five detectors (the claim ones and the generic JWT one) validate every token.
    for (const token of Object.values(tokens)) expect(count(calls.parse, token)).toBe(1);
    expect(new Set(calls.parse).size).toBe(calls.parse.length);
    expect(calls.direct).toEqual([]);
  });

  it('decode a token again only in another text', () => {
    const token = example('front-api-token');
    scanner.scan(`FRONT_API_TOKEN=${token}`);
    scanner.scan(`FRONT_API_TOKEN=${token}`); // the same text again: nothing new to decode
    expect(count(calls.parse, token)).toBe(1);
    scanner.scan(`Front token for the help-desk sync: ${token}`);
    expect(count(calls.parse, token)).toBe(2);
  });
});

describe('decodedPerText', () => {
  it('calls the decoder once per token of the current text', () => {
    const decode = vi.fn((token: string) => token.length);
    const once = decodedPerText(decode);
    const text = 'a bb a bb';
    expect([once('a', text), once('bb', text), once('a', text), once('bb', text)]).toEqual([
      1, 2, 1, 2,
    ]);
    expect(decode).toHaveBeenCalledTimes(2);
    // A new text starts afresh: nothing is carried over from the last one.
    once('a', 'another text with a');
    expect(decode).toHaveBeenCalledTimes(3);
  });

  it('remembers an undefined result too (a token that is not a JWT)', () => {
    const decode = vi.fn((): undefined => undefined);
    const once = decodedPerText(decode);
    once('eyJnot.a.jwt', 'x');
    once('eyJnot.a.jwt', 'x');
    expect(decode).toHaveBeenCalledTimes(1);
  });
});
