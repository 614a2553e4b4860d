/**
 * The third shortcut (see shortcuts.ts): which text may follow a keyword hit in a match. For a
 * pattern proved to begin at a keyword (`keywordStart`), the rest of the pattern, assertions
 * relaxed, is read into a small expression tree; its Brzozowski derivative by the keyword (each
 * char in both ASCII cases, as the prefilter folds them) is what the text after the hit must still
 * match. A lazily built automaton of such derivatives walks the chars after the hit: where it
 * dies, no match reads the keyword at that hit, and the sticky regex need not be tried there.
 *
 * Most hits of dense keywords (`secret `, `token.`, `jira `, `password reset`) die within a few
 * chars, at the price of an array load per char instead of one regex call per place (~60 ns of
 * V8's per-call overhead). Exact by construction: a derivative holds every continuation a match
 * can have, so the walk never rejects a place where the regex matches; syntax the reader does not
 * know (lookaround, backreferences, odd escapes) gives no automaton, and the regex runs as before.
 * @module
 */
import { classEnd, classMembers } from './shortcuts.js';

/** States built per pattern; past this, the walk hands the place to the regex. */
const MAX_STATES = 512;
/** Chars walked after a hit at most; past this, the walk hands the place to the regex. */
const MAX_STEPS = 48;
const DEAD = 0;
const ACCEPT = 1;
/** Not built yet, in `delta` and `start`. */
const UNKNOWN = -1;
/** The class of every UTF-16 unit above 0x7f: one bucket, as sets only tell whether any may match. */
const OTHER = 128;

/** One node of the tree, interned: equal nodes are the same object. */
interface Node {
  readonly id: number;
  readonly kind: 'set' | 'seq' | 'alt' | 'rep';
  /** For 'set': index of its char set. */
  readonly set: number;
  readonly items: readonly Node[];
  readonly min: number;
  readonly max: number;
  readonly nullable: boolean;
}

/** Interns nodes and simplifies them as they are built, so equal derivatives are one state. */
class Nodes {
  private readonly byKey = new Map<string, Node>();
  readonly eps: Node;
  readonly empty: Node;

  constructor() {
    this.eps = this.make('seq', -1, [], 0, 0, true);
    this.empty = this.make('alt', -1, [], 0, 0, false);
  }

  private make(
    kind: Node['kind'],
    set: number,
    items: readonly Node[],
    min: number,
    max: number,
    nullable: boolean,
  ): Node {
    const key = `${kind}${set},${min},${max}:${items.map((n) => n.id).join(',')}`;
    let n = this.byKey.get(key);
    if (!n) {
      n = { id: this.byKey.size, kind, set, items, min, max, nullable };
      this.byKey.set(key, n);
    }
    return n;
  }

  set(index: number): Node {
    return this.make('set', index, [], 0, 0, false);
  }

  seq(parts: readonly Node[]): Node {
    const items: Node[] = [];
    for (const p of parts) {
      if (p === this.empty) return this.empty;
      if (p.kind === 'seq') items.push(...p.items);
      else items.push(p);
    }
    if (items.length === 1) return items[0] as Node;
    return this.make('seq', -1, items, 0, 0, items.length === 0 || items.every((n) => n.nullable));
  }

  alt(parts: readonly Node[]): Node {
    const seen = new Set<Node>();
    for (const p of parts) {
      if (p.kind === 'alt') for (const q of p.items) seen.add(q);
      else seen.add(p);
    }
    const items = [...seen].sort((a, b) => a.id - b.id);
    if (items.length === 1) return items[0] as Node;
    return this.make(
      'alt',
      -1,
      items,
      0,
      0,
      items.some((n) => n.nullable),
    );
  }

  rep(item: Node, min: number, max: number): Node {
    if (max === 0 || item === this.eps) return this.eps;
    if (item === this.empty) return min === 0 ? this.eps : this.empty;
    if (min === 1 && max === 1) return item;
    return this.make('rep', -1, [item], min, max, min === 0 || item.nullable);
  }
}

/** A char set: ASCII members by code, and at 128 whether any unit above 0x7f may be one. */
type CharSet = Uint8Array;

/** Char sets by flags and source: the catalogue repeats a few hundred, and testing each is slow. */
const SETS = new Map<string, { readonly set: CharSet; readonly key: string }>();

/** Reads a pattern (RE2 syntax, assertions already relaxed) into nodes; undefined if unsure. */
class Reader {
  private i = 0;
  readonly sets: CharSet[] = [];
  private readonly setIndex = new Map<string, number>();

  constructor(
    private readonly p: string,
    private readonly ignoreCase: boolean,
    private readonly nodes: Nodes,
  ) {}

  read(): Node | undefined {
    const n = this.alternation();
    return n && this.i === this.p.length ? n : undefined;
  }

  private alternation(): Node | undefined {
    const alts: Node[] = [];
    for (;;) {
      const s = this.sequence();
      if (!s) return undefined;
      alts.push(s);
      if (this.p[this.i] !== '|') return this.nodes.alt(alts);
      this.i++;
    }
  }

  private sequence(): Node | undefined {
    const items: Node[] = [];
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') {
      const atom = this.atom();
      if (!atom) return undefined;
      const q = this.quantifier();
      if (!q) return undefined;
      items.push(q[0] === 1 && q[1] === 1 ? atom : this.nodes.rep(atom, q[0], q[1]));
    }
    return this.nodes.seq(items);
  }

  /** [min, max] of the quantifier at `i` ([1, 1] for none); undefined for one not understood. */
  private quantifier(): [number, number] | undefined {
    const c = this.p[this.i];
    let q: [number, number];
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.p.slice(this.i));
      if (!m) return undefined;
      const min = Number(m[1]);
      q = [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
      this.i += m[0].length - 1;
    } else return [1, 1];
    this.i++;
    if (this.p[this.i] === '?') this.i++; // lazy: the same strings
    return q;
  }

  private atom(): Node | undefined {
    const p = this.p;
    const c = p[this.i] as string;
    if (c === '(') {
      this.i++;
      if (p[this.i] === '?') {
        const named = /^\?<[A-Za-z_][A-Za-z0-9_]*>/.exec(p.slice(this.i));
        if (p[this.i + 1] === ':') this.i += 2;
        else if (named) this.i += named[0].length;
        else return undefined; // lookaround
      }
      const body = this.alternation();
      if (!body || p[this.i] !== ')') return undefined;
      this.i++;
      return body;
    }
    if (c === '[') {
      const end = classEnd(p, this.i);
      if (end < 0) return undefined;
      const src = p.slice(this.i, end);
      this.i = end;
      return this.charSet(src, !classMembers(src, this.ignoreCase));
    }
    if (c === '\\') {
      const e = p[this.i + 1];
      if (e === undefined) return undefined;
      const hex = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/.exec(p.slice(this.i));
      let src = p.slice(this.i, this.i + 2);
      let other: boolean;
      if (hex) {
        src = hex[0];
        other = parseInt(src.slice(2), 16) > 0x7f;
      } else if ('dw'.includes(e)) other = false;
      else if ('DWsS'.includes(e)) other = true;
      else if ('tnrfv'.includes(e) || !/[A-Za-z0-9]/.test(e)) other = false;
      else return undefined; // backreferences, \b (relaxed away before), \c, \p...
      this.i += src.length;
      return this.charSet(src, other);
    }
    if ('*+?{}^$])'.includes(c)) return undefined;
    this.i++;
    if (c === '.') return this.charSet('.', true);
    // Without the `u` flag no non-ASCII char folds onto an ASCII one, nor back.
    return this.charSet(c, c.charCodeAt(0) > 0x7f);
  }

  /** The node of one char matched by `src`: ASCII members tested, `other` as proved. */
  private charSet(src: string, other: boolean): Node {
    const flags = this.ignoreCase ? 'i' : '';
    let known = SETS.get(`${flags}${other}${src}`);
    if (!known) {
      const re = new RegExp(`^(?:${src})$`, flags);
      const members = new Uint8Array(OTHER + 1);
      for (let c = 0; c < OTHER; c++) members[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
      members[OTHER] = other ? 1 : 0;
      known = { set: members, key: members.join('') };
      SETS.set(`${flags}${other}${src}`, known);
    }
    const { set, key } = known;
    let index = this.setIndex.get(key);
    if (index === undefined) {
      index = this.sets.length;
      this.sets.push(set);
      this.setIndex.set(key, index);
    }
    return this.nodes.set(index);
  }
}

/** The derivative of `n` by any char of which `hits(set)` says whether set index `set` holds one. */
function derive(
  nodes: Nodes,
  n: Node,
  hits: (set: number) => boolean,
  memo: Map<Node, Node>,
): Node {
  const known = memo.get(n);
  if (known) return known;
  let d: Node;
  if (n.kind === 'set') d = hits(n.set) ? nodes.eps : nodes.empty;
  else if (n.kind === 'alt') d = nodes.alt(n.items.map((x) => derive(nodes, x, hits, memo)));
  else if (n.kind === 'rep') {
    const item = n.items[0] as Node;
    d = nodes.seq([
      derive(nodes, item, hits, memo),
      nodes.rep(item, Math.max(0, n.min - 1), n.max - 1),
    ]);
  } else if (n.items.length === 0) d = nodes.empty;
  else {
    const [head, ...tail] = n.items as [Node, ...Node[]];
    const rest = nodes.seq(tail);
    const first = nodes.seq([derive(nodes, head, hits, memo), rest]);
    d = head.nullable ? nodes.alt([first, derive(nodes, rest, hits, memo)]) : first;
  }
  memo.set(n, d);
  return d;
}

/** What a pattern reads as: its tree, char sets, and the classes of chars no set tells apart. */
interface Tree {
  readonly nodes: Nodes;
  readonly root: Node;
  readonly sets: readonly CharSet[];
  readonly classOf: Uint8Array;
  /** For each class, which sets hold its chars. */
  readonly classHits: readonly Uint8Array[];
}

function readTree(rest: string, ignoreCase: boolean): Tree | undefined {
  const nodes = new Nodes();
  const reader = new Reader(rest, ignoreCase, nodes);
  let root: Node | undefined;
  try {
    root = reader.read();
  } catch {
    return undefined; // a class the engine's RegExp does not take alone
  }
  if (!root) return undefined;
  const sets = reader.sets;
  // Each set splits the classes so far in two.
  const classOf = new Uint8Array(OTHER + 1);
  let width = 1;
  for (const set of sets) {
    const split = new Map<number, number>();
    for (let c = 0; c <= OTHER; c++) {
      const key = (classOf[c] as number) * 2 + (set[c] as number);
      let k = split.get(key);
      if (k === undefined) split.set(key, (k = split.size));
      classOf[c] = k;
    }
    width = split.size;
  }
  const classHits = Array.from({ length: width }, (_, k) => {
    const c = classOf.indexOf(k);
    return Uint8Array.from(sets, (s) => s[c] as number);
  });
  return { nodes, root, sets, classOf, classHits };
}

/**
 * The automaton of one pattern, built as walks need it (most rules of a scanner never see a
 * hit, and reading every pattern up front doubled the time to build one). States are derivatives
 * of the pattern's rest; DEAD (no match) and ACCEPT (a match may end here, or the automaton is
 * out of room) end a walk.
 */
export class KeywordFollow {
  /** Class of each ASCII code, and at 128 the class of every other unit. */
  classOf: Uint8Array = new Uint8Array(OTHER + 1);
  width = 1;
  /** Next state by state * width + class; UNKNOWN until built. */
  delta: Int32Array = new Int32Array(0);
  /** State after a keyword of each length (the union over the keywords of that length). */
  readonly start: Int32Array;
  private tree: Tree | undefined | null = null; // null: not read yet
  private readonly states: Node[] = [];
  private readonly stateOf = new Map<Node, number>();

  /**
   * `rest`: a pattern's rest after its boundary group (see `keywordStart`), its assertions relaxed
   * (`withoutAssertions`); read at the first walk.
   */
  constructor(
    private readonly rest: string,
    private readonly keywords: readonly string[],
    private readonly ignoreCase: boolean,
  ) {
    this.start = new Int32Array(Math.max(0, ...keywords.map((k) => k.length)) + 1).fill(UNKNOWN);
  }

  /** Whether the pattern could be read (reads it): if not, every walk accepts. */
  get understood(): boolean {
    if (this.tree === null) {
      this.tree = readTree(this.rest, this.ignoreCase);
      if (this.tree) {
        this.classOf = this.tree.classOf;
        this.width = this.tree.classHits.length;
        this.states.push(this.tree.nodes.empty, this.tree.nodes.eps);
        this.delta = new Int32Array(16 * this.width).fill(UNKNOWN);
      }
    }
    return this.tree !== undefined;
  }

  /** State of derivative `n`, added if new. */
  private stateFor(t: Tree, n: Node): number {
    if (n === t.nodes.empty) return DEAD;
    if (n.nullable) return ACCEPT;
    let s = this.stateOf.get(n);
    if (s === undefined) {
      if (this.states.length >= MAX_STATES) return ACCEPT;
      s = this.states.length;
      this.states.push(n);
      this.stateOf.set(n, s);
      if (this.delta.length < this.states.length * this.width) {
        const grown = new Int32Array(this.delta.length * 2).fill(UNKNOWN);
        grown.set(this.delta);
        this.delta = grown;
      }
    }
    return s;
  }

  /** Builds and returns the transition of `state` on class `cls`. */
  next(state: number, cls: number): number {
    const t = this.tree as Tree;
    const hits = t.classHits[cls] as Uint8Array;
    const d = derive(t.nodes, this.states[state] as Node, (set) => hits[set] === 1, new Map());
    const s = this.stateFor(t, d);
    this.delta[state * this.width + cls] = s;
    return s;
  }

  /** Builds and returns the state after a keyword of `length` chars. */
  startAfter(length: number): number {
    if (!this.understood) return (this.start[length] = ACCEPT);
    const t = this.tree as Tree;
    const ends: Node[] = [];
    let accept = false;
    for (const k of this.keywords) {
      if (k.length !== length) continue;
      let n = t.root;
      for (let i = 0; i < k.length && !accept; i++) {
        // A match may end inside the hit (it began at a shorter keyword there).
        if (n.nullable) accept = true;
        const lower = k.charCodeAt(i);
        const upper = k.toUpperCase().charCodeAt(i);
        const hits = (set: number): boolean => {
          const members = t.sets[set] as CharSet;
          return members[lower] === 1 || members[upper] === 1;
        };
        n = derive(t.nodes, n, hits, new Map());
      }
      ends.push(n);
    }
    const s = accept ? ACCEPT : this.stateFor(t, t.nodes.alt(ends));
    this.start[length] = s;
    return s;
  }
}

/**
 * The first of the hits `[from, to)` (starts and keyword lengths) whose walk lets it through, or
 * `to`: a walk goes over the chars after its hit until the automaton dies (no match reads that
 * keyword there) or accepts. One loop over many hits, the automaton's arrays loaded once: most
 * walks are a char or two, and a call per hit cost more than the walk.
 */
export function nextThrough(
  f: KeywordFollow,
  text: string,
  starts: Int32Array,
  lengths: Int32Array,
  from: number,
  to: number,
): number {
  if (!f.understood) return from; // (reads the pattern first: the arrays below are its)
  const { start, classOf, width } = f;
  let delta = f.delta;
  const n = text.length;
  for (let h = from; h < to; h++) {
    const length = lengths[h] as number;
    let s = start[length] as number;
    if (s === UNKNOWN) s = f.startAfter(length);
    let i = (starts[h] as number) + length;
    const stop = i + MAX_STEPS;
    while (s > ACCEPT) {
      // Out of text with more to read: no match; out of steps: let the regex decide.
      if (i >= n) break;
      if (i >= stop) return h;
      const c = text.charCodeAt(i++);
      const cls = classOf[c < OTHER ? c : OTHER] as number;
      let t = delta[s * width + cls] as number;
      if (t === UNKNOWN) {
        t = f.next(s, cls);
        delta = f.delta;
      }
      s = t;
    }
    if (s === ACCEPT) return h;
  }
  return to;
}

/** Whether the walk after one hit (`nextThrough`) lets it through. */
export function mayFollow(f: KeywordFollow, text: string, at: number, length: number): boolean {
  return nextThrough(f, text, Int32Array.of(at), Int32Array.of(length), 0, 1) === 0;
}
