/**
 * Where a secret can go: the kinds of place in an issue, the text each puts there (the whole paste,
 * the bare secret, a URL around it), and which catalogue examples the engine finds in each kind of
 * surrounding text. An example the engine misses in one context is not planted there, and the miss
 * is listed (`placements().misses`) rather than silently dropped.
 * @module
 */
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner, type Scanner } from '../../src/engine/scan.js';
import { catalogue, type SecretSpec } from './secrets.js';

/** Every place a secret is planted in an issue. */
export const ISSUE_KINDS = [
  'summary',
  'description.paragraph',
  'description.marks',
  'description.codeBlock',
  'description.table',
  'description.link',
  'environment',
  'textarea',
  'textfield',
  'url',
  'select',
  'multiselect',
  'labels',
  'customLabels',
  'comment',
  'comment.after20',
  'worklog',
  'worklog.after20',
  'changelog.from',
  'changelog.to',
  'attachment.text',
  'attachment.env',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/**
 * The text around a planted form, as the scanner sees the unit: inside a prose line, on a line of
 * its own (code blocks, table cells, files, a link's href after the visible text), after a word
 * or two (summary, text field), or alone (option values, labels, URL fields).
 */
export type Context = 'inline' | 'line' | 'prefix' | 'alone';

export const CONTEXTS: Readonly<Record<IssueKind, readonly Context[]>> = {
  summary: ['prefix'],
  'description.paragraph': ['inline'],
  'description.marks': ['inline'],
  'description.codeBlock': ['line'],
  'description.table': ['line'],
  'description.link': ['line'],
  environment: ['inline'],
  textarea: ['inline', 'line'],
  textfield: ['prefix'],
  url: ['alone'],
  select: ['alone'],
  multiselect: ['alone'],
  labels: ['alone'],
  customLabels: ['alone'],
  comment: ['inline'],
  'comment.after20': ['inline'],
  worklog: ['inline'],
  'worklog.after20': ['inline'],
  'changelog.from': ['inline'],
  'changelog.to': ['prefix'],
  'attachment.text': ['line'],
  'attachment.env': ['line'],
};

/** Project, component and version descriptions: the whole paste inside prose. */
export const PROJECT_CONTEXT: Context = 'inline';

/** The text of a context around `form` (with fixed neutral prose; the generator varies it). */
export function render(context: Context, form: string): string {
  switch (context) {
    case 'inline':
      return `Checked the deploy again after the rollback. ${form} Please review the pipeline before the release.`;
    case 'line':
      return `10:00:00 INFO [worker] deploy started\n${form}\n10:00:01 INFO [worker] deploy done`;
    case 'prefix':
      return `ref ${form}`;
    case 'alone':
      return form;
  }
}

const oneLine = (s: string): boolean => !s.includes('\n');

/** The text to put at a kind of place for a secret, or undefined when it cannot go there. */
export function formFor(kind: IssueKind, s: SecretSpec): string | undefined {
  const line = (max: number): string | undefined => {
    if (oneLine(s.carrier) && s.carrier.length <= max) return s.carrier;
    return s.bare && s.secret.length <= max ? s.secret : undefined;
  };
  switch (kind) {
    case 'summary':
      return line(200);
    case 'textfield':
    case 'select':
    case 'multiselect':
    case 'changelog.to':
    case 'description.marks':
      return line(240);
    case 'url':
    case 'description.link':
      if (/^https?:\/\/\S+$/.test(s.carrier)) return s.carrier;
      return s.bare ? `https://runbooks.acme-corp.test/hooks?token=${s.secret}` : undefined;
    case 'labels':
    case 'customLabels':
      return s.bare && s.secret.length <= 255 ? s.secret : undefined;
    default:
      return s.carrier;
  }
}

/** The findings a secret put somewhere as `form` must give: it, and what its whole paste holds. */
export function expectedFindings(
  s: SecretSpec,
  form: string,
): { detector: string; secret: string }[] {
  const main = { detector: s.detector, secret: s.secret };
  return form.includes(s.carrier) ? [main, ...s.also] : [main];
}

/** A catalogue example the engine does not find exactly in one kind of place. */
export interface Miss {
  readonly detector: string;
  readonly secret: string;
  readonly kind: IssueKind;
  readonly context: Context;
  readonly text: string;
  /** What the engine reported instead (detector ids; empty: nothing). */
  readonly found: readonly string[];
}

export interface Placements {
  /** Catalogue examples the engine finds exactly in each kind of place. */
  readonly byKind: ReadonlyMap<IssueKind, readonly SecretSpec[]>;
  readonly misses: readonly Miss[];
  /** Whether a secret may go in a kind of place (fresh tokens: wherever their form fits). */
  fits(kind: IssueKind, s: SecretSpec): boolean;
}

function exactly(
  scanner: Scanner,
  text: string,
  expected: { detector: string; secret: string }[],
): string[] | undefined {
  const got = scanner
    .scan(text)
    .findings.map((f) => `${f.detector} ${text.slice(f.start, f.end)}`)
    .sort();
  const want = expected.map((e) => `${e.detector} ${e.secret}`).sort();
  return got.length === want.length && got.every((g, i) => g === want[i])
    ? undefined
    : got.map((g) => g.slice(0, g.indexOf(' ')));
}

let cached: Placements | undefined;

/** Checks every catalogue example in every kind of place once per process. */
export function placements(): Placements {
  if (cached) return cached;
  const scanner = createScanner({ detectors: DETECTORS, fingerprintKey: 'site-gen-placement-key' });
  const { examples } = catalogue();
  const ok = new Map<SecretSpec, Set<IssueKind>>();
  const misses: Miss[] = [];
  const memo = new Map<string, string[] | undefined>();
  for (const s of examples) {
    const kinds = new Set<IssueKind>();
    for (const kind of ISSUE_KINDS) {
      const form = formFor(kind, s);
      if (form === undefined) continue;
      let fine = true;
      for (const context of CONTEXTS[kind]) {
        const text = render(context, form);
        let found = memo.get(text);
        if (!memo.has(text)) {
          found = exactly(scanner, text, expectedFindings(s, form));
          memo.set(text, found);
        }
        if (found) {
          fine = false;
          misses.push({ detector: s.detector, secret: s.secret, kind, context, text, found });
        }
      }
      if (fine) kinds.add(kind);
    }
    ok.set(s, kinds);
  }
  const byKind = new Map(
    ISSUE_KINDS.map((k) => [k, examples.filter((s) => ok.get(s)?.has(k) === true)] as const),
  );
  cached = {
    byKind,
    misses,
    fits: (kind, s) => formFor(kind, s) !== undefined && (ok.get(s)?.has(kind) ?? true),
  };
  return cached;
}
