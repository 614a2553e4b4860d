/**
 * Helpers for writing detector entries. A family file is one call to `family()`.
 * @module
 */
import type { Detector } from '../engine/types.js';

export type DetectorEntry = Omit<Detector, 'family'>;

/** Stamps the family on each entry of a provider family file. */
export function family(name: string, entries: readonly DetectorEntry[]): Detector[] {
  return entries.map((e) => ({ ...e, family: name }));
}

/**
 * RE2-safe boundaries (RE2 has no lookaround). Use them as non-capturing groups around the secret
 * group: they consume one char, so put the secret in a capture group.
 */
/** Start of a token: start of text or a char that cannot be part of a base64/url-safe token. */
export const B = String.raw`(?:^|[^A-Za-z0-9_+/=.-])`;
/** End of a token: end of text or a char that cannot continue it. */
export const E = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;
/** End of an alphanumeric token (lets `=`, `/`, `.` follow, as in URLs or `key=...&`). */
export const EW = String.raw`(?:$|[^A-Za-z0-9_-])`;
/**
 * Separator between a variable name and its value: `=`, `:`, `=>`, `:=`, quotes and spaces around,
 * after an optional string type (`const apiKey string = ...` in Go, `apiKey: string = ...` in
 * TypeScript, `val apiKey: String = ...` in Kotlin and Swift).
 */
export const ASSIGN = String.raw`(?::?[ \t]{1,3}[Ss]tring)?[\s'"\x60\\]{0,4}(?:=|:|=>|:=|\s)[\s'"\x60\\]{0,4}`;

/**
 * A JWS compact token (header, payload, signature), for detectors that recognise their issuer by
 * its claims; segment runs are chunked to keep the compiled programs small.
 */
export const JWS = String.raw`eyJ[A-Za-z0-9_-]{10,300}\.e[wy](?:[A-Za-z0-9_-]{50}){0,16}[A-Za-z0-9_-]{0,49}\.[A-Za-z0-9_-]{16}(?:[A-Za-z0-9_-]{50}){0,7}[A-Za-z0-9_-]{0,49}`;

/** A case-insensitive literal for one part of a pattern (the `i` flag doubles RE2's memory). */
export const ci = (word: string): string =>
  word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/** True when one of `needles` (lower case) occurs within `radius` chars of the match. */
export function near(
  ctx: { text: string; matchStart: number; matchEnd: number },
  radius: number,
  needles: readonly string[],
): boolean {
  const around = ctx.text
    .slice(Math.max(0, ctx.matchStart - radius), ctx.matchEnd + radius)
    .toLowerCase();
  return needles.some((n) => around.includes(n));
}
