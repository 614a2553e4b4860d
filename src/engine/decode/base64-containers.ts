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

/** Entries of a YAML `data:` block: `data:` alone on its line, then `key: value` lines indented deeper. */
function yamlData(text: string, at: number): [number, number][] {
  // Cheapest test first: `data:` in prose ("Screenshot data: ...") is followed by more text.
  const r = new Reader(text, at + 5);
  r.spaces(64);
  if (r.code() === 35) while (r.i < text.length && r.code() !== 10) r.i++; // a comment
  if (r.code() === 13) r.i++;
  if (r.i < text.length && r.code() !== 10) return [];
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = text.slice(lineStart, at);
  if (!/^[ \t]*$/.test(indent)) return [];
  const out: [number, number][] = [];
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
    if (!m || (m[1] as string).length <= indent.length) break;
    const v = new Reader(text, line + m[0].length).opt('"\'').value();
    if (v) out.push(v);
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
function valuesAt(text: string, at: number): [number, number][] {
  const c = text.charAt(at).toLowerCase();
  const r = new Reader(text, at);
  let v: [number, number] | undefined;
  if (c === 'a') v = authorization(r);
  else if (c === '_') v = keyValue(r, '_auth', '=');
  else if (c === 'n') v = keyValue(r, 'npmauthident', ':=');
  else if (c === 'c') v = keyValue(r, 'client-key-data', ':');
  else if (c === 'd') return yamlData(text, at);
  else if (text.slice(at, at + 6).toLowerCase() === '"data"') return jsonData(text, at);
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
  return v ? [v] : [];
}

/** Decodes one value, or undefined when it is not padded base64 of text. */
function decodeValue(text: string, start: number, end: number): DecodedSpan | undefined {
  if ((end - start) % 4 !== 0) return undefined;
  const bytes = decodeBase64(text.slice(start, end));
  const utf8 = bytes && utf8WithOffsets(bytes);
  if (!utf8 || !isPlainText(utf8.text) || utf8.text.trim().length === 0) return undefined;
  const { byteAt } = utf8;
  return {
    encoding: 'base64',
    encodedStart: start,
    encodedEnd: end,
    decoded: utf8.text,
    // Every 4 encoded chars hold 3 bytes: widen the bytes to whole groups.
    map: (s, e) => [
      start + Math.floor((byteAt[s] as number) / 3) * 4,
      Math.min(end, start + Math.ceil((byteAt[e] as number) / 3) * 4),
    ],
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
    for (const [start, end] of valuesAt(text, p)) {
      if (seen.has(start)) continue;
      seen.add(start);
      if (found.fits(start, end) && !found.add(decodeValue(text, start, end))) break;
    }
    if (found.more) break;
  }
  found.spans.sort((a, b) => a.encodedStart - b.encodedStart);
  return found.result();
}
