/**
 * JSON string escapes: a double-quoted string on one line that holds `\n`, `\/`, `\uXXXX`, ...
 * (a service-account key's PEM, a webhook URL in a JSON log, JSON inside a JSON string). Only
 * lines with a backslash are read. Limits: escaped text outside double quotes (`{\"a\":1}` pasted
 * bare) and strings that continue on the next line are not decoded.
 * @module
 */
import {
  DEFAULT_DECODE_LIMITS,
  exactSpan,
  OffsetList,
  SpanCollector,
  type DecodedSpan,
  type DecodeLimits,
  type DecodeResult,
} from './span.js';

const SIMPLE: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** Decodes the string body text[start, end); undefined when it has no valid escape. */
export function decodeJsonString(
  text: string,
  start: number,
  end: number,
): DecodedSpan | undefined {
  let out = '';
  const at = new OffsetList();
  let escapes = 0;
  let i = start;
  while (i < end) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < end) {
      const e = text.charAt(i + 1);
      // A Windows file's `\r\n` is one line break, as in the CRLF file's view (line-prefix.ts):
      // a key JSON-escaped from either file is one incident with the plain LF key.
      if (e === 'r' && text.startsWith('\\n', i + 2) && i + 4 <= end) {
        out += '\n';
        at.push(i);
        i += 4;
        escapes++;
        continue;
      }
      const simple = SIMPLE[e];
      if (simple !== undefined) {
        out += simple;
        at.push(i);
        i += 2;
        escapes++;
        continue;
      }
      const hex = text.slice(i + 2, i + 6);
      if (e === 'u' && i + 6 <= end && HEX4.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        at.push(i);
        i += 6;
        escapes++;
        continue;
      }
    }
    // Not an escape JSON knows (a Windows path, a regex): kept as written.
    out += c;
    at.push(i);
    i++;
  }
  if (escapes === 0) return undefined;
  return exactSpan('json-escape', start, end, out, at);
}

export function findJsonEscapes(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): DecodeResult {
  const found = new SpanCollector('json-escape', limits, 'a JSON string');
  let done = 0; // everything before this was read
  for (let bs = text.indexOf('\\'); bs >= 0 && !found.more; bs = text.indexOf('\\', done)) {
    const lineStart = Math.max(done, text.lastIndexOf('\n', bs) + 1);
    let lineEnd = text.indexOf('\n', bs);
    if (lineEnd < 0) lineEnd = text.length;
    // Tokenise the line: each string runs from a quote to the next unescaped quote.
    let i = lineStart;
    while (i < lineEnd) {
      const q = text.indexOf('"', i);
      if (q < 0 || q >= lineEnd) break;
      let j = q + 1;
      let escaped = false;
      while (j < lineEnd) {
        const c = text.charCodeAt(j);
        if (c === 92) {
          escaped = true;
          j += 2;
        } else if (c === 34) break;
        else j++;
      }
      if (j >= lineEnd) break; // unterminated: the rest of the line is not a string
      if (escaped && found.fits(q + 1, j) && !found.add(decodeJsonString(text, q + 1, j))) break;
      i = j + 1;
    }
    done = lineEnd + 1;
    if (done > text.length) break;
  }
  return found.result();
}
