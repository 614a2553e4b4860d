/**
 * Custom detectors: a name and an RE2 pattern, as a Jira admin types them. They run on re2js (pure
 * JS RE2, and it bundles into a Forge function with no .wasm file to ship) over the whole text, so
 * `^` and `$` mean what RE2 says. RE2 is linear in the text but its time per character grows with
 * the compiled program (a pattern such as `(?:\p{L}?){999}\d` costs about 60 µs a character), so
 * the program size is bounded when the detector is saved, and each run is priced as text length x
 * program size (`customWork`) for the scanner's budgets: neither a hostile pattern nor a hostile
 * text can stall a scan.
 * @module
 */
import { RE2JS } from 're2js';

export interface CustomDetectorInput {
  readonly name: string;
  readonly pattern: string;
  /** Optional lower-case keywords: when given, the pattern runs only on texts containing one. */
  readonly keywords?: readonly string[];
  readonly ignoreCase?: boolean;
}

export interface CustomDetector {
  readonly id: string;
  readonly name: string;
  readonly keywords: readonly string[];
  /** Capture group of the secret: 1 when the pattern has a group, else the whole match. */
  readonly group: number;
  /** Instructions of the compiled program: what one character of text costs, at most. */
  readonly programSize: number;
  readonly re: RE2JS;
}

export type CompileResult =
  | { readonly ok: true; readonly detector: CustomDetector }
  | { readonly ok: false; readonly error: string };

export const CUSTOM_LIMITS = {
  nameLength: 80,
  patternLength: 1000,
  /**
   * Instructions of the compiled program. A token pattern needs a few hundred (`[A-Z0-9]{40}` is
   * 42); only large counted repetitions go beyond, and they are what makes RE2 slow per character.
   */
  programSize: 1000,
  keywords: 20,
} as const;

/**
 * Fixed matcher cost per character, in instructions: measured on re2js, a tiny program still
 * costs about as much per character as a 16-instruction one.
 */
const PER_CHAR_OVERHEAD = 16;

/**
 * Work units one run of `d` over `length` characters may take: RE2's bound on its steps
 * (characters x program instructions). Measured 2026-12-06 on the project machine: about 30 ns a
 * unit for `(?:\p{L}?){999}\d` (the worst we know); most patterns run far faster than the bound.
 */
export function customWork(d: Pick<CustomDetector, 'programSize'>, length: number): number {
  return length * (d.programSize + PER_CHAR_OVERHEAD);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** Compiles an admin-written detector; every problem comes back as an error value, never thrown. */
export function compileCustomDetector(input: CustomDetectorInput): CompileResult {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) return { ok: false, error: 'name is required' };
  if (name.length > CUSTOM_LIMITS.nameLength)
    return { ok: false, error: `name is longer than ${CUSTOM_LIMITS.nameLength} characters` };
  if (!slug(name)) return { ok: false, error: 'name needs at least one letter or digit' };
  if (typeof input.pattern !== 'string' || input.pattern.length === 0)
    return { ok: false, error: 'pattern is required' };
  if (input.pattern.length > CUSTOM_LIMITS.patternLength)
    return { ok: false, error: `pattern is longer than ${CUSTOM_LIMITS.patternLength} characters` };
  const keywords = (input.keywords ?? []).map((k) => k.trim().toLowerCase()).filter(Boolean);
  if (keywords.length > CUSTOM_LIMITS.keywords)
    return { ok: false, error: `at most ${CUSTOM_LIMITS.keywords} keywords` };
  if (keywords.some((k) => !/^[\x20-\x7e]{2,64}$/.test(k)))
    return { ok: false, error: 'keywords must be 2 to 64 printable ASCII characters' };
  let re: RE2JS;
  try {
    re = RE2JS.compile(input.pattern, input.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    // re2js messages quote the offending fragment of the admin's own pattern, never scanned text.
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `not a valid RE2 pattern: ${msg}` };
  }
  if (re.matches('')) return { ok: false, error: 'pattern matches the empty string' };
  const programSize = re.programSize();
  if (programSize > CUSTOM_LIMITS.programSize)
    return {
      ok: false,
      error:
        `pattern compiles to ${programSize} instructions, over the limit of ${CUSTOM_LIMITS.programSize} ` +
        '(it would make every scan slow): use smaller {m,n} counts, or + and * instead',
    };
  return {
    ok: true,
    detector: {
      id: `custom-${slug(name)}`,
      name,
      keywords,
      group: re.groupCount() >= 1 ? 1 : 0,
      programSize,
      re,
    },
  };
}

export interface CustomMatch {
  readonly start: number;
  readonly end: number;
}

/**
 * All matches of a custom detector in `text`, offsets in UTF-16 indices. One matcher over the
 * whole text: anchors and matches are never cut by chunk edges.
 */
export function runCustomDetector(d: CustomDetector, text: string): CustomMatch[] {
  const out: CustomMatch[] = [];
  const m = d.re.matcher(text);
  let lastEnd = 0;
  while (m.find()) {
    const start = m.start(d.group);
    const end = m.end(d.group);
    // An optional group that did not take part, an empty one, or one inside the previous match.
    if (start < 0 || end <= start || start < lastEnd) continue;
    out.push({ start, end });
    lastEnd = end;
  }
  return out;
}
