/**
 * Percent-encoding: a URL token (no white space, quotes or brackets) holding `%XX` escapes, such
 * as a webhook URL passed as a query parameter (`?next=https%3A%2F%2Fhooks.slack.com%2F...`).
 * Runs of escapes are UTF-8; a run that is not stays as written. A token whose only escapes are
 * spaces (`%20`) is not decoded: it hides no delimiter a detector needs. `+` stays `+` (base64
 * secrets hold it).
 * @module
 */
import {
  DEFAULT_DECODE_LIMITS,
  exactSpan,
  OffsetList,
  SpanCollector,
  utf8WithOffsets,
  type DecodedSpan,
  type DecodeLimits,
  type DecodeResult,
} from './span.js';

/** Chars that end a URL token in prose, markup, JSON and Jira wiki tables. */
const isDelimiter = (c: number): boolean =>
  Number.isNaN(c) ||
  c <= 32 ||
  c === 34 || // "
  c === 39 || // '
  c === 60 || // <
  c === 62 || // >
  c === 96 || // `
  c === 124 || // |
  c === 91 || // [
  c === 93 || // ]
  c === 40 || // (
  c === 41; // )

const hexVal = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/** The byte of an escape at i, or -1. */
function escapeAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 37) return -1;
  const hi = hexVal(text.charCodeAt(i + 1));
  const lo = hexVal(text.charCodeAt(i + 2));
  return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
}

/** Decodes text[start, end); undefined when no escape decodes to anything but a space. */
export function decodePercent(text: string, start: number, end: number): DecodedSpan | undefined {
  let out = '';
  const at = new OffsetList();
  let useful = false;
  let i = start;
  while (i < end) {
    if (escapeAt(text, i) < 0 || i + 3 > end) {
      out += text.charAt(i);
      at.push(i);
      i++;
      continue;
    }
    // A run of escapes: its bytes decode together (one char may take several).
    const runStart = i;
    const bytes: number[] = [];
    while (i + 3 <= end) {
      const b = escapeAt(text, i);
      if (b < 0) break;
      bytes.push(b);
      i += 3;
    }
    const utf8 = utf8WithOffsets(Uint8Array.from(bytes));
    if (!utf8) {
      for (let k = runStart; k < i; k++) {
        out += text.charAt(k);
        at.push(k);
      }
      continue;
    }
    if (bytes.some((b) => b !== 0x20)) useful = true;
    out += utf8.text;
    for (let k = 0; k < utf8.text.length; k++) at.push(runStart + 3 * (utf8.byteAt[k] as number));
  }
  if (!useful) return undefined;
  return exactSpan('percent', start, end, out, at);
}

export function findPercentEncoded(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): DecodeResult {
  const found = new SpanCollector('percent', limits, 'a percent-encoded token');
  let done = 0;
  for (let p = text.indexOf('%'); p >= 0; p = text.indexOf('%', Math.max(p + 1, done))) {
    if (escapeAt(text, p) < 0) continue;
    // The token around it; never back over a token already read, so the work stays linear.
    let s = p;
    while (s > done && !isDelimiter(text.charCodeAt(s - 1))) s--;
    let e = p + 3;
    while (e < text.length && !isDelimiter(text.charCodeAt(e))) e++;
    done = e;
    if (found.fits(s, e) && !found.add(decodePercent(text, s, e))) break;
  }
  return found.result();
}
