/**
 * Remediation guidance by family, for the incident view, the CLI, the resolvers and notifications.
 * Importing the catalogue first makes every family file record its guidance.
 * @module
 */
import { DETECTORS } from './index.js';
import { recordedGuidance, type Remediation } from './guidance.js';

export type { Remediation } from './guidance.js';

/** Said of an incident whose only present places are old values in the issue history. */
export const HISTORY_ONLY_NOTE = 'still visible in the issue history; Jira keeps old values';

// The catalogue's families, loaded before anyone asks (the import above runs every family file).
const FAMILIES = new Set(DETECTORS.map((d) => d.family));

/**
 * The guidance for a family. Custom detectors (family `custom`) and any family without its own get
 * the generic family's, which says what to do for any credential.
 */
export function remediationFor(familyName: string): Remediation | undefined {
  return (
    recordedGuidance(familyName) ??
    (FAMILIES.has(familyName) ? undefined : recordedGuidance('generic'))
  );
}

/** The catalogue's families that have recorded no guidance (the catalogue test wants none). */
export function familiesWithoutGuidance(): string[] {
  return [...FAMILIES].filter((f) => recordedGuidance(f) === undefined).sort();
}
