/**
 * PEM armour with a prefix on every line: a log's timestamp and logger (`2026-04-26 12:36:01 `,
 * `#6 0.245 ` in a BuildKit log), a comment's ` * `, `// ` or `# `, a mail quote's `> `, a
 * diff's `+` or `-`. The view starts at a `-----BEGIN ` whose line holds a prefix before it and
 * takes the lines below that start with a prefix of the same shape (digit runs may differ, every
 * other char is the same) down to the line with `-----END `; the prefixes (and the CR of a CRLF
 * break) are dropped, so the detectors see the armour as it was written. A block that breaks off
 * before its END line (another log line in between, a second BEGIN) is not a view: the lines of
 * an armour are never interleaved with others.
 *
 * The same view gives a key one fingerprint however its lines are laid out: an indented block
 * (a Java text block, a YAML `|` scalar), whose indentation the detectors would read into the
 * secret, and a CRLF file's key, whose CRs they would (a key opened in a multi-line raw literal,
 * C# `@"`, a Go backtick, is read from the BEGIN on, its other lines unprefixed). A key already
 * as the detectors want it, LF lines from the line start, is no view.
 * @module
 */
import {
  DEFAULT_DECODE_LIMITS,
  OffsetList,
  piecesSpan,
  SpanCollector,
  type DecodeLimits,
  type DecodeResult,
} from './span.js';
import { isQuote } from './string-concat.js';

/** Longer prefixes are not log or comment markers. */
const MAX_PREFIX = 120;
const BEGIN = '-----BEGIN ';
const END = '-----END ';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isBlank = (s: string): boolean => s.trim().length === 0;

/**
 * Length of `shape` matched at the start of text[from, to): a run of digits in the shape matches
 * any run of digits (a clock that ticks while the key is logged), every other char itself; -1
 * when the line does not start with it. The shape never ends in a digit, so a run never eats
 * into the body.
 */
export function matchPrefix(text: string, from: number, to: number, shape: string): number {
  let i = from;
  let k = 0;
  while (k < shape.length) {
    const c = shape.charCodeAt(k);
    if (isDigit(c)) {
      while (k < shape.length && isDigit(shape.charCodeAt(k))) k++;
      if (i >= to || !isDigit(text.charCodeAt(i))) return -1;
      while (i < to && isDigit(text.charCodeAt(i))) i++;
    } else {
      if (i >= to || text.charCodeAt(i) !== c) return -1;
      i++;
      k++;
    }
  }
  return i - from;
}

/**
 * The prefix of the BEGIN line at `at` and the shape the lines below must start with, or
 * undefined when it is not one this view strips.
 */
function prefixAt(
  text: string,
  at: number,
): { lineStart: number; shape: string; rest: string } | undefined {
  // Looks back no further than a prefix may reach: a long line costs nothing per hit.
  const floor = Math.max(0, at - MAX_PREFIX);
  let lineStart = at;
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return undefined;
  const shape = text.slice(lineStart, at);
  const last = shape.charCodeAt(shape.length - 1);
  // The BEGIN line, as far as its label and a literal's closing quote after it may reach.
  const line = text.slice(at, at + MAX_PREFIX).split('\n', 1)[0] as string;
  // Layouts only a fingerprint cares about are views of private keys alone: the indented or CRLF
  // certificates of a CA bundle do not take up the span budget.
  const key = line.includes('PRIVATE KEY');
  // Indentation, or none: every line starts with it.
  if (isBlank(shape)) return key ? { lineStart, shape, rest: shape } : undefined;
  // A quote opens a string literal: one that closes on the BEGIN line is string-concat.ts's, one
  // that does not is a multi-line raw literal, whose other lines have no prefix.
  if (isQuote(last)) {
    return key && !line.includes(String.fromCharCode(last))
      ? { lineStart, shape, rest: '' }
      : undefined;
  }
  // A prefix that ends in a letter or digit has no clear end (`+` does: a diff's added lines).
  return isAlnum(last) ? undefined : { lineStart, shape, rest: shape };
}

/** Where a line ending at `lineEnd` ends without its CR: a CRLF break is one line feed in the view. */
const withoutCr = (text: string, lineEnd: number): number =>
  text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;

interface Block {
  /** Where the view's text starts (the BEGIN) and ends (after the END line's last char). */
  readonly start: number;
  readonly end: number;
  /** Each line kept: [from, to) in the original, prefix and CR left out; empty for a blank line. */
  readonly rows: number[];
}

/** The block from the BEGIN at `at` down to its END line, and where reading stopped. */
function blockAt(text: string, at: number): { block?: Block; next: number } {
  const p = prefixAt(text, at);
  if (!p) return { next: at + 1 };
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) return { next: text.length };
  const blankShape = p.rest.trimEnd();
  const rows = [at, withoutCr(text, lineEnd)];
  // No prefix and no CR: the detectors read the block as it is.
  let differs = p.rest !== '' || text.charCodeAt(lineEnd - 1) === 13;
  for (let line = lineEnd + 1; line < text.length; line = lineEnd + 1) {
    lineEnd = text.indexOf('\n', line);
    if (lineEnd < 0) lineEnd = text.length;
    const n = matchPrefix(text, line, lineEnd, p.rest);
    if (n < 0) {
      // A blank line (PGP armour has one after its headers), with or without the prefix.
      const m = matchPrefix(text, line, lineEnd, blankShape);
      if (isBlank(text.slice(m < 0 ? line : line + m, lineEnd))) {
        rows.push(lineEnd, lineEnd);
        continue;
      }
      return { next: line };
    }
    const body = text.slice(line + n, lineEnd);
    if (body.includes(BEGIN)) return { next: line };
    rows.push(line + n, withoutCr(text, lineEnd));
    if (body.includes(END)) {
      let end = lineEnd;
      while (end > line + n && text.charCodeAt(end - 1) <= 32) end--;
      rows[rows.length - 1] = end;
      return { ...(differs ? { block: { start: at, end, rows } } : {}), next: lineEnd };
    }
    differs ||= text.charCodeAt(lineEnd - 1) === 13;
  }
  return { next: text.length };
}

/** The block's body lines joined by line feeds, each char mapped to the one that wrote it. */
function decodeBlock(text: string, b: Block) {
  const from = new OffsetList();
  const to = new OffsetList();
  const parts: string[] = [];
  for (let r = 0; r < b.rows.length; r += 2) {
    const s = b.rows[r] as number;
    const e = b.rows[r + 1] as number;
    if (r > 0) {
      // The line break before this row stands for the original's line break before it.
      const nl = text.lastIndexOf('\n', s - 1);
      parts.push('\n');
      from.push(withoutCr(text, nl));
      to.push(nl + 1);
    }
    parts.push(text.slice(s, e));
    for (let k = s; k < e; k++) {
      from.push(k);
      to.push(k + 1);
    }
  }
  return piecesSpan('line-prefix', b.start, b.end, parts.join(''), from, to);
}

/** Line-prefixed armours whose BEGIN is at one of `hits` (where `-----begin` occurs, any case). */
export function findLinePrefixed(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
  hits: readonly number[],
): DecodeResult {
  const found = new SpanCollector('line-prefix', limits, 'a line-prefixed block');
  let done = 0; // lines before this were read: a BEGIN there belongs to a block already tried
  for (const at of [...hits].sort((a, b) => a - b)) {
    if (at < done || !text.startsWith(BEGIN, at)) continue;
    const { block, next } = blockAt(text, at);
    done = next;
    if (block && found.fits(block.start, block.end) && !found.add(decodeBlock(text, block))) break;
  }
  return found.result();
}
