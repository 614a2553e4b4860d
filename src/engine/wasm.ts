/**
 * A tiny WebAssembly binary emitter: just what the prefilter's walk needs (i32 code, one exported
 * memory, exported functions). Written out here rather than assembled from a `.wat` file, so the
 * module is built in memory when the engine loads: no `.wasm` file for the Forge bundler to miss
 * (see the re2-wasm note in DESIGN.md) and no build step. `WebAssembly.Module` validates it.
 * @module
 */

/** Opcodes used (names as in the WebAssembly text format). */
export const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Load8U: 0x2d,
  i32Load16U: 0x2f,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32LtS: 0x48,
  i32Ne: 0x47,
  i32GeS: 0x4e,
  i32LeU: 0x4d,
  i32GeU: 0x4f,
  i32Clz: 0x67,
  i32Ctz: 0x68,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
} as const;

/** SIMD opcodes (after the 0xfd prefix). */
export const simdOp = {
  v128Load: 0x00,
  v128Const: 0x0c,
  i8x16Swizzle: 0x0e,
  i8x16Eq: 0x23,
  i8x16LtU: 0x26,
  v128And: 0x4e,
  v128Or: 0x50,
  i8x16AllTrue: 0x63,
  i8x16Bitmask: 0x64,
  i8x16NarrowI16x8U: 0x66,
  i8x16ShrU: 0x6d,
  i8x16Sub: 0x71,
} as const;

export const simd = (opcode: number): number[] => [0xfd, ...uleb(opcode)];

/** Block type of a block, loop or if that leaves nothing on the stack. */
export const VOID = 0x40;
const I32 = 0x7f;
const V128 = 0x7b;

export function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    const b = v & 0x7f;
    v >>>= 7;
    out.push(v ? b | 0x80 : b);
  } while (v);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

export const get = (local: number): number[] => [op.localGet, ...uleb(local)];
export const set = (local: number): number[] => [op.localSet, ...uleb(local)];
export const tee = (local: number): number[] => [op.localTee, ...uleb(local)];
export const i32 = (n: number): number[] => [op.i32Const, ...sleb(n)];

/** A load or store with its alignment (log2 bytes) and constant offset. */
export const mem = (opcode: number, align: number, offset = 0): number[] => [
  opcode,
  align,
  ...uleb(offset),
];

export interface WasmFunction {
  readonly name: string;
  /** Number of i32 parameters (locals 0 .. params-1). */
  readonly params: number;
  /** Number of i32 results (0 or 1). */
  readonly results: number;
  /** Further i32 locals. */
  readonly locals: number;
  /** Further v128 locals, after those. */
  readonly v128Locals?: number;
  /** The body, without its final `end`. */
  readonly body: readonly number[];
}

const section = (id: number, content: number[]): number[] => [
  id,
  ...uleb(content.length),
  ...content,
];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => [
  ...uleb(s.length),
  ...Array.from(s, (_, i) => s.charCodeAt(i)),
];

/** A module exporting `functions` and its memory (as `memory`), `pages` of 64 KiB to start. */
export function moduleBytes(functions: readonly WasmFunction[], pages: number): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vec(Array.from({ length: f.params }, () => [I32])),
    ...vec(Array.from({ length: f.results }, () => [I32])),
  ]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(
      7,
      vec([
        ...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]),
        [...name('memory'), 0x02, 0x00],
      ]),
    ),
    ...section(
      10,
      vec(
        functions.map((f) => {
          const groups: number[][] = [];
          if (f.locals) groups.push([...uleb(f.locals), I32]);
          if (f.v128Locals) groups.push([...uleb(f.v128Locals), V128]);
          const locals = vec(groups);
          const body = [...locals, ...f.body, op.end];
          return [...uleb(body.length), ...body];
        }),
      ),
    ),
  ];
  return Uint8Array.from(bytes);
}
