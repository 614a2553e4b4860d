/**
 * HTML character references in text copied from a web page or an HTML-escaped log: `&quot;`,
 * `&amp;`, `&#x2F;`, `&#47;`. Each reference is decoded with the text around it (up to CONTEXT
 * chars each side, widened to white space) so a detector sees the key name and separators it
 * needs. Named references: the ones that stand for ASCII punctuation and `&nbsp;`, written with
 * their `;` (the full HTML table is 2,000 names of letters and symbols no secret is made of).
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
import { snapBack, snapForward } from '../shortcuts.js';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  sol: '/',
  bsol: '\\',
  colon: ':',
  semi: ';',
  comma: ',',
  period: '.',
  equals: '=',
  plus: '+',
  percnt: '%',
  num: '#',
  excl: '!',
  quest: '?',
  dollar: '$',
  commat: '@',
  lowbar: '_',
  grave: '`',
  verbar: '|',
  vert: '|',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  lbrace: '{',
  rbrace: '}',
  ast: '*',
  midast: '*',
  Hat: '^',
  newline: '\n',
  Tab: '\t',
};

const CONTEXT = 256;
const SNAP = 256;
const REF = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/y;

/** The reference at i: its length and text, or undefined. */
function referenceAt(text: string, i: number): { len: number; value: string } | undefined {
  REF.lastIndex = i;
  const m = REF.exec(text);
  if (!m) return undefined;
  let value: string | undefined;
  if (m[3] !== undefined) value = NAMED[m[3]];
  else {
    const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2] as string, 16);
    // NUL, surrogates and beyond Unicode are invalid references.
    if (cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) value = String.fromCodePoint(cp);
  }
  return value === undefined ? undefined : { len: m[0].length, value };
}

/** Decodes every reference in text[start, end); undefined when there is none. */
export function decodeHtmlEntities(
  text: string,
  start: number,
  end: number,
): DecodedSpan | undefined {
  let out = '';
  const at = new OffsetList();
  let refs = 0;
  let i = start;
  while (i < end) {
    const amp = text.indexOf('&', i);
    const stop = amp < 0 || amp >= end ? end : amp;
    for (let k = i; k < stop; k++) at.push(k);
    out += text.slice(i, stop);
    i = stop;
    if (i >= end) break;
    const ref = referenceAt(text, i);
    if (!ref || i + ref.len > end) {
      out += '&';
      at.push(i);
      i++;
      continue;
    }
    out += ref.value;
    for (let k = 0; k < ref.value.length; k++) at.push(i);
    i += ref.len;
    refs++;
  }
  if (refs === 0) return undefined;
  return exactSpan('html-entity', start, end, out, at);
}

export function findHtmlEntities(
  text: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): DecodeResult {
  const found = new SpanCollector('html-entity', limits, 'a run of HTML-escaped text');
  let more = false;
  // Windows around references, merged while they touch.
  let ws = -1;
  let we = -1;
  const flush = (): boolean => {
    if (ws < 0) return true;
    const kept = !found.fits(ws, we) || found.add(decodeHtmlEntities(text, ws, we));
    ws = -1;
    return kept;
  };
  for (let p = text.indexOf('&'); p >= 0; p = text.indexOf('&', p + 1)) {
    const ref = referenceAt(text, p);
    if (!ref) continue;
    if (ws >= 0 && p - CONTEXT <= we) {
      // Still touching: grow the window (widened to white space when it closes).
      we = Math.min(text.length, p + ref.len + CONTEXT);
      continue;
    }
    if (ws >= 0) we = snapForward(text, we, SNAP);
    if (!flush()) {
      more = true;
      break;
    }
    ws = snapBack(text, Math.max(0, p - CONTEXT), SNAP, undefined, Math.max(0, we));
    we = Math.min(text.length, p + ref.len + CONTEXT);
  }
  if (ws >= 0) we = snapForward(text, we, SNAP);
  if (!more) flush();
  return found.result();
}
