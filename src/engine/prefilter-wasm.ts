/**
 * The prefilter's automaton walk in WebAssembly, four walks at once: each char costs a table load
 * that depends on the previous one, and in JavaScript a `charCodeAt` as well (reading every char of
 * the bench text with `charCodeAt` alone took 35 ms, about as long as this whole pass). Here the
 * text is copied into WebAssembly memory as UTF-16 (`Buffer#write(..., 'utf16le')`, a native copy:
 * 5 ms for the 24 MiB bench text against 25 ms for `TextEncoder#encodeInto`, and offsets stay
 * UTF-16 offsets), and four independent walks over four quarters of it overlap their loads.
 *
 * Same table, same result as `KeywordAutomaton`'s JavaScript walk (test/engine/prefilter.test.ts
 * compares both on random text): this only reports (state, char index) where a keyword ends; the
 * automaton turns those into hits. Where there is no WebAssembly or no Node `Buffer`, `create`
 * returns undefined and the JavaScript walk runs.
 * @module
 */
import {
  get,
  i32,
  mem,
  moduleBytes,
  op,
  set,
  simd,
  simdOp,
  tee,
  uleb,
  VOID,
  type WasmFunction,
} from './wasm.js';

export interface WalkTables {
  /** Transitions: row offsets (state * width) by row offset plus char class. */
  readonly delta: Int32Array;
  /** Char class of each UTF-16 unit. */
  readonly classOf: Uint8Array;
  /** Row offsets at or above this end some keyword. */
  readonly firstOutputRow: number;
  /** Longest keyword: a walk starts this many chars minus one before its quarter. */
  readonly maxLength: number;
}

/** The little of WebAssembly used here (the project's `lib` has no DOM types). */
interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: object };
}

interface NodeBuffer {
  write(s: string, offset: number, encoding: 'utf16le'): number;
}
interface NodeBufferClass {
  from(memory: ArrayBuffer): NodeBuffer;
}

const LANES = 4;
/** Chars `all` walks per loop turn in each walk (one pointer move, one counter check for all). */
const UNROLL = 8;
/** Records each walk may write per call; a longer stretch takes more calls. */
const CAPACITY = 1 << 15;
/** Memory layout, in bytes: the class table (class * 4: a byte offset within a row) ... */
const CLASS = 0;
/** ... each walk's text pointer, state and output pointer ... */
const CTRL = 65536;
/** ... classes for `runs`, 16 bytes each ... */
const CLASSES = CTRL + 64;
const MAX_CLASSES = 256;
/** ... each walk's records (state row * 4, text pointer), or the runs `runs` lists ... */
const OUT = CLASSES + 16 * MAX_CLASSES;
/** ... the transition table (byte offsets), then the text. */
const DELTA = OUT + LANES * CAPACITY * 8;
const PAGE = 65536;

/** Locals of one walk in the code: text pointer, state, output pointer. */
interface Lane {
  readonly p: number;
  readonly s: number;
  readonly o: number;
}

/**
 * Char `j` after the pointer of one walk: the transition, and a record where the new state ends
 * a keyword. The pointer moves once per `unroll` chars (the char's place is the load's offset).
 */
function step({ p, s, o }: Lane, firstOutput: number, j: number): number[] {
  return [
    ...get(p),
    ...mem(op.i32Load16U, 1, 2 * j),
    ...mem(op.i32Load8U, 0, CLASS),
    ...get(s),
    op.i32Add,
    ...mem(op.i32Load, 2, DELTA),
    ...tee(s),
    ...i32(firstOutput),
    op.i32GeU,
    op.if,
    VOID,
    ...[...get(o), ...get(s), ...mem(op.i32Store, 2, 0)],
    ...[...get(o), ...get(p), ...i32(2 * j), op.i32Add, ...mem(op.i32Store, 2, 4)],
    ...[...get(o), ...i32(8), op.i32Add, ...set(o)],
    op.end,
  ];
}

/**
 * The body UNROLL chars at a time while `steps` (local `counter`, a multiple of UNROLL) allow,
 * each lane's registers loaded from and stored to CTRL.
 */
function loopOver(lanes: readonly Lane[], counter: number, firstOutput: number) {
  const base = i32(0);
  const unroll = UNROLL;
  const ctrl = (k: number, field: number): number => CTRL + 12 * k + 4 * field;
  const fields = (l: Lane): number[] => [l.p, l.s, l.o];
  return [
    ...lanes.flatMap((l, k) =>
      fields(l).flatMap((local, f) => [...base, ...mem(op.i32Load, 2, ctrl(k, f)), ...set(local)]),
    ),
    ...[op.block, VOID, op.loop, VOID],
    ...[...get(counter), ...i32(unroll), op.i32LtS, op.brIf, 1],
    ...Array.from({ length: unroll }, (_, j) =>
      lanes.flatMap((l) => step(l, firstOutput, j)),
    ).flat(),
    ...lanes.flatMap(({ p }) => [...get(p), ...i32(2 * unroll), op.i32Add, ...set(p)]),
    ...[...get(counter), ...i32(unroll), op.i32Sub, ...set(counter)],
    ...[op.br, 0, op.end, op.end],
    ...lanes.flatMap((l, k) =>
      fields(l).flatMap((local, f) => [...base, ...get(local), ...mem(op.i32Store, 2, ctrl(k, f))]),
    ),
  ];
}

/** Most runs `runsOf` lists: they share the walks' record area. */
/** From this `min` on, `runsOf` asks `blocks`: a run of 31 chars covers a whole 16-char step. */
const BLOCK_MIN = 31;
const MAX_RUNS = LANES * CAPACITY;

/**
 * runs(n, class, min): `runsOf` of shortcuts.ts (every maximal run of at least `min` >= 16 chars
 * of an ASCII class, as (start, end) pairs at OUT) over the text in memory; returns their number,
 * or -1 past MAX_RUNS. Sixteen chars per step, one bit each: narrowed to bytes (saturating, so
 * every char above 0x7f stays above it, but 0x8000 and up become 0: classes holding NUL are not
 * asked for), and looked up by nibbles: `class` holds, for each low nibble, the bit set of high
 * nibbles (0-7) that make a member with it. A run of 16 or more reaches a step's first or last
 * char, so within a step only the members at its ends matter.
 */
function runsFunction(text: number): WasmFunction {
  const [n, cls, min, b, m, start, count, end, v] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const vs = { table: 9, low: 10, high: 11, zero: 12, v };
  const record = recorder(count, (from, to) => [...to, ...from, op.i32Sub, ...get(min), op.i32GeS]);
  const body = [
    ...[...i32(-1), ...set(start)],
    ...classSetup(cls, vs),
    ...[op.block, VOID, op.loop, VOID],
    ...[...get(b), ...get(n), op.i32GeU, op.brIf, 1],
    ...members(text, b, vs),
    ...[...get(vs.zero), ...simd(simdOp.i8x16Eq), ...simd(simdOp.i8x16Bitmask)],
    // (The 16 chars past the end are NUL, in no class: the last run ends by n.)
    ...[...i32(0xffff), op.i32Xor, ...set(m)],
    ...[...get(m), ...i32(0xffff), op.i32Ne, op.if, VOID],
    // The open run ends at the first non-member; one opens where the last members begin. No
    // branch on either (in prose each goes one way or the other at random): one on a record.
    ...[...get(b), ...get(m), ...i32(-1), op.i32Xor, op.i32Ctz, op.i32Add, ...set(end)],
    ...[...get(start), ...i32(0), op.i32GeS, ...get(end), ...get(start), op.i32Sub],
    ...[...get(min), op.i32GeS, op.i32And, op.if, VOID, ...record(get(start), get(end)), op.end],
    ...[...get(m), ...i32(16), op.i32Shl, ...i32(-1), op.i32Xor, op.i32Clz, ...set(end)],
    ...[...get(b), ...i32(16), op.i32Add, ...get(end), op.i32Sub, ...i32(-1), ...get(end)],
    ...[op.select, ...set(start)],
    // A whole step of members opens a run where none is open.
    ...[0x05, ...get(start), ...get(b), ...get(start), ...i32(0), op.i32GeS, op.select],
    ...set(start),
    op.end,
    ...[...get(b), ...i32(16), op.i32Add, ...set(b)],
    ...[op.br, 0, op.end, op.end],
    ...[...get(start), ...i32(0), op.i32GeS, op.if, VOID, ...record(get(start), get(n)), op.end],
    ...get(count),
  ];
  return { name: 'runs', params: 3, results: 1, locals: 5, v128Locals: 5, body };
}

/**
 * blocks(from, to, class, count): every maximal stretch of 16-char steps from `from` on whose
 * chars are all members of the class, in text[from, to), appended as (start, end) pairs at OUT
 * from pair `count` on; returns the new count, or -1 past MAX_RUNS. A run of 31 chars or more
 * covers a whole step, so it holds exactly one such stretch, which `widen` widens by the at most
 * 15 members on either side. One predictable branch per step (a stretch opens or closes), against
 * several in `runs`: most steps of prose hold a non-member. Text[to] must be outside the class
 * (or past the end: 16 NULs, in no class), so no whole step of members crosses `to`.
 */
function blocksFunction(text: number): WasmFunction {
  const [from, to, cls, count, b, start, full] = [0, 1, 2, 3, 4, 5, 6];
  const vs = { table: 7, low: 8, high: 9, zero: 10, v: 11 };
  const record = recorder(count, () => i32(1));
  const body = [
    ...[...get(from), ...set(b), ...i32(-1), ...set(start)],
    ...classSetup(cls, vs),
    ...[op.block, VOID, op.loop, VOID],
    ...[...get(b), ...get(to), op.i32GeU, op.brIf, 1],
    ...members(text, b, vs),
    ...[...simd(simdOp.i8x16AllTrue), ...tee(full)],
    ...[...get(start), ...i32(0), op.i32GeS, op.i32Ne, op.if, VOID],
    ...[...get(full), op.if, VOID, ...get(b), ...set(start), 0x05],
    ...[...record(get(start), get(b)), ...i32(-1), ...set(start), op.end],
    op.end,
    ...[...get(b), ...i32(16), op.i32Add, ...set(b)],
    ...[op.br, 0, op.end, op.end],
    ...[...get(start), ...i32(0), op.i32GeS, op.if, VOID, ...record(get(start), get(b)), op.end],
    ...get(count),
  ];
  return { name: 'blocks', params: 4, results: 1, locals: 3, v128Locals: 5, body };
}

/**
 * widen(first, count, class, min): the stretches `blocks` listed at pairs [first, count) widened
 * to their runs (the members at the top of the step before a stretch, at the bottom of the step
 * at its end: counted by a bit mask), those of `min` or more kept, in place; returns the new
 * count. A stretch that starts at `from` of its `blocks` call must have a non-member before it
 * (or start the text).
 */
function widenFunction(text: number): WasmFunction {
  const [first, count, cls, min, i, out, start, end] = [0, 1, 2, 3, 4, 5, 6, 7];
  const vs = { table: 8, low: 9, high: 10, zero: 11, v: 12 };
  /** Bit k set where char k of the 16 from `at` (`before`: up to `at`) is not a member. */
  const outside = (at: number, before = false): number[] => [
    // Char offsets are unsigned: a stretch at 1 has its step before at -15, read as 16 chars
    // before char 1 (memory before the text is readable; before char 0 it is not text).
    ...members(before ? text - 32 : text, at, vs),
    ...[...get(vs.zero), ...simd(simdOp.i8x16Eq), ...simd(simdOp.i8x16Bitmask)],
  ];
  const pair = (k: number, field: number): number[] => [
    ...[...get(k), ...i32(8), op.i32Mul],
    ...mem(op.i32Load, 2, OUT + 4 * field),
  ];
  const store = (field: number, value: number): number[] => [
    ...[...get(out), ...i32(8), op.i32Mul, ...get(value)],
    ...mem(op.i32Store, 2, OUT + 4 * field),
  ];
  const body = [
    ...[...get(first), ...tee(i), ...set(out)],
    ...classSetup(cls, vs),
    ...[op.block, VOID, op.loop, VOID],
    ...[...get(i), ...get(count), op.i32GeU, op.brIf, 1],
    // No char before the text: a stretch at 0 starts its run.
    ...[...pair(i, 0), ...set(start), ...get(start), ...get(start), ...outside(start, true)],
    ...[...i32(16), op.i32Shl, op.i32Clz, op.i32Sub, ...get(start), op.i32Eqz, op.select],
    ...set(start),
    ...[...pair(i, 1), ...tee(end), ...outside(end), op.i32Ctz, op.i32Add, ...set(end)],
    ...[...get(end), ...get(start), op.i32Sub, ...get(min), op.i32GeS, op.if, VOID],
    ...[...store(0, start), ...store(1, end), ...get(out), ...i32(1), op.i32Add, ...set(out)],
    op.end,
    ...[...get(i), ...i32(1), op.i32Add, ...set(i)],
    ...[op.br, 0, op.end, op.end],
    ...get(out),
  ];
  return { name: 'widen', params: 4, results: 1, locals: 4, v128Locals: 5, body };
}

/** v128 locals of a class lookup. */
interface ClassLocals {
  readonly table: number;
  readonly low: number;
  readonly high: number;
  readonly zero: number;
  readonly v: number;
}

/** Loads the class at `cls` and the constants `members` needs into their locals. */
function classSetup(cls: number, { table, low, high, zero }: ClassLocals): number[] {
  // v128 locals set once: V8 builds a v128.const anew each time one is met.
  const bytes = (xs: number[]): number[] => [...simd(simdOp.v128Const), ...xs];
  const highBit = Array.from({ length: 16 }, (_, h) => (h < 8 ? 1 << h : 0));
  return [
    ...[...get(cls), ...simd(simdOp.v128Load), 4, 0, ...set(table)],
    ...[...bytes(Array<number>(16).fill(15)), ...set(low)],
    ...[...bytes(highBit), ...set(high)],
    ...[...bytes(Array<number>(16).fill(0)), ...set(zero)],
  ];
}

/** Leaves 16 bytes, one per char from `b` on: non-zero for a member of the class (see `runs`). */
function members(text: number, b: number, { table, low, high, v }: ClassLocals): number[] {
  return [
    ...[...get(b), ...i32(1), op.i32Shl, ...simd(simdOp.v128Load), 4, ...uleb(text)],
    ...[...get(b), ...i32(1), op.i32Shl, ...simd(simdOp.v128Load), 4, ...uleb(text + 16)],
    ...simd(simdOp.i8x16NarrowI16x8U),
    ...set(v),
    // class[low nibble] & highBit[high nibble], zero for non-members
    ...[...get(table), ...get(v), ...get(low), ...simd(simdOp.v128And)],
    ...simd(simdOp.i8x16Swizzle),
    ...get(high),
    ...[...get(v), ...i32(4), ...simd(simdOp.i8x16ShrU), ...simd(simdOp.i8x16Swizzle)],
    ...simd(simdOp.v128And),
  ];
}

/** record(from, to): appends (from, to) at OUT where `keep` holds; returns -1 past MAX_RUNS. */
function recorder(count: number, keep: (from: number[], to: number[]) => number[]) {
  return (from: number[], to: number[]): number[] => [
    ...[...keep(from, to), op.if, VOID],
    ...[...get(count), ...i32(MAX_RUNS), op.i32GeU, op.if, VOID, ...i32(-1), op.return, op.end],
    ...[...get(count), ...i32(8), op.i32Mul, ...from, ...mem(op.i32Store, 2, OUT)],
    ...[...get(count), ...i32(8), op.i32Mul, ...to, ...mem(op.i32Store, 2, OUT + 4)],
    ...[...get(count), ...i32(1), op.i32Add, ...set(count)],
    op.end,
  ];
}

function walkModule(firstOutput: number, pages: number, text: number): Uint8Array {
  // all(steps): every walk `steps` chars on.
  const lanes = Array.from({ length: LANES }, (_, k) => ({
    p: 1 + 3 * k,
    s: 2 + 3 * k,
    o: 3 + 3 * k,
  }));
  const all: WasmFunction = {
    name: 'all',
    params: 1,
    results: 0,
    locals: 3 * LANES,
    body: loopOver(lanes, 0, firstOutput),
  };
  return moduleBytes([all, runsFunction(text), blocksFunction(text), widenFunction(text)], pages);
}

export class WasmWalk {
  /** Output of `walk`: (state row, index of the char where a keyword ends) pairs, by index. */
  records = new Int32Array(1024);
  private readonly memory: Memory;
  private readonly all: (steps: number) => void;
  /** Chars each walk reads before its quarter (see `walk`); as many NULs lie before the text. */
  private readonly warm: number;
  private readonly runs: (n: number, cls: number, min: number) => number;
  private readonly blocks: (from: number, to: number, cls: number, count: number) => number;
  private readonly widen: (first: number, count: number, cls: number, min: number) => number;
  /** Classes written to memory for `runs` (a rule's table is made once, with the scanner). */
  private readonly classes = new Map<Uint8Array, number>();
  /** The text in memory (the last one walked). */
  private last: string | undefined;

  private readonly text: number;
  private ints: Int32Array;
  private bytes: NodeBuffer;
  private chars: Uint16Array;
  /** Each walk's records, in char order, before they join `records`. */
  private laneRecords: Int32Array[] = Array.from({ length: LANES }, () => new Int32Array(1024));
  private readonly laneCount = new Int32Array(LANES);

  private constructor(
    tables: WalkTables,
    private readonly Buffer: NodeBufferClass,
    wasm: WasmApi,
  ) {
    this.warm = tables.maxLength - 1;
    this.text = (DELTA + tables.delta.length * 4 + 2 * this.warm + 15) & ~15;
    const pages = Math.ceil((this.text + 2 * PAGE) / PAGE);
    const instance = new wasm.Instance(
      new wasm.Module(walkModule(tables.firstOutputRow * 4, pages, this.text)),
    );
    const ex = instance.exports as {
      memory: Memory;
      all: (steps: number) => void;
      runs: (n: number, cls: number, min: number) => number;
      blocks: (from: number, to: number, cls: number, count: number) => number;
      widen: (first: number, count: number, cls: number, min: number) => number;
    };
    this.memory = ex.memory;
    this.all = ex.all;
    this.runs = ex.runs;
    this.blocks = ex.blocks;
    this.widen = ex.widen;
    const u8 = new Uint8Array(this.memory.buffer);
    for (let c = 0; c < 65536; c++) u8[CLASS + c] = (tables.classOf[c] as number) * 4;
    this.ints = new Int32Array(this.memory.buffer);
    this.ints.set(
      tables.delta.map((row) => row * 4),
      DELTA / 4,
    );
    this.bytes = Buffer.from(this.memory.buffer);
    this.chars = new Uint16Array(this.memory.buffer);
  }

  /** A walker, or undefined where WebAssembly or Node's `Buffer` is missing. */
  static create(tables: WalkTables): WasmWalk | undefined {
    const g = globalThis as { Buffer?: NodeBufferClass; WebAssembly?: WasmApi };
    if (typeof g.WebAssembly !== 'object' || typeof g.Buffer?.from !== 'function') return undefined;
    return new WasmWalk(tables, g.Buffer, g.WebAssembly);
  }

  /** Fills `records` for `text`; returns the number of ints written (two per record). */
  walk(text: string): number {
    const n = text.length;
    const need = this.text + 2 * n + 64; // `runs` reads up to 16 chars past the end
    if (need > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / PAGE));
      this.ints = new Int32Array(this.memory.buffer);
      this.bytes = this.Buffer.from(this.memory.buffer);
      this.chars = new Uint16Array(this.memory.buffer);
    }
    this.bytes.write(text, this.text, 'utf16le');
    this.chars.fill(0, (this.text >> 1) + n, (this.text >> 1) + n + 16);
    this.last = text;
    // Walk k reports the keywords that end in its quarter, [k * q, (k + 1) * q); it starts from the
    // root `warm` chars before it, far enough back to have seen the whole of each. All walk the
    // same number of chars, whole loop turns: the first starts in the NULs before the text, the
    // last ends in those after it (NUL is in no keyword: no record there).
    const q = Math.ceil(n / LANES);
    const steps = Math.ceil((q + this.warm) / UNROLL) * UNROLL;
    for (let k = 0; k < LANES; k++) {
      const c = (CTRL >> 2) + 3 * k;
      this.ints[c] = this.text + 2 * (k * q - this.warm);
      this.ints[c + 1] = 0;
      this.ints[c + 2] = this.outStart(k);
      this.laneCount[k] = 0;
    }
    for (let left = steps; left > 0; left -= CAPACITY) {
      this.all(Math.min(CAPACITY, left));
      for (let k = 0; k < LANES; k++) this.drain(k);
    }
    let count = 0;
    for (let k = 0; k < LANES; k++) {
      const lane = this.laneRecords[k] as Int32Array;
      const end = this.laneCount[k] as number;
      const first = k * q;
      const last = Math.min(n, first + q);
      if (count + end > this.records.length) this.records = grow(this.records, count + end);
      for (let i = 0; i < end; i += 2) {
        const at = lane[i + 1] as number;
        if (at < first || at >= last) continue; // the neighbouring walks'
        this.records[count] = lane[i] as number;
        this.records[count + 1] = at;
        count += 2;
      }
    }
    return count;
  }

  /**
   * `runsOf(text, { table, min })` of shortcuts.ts for the text last walked, found in
   * WebAssembly; undefined for any other text, a class holding NUL, `min` under 16, more than
   * MAX_CLASSES classes or MAX_RUNS runs. `within`, when given, must be the text's runsOf for a
   * class that holds every member of this one, with a `min` of at most this one's: each run sought
   * lies in one of those (the chars around an outer run are outside both classes), and only they
   * are read (from 31 on). On Jira text the catalogue's `[A-Za-z0-9+/]{44}` runs hold a fifth of
   * the text, and every `[a-z2-7]{52}` run.
   */
  runsOf(
    text: string,
    table: Uint8Array,
    min: number,
    within?: readonly number[],
  ): number[] | undefined {
    if (text !== this.last || min < 16 || table[0]) return undefined;
    let at = this.classes.get(table);
    if (at === undefined) {
      if (this.classes.size >= MAX_CLASSES) return undefined;
      at = CLASSES + 16 * this.classes.size;
      const u8 = new Uint8Array(this.memory.buffer);
      for (let c = 0; c < 128; c++)
        if (table[c]) u8[at + (c & 15)] = (u8[at + (c & 15)] as number) | (1 << (c >> 4));
      this.classes.set(table, at);
    }
    let count = 0;
    if (min < BLOCK_MIN) count = this.runs(text.length, at, min);
    else if (!within) count = this.blocks(0, text.length, at, 0);
    else {
      // Outside the outer runs there is no member; at their edges none either (see above).
      for (let i = 0; i < within.length && count >= 0; i += 2) {
        const s = within[i] as number;
        const e = within[i + 1] as number;
        if (e - s >= min) count = this.blocks(s, e, at, count);
      }
    }
    if (count > 0 && min >= BLOCK_MIN) count = this.widen(0, count, at, min);
    if (count < 0) return undefined;
    // A plain loop: a subarray and Array.from cost more than copying the few runs of most texts.
    const out: number[] = [];
    const ints = this.ints;
    for (let i = OUT >> 2, last = i + 2 * count; i < last; i++) out.push(ints[i] as number);
    return out;
  }

  private outStart(k: number): number {
    return OUT + k * CAPACITY * 8;
  }

  /** Moves walk k's records out of WebAssembly memory, as (row, char index). */
  private drain(k: number): void {
    const c = (CTRL >> 2) + 3 * k;
    const from = this.outStart(k) >> 2;
    const to = (this.ints[c + 2] as number) >> 2;
    this.ints[c + 2] = this.outStart(k);
    let lane = this.laneRecords[k] as Int32Array;
    let at = this.laneCount[k] as number;
    if (at + (to - from) > lane.length) {
      lane = grow(lane, at + (to - from));
      this.laneRecords[k] = lane;
    }
    const ints = this.ints;
    const text = this.text;
    for (let i = from; i < to; i += 2, at += 2) {
      lane[at] = (ints[i] as number) >> 2;
      lane[at + 1] = ((ints[i + 1] as number) - text) >> 1;
    }
    this.laneCount[k] = at;
  }
}

export function grow(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}
