/**
 * Shortcuts that let the engine skip most of the regex work on a window, each proved from the
 * detector's pattern when the scanner is built and exact (the same matches as running the
 * pattern over the whole window; test/engine/shortcuts.test.ts compares both paths):
 *
 * - `keywordStart`: every match begins at (or `lead` chars before) an occurrence of one of the
 *   detector's keywords. Then the regex need only be tried, sticky, at the keyword hits instead of
 *   at every char of the window; positions between hits cannot start a match.
 * - `requiredRun`: every match holds `min` consecutive chars of one ASCII class (the body of a
 *   token: `[a-z2-7]{52}`). A window without such a run cannot match, and finding that out
 *   needs a look at one char in `min` (see `hasRun`).
 * - `KeywordFollow` (keyword-follow.ts), for a pattern with a `keywordStart`: an automaton of what
 *   may follow each keyword in a match. A hit where its walk dies is not tried at all; most hits
 *   of dense keywords (`secret `, `jira `) die at the first chars after the keyword.
 * @module
 */

/** Expansions kept while proving a keyword prefix; beyond this the proof gives up. */
const MAX_EXPANSIONS = 256;
/** Class members expanded into literals (`[Aa]`, `[_.-]`); larger classes end the prefix. */
const MAX_CLASS_MEMBERS = 4;
/** Shortest run worth a precondition: shorter ones are everywhere in text. */
export const MIN_REQUIRED_RUN = 16;

const META = new Set('\\^$.|?*+()[]{}');

/** ASCII members of a character class source (`[...]`, `\w`, `\d`), or undefined if it may hold more. */
export function classMembers(src: string, ignoreCase: boolean): Uint8Array | undefined {
  // Only classes that cannot match a non-ASCII char: no negation, no \s \S \W \D \p \P \u, no
  // escapes above 0x7f. (Without the `u` flag, `i` never folds a non-ASCII char onto ASCII.)
  if (src.startsWith('[^')) return undefined;
  for (const m of src.matchAll(/\\(.)(?:([0-9a-fA-F]{2}))?/g)) {
    const e = m[1] as string;
    if ('sSWDpPuUcck'.includes(e)) return undefined;
    if (e === 'x' && (m[2] === undefined || parseInt(m[2], 16) > 0x7f)) return undefined;
  }
  if (/[^\x20-\x7e]/.test(src)) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(`^${src}$`, ignoreCase ? 'i' : '');
  } catch {
    return undefined;
  }
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

/** Index just past the `]` of the class opening at `i`. */
export function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === ']') return j + 1;
  }
  return -1;
}

/** Index just past the `)` closing the group opening at `i`. */
function groupEnd(p: string, i: number): number {
  let depth = 0;
  for (let j = i; j < p.length; j++) {
    const c = p[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j = classEnd(p, j) - 1;
      if (j < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** Top-level `|` positions of a group body (or of the whole pattern). */
function splitAlternatives(body: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j = classEnd(body, j) - 1;
      if (j < 0) return undefined;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(from, j));
      from = j + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

interface Prefix {
  readonly s: string;
  /** False once an item could not be expanded: `s` is all this branch is known to begin with. */
  readonly open: boolean;
}

/**
 * The literal strings every match of `src` begins with (one per branch), as far as they can be
 * expanded; undefined when there are too many branches or the syntax is not understood.
 */
function prefixes(src: string, ignoreCase: boolean): Prefix[] | undefined {
  const alts = splitAlternatives(src);
  if (!alts) return undefined;
  const out: Prefix[] = [];
  for (const alt of alts) {
    const seq = sequencePrefixes(alt, ignoreCase);
    if (!seq) return undefined;
    out.push(...seq);
    if (out.length > MAX_EXPANSIONS) return undefined;
  }
  return out;
}

function sequencePrefixes(p: string, ignoreCase: boolean): Prefix[] | undefined {
  let cur: Prefix[] = [{ s: '', open: true }];
  let i = 0;
  while (i < p.length && cur.some((x) => x.open)) {
    // One item: its expansions (undefined: cannot expand, the prefix stops here).
    let items: Prefix[] | undefined;
    let next: number;
    const c = p[i] as string;
    if (c === '\\') {
      const e = p[i + 1];
      if (e === undefined) return undefined;
      next = i + 2;
      if (e === 'b')
        items = [{ s: '', open: true }]; // zero-width: only narrows the match
      else if (/[.\-/$_:@=~,'"`&%#!<>]/.test(e)) items = [{ s: e, open: true }];
    } else if (c === '[') {
      next = classEnd(p, i);
      if (next < 0) return undefined;
      const members = classMembers(p.slice(i, next), ignoreCase);
      if (members) {
        const chars: string[] = [];
        members.forEach((m, code) => {
          if (m) chars.push(String.fromCharCode(code));
        });
        const lower = [...new Set(chars.map((x) => x.toLowerCase()))];
        if (lower.length > 0 && lower.length <= MAX_CLASS_MEMBERS)
          items = lower.map((s) => ({ s, open: true }));
      }
    } else if (c === '(') {
      next = groupEnd(p, i);
      if (next < 0) return undefined;
      if (p[i + 1] !== '?' || p[i + 2] === ':') {
        items = prefixes(p.slice(p[i + 1] === '?' ? i + 3 : i + 1, next - 1), ignoreCase);
        if (!items) return undefined;
      }
      // Named groups, lookarounds: not expanded.
    } else if (META.has(c)) {
      return cur.map((x) => ({ s: x.s, open: false }));
    } else {
      next = i + 1;
      items = [{ s: c.toLowerCase(), open: true }];
    }
    // Quantifiers: `?` adds the empty branch; any other ends the prefix before the item.
    const q = p[next];
    if (q === '?' && items) {
      items = [...items, { s: '', open: true }];
      next++;
      if (p[next] === '?') next++; // lazy: same strings
    } else if (q === '*' || q === '+' || q === '{' || (q === '?' && !items)) {
      items = undefined;
    }
    if (!items) return cur.map((x) => ({ s: x.s, open: false }));
    const grown: Prefix[] = [];
    for (const x of cur) {
      if (!x.open) grown.push(x);
      else for (const y of items) grown.push({ s: x.s + y.s, open: y.open });
    }
    if (grown.length > MAX_EXPANSIONS) return undefined;
    cur = grown;
    i = next;
  }
  return cur;
}

/**
 * When every match provably begins with one of `keywords` (ASCII case folded, as the prefilter
 * finds them): `lead`, how many chars before a keyword hit a match may begin (0, or 1 after a
 * one-char boundary group `(?:^|[...])`), and `rest`, the pattern after that group, which starts
 * with a keyword. Undefined when that cannot be proved.
 */
export function keywordStart(
  pattern: string,
  keywords: readonly string[],
  ignoreCase: boolean,
): { readonly lead: number; readonly rest: string } | undefined {
  const top = splitAlternatives(pattern);
  if (!top || top.length !== 1) return undefined;
  let rest = pattern;
  let lead = 0;
  const boundary = /^(?:\\b)?\(\?:\^\|(\[[^\]]*\])\)/.exec(rest);
  if (boundary) {
    if (!classMembers(boundary[1] as string, ignoreCase)) {
      // A negated class (`[^A-Za-z0-9]`) still consumes exactly one char.
      if (!/^\[\^[^\]]*\]$/.test(boundary[1] as string)) return undefined;
    }
    lead = 1;
    rest = rest.slice(boundary[0].length);
  }
  const found = prefixes(rest, ignoreCase);
  if (!found || found.length === 0) return undefined;
  const ok = found.every((x) => x.s.length > 0 && keywords.some((k) => x.s.startsWith(k)));
  return ok ? { lead, rest } : undefined;
}

/** A class every match must hold `min` consecutive chars of. */
export interface RequiredRun {
  /** 1 for member chars, by ASCII code. */
  readonly table: Uint8Array;
  readonly min: number;
  /**
   * Set by `exactRun`: every match is a whole run of member chars of the text it is matched in
   * (a window), `min` to `max` chars long; a longer run (a base64 blob) holds none.
   */
  readonly max?: number;
}

/** Source of a regex that reads a class (`[...]`), and what follows the `[^` of a negated one. */
const CLASS_SRC = String.raw`\[(?:\\.|[^\]\\])*\]`;
const NEGATED_REST = String.raw`(?:\\.|[^\]\\])*\]`;
/** `(?:^|[^L])([C1]{a}[C2]{b,c}...)(?:$|[^R])`: a token of classes between two boundaries. */
const BOUNDED_TOKEN = new RegExp(
  String.raw`^\(\?:\^\|\[\^(${NEGATED_REST})\)\(((?:${CLASS_SRC}(?:\{\d+(?:,\d+)?\})?)+)\)\(\?:\$\|\[\^(${NEGATED_REST})\)$`,
);
const TOKEN_ITEM = new RegExp(String.raw`(${CLASS_SRC})(?:\{(\d+)(?:,(\d+))?\})?`, 'g');

/**
 * For a pattern that is one token of ASCII classes between a boundary that excludes every member
 * before it and one that excludes every member after it (`(?:^|[^A-Za-z0-9+/])([MNO][A-Za-z0-9+/]
 * {43})(?:$|[^A-Za-z0-9_+/=-])`): every match is a whole run of the union C of its classes (the
 * chars on both sides are outside C, or the edges of the text), `min` to `max` chars long.
 * Undefined for any other shape.
 */
export function exactRun(pattern: string, ignoreCase: boolean): RequiredRun | undefined {
  const m = BOUNDED_TOKEN.exec(pattern);
  if (!m) return undefined;
  const before = classMembers(`[${m[1] as string}`, ignoreCase);
  const after = classMembers(`[${m[3] as string}`, ignoreCase);
  if (!before || !after) return undefined;
  const table = new Uint8Array(128);
  let min = 0;
  let max = 0;
  for (const item of (m[2] as string).matchAll(TOKEN_ITEM)) {
    const members = classMembers(item[1] as string, ignoreCase);
    if (!members) return undefined;
    members.forEach((v, c) => (table[c] = (table[c] as number) | v));
    const lo = item[2] === undefined ? 1 : Number(item[2]);
    min += lo;
    max += item[3] === undefined ? lo : Number(item[3]);
  }
  // `[^L]` matches only chars outside L: L must hold every member for the boundary to end the run.
  for (let c = 0; c < 128; c++) if (table[c] && (!before[c] || !after[c])) return undefined;
  return min >= MIN_REQUIRED_RUN ? { table, min, max } : undefined;
}

/**
 * For an exact run (see `exactRun`): true when text[from, to) holds a whole run of members (cut
 * by the edges of the range, as a window is) of `min` to `max` chars. Looks at one char in `min`,
 * and measures each run it lands in to its ends.
 */
export function hasExactRun(
  text: string,
  from: number,
  to: number,
  run: Required<RequiredRun>,
): boolean {
  const { table, min, max } = run;
  for (let i = from + min - 1; i < to;) {
    if (!isMember(text, i, table)) {
      i += min;
      continue;
    }
    let s = i;
    while (s > from && isMember(text, s - 1, table)) s--;
    let e = i + 1;
    while (e < to && isMember(text, e, table)) e++;
    if (e - s >= min && e - s <= max) return true;
    i = e + min;
  }
  return false;
}

/**
 * The longest `[class]{n}` / `{n,m}` item with n >= MIN_REQUIRED_RUN that every match must go
 * through: at the top level of the pattern, or at the top level of a top-level group, with no
 * alternation on the way and no quantifier on the group. Undefined when there is none.
 */
export function requiredRun(pattern: string, ignoreCase: boolean): RequiredRun | undefined {
  let best: RequiredRun | undefined;
  const visit = (seq: string, depth: number): void => {
    const alts = splitAlternatives(seq);
    if (!alts || alts.length !== 1) return;
    for (let i = 0; i < seq.length;) {
      const c = seq[i];
      let next: number;
      if (c === '\\') next = i + 2;
      else if (c === '[') {
        next = classEnd(seq, i);
        if (next < 0) return;
        const q = /^\{(\d+)(?:,\d*)?\}/.exec(seq.slice(next));
        const table = q ? classMembers(seq.slice(i, next), ignoreCase) : undefined;
        const min = q ? Number(q[1]) : 0;
        if (table && min >= MIN_REQUIRED_RUN && (!best || min > best.min)) best = { table, min };
      } else if (c === '(') {
        next = groupEnd(seq, i);
        if (next < 0) return;
        const quantified = /^[?*+{]/.test(seq.slice(next));
        const plain = seq[i + 1] !== '?' || seq[i + 2] === ':';
        if (!quantified && plain && depth < 1) {
          visit(seq.slice(seq[i + 1] === '?' ? i + 3 : i + 1, next - 1), depth + 1);
        }
      } else next = i + 1;
      i = next;
    }
  };
  visit(pattern, 0);
  return best;
}

/** Whether text[i] is in the class (a top-level function: a closure per call was garbage). */
function isMember(text: string, i: number, table: Uint8Array): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && table[c] === 1;
}

/**
 * True when text[from, to) holds `run.min` consecutive member chars. Looks at one char in
 * `min`: a run that long must cover one of them; from a member it measures the run around it.
 */
export function hasRun(text: string, from: number, to: number, run: RequiredRun): boolean {
  const { table, min } = run;
  for (let i = from + min - 1; i < to;) {
    if (!isMember(text, i, table)) {
      i += min;
      continue;
    }
    let s = i;
    while (s > from && isMember(text, s - 1, table)) s--;
    let e = i + 1;
    while (e < to && e - s < min && isMember(text, e, table)) e++;
    if (e - s >= min) return true;
    i = e + min;
  }
  return false;
}

/**
 * Every maximal run of at least `run.min` member chars in the text, as (start, end) pairs in
 * order. Looks at one char in `min`: a run that long must cover one of them; from a member it
 * measures the run around it. For a rule with windows over much of the text: computed once, it
 * answers each window (`hasRunIn`) without reading the window again.
 */
export function runsOf(text: string, run: RequiredRun): number[] {
  const { table, min } = run;
  const runs: number[] = [];
  let floor = 0; // no run found so far reaches past here
  for (let i = min - 1; i < text.length;) {
    if (!isMember(text, i, table)) {
      i += min;
      continue;
    }
    let s = i;
    while (s > floor && isMember(text, s - 1, table)) s--;
    let e = i + 1;
    while (e < text.length && isMember(text, e, table)) e++;
    if (e - s >= min) runs.push(s, e);
    floor = e;
    i = e + min;
  }
  return runs;
}

/** An ASCII class table (1 for members) as a 128-bit set. */
export function classBits(table: Uint8Array): Uint32Array {
  const bits = new Uint32Array(4);
  table.forEach((v, c) => {
    if (v) bits[c >> 5] = (bits[c >> 5] as number) | (1 << (c & 31));
  });
  return bits;
}

/** Whether every member of class `inner` is one of `outer` (both from `classBits`). */
export function isSubclass(inner: Uint32Array, outer: Uint32Array): boolean {
  return inner.every((w, i) => (w & ~(outer[i] as number)) === 0);
}

/** Index of the first run (pair) of `runs` that ends after `from`: runs before it lie before `from`. */
function firstRunAfter(runs: readonly number[], from: number): number {
  let lo = 0;
  let hi = runs.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[2 * mid + 1] as number) <= from) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** True when text[from, to) holds `min` consecutive member chars, given the text's `runsOf`. */
export function hasRunIn(runs: readonly number[], from: number, to: number, min: number): boolean {
  for (let i = firstRunAfter(runs, from); i < runs.length; i += 2) {
    const s = runs[i] as number;
    if (s >= to) return false;
    if (Math.min(runs[i + 1] as number, to) - Math.max(s, from) >= min) return true;
  }
  return false;
}

/**
 * `hasExactRun` given the text's `runsOf` for the same run: a run cut by the edges of text[from,
 * to) to `min` to `max` chars (a run shorter than `min` is not listed, and no cut makes it longer).
 */
export function hasExactRunIn(
  runs: readonly number[],
  from: number,
  to: number,
  run: Required<RequiredRun>,
): boolean {
  for (let i = firstRunAfter(runs, from); i < runs.length; i += 2) {
    const s = runs[i] as number;
    if (s >= to) return false;
    const cut = Math.min(runs[i + 1] as number, to) - Math.max(s, from);
    if (cut >= run.min && cut <= run.max) return true;
  }
  return false;
}

/**
 * The pattern with its zero-width assertions (`^`, `$`, `\b`, `\B` outside classes) made always
 * true. Every way the pattern matches a slice of a text is then a way this one matches the whole
 * text at the same place (the chars read are the same, and no assertion can fail), so where this
 * one has no match at a position, no window around it has one either (patterns are RE2 syntax:
 * no lookaround, no backreference).
 */
export function withoutAssertions(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] as string;
    if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) throw new Error(`unterminated class in ${pattern}`);
      out += pattern.slice(i, end);
      i = end;
    } else if (c === '\\') {
      const e = pattern.slice(i, i + 2);
      out += e === '\\b' || e === '\\B' ? '(?:)' : e;
      i += 2;
    } else {
      out += c === '^' || c === '$' ? '(?:)' : c;
      i++;
    }
  }
  return out;
}

/** White space, as a window edge snapping out sees it: tab to carriage return, and space. */
export const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Whether the class holds no white space: then its runs are stretches of non-space chars. */
export function holdsNoSpace(table: Uint8Array): boolean {
  return table.every((v, c) => !v || !isSpace(c));
}

/**
 * Where a window edge at `at` moves back to: past every non-space char before it, `limit` chars
 * at most, and not below `floor`. `runs` (the text's `runsOf` for a class without white space)
 * are jumped over whole instead of read char by char: in a base64 blob an edge went `limit` chars
 * a char at a time, and most of what the windows of the bench text snapped lay in such runs.
 */
export function snapBack(
  text: string,
  at: number,
  limit: number,
  runs?: readonly number[],
  floor = 0,
): number {
  const stop = Math.max(floor, at - limit);
  let p = at;
  if (!runs) {
    while (p > stop && !isSpace(text.charCodeAt(p - 1))) p--;
    return p;
  }
  // The last run that starts before p (runs[i] < p); when it also ends at p or after, p - 1 is in it.
  let i = firstRunAfter(runs, p - 1);
  if (i >= runs.length || (runs[i] as number) >= p) i -= 2;
  while (p > stop) {
    if (i >= 0 && (runs[i + 1] as number) >= p) {
      p = Math.max(runs[i] as number, stop);
      i -= 2;
    } else if (isSpace(text.charCodeAt(p - 1))) break;
    else p--;
  }
  return p;
}

/** Where a window edge at `at` moves on to: `snapBack` the other way. */
export function snapForward(
  text: string,
  at: number,
  limit: number,
  runs?: readonly number[],
): number {
  const stop = Math.min(text.length, at + limit);
  let p = at;
  if (!runs) {
    while (p < stop && !isSpace(text.charCodeAt(p))) p++;
    return p;
  }
  // The first run that ends after p; when it also starts at p or before, p is in it.
  let i = firstRunAfter(runs, p);
  while (p < stop) {
    if (i < runs.length && (runs[i] as number) <= p) {
      p = Math.min(runs[i + 1] as number, stop);
      i += 2;
    } else if (isSpace(text.charCodeAt(p))) break;
    else p++;
  }
  return p;
}
