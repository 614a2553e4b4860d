/**
 * Remediation guidance: how to revoke or rotate a family's secrets, with the provider's own
 * documentation. A family file records its guidance with one `guidance()` call, below its
 * `family()` call, citing the page it was written from; `remediationFor` (remediation.ts) reads it.
 * @module
 */

/** What to do about a leaked secret of one family. */
export interface Remediation {
  /** A few concrete sentences: where to revoke or rotate it, and what to do after. */
  readonly steps: string;
  /** The provider's documentation of it (https; researched, never guessed). */
  readonly url: string;
}

const RECORDED = new Map<string, Remediation>();

/** Records a family's guidance (once per family: a second call is a mistake in the catalogue). */
export function guidance(familyName: string, r: Remediation): Remediation {
  if (RECORDED.has(familyName)) throw new Error(`guidance for ${familyName} is recorded twice`);
  RECORDED.set(familyName, r);
  return r;
}

/** The guidance a family file recorded, if any. */
export function recordedGuidance(familyName: string): Remediation | undefined {
  return RECORDED.get(familyName);
}
