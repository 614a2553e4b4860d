/**
 * Keyword prefilter: one pass of an Aho-Corasick automaton over the text, ASCII case folded in the
 * transition table (the same as scanning lower-cased text, without allocating a lower-cased copy,
 * and without `toLowerCase()` changing the length and so the offsets, as it does for 'İ').
 *
 * Hand-written rather than @monyone/aho-corasick: that library measured 42 MiB/s on dense hits
 * here (a Map lookup per char), this dense table runs several times faster, and the prefilter is
 * the one loop that touches every char of every issue.
 * @module
 */

import { grow, WasmWalk } from './prefilter-wasm.js';

const ALPHABET = 128; // keywords are ASCII; any other char sends the automaton back to the root

export interface KeywordHit {
  /** Index into the keyword list given to the constructor. */
  readonly keyword: number;
  /** UTF-16 offset of the first char of the hit. */
  readonly start: number;
}

export class KeywordAutomaton {
  /** Transitions by state and char class; entries are pre-multiplied by `width` (row offsets). */
  private readonly delta: Int32Array;
  /** Char class of each UTF-16 unit (see the constructor). */
  private readonly classOf: Uint8Array;
  /** Classes, so columns per state. */
  private readonly width: number;
  /** Row offsets at or above this belong to states where some keyword ends. */
  private readonly firstOutputRow: number;
  /** Keywords (indices) ending at each state, by row offset / width. */
  /** State s's keywords are outKeyword[outFrom[s], outFrom[s + 1]); outLength: their lengths. */
  private readonly outFrom: Int32Array;
  private readonly outKeyword: Int32Array;
  private readonly outLength: Int32Array;
  private readonly maxLength: number;
  /** Output of `find`: (keyword, start) pairs. */
  hits = new Int32Array(1024);
  /** Hits of the second half, before they join `hits`. */
  private second = new Int32Array(1024);

  /** The same walk in WebAssembly (see prefilter-wasm.ts); undefined: the JavaScript walk runs. */
  private readonly fast: WasmWalk | undefined;

  /** `wasm: false` keeps to the JavaScript walk (the reference the WebAssembly one is tested against). */
  constructor(keywords: readonly string[], options: { readonly wasm?: boolean } = {}) {
    for (const k of keywords) {
      if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) {
        throw new Error(
          `keyword must be non-empty lower-case printable ASCII: ${JSON.stringify(k)}`,
        );
      }
    }
    this.maxLength = Math.max(1, ...keywords.map((k) => k.length));
    // Trie.
    const goto: number[][] = [new Array<number>(ALPHABET).fill(-1)];
    const out: number[][] = [[]];
    keywords.forEach((k, ki) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        const row = goto[s] as number[];
        let next = row[c] as number;
        if (next === -1) {
          next = goto.length;
          row[c] = next;
          goto.push(new Array<number>(ALPHABET).fill(-1));
          out.push([]);
        }
        s = next;
      }
      (out[s] as number[]).push(ki);
    });
    // BFS fills failure transitions in, giving a full DFA.
    const n = goto.length;
    const delta = new Int32Array(n * ALPHABET);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    const root = goto[0] as number[];
    for (let c = 0; c < ALPHABET; c++) {
      const t = root[c] as number;
      if (t !== -1) {
        delta[c] = t;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      const f = fail[s] as number;
      const fo = out[f] as number[];
      if (fo.length) (out[s] as number[]).push(...fo);
      const row = goto[s] as number[];
      for (let c = 0; c < ALPHABET; c++) {
        const t = row[c] as number;
        if (t === -1) delta[s * ALPHABET + c] = delta[f * ALPHABET + c] as number;
        else {
          delta[s * ALPHABET + c] = t;
          fail[t] = delta[f * ALPHABET + c] as number;
          queue.push(t);
        }
      }
    }
    // Renumber so that states with output come last (one compare per char in the hot loop).
    const order = [...Array(n).keys()].sort(
      (a, b) =>
        Number((out[a] as number[]).length > 0) - Number((out[b] as number[]).length > 0) || a - b,
    );
    const rank = new Int32Array(n);
    order.forEach((s, i) => (rank[s] = i));
    // Columns by char class, not by char: one class per char some keyword holds (upper case
    // folded onto lower case), and class 0 for every other UTF-16 unit, which always leads back
    // to the root. About 50 columns instead of 128: a table half the size stays in cache better
    // (measured 4-35% faster over the bench text, the more so the busier the machine), and the
    // class lookup needs no separate branch for non-ASCII chars.
    const classOf = new Uint8Array(65536);
    const columns: number[] = [0]; // a class's representative char (class 0: none; root)
    const used = new Set<number>();
    for (const k of keywords) for (let i = 0; i < k.length; i++) used.add(k.charCodeAt(i));
    for (const c of [...used].sort((x, y) => x - y)) classOf[c] = columns.push(c) - 1;
    for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32] as number;
    const width = columns.length;
    const table = new Int32Array(n * width);
    for (let s = 0; s < n; s++) {
      const base = (rank[s] as number) * width;
      for (let k = 1; k < width; k++) {
        const target = delta[s * ALPHABET + (columns[k] as number)] as number;
        table[base + k] = (rank[target] as number) * width;
      }
    }
    const firstOutput = order.findIndex((s) => (out[s] as number[]).length > 0);
    this.delta = table;
    this.classOf = classOf;
    this.width = width;
    this.firstOutputRow = (firstOutput === -1 ? n : firstOutput) * width;
    const outputs = order.map((s) => out[s] as number[]);
    this.outFrom = new Int32Array(n + 1);
    outputs.forEach((o, s) => (this.outFrom[s + 1] = (this.outFrom[s] as number) + o.length));
    this.outKeyword = Int32Array.from(outputs.flat());
    this.outLength = this.outKeyword.map((k) => (keywords[k] as string).length);
    // One call over a text with hits in both halves before any real one: V8 compiles the long
    // loop of `find` on the stack (OSR) while the code after it has never run, and that code's
    // missing type feedback then deoptimised `find` at the end of every call (a soft deopt keeps
    // the cached code, so it happened again each time: measured 219 times in one bench run).
    this.findInJs(`${keywords.join(' ')} `.repeat(2));
    this.fast =
      options.wasm === false
        ? undefined
        : WasmWalk.create({
            delta: table,
            classOf,
            firstOutputRow: this.firstOutputRow,
            maxLength: this.maxLength,
          });
  }

  /** Whether `find` walks in WebAssembly. */
  get usesWasm(): boolean {
    return this.fast !== undefined;
  }

  /**
   * `runsOf(text, { table, min })` (shortcuts.ts) found in WebAssembly, for the text `find` saw
   * last; undefined when it cannot be (no WebAssembly, another text; see WasmWalk.runsOf, also
   * for `within`).
   */
  runsOf(
    text: string,
    table: Uint8Array,
    min: number,
    within?: readonly number[],
  ): number[] | undefined {
    return this.fast?.runsOf(text, table, min, within);
  }

  /** Calls `onHit(keywordIndex, start)` for every keyword occurrence, overlapping ones included. */
  scan(text: string, onHit: (keyword: number, start: number) => void): void {
    const n = this.find(text);
    const hits = this.hits;
    for (let i = 0; i < n; i += 2) onHit(hits[i] as number, hits[i + 1] as number);
  }

  /**
   * Every keyword occurrence, overlapping ones included, in the order of their ends (ties: the
   * order of `outputs`): `hits[0, returned)` holds (keyword index, start) pairs, valid until the
   * next call.
   *
   * The text is walked as two halves at once: each char costs a dependent table load, and two
   * independent walks in one loop overlap those loads (about 1.5x the speed of one walk here).
   * The second walk starts from the root `maxLength - 1` chars before the middle, so it finds
   * every occurrence that ends in the second half; it reports only those.
   */
  find(text: string): number {
    const fast = this.fast;
    if (!fast) return this.findInJs(text);
    const count = fast.walk(text);
    const records = fast.records;
    let k = 0;
    for (let i = 0; i < count; i += 2)
      k = this.emit(records[i] as number, records[i + 1] as number, k, false);
    return k;
  }

  private findInJs(text: string): number {
    const n = text.length;
    const mid = n >> 1;
    const from = mid - (this.maxLength - 1);
    if (from <= 0) return this.walk(text, 0, 0, n, 0);
    // First half into `hits`, second into `second`, so that ends stay in order.
    const delta = this.delta;
    const classOf = this.classOf;
    const first = this.firstOutputRow;
    let a = 0;
    let b = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0, j = from; i < mid; i++, j++) {
      const c = text.charCodeAt(i);
      const d = text.charCodeAt(j);
      a = delta[a + (classOf[c] as number)] as number;
      b = delta[b + (classOf[d] as number)] as number;
      if (a >= first) na = this.emit(a, i, na, false);
      if (b >= first && j >= mid) nb = this.emit(b, j, nb, true);
    }
    // The second walk is `mid - from` chars behind: it finishes alone.
    for (let j = from + mid; j < n; j++) {
      const d = text.charCodeAt(j);
      b = delta[b + (classOf[d] as number)] as number;
      if (b >= first && j >= mid) nb = this.emit(b, j, nb, true);
    }
    if (na + nb > this.hits.length) this.hits = grow(this.hits, na + nb);
    this.hits.set(this.second.subarray(0, nb), na);
    return na + nb;
  }

  /** One walk over text[from, to) from `row`, reporting into `hits` from `count` on. */
  private walk(text: string, from: number, row0: number, to: number, count: number): number {
    const delta = this.delta;
    const classOf = this.classOf;
    const first = this.firstOutputRow;
    let row = row0;
    let na = count;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      row = delta[row + (classOf[c] as number)] as number;
      if (row >= first) na = this.emit(row, i, na, false);
    }
    return na;
  }

  /** Appends the keywords ending at char `i` in state `row` to `hits` or `second`. */
  private emit(row: number, i: number, count: number, second: boolean): number {
    let out = second ? this.second : this.hits;
    let k = count;
    const state = (row / this.width) | 0;
    for (let o = this.outFrom[state] as number, e = this.outFrom[state + 1] as number; o < e; o++) {
      if (k + 2 > out.length) {
        out = grow(out, k + 2);
        if (second) this.second = out;
        else this.hits = out;
      }
      out[k] = this.outKeyword[o] as number;
      out[k + 1] = i + 1 - (this.outLength[o] as number);
      k += 2;
    }
    return k;
  }
}
