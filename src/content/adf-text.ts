/**
 * Atlassian Document Format -> plain text with an offset map back to the nodes.
 *
 * Visible text comes first, in document order: inline runs joined with nothing between them (marks
 * split a pasted token into several text nodes), a newline after each block. Strings a reader
 * does not see inline (link href and title, media alt, card data, extension parameters) follow,
 * one per line, each mapped to its JSON path. The walk is iterative, so depth cannot overflow, and
 * one budget covers nodes and attribute values, so no input can stall it.
 * @module
 */

export interface AdfSegment {
  readonly start: number;
  readonly end: number;
  /** RFC 6901 JSON pointer to the string in the document, e.g. `/content/0/content/1/text`. */
  readonly path: string;
}

export interface AdfText {
  readonly text: string;
  /** Sorted by start, non-overlapping. */
  readonly segments: readonly AdfSegment[];
  /** Malformed parts that were passed over, with where and why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

const INLINE = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'status',
  'date',
  'placeholder',
  'mediaInline',
  'inlineExtension',
]);

/** Inline nodes whose visible text is an attribute. */
const INLINE_ATTR: Record<string, readonly string[]> = {
  mention: ['text'],
  emoji: ['text', 'shortName'],
  status: ['text'],
  date: ['timestamp'],
  placeholder: ['text'],
  inlineCard: ['url'],
  blockCard: ['url'],
  embedCard: ['url'],
};

/** Attributes read as hidden strings (every string leaf under them). */
const HIDDEN_ATTRS = ['alt', 'title', 'url', 'data', 'parameters', 'text', 'datasource'];

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Parameter and card-data keys are free text: escape them so the path still resolves. */
const pointerKey = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

interface Frame {
  readonly node: Json;
  readonly path: string;
  /** true when this frame closes a block (emit its trailing newline). */
  readonly close: boolean;
}

export function adfToText(doc: Json, maxNodes = 200_000): AdfText {
  let text = '';
  const segments: AdfSegment[] = [];
  const hidden: { value: string; path: string }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const emit = (value: string, path: string): void => {
    if (value.length === 0) return;
    segments.push({ start: text.length, end: text.length + value.length, path });
    text += value;
  };
  const newline = (): void => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  let seen = 0;
  let exhausted = false;
  /** Counts one node or attribute value; false (recorded once) when the budget is spent. */
  const spend = (path: string): boolean => {
    if (exhausted) return false;
    if (++seen <= maxNodes) return true;
    exhausted = true;
    skipped.push({ path, reason: `more than ${maxNodes} nodes; the rest was not read` });
    return false;
  };
  const collectHidden = (v: Json, path: string): void => {
    // Iterative too: extension parameters are arbitrary JSON. Budgeted, because an object graph
    // handed in directly (not parsed) can share or cycle references and never run out.
    const stack: { v: Json; path: string }[] = [{ v, path }];
    while (stack.length) {
      const { v: cur, path: p } = stack.pop() as { v: Json; path: string };
      if (!spend(p)) return;
      if (typeof cur === 'string') hidden.push({ value: cur, path: p });
      else if (Array.isArray(cur))
        for (let i = cur.length - 1; i >= 0; i--) stack.push({ v: cur[i], path: `${p}/${i}` });
      else if (isObject(cur))
        for (const k of Object.keys(cur).reverse())
          stack.push({ v: cur[k], path: `${p}/${pointerKey(k)}` });
    }
  };
  /** Link href and title on any marked node: text, but also media and mediaInline links. */
  const collectMarks = (node: Record<string, Json>, path: string): void => {
    if (node.marks === undefined) return;
    if (!Array.isArray(node.marks)) {
      skipped.push({ path, reason: 'marks is not an array' });
      return;
    }
    node.marks.forEach((m: Json, i) => {
      if (!isObject(m)) {
        skipped.push({ path: `${path}/marks/${i}`, reason: 'mark is not an object' });
        return;
      }
      if (!isObject(m.attrs)) return;
      for (const k of ['href', 'title']) {
        const v = m.attrs[k];
        // An auto-linked URL is its own text: reading it twice would double every finding.
        if (typeof v === 'string' && v !== node.text)
          hidden.push({ value: v, path: `${path}/marks/${i}/attrs/${k}` });
      }
    });
  };

  if (!isObject(doc)) {
    return { text: '', segments: [], skipped: [{ path: '', reason: 'document is not an object' }] };
  }
  const stack: Frame[] = [{ node: doc, path: '', close: false }];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    if (frame.close) {
      newline();
      continue;
    }
    const { node, path } = frame;
    if (!spend(path)) break;
    if (!isObject(node)) {
      skipped.push({ path, reason: 'node is not an object' });
      continue;
    }
    // Still read an untyped node as a block: its text may be real, only its shape is unknown.
    if (typeof node.type !== 'string') skipped.push({ path, reason: 'node without a string type' });
    const type = typeof node.type === 'string' ? node.type : '';
    const attrs = isObject(node.attrs) ? node.attrs : undefined;
    collectMarks(node, path);

    if (type === 'text') {
      if (typeof node.text === 'string') emit(node.text, `${path}/text`);
      else skipped.push({ path, reason: 'text node without a string text' });
      continue;
    }
    if (type === 'hardBreak') {
      text += '\n';
      continue;
    }
    const isBlock = !INLINE.has(type);
    // A block starts its own line even after stray inline siblings, so tokens never fuse.
    if (isBlock) newline();
    const visible = INLINE_ATTR[type];
    const shown = new Set<string>();
    if (visible && attrs) {
      for (const k of visible) {
        const v = attrs[k];
        if (typeof v === 'string' && v) {
          emit(v, `${path}/attrs/${k}`);
          shown.add(k);
          break;
        }
      }
    }
    if (attrs) {
      if ((type === 'expand' || type === 'nestedExpand') && typeof attrs.title === 'string') {
        emit(attrs.title, `${path}/attrs/title`);
        newline();
        shown.add('title');
      }
      for (const k of HIDDEN_ATTRS) {
        if (!shown.has(k) && k in attrs) collectHidden(attrs[k], `${path}/attrs/${k}`);
      }
    }
    if (isBlock) stack.push({ node: null, path, close: true });
    if (Array.isArray(node.content)) {
      for (let i = node.content.length - 1; i >= 0; i--) {
        stack.push({ node: node.content[i], path: `${path}/content/${i}`, close: false });
      }
    } else if (node.content !== undefined) {
      skipped.push({ path, reason: 'content is not an array' });
    }
  }
  for (const h of hidden) {
    newline();
    emit(h.value, h.path);
  }
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { text, segments, skipped };
}

/** The segment holding a text offset (binary search), or undefined between segments. */
export function segmentAt(segments: readonly AdfSegment[], offset: number): AdfSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid] as AdfSegment;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
