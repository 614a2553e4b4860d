/**
 * What a decoder returns: a span of the original text, its decoded text, and the map from a span
 * of the decoded text back to the original span that encodes it. Shared by the decoders.
 * @module
 */

import type { Encoding } from '../types.js';

export type { Encoding };

export interface DecodedSpan {
  readonly encoding: Encoding;
  /** UTF-16 offsets of the encoded text in the original, end exclusive. */
  readonly encodedStart: number;
  readonly encodedEnd: number;
  readonly decoded: string;
  /** The original span [start, end) that encodes decoded[start, end); always inside the encoded span. */
  readonly map: (start: number, end: number) => readonly [number, number];
}

/** Why a decoder left something out; the scan turns each into a recorded skip. */
export interface DecodeCut {
  readonly encoding: Encoding;
  readonly at: number;
  readonly reason: string;
}

export interface DecodeLimits {
  /** Spans returned at most; one more found sets `more`. */
  readonly maxSpans: number;
  /** Encoded spans longer than this are not decoded (a cut is reported). */
  readonly maxSpanChars: number;
}

export interface DecodeResult {
  readonly spans: DecodedSpan[];
  readonly cuts: DecodeCut[];
  /** True when the text holds more spans than `maxSpans`. */
  readonly more: boolean;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxSpans: 64, maxSpanChars: 64 * 1024 };

/**
 * An exact per-char map: `offsets[i]` is where the encoding of decoded char i starts in the
 * original, `offsets[decoded.length]` the end of the encoded span. Chars are encoded back to back,
 * so decoded[s, e) comes from original[offsets[s], offsets[e]).
 */
export function offsetMap(offsets: Int32Array | readonly number[]) {
  return (start: number, end: number): readonly [number, number] => [
    offsets[start] as number,
    offsets[end] as number,
  ];
}

/** A span whose chars map back one by one: `at` holds where each decoded char starts. */
export function exactSpan(
  encoding: Encoding,
  start: number,
  end: number,
  decoded: string,
  at: OffsetList,
): DecodedSpan {
  at.push(end);
  return { encoding, encodedStart: start, encodedEnd: end, decoded, map: offsetMap(at.done()) };
}

/**
 * A span whose decoded chars come from pieces of the original with gaps between them (a line's
 * prefix, the quotes and `+` between string literals): decoded char i is written by
 * original[from[i], to[i]), so a decoded span maps to the chars that write it, gaps inside it
 * included and none around it.
 */
export function piecesSpan(
  encoding: Encoding,
  start: number,
  end: number,
  decoded: string,
  from: OffsetList,
  to: OffsetList,
): DecodedSpan {
  const f = from.done();
  const t = to.done();
  return {
    encoding,
    encodedStart: start,
    encodedEnd: end,
    decoded,
    map: (s, e) => {
      const a = s < f.length ? (f[s] as number) : end;
      return [a, e > s ? (t[e - 1] as number) : a];
    },
  };
}

/**
 * A decoder's spans within its limits: a span too long to decode is a cut with its reason, and
 * one span past `maxSpans` sets `more`.
 */
export class SpanCollector {
  readonly spans: DecodedSpan[] = [];
  readonly cuts: DecodeCut[] = [];
  more = false;
  constructor(
    private readonly encoding: Encoding,
    private readonly limits: DecodeLimits,
    /** What a span is, for the cut's reason: "a base64 value". */
    private readonly what: string,
  ) {}
  /** True when [start, end) may be decoded; else the cut is recorded. */
  fits(start: number, end: number): boolean {
    const max = this.limits.maxSpanChars;
    if (end - start <= max) return true;
    this.cuts.push({
      encoding: this.encoding,
      at: start,
      reason: `${this.what} of ${end - start} chars (over ${max}) was not decoded`,
    });
    return false;
  }
  /** Keeps a span (none: nothing to keep); false once the limit is reached. */
  add(span: DecodedSpan | undefined): boolean {
    if (!span) return true;
    if (this.spans.length === this.limits.maxSpans) {
      this.more = true;
      return false;
    }
    this.spans.push(span);
    return true;
  }
  result(): DecodeResult {
    return { spans: this.spans, cuts: this.cuts, more: this.more };
  }
}

/** Growable Int32 list (offset maps of long spans without boxing every number). */
export class OffsetList {
  private buf = new Int32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  done(): Int32Array {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF) that also says which byte
 * each UTF-16 char came from: `byteAt[i]` is the first byte of char i's code point,
 * `byteAt[text.length]` the byte length. Undefined when the bytes are not UTF-8.
 */
export function utf8WithOffsets(
  bytes: Uint8Array,
): { text: string; byteAt: Int32Array } | undefined {
  const parts: string[] = [];
  let chunk: number[] = [];
  const byteAt = new OffsetList();
  const emit = (cp: number, at: number): void => {
    if (cp >= 0x10000) {
      const c = cp - 0x10000;
      chunk.push(0xd800 | (c >> 10), 0xdc00 | (c & 0x3ff));
      byteAt.push(at);
      byteAt.push(at);
    } else {
      chunk.push(cp);
      byteAt.push(at);
    }
    // String.fromCharCode takes an argument list: flush before it grows large.
    if (chunk.length >= 4096) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let cp: number;
    let min: number;
    if (b < 0x80) {
      emit(b, i);
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      min = 0x10000;
    } else return undefined;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    emit(cp, i);
    i += need + 1;
  }
  if (chunk.length) parts.push(String.fromCharCode(...chunk));
  byteAt.push(bytes.length);
  return { text: parts.join(''), byteAt: byteAt.done() };
}

/** Text a person or a tool wrote: no control chars other than tab, line feed and carriage return. */
export function isPlainText(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}
