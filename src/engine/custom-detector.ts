/**
 * Custom detectors: a name and an RE2 pattern, as a Jira admin types them. They run on re2js (pure
 * JS RE2: linear time whatever the pattern or text, and it bundles into a Forge function with no
 * .wasm file to ship), over bounded chunks, so neither a hostile pattern nor a hostile text can
 * stall a scan.
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
  readonly re: RE2JS;
}

export type CompileResult =
  | { readonly ok: true; readonly detector: CustomDetector }
  | { readonly ok: false; readonly error: string };

export const CUSTOM_LIMITS = {
  nameLength: 80,
  patternLength: 1000,
  /** Chars one re2js call sees; a custom match longer than `overlap` may be cut. */
  chunk: 8192,
  overlap: 512,
  keywords: 20,
} as const;

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
  return {
    ok: true,
    detector: {
      id: `custom-${slug(name)}`,
      name,
      keywords,
      group: re.groupCount() >= 1 ? 1 : 0,
      re,
    },
  };
}

export interface CustomMatch {
  readonly start: number;
  readonly end: number;
}

/** All matches of a custom detector in `text`, chunk by chunk; offsets are UTF-16 indices. */
export function runCustomDetector(d: CustomDetector, text: string): CustomMatch[] {
  const out: CustomMatch[] = [];
  const { chunk, overlap } = CUSTOM_LIMITS;
  let lastEnd = 0;
  for (let base = 0; base < text.length; base += chunk) {
    const piece = text.slice(base, base + chunk + overlap);
    const m = d.re.matcher(piece);
    while (m.find()) {
      const ms = m.start();
      if (ms >= chunk) break; // the next chunk owns it
      const start = base + m.start(d.group);
      const end = base + m.end(d.group);
      if (m.start(d.group) < 0 || end <= start || start < lastEnd) continue;
      out.push({ start, end });
      lastEnd = end;
    }
  }
  return out;
}
