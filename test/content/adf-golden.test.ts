/**
 * Golden ADF documents, one per node family, each placing a distinct marker in every spot that
 * carries text. They are checked against Atlassian's own schema first, so a marker in a place
 * real ADF cannot hold proves nothing, then converted: exact text, every marker once, and every
 * segment path resolving back to the string it claims to come from.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type AnySchemaObject } from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { adfToText, segmentAt, type AdfSegment } from '../../src/content/adf-text.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const EXPECTED = 'expected.json';
/** Markers found by scanning the documents; literals the regex cannot see are listed by hand. */
const MARKER = /MARK-[A-Z]+(?:-[A-Z]+)*-\d+/g;

interface Expected {
  /** Output text, one array item per line. */
  readonly text: readonly string[];
  /** Marker -> JSON pointer of the string its first character comes from. */
  readonly markers: Readonly<Record<string, string>>;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const expected = readJson(join(GOLDEN, EXPECTED)) as Readonly<Record<string, Expected>>;
const files = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.json') && f !== EXPECTED)
  .sort();
const docs = new Map(files.map((f) => [f, readJson(join(GOLDEN, f))]));
const docOf = (f: string): unknown => docs.get(f);
const expectOf = (f: string): Expected => {
  const e = expected[f];
  if (!e) throw new Error(`no expectations for ${f}`);
  return e;
};

// The package has no exports map today, but one may come: fall back to its directory.
const req = createRequire(import.meta.url);
const schemaPath = ((): string => {
  try {
    return req.resolve('@atlaskit/adf-schema/json-schema/v1/full.json');
  } catch {
    const pkg = dirname(req.resolve('@atlaskit/adf-schema/package.json'));
    return join(pkg, 'json-schema', 'v1', 'full.json');
  }
})();
const validate = new Ajv.default({ strict: false, allErrors: false }).compile(
  readJson(schemaPath) as AnySchemaObject,
);

/** Resolves an RFC 6901 pointer; undefined when any step is missing. */
function resolve(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(key)] as unknown;
    else if (typeof cur === 'object' && cur !== null && Object.hasOwn(cur, key))
      cur = (cur as Record<string, unknown>)[key];
    else return undefined;
  }
  return cur;
}

/** Every marker in the document's string leaves, with the pointer of the leaf holding it. */
function markersIn(doc: unknown): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const stack: { v: unknown; p: string }[] = [{ v: doc, p: '' }];
  while (stack.length) {
    const { v, p } = stack.pop() as { v: unknown; p: string };
    if (typeof v === 'string') {
      for (const m of v.match(MARKER) ?? []) found.set(m, [...(found.get(m) ?? []), p]);
    } else if (Array.isArray(v)) {
      v.forEach((x: unknown, i) => stack.push({ v: x, p: `${p}/${i}` }));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v))
        stack.push({ v: x as unknown, p: `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
  return found;
}

const occurrences = (text: string, s: string): number => text.split(s).length - 1;
const overlapping = (segments: readonly AdfSegment[], start: number, end: number): AdfSegment[] =>
  segments.filter((s) => s.start < end && s.end > start);

describe('golden ADF documents', () => {
  it('has one golden document per node family, each with expectations', () => {
    expect(files).toEqual([
      'cards.json',
      'code.json',
      'extensions.json',
      'inline-nodes.json',
      'lists-tasks.json',
      'marks.json',
      'media.json',
      'panels-expand.json',
      'tables-layout.json',
    ]);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it('uses a validator that rejects broken ADF, so passing it means something', () => {
    const para = (...content: unknown[]): unknown => ({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content }],
    });
    expect(validate(para({ type: 'text', text: 'fine' }))).toBe(true);
    expect(validate(para({ type: 'text', text: '' }))).toBe(false);
    expect(validate(para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: {} }] }))).toBe(
      false,
    );
    expect(validate(para({ type: 'mention', attrs: { text: '@no-id' } }))).toBe(false);
    expect(validate(para({ type: 'secretNode', text: 'x' }))).toBe(false);
    expect(validate({ type: 'doc', content: [] })).toBe(false);
  });

  it('keeps every marker distinct across the whole golden set', () => {
    const all = files.flatMap((f) => Object.keys(expectOf(f).markers));
    expect(new Set(all).size).toBe(all.length);
  });

  describe.each(files)('%s', (file) => {
    const doc = docOf(file);
    const want = expectOf(file);
    const r = adfToText(doc);

    it('is valid ADF by the @atlaskit/adf-schema JSON schema', () => {
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    });

    it('converts to the expected text with nothing skipped', () => {
      expect(r.text.split('\n')).toEqual(want.text);
      expect(r.skipped).toEqual([]);
    });

    it('lists every marker of the document, at the JSON location it is written', () => {
      for (const [marker, paths] of markersIn(doc)) {
        // Only an auto-linked URL may repeat a marker (text and href, verbatim); it is read once.
        expect(new Set(paths.map((path) => resolve(doc, path))).size, marker).toBe(1);
        expect(paths, marker).toContain(want.markers[marker]);
      }
    });

    it('outputs every marker exactly once, mapped back to where it is written', () => {
      for (const [marker, path] of Object.entries(want.markers)) {
        expect(occurrences(r.text, marker), marker).toBe(1);
        const start = r.text.indexOf(marker);
        const end = start + marker.length;
        expect(segmentAt(r.segments, start)?.path, marker).toBe(path);
        // A marker split by marks spans several segments: each holds its own slice of it.
        const parts = overlapping(r.segments, start, end);
        expect(parts.reduce((n, s) => n + Math.min(s.end, end) - Math.max(s.start, start), 0)).toBe(
          marker.length,
        );
        for (const s of parts) {
          const slice = r.text.slice(Math.max(s.start, start), Math.min(s.end, end));
          expect(resolve(doc, s.path), `${marker} at ${s.path}`).toContain(slice);
        }
      }
      // Nothing marker-like appears that the expectations do not know of.
      const seen = r.text.match(MARKER) ?? [];
      const known = Object.keys(want.markers).filter((m) => m.startsWith('MARK-'));
      expect([...seen].sort()).toEqual(known.sort());
    });

    it('has sorted, non-overlapping segments in bounds, each the exact string at its path', () => {
      let last = 0;
      for (const s of r.segments) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(r.text.length);
        expect(resolve(doc, s.path), s.path).toBe(r.text.slice(s.start, s.end));
        last = s.end;
      }
    });
  });
});
