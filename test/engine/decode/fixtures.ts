// Shared fixtures of the decode tests: real-format secrets and a scanner with every built-in detector.
import { expect } from 'vitest';
import { DETECTORS } from '../../../src/detectors/index.js';
import { createScanner, type Scanner, type ScannerOptions } from '../../../src/engine/scan.js';
import type { Encoding, Finding } from '../../../src/engine/types.js';

export const DOCKER_PAT = 'dckr_pat_dnOK9MMaXM2gAXLEbCNiidDVWLF';
export const GITHUB_PAT = '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';
export const SLACK_HOOK =
  'https://hooks.slack.com/services/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';
const b64Pem = DETECTORS.find((d) => d.id === 'private-key-base64-pem')?.examples.positives[0] as {
  secret: string;
};
/** An EC private key in PEM, with its trailing newline. */
export const EC_PEM = atob(b64Pem.secret);

export const scanner = (opts: Partial<ScannerOptions> = {}) =>
  createScanner({ detectors: DETECTORS, fingerprintKey: 'decode-test-key-0123456789', ...opts });

/** The one finding of `text` a test expects, from any detector. */
export function only(findings: readonly Finding[]): Finding {
  if (findings.length !== 1) throw new Error(`expected one finding, got ${findings.length}`);
  return findings[0] as Finding;
}

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}

/** The encoded span of a base64 value at `valueStart` that covers decoded bytes [from, to). */
export function base64Span(valueStart: number, valueEnd: number, from: number, to: number) {
  return {
    start: valueStart + Math.floor(from / 3) * 4,
    end: Math.min(valueEnd, valueStart + Math.ceil(to / 3) * 4),
  };
}

/** Where `-----begin` occurs (any case), as the engine's prefilter reports it to the decoders. */
export const armourHits = (text: string): number[] =>
  [...text.matchAll(/-----begin/gi)].map((m) => m.index);

let armourScanner: Scanner | undefined;
/**
 * The one finding of `text`, where `key` (a PEM armour) is written in a wrapper the `encoding`
 * view opens: the armour's own detector, on the wrapped text from BEGIN to the END line's last
 * dash, one incident with the plain key (same fingerprint).
 */
export function expectArmour(text: string, key: string, encoding: Encoding): Finding {
  const s = (armourScanner ??= scanner());
  const plain = only(s.scan(key).findings);
  const f = only(s.scan(text).findings);
  const start = text.indexOf('-----BEGIN');
  const end = text.lastIndexOf('-----') + 5;
  expect(f.detector).toBe(plain.detector);
  expect([f.start, f.end]).toEqual([start, end]);
  expect([f.line, f.column]).toEqual(Object.values(position(text, start)));
  expect(f.encoding).toEqual([encoding]);
  expect(f.fingerprint).toBe(plain.fingerprint);
  return f;
}
