/**
 * PEM armour written in source code as string literals, one per line: joined by `+` (Java, C#,
 * JavaScript, Go), `.` (PHP), `&` (VB) or written next to each other (Python, C), each holding a
 * line of the key and its `\n`. The view starts at a `-----BEGIN ` right after a quote, reads the
 * literals that follow down to the one that closes the `-----END ...-----` line, undoes their
 * escapes and joins them, so the detectors see the armour itself. An array of lines (JSON, JS,
 * Python `["-----BEGIN ...-----", "MIIE...", ...]`, joined at run time) is read the same way: a
 * comma between two literals stands for the line break the join puts there, unless the first
 * literal ends in one already. A literal runs to its closing quote on the same line; anything
 * else between two literals (a call, a comment) ends the run, and a run without its END line is
 * not a view.
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

const BEGIN = '-----BEGIN ';
const END = '-----END ';
/** White space, operator and line continuation between two literals, at most. */
const MAX_GAP = 256;
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '`': '`',
  '/': '/',
};

/** `"`, `'` and a backtick: the quotes a string literal opens with. */
export const isQuote = (c: number): boolean => c === 34 || c === 39 || c === 96;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Index after the literal opened by the quote at `q`, or -1 when it does not close on its line. */
function literalEnd(text: string, q: number): number {
  const quote = text.charCodeAt(q);
  for (let j = q + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) return -1;
    if (c === 92) j++;
    else if (c === quote) return j + 1;
  }
  return -1;
}

function lineEndAfter(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

/**
 * Where the next literal opens after a literal ending at `i` (-1 when something else follows),
 * and whether a comma (an array's next element) separates them.
 */
function nextLiteral(text: string, i: number): { at: number; comma: boolean } {
  const limit = Math.min(text.length, i + MAX_GAP);
  let j = i;
  while (j < limit && isSpace(text.charCodeAt(j))) j++;
  const op = text.charAt(j);
  if (op === '+' || op === '&' || op === ',') j++;
  else if (op === '.') j += text.charAt(j + 1) === '.' ? 2 : 1; // PHP `.`, Lua `..`
  while (j < limit && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === 92)) j++;
  return { at: j < limit && isQuote(text.charCodeAt(j)) ? j : -1, comma: op === ',' };
}

interface Run {
  readonly out: string;
  readonly from: OffsetList;
  readonly to: OffsetList;
  /** After the last decoded char (the closing quote of the END line's literal). */
  readonly end: number;
}

/**
 * The literals from the BEGIN at `at` to the END line, decoded (none: not a run, or one literal
 * that holds nothing to undo); `next` is where reading stopped, and `size` how far a run over
 * `maxChars` went (its chars are only followed, for the cut's size).
 */
function runAt(
  text: string,
  at: number,
  maxChars: number,
): { run?: Run | undefined; next: number; size?: number } {
  const from = new OffsetList();
  const to = new OffsetList();
  let out = '';
  let literals = 0;
  let escapes = 0;
  let endAt = -1;
  for (let q = at - 1; ;) {
    const close = literalEnd(text, q);
    // Unclosed: the rest of its line is not read again for a later BEGIN on it.
    if (close < 0) return { next: lineEndAfter(text, q) };
    literals++;
    if (close - at > maxChars) {
      const n = nextLiteral(text, close).at;
      if (n >= 0) q = n;
      else return { next: close, size: close - 1 - at };
      continue;
    }
    const before = out.length;
    for (let i = q + 1; i < close - 1; i++) {
      const c = text.charAt(i);
      // `\r\n` (a Windows file's line break) is one line feed, as in json-escapes.ts.
      const crlf = c === '\\' && text.startsWith('r\\n', i + 1) && i + 3 < close - 1;
      const e = crlf ? '\n' : c === '\\' ? ESCAPES[text.charAt(i + 1)] : undefined;
      out += e ?? c;
      from.push(i);
      if (e !== undefined) {
        escapes++;
        i += crlf ? 3 : 1;
      }
      to.push(i + 1);
    }
    // The END line is whole once its closing dashes are in (it may be split over literals).
    if (endAt < 0) endAt = out.indexOf(END, Math.max(0, before - END.length + 1));
    if (endAt >= 0 && out.indexOf('-----', Math.max(endAt + END.length, before - 4)) >= 0) {
      const run = literals > 1 || escapes > 0 ? { out, from, to, end: close - 1 } : undefined;
      return { run, next: close };
    }
    const n = nextLiteral(text, close);
    if (n.at < 0) return { next: close };
    // (an empty element is a blank line: the PGP armour's, after its headers)
    if (n.comma && (out.length === before || !out.endsWith('\n'))) {
      // The join's line break, written by the gap between the two literals.
      out += '\n';
      from.push(close - 1);
      to.push(n.at + 1);
    }
    q = n.at;
  }
}

/** String-literal armours whose BEGIN is at one of `hits` (where `-----begin` occurs, any case). */
export function findStringConcats(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
  hits: readonly number[],
): DecodeResult {
  const found = new SpanCollector('string-concat', limits, 'a run of string literals');
  let done = 0; // literals before this were read: a BEGIN there belongs to a run already tried
  for (const at of [...hits].sort((a, b) => a - b)) {
    if (at < done || !isQuote(text.charCodeAt(at - 1)) || !text.startsWith(BEGIN, at)) continue;
    const r = runAt(text, at, limits.maxSpanChars);
    done = r.next;
    if (r.size !== undefined) found.fits(at, at + r.size);
    const span =
      r.run && piecesSpan('string-concat', at, r.run.end, r.run.out, r.run.from, r.run.to);
    if (!found.add(span)) break;
  }
  return found.result();
}
