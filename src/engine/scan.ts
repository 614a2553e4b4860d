/**
 * The engine: keyword prefilter -> detector regexes on windows around hits -> validators ->
 * placeholder filter -> overlap resolution -> fingerprint and masked preview.
 *
 * Built-in detector patterns are RE2 syntax (the tests compile each under re2-wasm) and run on V8:
 * they are bounded by construction and only ever see small windows. Admin-written patterns run on
 * re2js (see custom-detector.ts).
 * @module
 */
import { customWork, runCustomDetector, type CustomDetector } from './custom-detector.js';
import {
  DECODE_KEYWORDS,
  findEncodedSpans,
  mayStartContainer,
  type DecodeLimits,
} from './decode/index.js';
import { shannonEntropy } from './entropy.js';
import { makeFingerprinter, type FingerprintKey } from './fingerprint.js';
import { LineIndex } from './lines.js';
import { isPlaceholderValue, isTruncatedAt } from './placeholder.js';
import { HitGroups } from './hit-groups.js';
import { KeywordFollow, nextThrough } from './keyword-follow.js';
import { KeywordAutomaton } from './prefilter.js';
import { redact } from './redact.js';
import { severityOf } from './severity.js';
import {
  exactRun,
  hasExactRun,
  hasExactRunIn,
  hasRun,
  hasRunIn,
  holdsNoSpace,
  classBits,
  isSubclass,
  keywordStart,
  requiredRun,
  runsOf,
  snapBack,
  snapForward,
  withoutAssertions,
  type RequiredRun,
} from './shortcuts.js';
import type {
  Category,
  Detector,
  Encoding,
  Finding,
  FindingPartner,
  ScanResult,
  ScanSkip,
  Severity,
} from './types.js';

export interface ScannerOptions {
  readonly detectors: readonly Detector[];
  /** Which detectors run. Default: those with `enabledByDefault !== false`. */
  readonly isEnabled?: (d: Detector) => boolean;
  readonly customDetectors?: readonly CustomDetector[];
  /** Key of the keyed fingerprint (per installation in Forge, per machine in the CLI). */
  readonly fingerprintKey: FingerprintKey;
  /** Texts longer than this are scanned up to it and the rest is reported as a skip. Default: 16 MiB. */
  readonly maxTextLength?: number;
  /**
   * What custom detectors may spend, in `customWork` units: per text (default
   * CUSTOM_WORK_PER_TEXT), and from a pool shared by every scan of one run (a trigger invocation,
   * a queue step). A detector over either is not run on that text: the scan says so with an
   * `over-budget` skip, so the caller can hand the text to a longer run. Built-in detectors
   * always run first and are never cut.
   */
  readonly customWork?: { readonly perText?: number; readonly pool?: WorkBudget };
  /**
   * Decoding before detection (base64 containers, JSON escapes, percent-encoding, HTML
   * entities): on by default; `false` turns it off, an object changes its limits.
   */
  readonly decode?: boolean | Partial<DecodeOptions>;
  /**
   * The proved regex shortcuts of shortcuts.ts (on by default). `false` runs every detector's
   * pattern over its whole windows: the reference path the shortcuts are tested against.
   */
  readonly shortcuts?: boolean;
}

/** What decoding may do per scanned text; whatever it leaves out is reported as a skip. */
export interface DecodeOptions extends DecodeLimits {
  /** Levels of decoding: 2 = the text's encoded spans, and encoded spans inside those. */
  readonly maxDepth: number;
  /** Decoded spans per text, all levels together. */
  readonly maxSpansPerText: number;
  /** Decoded chars per text, all levels together. */
  readonly maxDecodedChars: number;
}

export const DEFAULT_DECODE: DecodeOptions = {
  maxDepth: 2,
  maxSpans: 64,
  maxSpanChars: 64 * 1024,
  maxSpansPerText: 256,
  maxDecodedChars: 1024 * 1024,
};

/** A pool of work units, spent by `take` only when enough remains. */
export interface WorkBudget {
  readonly remaining: number;
  take(units: number): boolean;
}

export function createWorkBudget(limit: number): WorkBudget {
  let remaining = limit;
  return {
    get remaining() {
      return remaining;
    },
    take(units) {
      if (units > remaining) return false;
      remaining -= units;
      return true;
    },
  };
}

/** About a minute of the worst pattern on the longest text (see customWork). */
export const CUSTOM_WORK_PER_TEXT = 2e9;

export interface Scanner {
  /** The built-in detectors that run. */
  readonly detectors: readonly Detector[];
  /**
   * Never throws: bad input gives an empty result with a skip that says why. `onSecret` is handed
   * each finding's secret as the engine read it (decoded, for a finding in encoded text) and
   * must not keep it: the one way a caller (a validity check) sees a secret. `partner` is the
   * partner value found beside it (an AWS key id), for checks that need the pair.
   */
  scan(
    text: string,
    onSecret?: (finding: Finding, secret: string, partner?: string) => void,
  ): ScanResult;
}

const DEFAULT_WINDOW = 256;

/** What the prefilter pass saw for the decoders: container keyword hits, escape chars (bits). */
interface Seen {
  readonly containers: number[];
  escapes: number;
}
const CONTAINER = 1;
const BACKSLASH = 2;
const PERCENT = 4;
const AMPERSAND = 8;
const ESCAPE_CHARS = [
  ['\\', BACKSLASH],
  ['%', PERCENT],
  ['&', AMPERSAND],
] as const;
const present = (seen: Seen) => ({
  jsonEscapes: (seen.escapes & BACKSLASH) !== 0,
  percent: (seen.escapes & PERCENT) !== 0,
  htmlEntities: (seen.escapes & AMPERSAND) !== 0,
});
const MAX_WIDENINGS = 3;
const DEFAULT_MAX_TEXT = 16 * 1024 * 1024;
const CUSTOM_PRIORITY = -5;

interface Rule {
  readonly detector: Detector;
  readonly order: number;
  readonly re: RegExp;
  readonly group: number;
  readonly radius: number;
  /** Chars searched before a keyword hit: `radius`, or a few when the keyword starts the match. */
  readonly before: number;
  readonly priority: number;
  readonly severity: Severity;
  /** The detector's partner pattern (global, with indices), and the group holding the value. */
  readonly partner?: { readonly re: RegExp; readonly group: number };
  /**
   * Set when every match begins `lead` chars before a keyword hit at most: tried only there.
   * `relaxed` is the pattern without its assertions (sticky, on the whole text): where it fails at
   * every hit, no window of the rule can hold a match, and the rule's windows are not even built.
   * `follow` tells most hits where `relaxed` cannot match without trying it.
   */
  readonly atHits?: {
    readonly sticky: RegExp;
    readonly lead: number;
    readonly relaxed: RegExp;
    readonly follow: KeywordFollow;
  };
  /** A run of chars every match holds: a window without one is not searched. */
  readonly run?: RequiredRun;
}

/** A partner found next to a candidate: offsets in the candidate's text, and the masked value. */
interface PartnerHit extends FindingPartner {
  readonly start: number;
  readonly end: number;
  /** Handed to onSecret only, never put on a finding. */
  readonly value: string;
}

interface Candidate {
  readonly detector: string;
  readonly name: string;
  readonly family: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly priority: number;
  readonly order: number;
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  /** Set on candidates found in decoded text (their offsets are already the original's). */
  readonly encoding?: readonly Encoding[];
  readonly partner?: PartnerHit;
}

/**
 * Automata by keyword list, the last few used: the same for every scanner of one configuration,
 * and 10-20 ms to build (the WebAssembly module included). Few, as each holds its text buffer.
 */
const automata = new Map<string, KeywordAutomaton>();
const AUTOMATA_KEPT = 2;

function automatonFor(keywords: readonly string[]): KeywordAutomaton {
  const key = keywords.join('\n');
  const known = automata.get(key);
  automata.delete(key);
  const automaton = known ?? new KeywordAutomaton(keywords);
  automata.set(key, automaton);
  for (const old of automata.keys()) {
    if (automata.size <= AUTOMATA_KEPT) break;
    automata.delete(old);
  }
  return automaton;
}

/** Number of capture groups in a pattern, counted the way V8 does. */
function groupCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`).exec('') as RegExpExecArray).length - 1;
}

/** Room before a keyword that begins the match: a boundary char and a little slack. */
const ANCHORED_BEFORE = 8;

/**
 * True when every match of the pattern begins with one of the detector's keywords: the pattern
 * opens (after an optional `\b`, boundary group and capture paren) with a literal that starts with
 * a keyword, or with an alternation of such literals. Then nothing before the hit can belong to a
 * match, and windows need not reach back `radius` chars (most of the catalogue is prefixed tokens).
 */
export function startsWithKeyword(d: Pick<Detector, 'pattern' | 'keywords'>): boolean {
  // A `|` outside every group: alternatives we do not inspect.
  if (hasAlternationInOpenGroups(d.pattern, Infinity)) return false;
  let p = d.pattern;
  p = p
    .replace(/^\\b/, '')
    .replace(/^\(\?:\^\|\[\^?[^\]]*\]\)/, '')
    .replace(/^\\b/, '');
  let opened = 0;
  while (p.startsWith('(')) {
    p = p.replace(/^\((?:\?:)?/, '');
    opened++;
  }
  const LIT = String.raw`(?:[A-Za-z0-9_\-:/@]|\\[.\-/$])+`;
  // Literals separated by `|` up to a group close, or one literal; a quantified last char is not literal.
  const group = new RegExp(`^(${LIT}(?:\\|${LIT})*)\\)`).exec(p);
  const single = new RegExp(`^(${LIT})([?*{+]?)`).exec(p);
  let literals: string[];
  if (group?.[1]) literals = group[1].split('|');
  else if (hasAlternationInOpenGroups(p, opened)) return false;
  else if (single?.[1]) literals = [single[2] ? single[1].slice(0, -1) : single[1]];
  else return false;
  return literals.every((lit) => {
    const plain = lit.replace(/\\(.)/g, '$1').toLowerCase();
    return plain.length > 0 && d.keywords.some((k) => plain.startsWith(k));
  });
}

/**
 * A `|` at the top level of one of the `opened` groups that `rest` starts inside (with Infinity:
 * at the top level of the pattern itself).
 */
function hasAlternationInOpenGroups(rest: string, opened: number): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < rest.length && depth > -opened; i++) {
    const c = rest[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth <= 0) return true;
  }
  return false;
}

/**
 * Rules by detector, one per shortcut setting, kept while the detector lives: a trigger or a
 * resolver builds a scanner per invocation, and compiling the catalogue's patterns and proving
 * their shortcuts was half of that build (20-35 ms of 40-70). Only `order` differs between
 * scanners. Sharing the regexes is safe: every use sets `lastIndex` first, and scans never
 * interleave (they are synchronous).
 */
const compiled = new WeakMap<Detector, { fast?: CompiledRule; reference?: CompiledRule }>();
type CompiledRule = Omit<Rule, 'order'>;

function compileRule(d: Detector, order: number, shortcuts: boolean): Rule {
  let byMode = compiled.get(d);
  if (!byMode) compiled.set(d, (byMode = {}));
  const rule = shortcuts
    ? (byMode.fast ??= ruleOf(d, true))
    : (byMode.reference ??= ruleOf(d, false));
  return { ...rule, order };
}

function ruleOf(d: Detector, shortcuts: boolean): CompiledRule {
  const re = new RegExp(d.pattern, d.ignoreCase ? 'gdi' : 'gd');
  const start = shortcuts ? keywordStart(d.pattern, d.keywords, d.ignoreCase ?? false) : undefined;
  const run =
    shortcuts && !start
      ? (exactRun(d.pattern, d.ignoreCase ?? false) ??
        requiredRun(d.pattern, d.ignoreCase ?? false))
      : undefined;
  const groups = groupCount(re);
  const group = d.secretGroup ?? (groups >= 1 ? 1 : 0);
  if (group > groups) throw new Error(`detector ${d.id}: secretGroup ${group} > ${groups} groups`);
  return {
    detector: d,
    re,
    group,
    radius: d.window ?? DEFAULT_WINDOW,
    before: startsWithKeyword(d) ? ANCHORED_BEFORE : (d.window ?? DEFAULT_WINDOW),
    priority: d.priority ?? (d.category === 'generic' ? -10 : 0),
    severity: severityOf(d),
    ...(d.partner ? { partner: compilePartner(d) } : {}),
    ...(start
      ? {
          atHits: {
            sticky: new RegExp(d.pattern, d.ignoreCase ? 'ydi' : 'yd'),
            lead: start.lead,
            relaxed: new RegExp(withoutAssertions(d.pattern), d.ignoreCase ? 'yi' : 'y'),
            follow: new KeywordFollow(
              withoutAssertions(start.rest),
              d.keywords,
              d.ignoreCase ?? false,
            ),
          },
        }
      : {}),
    ...(run ? { run } : {}),
  };
}

function compilePartner(d: Detector): { re: RegExp; group: number } {
  const p = d.partner as NonNullable<Detector['partner']>;
  const re = new RegExp(p.pattern, p.ignoreCase ? 'gdi' : 'gd');
  return { re, group: groupCount(re) >= 1 ? 1 : 0 };
}

/** The partner nearest to text[start, end) within the detector's reach, not overlapping it. */
function findPartner(r: Rule, text: string, start: number, end: number): PartnerHit | undefined {
  const spec = r.detector.partner;
  const p = r.partner;
  if (!spec || !p) return undefined;
  const from = Math.max(0, start - spec.within);
  const slice = text.slice(from, Math.min(text.length, end + spec.within));
  let best: PartnerHit | undefined;
  let bestDistance = Infinity;
  p.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = p.re.exec(slice)) !== null) {
    if (m[0].length === 0) {
      p.re.lastIndex++;
      continue;
    }
    const span = m.indices?.[p.group];
    const value = m[p.group];
    if (!span || !value) continue;
    const ps = from + span[0];
    const pe = from + span[1];
    if (ps < end && start < pe) continue;
    const distance = ps >= end ? ps - end : start - pe;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = {
        kind: spec.kind,
        name: spec.name,
        redacted: redact(value),
        start: ps,
        end: pe,
        value,
      };
    }
  }
  return best;
}

/**
 * A pair is one finding, on the secret: the partner's own finding at the very place a kept
 * candidate names it is dropped (an AWS key id beside its secret key).
 */
function withoutNamedPartners(kept: Candidate[]): Candidate[] {
  const named = kept.filter((c) => c.partner);
  if (named.length === 0) return kept;
  return kept.filter(
    (c) =>
      !named.some(
        (n) =>
          n.partner?.kind === c.detector && n.partner.start === c.start && n.partner.end === c.end,
      ),
  );
}

export function createScanner(options: ScannerOptions): Scanner {
  const isEnabled = options.isEnabled ?? ((d: Detector) => d.enabledByDefault !== false);
  const detectors = options.detectors.filter((d) => isEnabled(d));
  const shortcuts = options.shortcuts !== false;
  const rules = detectors.map((d, i) => compileRule(d, i, shortcuts));
  const customs = options.customDetectors ?? [];
  const maxText = options.maxTextLength ?? DEFAULT_MAX_TEXT;
  const perText = options.customWork?.perText ?? CUSTOM_WORK_PER_TEXT;
  const pool = options.customWork?.pool;
  const fingerprint = makeFingerprinter(options.fingerprintKey);

  // keyword -> rules (built-in) and custom detectors that use it
  const keywords: string[] = [];
  const keywordIndex = new Map<string, number>();
  const kwRules: number[][] = [];
  const kwCustoms: number[][] = [];
  const addKeyword = (k: string): number => {
    let i = keywordIndex.get(k);
    if (i === undefined) {
      i = keywords.length;
      keywordIndex.set(k, i);
      keywords.push(k);
      kwRules.push([]);
      kwCustoms.push([]);
    }
    return i;
  };
  rules.forEach((r, ri) => {
    for (const k of new Set(r.detector.keywords)) (kwRules[addKeyword(k)] as number[]).push(ri);
  });
  customs.forEach((c, ci) => {
    for (const k of new Set(c.keywords)) (kwCustoms[addKeyword(k)] as number[]).push(ci);
  });
  const decode: DecodeOptions | undefined =
    options.decode === false
      ? undefined
      : { ...DEFAULT_DECODE, ...(options.decode === true ? {} : options.decode) };
  // Container keywords and escape chars ride on the same prefilter pass: finding where base64
  // containers start, and whether there is any `\`, `%` or `&` at all, costs nothing more.
  const containerKeywords = decode ? DECODE_KEYWORDS.map((k) => addKeyword(k)) : [];
  const escapeChars = decode ? ESCAPE_CHARS.map(([c, bit]) => [addKeyword(c), bit] as const) : [];
  const decodeKind = new Uint8Array(keywords.length);
  for (const k of containerKeywords) decodeKind[k] = CONTAINER;
  for (const [k, bit] of escapeChars) decodeKind[k] = (decodeKind[k] as number) | bit;
  const automaton = automatonFor(keywords);
  // For each rule with a run: the earlier rules (listed first for a text) whose run lists hold its
  // runs (see KeywordAutomaton.runsOf); and whether its runs hold no white space (windows snap
  // over them).
  // (Pairs among the rules with a run only, each class as a bit set: with every rule against every
  // other, this one loop was most of a repeat build's 21 ms.)
  const withRun = rules.flatMap((r, ri) => (r.run ? [ri] : []));
  const bits = rules.map((r) => r.run && classBits(r.run.table));
  const outerRules = rules.map((r, ri) => {
    const run = r.run;
    const mine = bits[ri];
    if (!run || !mine) return [];
    return withRun.filter(
      (oi) =>
        oi < ri &&
        ((rules[oi] as Rule).run as RequiredRun).min <= run.min &&
        isSubclass(mine, bits[oi] as Uint32Array),
    );
  });
  const spaceless = rules.map((r) => r.run !== undefined && holdsNoSpace(r.run.table));
  const kwLengths = Int32Array.from(keywords, (k) => k.length);
  const groups = new HitGroups(rules.length, kwRules, kwLengths);
  // Keywords whose hits matter beyond the rules: custom detectors' and the decoders'.
  const kwSide = Uint8Array.from(keywords, (_, k) =>
    Number(decodeKind[k] !== 0 || (kwCustoms[k] as number[]).length > 0),
  );

  /**
   * Candidates of every detector in `text`, overlaps resolved. `seen` receives where base64
   * container keywords occur (for the decoding step).
   */
  function candidatesOf(text: string, skips: ScanSkip[], seen: Seen): Candidate[] {
    const customHit = customs.length ? new Uint8Array(customs.length) : NO_CUSTOMS;
    const count = automaton.find(text);
    const found = automaton.hits;
    groups.group(found, count);
    for (let i = 0; i < count; i += 2) {
      const k = found[i] as number;
      if (!kwSide[k]) continue;
      const start = found[i + 1] as number;
      for (const ci of kwCustoms[k] as number[]) customHit[ci] = 1;
      const kind = decodeKind[k] as number;
      if (kind === CONTAINER) {
        if (mayStartContainer(text, start)) seen.containers.push(start);
      } else if (kind) seen.escapes |= kind;
    }

    const candidates: Candidate[] = [];
    const { starts, lengths, from, to } = groups;
    // The run lists found for this text, and the first without white space: windows snap over it.
    const listed: { readonly ri: number; readonly runs: number[] }[] = [];
    let stretches: number[] | undefined;
    for (const ri of groups.touched) {
      const r = rules[ri] as Rule;
      const hs = from[ri] as number;
      const he = to[ri] as number;
      if (r.atHits && !mayMatchAtHits(r.atHits, text, starts, lengths, hs, he)) continue;
      // A rule with windows over much of the text finds the runs it needs once for all of them
      // (and a text with none is done); the others look at their few windows. In WebAssembly
      // (over the copy the prefilter made) that pays from a quarter of the text on, in
      // JavaScript from all of it.
      const span = r.run ? (he - hs) * 2 * r.radius : 0;
      let runs: number[] | undefined;
      if (r.run && span * 4 > text.length) {
        const outer = listed.find((l) => (outerRules[ri] as number[]).includes(l.ri));
        runs =
          automaton.runsOf(text, r.run.table, r.run.min, outer?.runs) ??
          (span > text.length ? runsOf(text, r.run) : undefined);
        if (runs) listed.push({ ri, runs });
        if (runs && !stretches && spaceless[ri]) stretches = runs;
      }
      if (runs?.length === 0) continue;
      const w = windowsOf(r, text.length, starts, lengths, hs, he);
      const at = r.atHits ? hitStarts(starts, hs, he) : undefined;
      try {
        for (let i = 0; i < w.length; i += 2) {
          runWindow(r, text, w[i] as number, w[i + 1] as number, candidates, at, runs, stretches);
        }
      } catch (e) {
        // A validator bug must not lose the other detectors' findings; say which one failed.
        skips.push({
          detector: r.detector.id,
          reason: `detector failed: ${e instanceof Error ? e.name : 'error'}`,
        });
      }
    }
    if (customs.length === 0) return withoutNamedPartners(resolveOverlaps(candidates));
    customs.forEach((c, ci) => {
      if (c.keywords.length > 0 && !customHit[ci]) return;
      const work = customWork(c, text.length);
      if (work > perText || (pool && !pool.take(work))) {
        skips.push({
          detector: c.id,
          code: 'over-budget',
          reason:
            work > perText
              ? `custom detector not run: ${text.length} chars with its ${c.programSize}-instruction pattern is over what one text may take`
              : `custom detector not run: the custom-detector time of this run is spent (${text.length} chars with its ${c.programSize}-instruction pattern)`,
        });
        return;
      }
      for (const m of runCustomDetector(c, text)) {
        const secret = text.slice(m.start, m.end);
        if (isPlaceholderValue(secret)) continue;
        candidates.push({
          detector: c.id,
          name: c.name,
          family: 'custom',
          category: 'generic',
          severity: 'high',
          priority: CUSTOM_PRIORITY,
          order: rules.length + ci,
          start: m.start,
          end: m.end,
          secret,
        });
      }
    });
    return withoutNamedPartners(resolveOverlaps(candidates));
  }

  /**
   * Candidates found in the encoded spans of `text` (base64 containers at `containers`, JSON
   * escapes, percent-encoding, HTML entities), with offsets mapped back into `text`. Recurses
   * into encoded spans of decoded text down to `maxDepth`; the work is bounded by the per-text
   * span and char budget, and whatever is left out is a skip.
   */
  function decodedCandidates(
    text: string,
    seen: Seen,
    depth: number,
    d: DecodeOptions,
    budget: { spans: number; chars: number },
    skips: ScanSkip[],
  ): Candidate[] {
    const where = depth === 1 ? '' : ' (inside decoded text)';
    const found = findEncodedSpans(text, d, seen.containers, present(seen));
    for (const c of found.cuts) {
      skips.push({
        detector: 'decode',
        reason: `${c.reason}${depth === 1 ? ` at offset ${c.at}` : where}`,
      });
    }
    if (found.more.length) {
      skips.push({
        detector: 'decode',
        reason: `more than ${d.maxSpans} ${found.more.join(', ')} spans${where}; the rest were not decoded`,
      });
    }
    const out: Candidate[] = [];
    for (let i = 0; i < found.spans.length; i++) {
      const span = found.spans[i] as (typeof found.spans)[number];
      if (budget.spans <= 0 || budget.chars < span.decoded.length) {
        skips.push({
          detector: 'decode',
          reason: `the decoding budget of this text (${d.maxSpansPerText} spans, ${d.maxDecodedChars} chars) is spent; ${found.spans.length - i} encoded spans${where} were not decoded`,
        });
        break;
      }
      budget.spans--;
      budget.chars -= span.decoded.length;
      const inner: Seen = { containers: [], escapes: 0 };
      let cands = candidatesOf(span.decoded, skips, inner);
      if (depth < d.maxDepth) {
        cands = mergeDecoded(
          cands,
          decodedCandidates(span.decoded, inner, depth + 1, d, budget, skips),
        );
      } else if (
        findEncodedSpans(span.decoded, { ...d, maxSpans: 0 }, inner.containers, present(inner)).more
          .length
      ) {
        skips.push({
          detector: 'decode',
          reason: `encoded text nested more than ${d.maxDepth} levels deep was not decoded`,
        });
      }
      for (const c of cands) {
        const [start, end] = span.map(c.start, c.end);
        out.push({ ...c, start, end, encoding: [span.encoding, ...(c.encoding ?? [])] });
      }
    }
    return out;
  }

  function scan(
    input: string,
    onSecret?: (f: Finding, secret: string, partner?: string) => void,
  ): ScanResult {
    if (typeof input !== 'string') {
      return { findings: [], skips: [{ detector: '*', reason: 'input is not text' }] };
    }
    const skips: ScanSkip[] = [];
    let text = input;
    if (text.length > maxText) {
      skips.push({
        detector: '*',
        reason: `text is ${text.length} chars; only the first ${maxText} were scanned`,
      });
      text = text.slice(0, maxText);
    }
    const seen: Seen = { containers: [], escapes: 0 };
    let kept = candidatesOf(text, skips, seen);
    if (decode && (seen.containers.length > 0 || seen.escapes !== 0)) {
      const budget = { spans: decode.maxSpansPerText, chars: decode.maxDecodedChars };
      kept = mergeDecoded(kept, decodedCandidates(text, seen, 1, decode, budget, skips));
    }
    const lines = new LineIndex(text);
    const findings: Finding[] = kept.map((c) => {
      const { line, column } = lines.position(c.start);
      const finding: Finding = {
        detector: c.detector,
        name: c.name,
        family: c.family,
        category: c.category,
        severity: c.severity,
        start: c.start,
        end: c.end,
        line,
        column,
        redacted: redact(c.secret),
        fingerprint: fingerprint(c.secret),
        ...(c.encoding ? { encoding: c.encoding } : {}),
        ...(c.partner
          ? {
              partner: { kind: c.partner.kind, name: c.partner.name, redacted: c.partner.redacted },
            }
          : {}),
      };
      onSecret?.(finding, c.secret, c.partner?.value);
      return finding;
    });
    return { findings, skips };
  }

  return { detectors, scan };
}

/**
 * Windows of a rule: `before` chars before each hit to `radius` chars after its keyword, merged
 * as the hits (`starts[from, to)`, keyword lengths beside them, in end order) come.
 */
function windowsOf(
  r: Rule,
  textLength: number,
  starts: Int32Array,
  lengths: Int32Array,
  from: number,
  to: number,
): number[] {
  const w: number[] = [];
  for (let i = from; i < to; i++) {
    const start = starts[i] as number;
    const ws = Math.max(0, start - r.before);
    const we = Math.min(textLength, start + (lengths[i] as number) + r.radius);
    const last = w.length - 1;
    if (last > 0 && ws <= (w[last] as number)) w[last] = Math.max(w[last] as number, we);
    else w.push(ws, we);
  }
  return w;
}

/** The distinct values of `starts[from, to)`, sorted. */
function hitStarts(starts: Int32Array, from: number, to: number): number[] {
  const sorted = starts.slice(from, to).sort();
  const out: number[] = [];
  for (const s of sorted) if (out[out.length - 1] !== s) out.push(s);
  return out;
}

/**
 * False when the rule's pattern, assertions relaxed, matches at no place a window would try (from
 * `lead` chars before each hit `starts[from, to)` to the hit): then no window has a match (see
 * withoutAssertions), and the rule is done for this text. Cheap: one sticky try per place, on the
 * whole text, with no slice, no window and no allocation; most hits of dense keywords (`secret`,
 * `token`, `pass`) fail at the first char after the keyword.
 */
function mayMatchAtHits(
  at: NonNullable<Rule['atHits']>,
  text: string,
  starts: Int32Array,
  lengths: Int32Array,
  from: number,
  to: number,
): boolean {
  const re = at.relaxed;
  // A match tried from a hit reads its keyword at a hit in [q, q + lead]: where the walk after
  // this one dies, a match is tried at the other hit (see keyword-follow.ts).
  for (let i = from; (i = nextThrough(at.follow, text, starts, lengths, i, to)) < to; i++) {
    const p = starts[i] as number;
    for (let q = Math.max(0, p - at.lead); q <= p; q++) {
      re.lastIndex = q;
      if (re.test(text)) return true;
    }
  }
  return false;
}

const SNAP_LIMIT = 1024;
const NO_CUSTOMS = new Uint8Array(0);

/**
 * Runs one rule on text[ws, we). A window never starts or ends inside a run of non-space chars
 * (it moves out to the nearest white space, up to SNAP_LIMIT chars, over the `stretches` of
 * non-space chars in one jump), so a token is not cut in two; and it widens when a match still
 * touches a cut edge.
 */
function runWindow(
  r: Rule,
  text: string,
  ws0: number,
  we0: number,
  out: Candidate[],
  hits: readonly number[] | undefined,
  runs: readonly number[] | undefined,
  stretches: readonly number[] | undefined,
): void {
  let ws = ws0;
  let we = we0;
  const snapsBack = r.before === r.radius;
  // No match without the run, so none touches a cut either: the window is done. Snapping moves
  // the edges SNAP_LIMIT chars at most, so a window with no run that far out need not snap.
  const min = r.run?.min ?? 0;
  if (runs && !hasRunIn(runs, snapsBack ? ws - SNAP_LIMIT : ws, we + SNAP_LIMIT, min)) return;
  if (snapsBack) ws = snapBack(text, ws, SNAP_LIMIT, stretches);
  we = snapForward(text, we, SNAP_LIMIT, stretches);
  if (runs ? !hasRunIn(runs, ws, we, min) : r.run && !hasRun(text, ws, we, r.run)) return;
  // A token that is a whole run of its classes cannot lie in a longer run (a base64 blob).
  if (r.run?.max !== undefined) {
    const exact = r.run as Required<RequiredRun>;
    if (runs ? !hasExactRunIn(runs, ws, we, exact) : !hasExactRun(text, ws, we, exact)) return;
  }
  for (let attempt = 0; ; attempt++) {
    const slice = text.slice(ws, we);
    const matches =
      r.atHits && hits ? matchesAtHits(r.atHits, slice, ws, hits) : allMatches(r.re, slice);
    let touchesCut = false;
    for (const m of matches) {
      const end = m.index + m[0].length;
      if ((m.index === 0 && ws > 0) || (end === slice.length && we < text.length))
        touchesCut = true;
    }
    if (touchesCut && attempt < MAX_WIDENINGS) {
      const grow = r.radius * 4 ** (attempt + 1);
      ws = Math.max(0, ws - grow);
      we = Math.min(text.length, we + grow);
      continue;
    }
    for (const match of matches) accept(r, text, ws, match, out);
    return;
  }
}

function accept(r: Rule, text: string, offset: number, m: RegExpExecArray, out: Candidate[]): void {
  const secret = m[r.group];
  const span = m.indices?.[r.group];
  if (!secret || !span) return;
  const d = r.detector;
  const start = offset + span[0];
  const end = offset + span[1];
  if (d.minEntropy !== undefined && shannonEntropy(secret) < d.minEntropy) return;
  if (!d.allowRepetitive && isPlaceholderValue(secret)) return;
  if (isTruncatedAt(text, end)) return;
  if (
    d.validate &&
    !d.validate(secret, {
      text,
      matchStart: offset + m.index,
      matchEnd: offset + m.index + m[0].length,
      groups: m,
    })
  ) {
    return;
  }
  const partner = r.partner ? findPartner(r, text, start, end) : undefined;
  out.push({
    detector: d.id,
    name: d.name,
    family: d.family,
    category: d.category,
    severity: r.severity,
    priority: r.priority,
    order: r.order,
    start,
    end,
    secret,
    ...(partner ? { partner } : {}),
  });
}

/** Every non-empty match of a global regex in `slice`, left to right, as `exec` finds them. */
function allMatches(re: RegExp, slice: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    matches.push(m);
  }
  return matches;
}

/**
 * The same matches as allMatches, for a pattern whose matches begin at most `lead` chars before
 * a keyword hit: the sticky twin is tried only there (`hits`: sorted starts in the text, `ws`:
 * where the slice begins), in order, each search going on after the previous match.
 */
function matchesAtHits(
  at: { readonly sticky: RegExp; readonly lead: number },
  slice: string,
  ws: number,
  hits: readonly number[],
): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  const re = at.sticky;
  let from = 0; // where the global search would go on
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as number) < ws) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < hits.length; k++) {
    const p = (hits[k] as number) - ws;
    if (p >= slice.length) break;
    for (let q = Math.max(p - at.lead, from); q <= p; q++) {
      re.lastIndex = q;
      const m = re.exec(slice);
      if (m === null) continue;
      if (m[0].length === 0) {
        from = q + 1;
        continue;
      }
      matches.push(m);
      from = q + m[0].length;
      break;
    }
  }
  return matches;
}

/**
 * One finding per secret span: where candidates overlap, the higher priority wins (specific over
 * generic), then the longer span, then the detector listed first. Exact duplicates (the same
 * detector and span, from overlapping windows) collapse.
 */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length === 0) return;
    const ranked = [...cluster].sort(
      (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.order - b.order,
    );
    const chosen: Candidate[] = [];
    for (const c of ranked) {
      if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
    }
    chosen.sort((a, b) => a.start - b.start);
    kept.push(...chosen);
    cluster = [];
  };
  for (const c of candidates) {
    if (c.start >= clusterEnd) {
      flush();
      clusterEnd = c.end;
    } else clusterEnd = Math.max(clusterEnd, c.end);
    cluster.push(c);
  }
  flush();
  return kept;
}

/**
 * Adds candidates found in decoded text to the plain ones (both sorted, overlaps resolved). A
 * decoded candidate is dropped when a plain or earlier decoded one at an overlapping span holds
 * the same secret (the text showed it already), or when an overlapping plain one has a higher
 * priority (or, for percent-encoding, is the same detector's). Otherwise it replaces the plain
 * ones it overlaps: at equal priority the decoded
 * secret wins, as it is what the encoded span means (the PEM, not its base64 or JSON-escaped
 * form), so its fingerprint matches a plain copy elsewhere.
 */
function mergeDecoded(plain: Candidate[], decoded: Candidate[]): Candidate[] {
  if (decoded.length === 0) return plain;
  const dropped = new Set<Candidate>();
  const added: Candidate[] = [];
  const overlaps = (a: Candidate, b: Candidate): boolean => a.start < b.end && b.start < a.end;
  for (const d of decoded) {
    const over = plain.filter((p) => !dropped.has(p) && overlaps(p, d));
    if (over.some((p) => p.secret === d.secret || p.priority > d.priority)) continue;
    // Detectors that match URL-encoded values (SAS signatures, session cookies) take that form
    // as the secret; their findings keep the identity they have always had.
    if (d.encoding?.[0] === 'percent' && over.some((p) => p.detector === d.detector)) continue;
    if (added.some((a) => a.secret === d.secret && overlaps(a, d))) continue;
    for (const p of over) dropped.add(p);
    // The decoded text is one string value; its partner is beside it in the text around (a
    // key file's client_email next to its JSON-escaped private_key), where the plain match saw it.
    const partner = d.partner ?? over.find((p) => p.detector === d.detector && p.partner)?.partner;
    added.push(partner && !d.partner ? { ...d, partner } : d);
  }
  return [...plain.filter((p) => !dropped.has(p)), ...added].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}
