/**
 * Shapes shared by detectors, the engine and its callers.
 * @module
 */

/** What kind of credential a detector finds; drives severity and the incident `detector.family`. */
export type Category =
  'api_key' | 'token' | 'private_key' | 'connection_string' | 'credentials' | 'webhook' | 'generic';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Where a validator sees the candidate: the whole text and the match span, for context checks. */
export interface MatchContext {
  readonly text: string;
  /** UTF-16 offsets of the whole regex match in `text`. */
  readonly matchStart: number;
  readonly matchEnd: number;
  /** Capture groups of the match (index 0 is the whole match); undefined when a group did not take part. */
  readonly groups: readonly (string | undefined)[];
}

/** A positive example: the text, and optionally the exact secret the detector must report in it. */
export type PositiveExample = string | { readonly text: string; readonly secret: string };

export interface Detector {
  /** kebab-case, unique: `<provider>-<kind>`. */
  readonly id: string;
  /** Human name shown in the UI. */
  readonly name: string;
  /** Provider family: the file under src/detectors/ it lives in (`aws`, `github`, ...). */
  readonly family: string;
  readonly category: Category;
  /** Lower-case literals; the pattern only runs on windows around a hit of one of them. */
  readonly keywords: readonly string[];
  /** RE2 syntax (a subset that V8 runs with the same meaning); compiled without the `u` flag in V8. */
  readonly pattern: string;
  /** Case-insensitive pattern. Default: false. */
  readonly ignoreCase?: boolean;
  /** Capture group holding the secret. Default: 1 when the pattern has a group, else 0. */
  readonly secretGroup?: number;
  /** Minimum Shannon entropy (bits per char) of the secret. Default: none. */
  readonly minEntropy?: number;
  /** Offline check of the candidate (checksum, structure, decode). False means: not a finding. */
  readonly validate?: (secret: string, ctx: MatchContext) => boolean;
  /** Default: true. Generic detectors are off by default. */
  readonly enabledByDefault?: boolean;
  /** Default: from the category (see severity.ts). */
  readonly severity?: Severity;
  /** Chars searched on each side of a keyword hit. Default: 256. Raise it for long secrets. */
  readonly window?: number;
  /** On overlapping findings the higher priority wins. Default: 0; generic detectors are lower. */
  readonly priority?: number;
  /** Skip the global placeholder filter (for formats whose secrets are legitimately repetitive). */
  readonly allowRepetitive?: boolean;
  /**
   * A credential that only works with a partner value (a key id, an account SID, a client id):
   * where to find the partner, so the finding names it. When the partner is itself a detector's
   * finding at that place, the pair is one finding, on the secret.
   */
  readonly partner?: PartnerSpec;
  /** Written for this project: every positive is found, every negative is not. */
  readonly examples: {
    readonly positives: readonly PositiveExample[];
    readonly negatives: readonly string[];
  };
}

export interface PartnerSpec {
  /** The partner's detector id, or a kind name when no detector reports it alone. */
  readonly kind: string;
  /** Human name of the partner (`AWS access key ID`). */
  readonly name: string;
  /** RE2 syntax, bounded; group 1 (or the whole match without groups) is the partner value. */
  readonly pattern: string;
  readonly ignoreCase?: boolean;
  /** Chars searched on each side of the secret; the nearest match wins. */
  readonly within: number;
}

/** The partner a finding names: its kind and a masked preview, never the value. */
export interface FindingPartner {
  readonly kind: string;
  readonly name: string;
  readonly redacted: string;
}

/** How a finding's text was encoded where it was found (outermost first when nested). */
export type Encoding =
  'base64' | 'json-escape' | 'percent' | 'html-entity' | 'line-prefix' | 'string-concat';

/** One finding. Never carries the raw secret: only offsets, a masked preview and a keyed fingerprint. */
export interface Finding {
  readonly detector: string;
  readonly name: string;
  readonly family: string;
  readonly category: Category;
  readonly severity: Severity;
  /** UTF-16 offsets of the secret in the scanned text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column (column in UTF-16 code units, as SARIF's default). */
  readonly line: number;
  readonly column: number;
  readonly redacted: string;
  /** Hex HMAC-SHA256 of the secret under the caller's key. */
  readonly fingerprint: string;
  /**
   * Set when the secret was found in decoded text: `start`/`end`/`line`/`column` are then the
   * encoded span of the original text, and `redacted`/`fingerprint` are of the decoded secret (so
   * a plain and an encoded copy are one incident).
   */
  readonly encoding?: readonly Encoding[];
  /** The partner the secret works with, when the detector has one and it was found nearby. */
  readonly partner?: FindingPartner;
}

/** Why a scan did less than everything; recorded, never silent. */
export interface ScanSkip {
  readonly detector: string;
  readonly reason: string;
  /** `over-budget`: a custom detector left out for time; a longer run may do it. */
  readonly code?: 'over-budget';
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  readonly skips: readonly ScanSkip[];
}
