/**
 * Base64 values in the containers people paste: Kubernetes Secret `data` (YAML or JSON, so also a
 * `.dockerconfigjson` entry), Docker `config.json` `auth`, `Authorization: Basic`, `.npmrc` `_auth`,
 * `.yarnrc.yml` `npmAuthIdent` and kubeconfig `client-key-data`. Only a value in one of these is
 * decoded (base64-looking text is everywhere; decoding all of it would be slow and noisy), only
 * when it is padded base64 of UTF-8 text. `client-certificate-data` and
 * `certificate-authority-data` hold no secret and are left alone. A `.dockerconfigjson` value
 * outside a `data` block stays the docker-config-json-base64 detector's finding.
 * @module
 */
import { decodeBase64 } from '../checks/radix.js';
import {
  DEFAULT_DECODE_LIMITS,
  isPlainText,
  OffsetList,
  SpanCollector,
  utf8WithOffsets,
  type DecodedSpan,
  type DecodeLimits,
  type DecodeResult,
} from './span.js';

/** Lower-case keywords that start a container; the engine's prefilter reports where they occur. */
export const BASE64_CONTAINER_KEYWORDS = [
  'authorization',
  '"auth',
  '_auth',
  'npmauthident',
  'client-key-data',
  'data:',
  '"data"',
] as const;

const KEYWORD_RE = /authorization|"auth|_auth|npmauthident|client-key-data|data:|"data"/gi;
const MIN_VALUE = 8;
/** Entries read from one JSON `data` object or YAML `data:` block. */
const MAX_BLOCK_ENTRIES = 256;

const isB64 = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

/** Chars that may end a value: end of text, white space, quotes, separators, a JSON escape. */
const isValueEnd = (c: number): boolean =>
  Number.isNaN(c) ||
  c <= 32 ||
  c === 34 ||
  c === 39 ||
  c === 44 ||
  c === 59 ||
  c === 125 ||
  c === 92 ||
  c === 93;

class Reader {
  constructor(
    readonly text: string,
    public i: number,
  ) {}
  code(): number {
    return this.text.charCodeAt(this.i);
  }
  /** Skips up to `max` spaces and tabs (and line breaks when `lines`). */
  spaces(max = 8, lines = false): this {
    for (let n = 0; n < max; n++) {
      const c = this.code();
      if (c === 32 || c === 9 || (lines && (c === 10 || c === 13))) this.i++;
      else break;
    }
    return this;
  }
  /** Consumes one of `chars` if it is next. */
  opt(chars: string, max = 1): this {
    for (let n = 0; n < max && chars.includes(this.text.charAt(this.i)); n++) this.i++;
    return this;
  }
  /** Consumes one of `chars`, or fails. */
  one(chars: string): boolean {
    if (this.i < this.text.length && chars.includes(this.text.charAt(this.i))) {
      this.i++;
      return true;
    }
    return false;
  }
  word(w: string): boolean {
    if (this.text.slice(this.i, this.i + w.length).toLowerCase() !== w) return false;
    this.i += w.length;
    return true;
  }
  /** A base64 value here: its span, or undefined when what follows is not one. */
  value(): [number, number] | undefined {
    const start = this.i;
    let j = start;
    while (isB64(this.text.charCodeAt(j))) j++;
    for (let n = 0; n < 2 && this.text.charCodeAt(j) === 61; n++) j++;
    if (j - start < MIN_VALUE || !isValueEnd(this.text.charCodeAt(j))) return undefined;
    this.i = j;
    return [start, j];
  }
}

/** The value after a `key<sep>` container at `at`, or undefined. */
function keyValue(r: Reader, key: string, seps: string): [number, number] | undefined {
  if (!r.word(key)) return undefined;
  r.opt('"\'\\', 3).spaces();
  if (!r.one(seps)) return undefined;
  r.spaces().opt('"\'\\', 3);
  return r.value();
}

function authorization(r: Reader): [number, number] | undefined {
  if (!r.word('authorization')) return undefined;
  r.opt('"\'\\', 3).spaces(3);
  if (!r.one(':')) return undefined;
  r.spaces(3).opt('"\'');
  if (!r.word('basic') || !r.one(' \t')) return undefined;
  return r.spaces(2).value();
}

/**
 * A cheap first look at a keyword hit, made during the prefilter pass: `data:` only starts a
 * container when nothing but a comment follows on its line ("Screenshot data: ..." in prose is
 * frequent, and sending each such text to the decoders would cost more than the rest of them).
 */
export function mayStartContainer(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 100 && c !== 68) return true; // not `data:`
  let i = at + 5;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const n = text.charCodeAt(i);
  return Number.isNaN(n) || n === 10 || n === 13 || n === 35;
}

/** A value to decode: its span in the text, and its base64 chars with where each one sits. */
interface Value {
  readonly start: number;
  readonly end: number;
  /** Base64 chars of a block scalar, line breaks and indentation removed; absent: text[start, end). */
  readonly chars?: string;
  /** Original offset of each char of `chars`. */
  readonly at?: Int32Array;
}

/** `|`, `>`, `|-`, `>+`, `|2-` ...: the value is a block scalar on the lines below. */
const BLOCK_SCALAR_RE = /^[|>](?:[1-9]?[-+]?|[-+][1-9])[ \t]*(?:#.*)?\r?$/;
const BASE64_LINE_RE = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A block scalar's base64 lines after `key: |` (the line ending at `from`): every line indented
 * deeper than the key, each one base64 (wrapped, as `base64 -w 76` prints it), blank lines
 * allowed. `next` is where the block ends; `value` is undefined when a line is not base64 or the
 * padding is not last, and then the rest of the `data:` block is not read either (it is not a
 * Secret's, and stopping there keeps the work linear: no base64 line holds another `data:`).
 */
function blockScalar(
  text: string,
  from: number,
  keyIndent: number,
  maxChars: number,
): { value?: Value; next: number; stop: boolean } {
  const at = new OffsetList();
  let chars = '';
  let start = -1;
  let end = -1;
  let line = from;
  let padded = false;
  while (line < text.length) {
    let lineEnd = text.indexOf('\n', line);
    if (lineEnd < 0) lineEnd = text.length;
    const r = new Reader(text, line).spaces(lineEnd - line);
    let contentEnd = lineEnd;
    while (contentEnd > r.i && text.charCodeAt(contentEnd - 1) <= 32) contentEnd--;
    if (contentEnd > r.i) {
      if (r.i - line <= keyIndent) break;
      // Past the limit, the rest is only skipped (one look per line) and the cut recorded below.
      if (start < 0 || contentEnd - start <= maxChars) {
        const row = text.slice(r.i, contentEnd);
        if (padded || !BASE64_LINE_RE.test(row)) return { next: lineEnd + 1, stop: true };
        padded = row.endsWith('=');
        for (let k = r.i; k < contentEnd; k++) at.push(k);
        chars += row;
      }
      if (start < 0) start = r.i;
      end = contentEnd;
    }
    line = lineEnd + 1;
  }
  if (start < 0) return { next: line, stop: false };
  return { value: { start, end, chars, at: at.done() }, next: line, stop: false };
}

/** Entries of a YAML `data:` block: `data:` alone on its line, then `key: value` lines indented deeper. */
function yamlData(text: string, at: number, maxChars: number): Value[] {
  // Cheapest test first: `data:` in prose ("Screenshot data: ...") is followed by more text.
  const r = new Reader(text, at + 5);
  r.spaces(64);
  if (r.code() === 35) while (r.i < text.length && r.code() !== 10) r.i++; // a comment
  if (r.code() === 13) r.i++;
  if (r.i < text.length && r.code() !== 10) return [];
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = text.slice(lineStart, at);
  if (!/^[ \t]*$/.test(indent)) return [];
  const out: Value[] = [];
  let line = r.i + 1;
  for (let n = 0; n < MAX_BLOCK_ENTRIES && line < text.length; n++) {
    let end = text.indexOf('\n', line);
    if (end < 0) end = text.length;
    const row = text.slice(line, Math.min(end, line + 256));
    const m = /^([ \t]*)(["']?)[\w.-]{1,253}\2:[ \t]{1,8}/.exec(row);
    if (!/\S/.test(row)) {
      line = end + 1;
      continue;
    }
    const keyIndent = m ? (m[1] as string).length : 0;
    if (!m || keyIndent <= indent.length) break;
    if (BLOCK_SCALAR_RE.test(row.slice(m[0].length))) {
      const block = blockScalar(text, end + 1, keyIndent, maxChars);
      if (block.value) out.push(block.value);
      if (block.stop) break;
      line = block.next;
      continue;
    }
    const v = new Reader(text, line + m[0].length).opt('"\'').value();
    if (v) out.push({ start: v[0], end: v[1] });
    line = end + 1;
  }
  return out;
}

/** Entries of a JSON `"data": { "key": "value", ... }` object (kubectl get secret -o json). */
function jsonData(text: string, at: number): [number, number][] {
  const r = new Reader(text, at + 6);
  r.spaces(8, true);
  if (!r.one(':')) return [];
  r.spaces(8, true);
  if (!r.one('{')) return [];
  const out: [number, number][] = [];
  for (let n = 0; n < MAX_BLOCK_ENTRIES; n++) {
    r.spaces(64, true);
    if (!r.one('"')) break;
    const close = text.indexOf('"', r.i);
    if (close < 0 || close - r.i > 253) break;
    r.i = close + 1;
    r.spaces(8, true);
    if (!r.one(':')) break;
    r.spaces(8, true);
    if (!r.one('"')) break;
    const v = r.value();
    if (!v || !r.one('"')) break;
    out.push(v);
    r.spaces(64, true);
    if (!r.one(',')) break;
  }
  return out;
}

/** Every container value starting at a keyword hit. */
function valuesAt(text: string, at: number, maxChars: number): Value[] {
  const c = text.charAt(at).toLowerCase();
  const r = new Reader(text, at);
  let v: [number, number] | undefined;
  if (c === 'a') v = authorization(r);
  else if (c === '_') v = keyValue(r, '_auth', '=');
  else if (c === 'n') v = keyValue(r, 'npmauthident', ':=');
  else if (c === 'c') v = keyValue(r, 'client-key-data', ':');
  else if (c === 'd') return yamlData(text, at, maxChars);
  else if (text.slice(at, at + 6).toLowerCase() === '"data"')
    return jsonData(text, at).map(([start, end]) => ({ start, end }));
  else if (c === '"') {
    // Docker `"auth": "..."`, JSON-escaped or not; `"auths"` and `"authorization"` are not it.
    r.i++;
    if (r.word('auth')) {
      r.opt('\\', 3);
      if (r.one('"')) {
        r.spaces(5);
        if (r.one(':')) v = r.spaces(5).opt('\\', 3).opt('"').value();
      }
    }
  }
  return v ? [{ start: v[0], end: v[1] }] : [];
}

/** Decodes one value, or undefined when it is not padded base64 of text. */
function decodeValue(text: string, v: Value): DecodedSpan | undefined {
  const chars = v.chars ?? text.slice(v.start, v.end);
  if (chars.length % 4 !== 0) return undefined;
  const bytes = decodeBase64(chars);
  const utf8 = bytes && utf8WithOffsets(bytes);
  if (!utf8 || !isPlainText(utf8.text) || utf8.text.trim().length === 0) return undefined;
  const { byteAt } = utf8;
  // Where base64 char k of the value sits; a block scalar's chars are spread over its lines.
  const { at, start } = v;
  const pos = at ? (k: number) => at[k] as number : (k: number) => start + k;
  return {
    encoding: 'base64',
    encodedStart: v.start,
    encodedEnd: v.end,
    decoded: utf8.text,
    // Every 4 encoded chars hold 3 bytes: widen the bytes to whole groups. The end is just after
    // the group's last char, so a span never ends at the indentation of the next line.
    map: (s, e) => {
      const from = Math.floor((byteAt[s] as number) / 3) * 4;
      const to = Math.min(chars.length, Math.ceil((byteAt[e] as number) / 3) * 4);
      return [pos(from), to > from ? pos(to - 1) + 1 : pos(from)];
    },
  };
}

/**
 * Finds and decodes container values. `hits` are where the keywords occur (the engine's prefilter
 * already knows); without them the text is searched here.
 */
export function findBase64Containers(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
  hits?: readonly number[],
): DecodeResult {
  let at = hits;
  if (!at) {
    const found: number[] = [];
    for (const m of text.matchAll(KEYWORD_RE)) found.push(m.index);
    at = found;
  }
  const found = new SpanCollector('base64', limits, 'a base64 value');
  const seen = new Set<number>();
  for (const p of at) {
    for (const v of valuesAt(text, p, limits.maxSpanChars)) {
      if (seen.has(v.start)) continue;
      seen.add(v.start);
      if (found.fits(v.start, v.end) && !found.add(decodeValue(text, v))) break;
    }
    if (found.more) break;
  }
  found.spans.sort((a, b) => a.encodedStart - b.encodedStart);
  return found.result();
}
