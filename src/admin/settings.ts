/**
 * The app's settings, as a Jira admin sets them on the admin page: which projects are monitored
 * (all by default), which detectors run (generic ones off by default), custom detectors, the Jira
 * group that may see incidents, and the incident API address (its token lives in the secret
 * store, never here). Every change is validated; errors come back as values.
 * @module
 */
import { z } from 'zod';
import { DETECTORS } from '../detectors/index.js';
import { compileCustomDetector, type CustomDetector } from '../engine/custom-detector.js';
import { createScanner, type Scanner, type ScannerOptions } from '../engine/scan.js';
import type { FingerprintKey } from '../engine/fingerprint.js';
import { CHECKERS } from '../validity/index.js';
import { FIELD_WORDS, zodMessage } from './field-words.js';
import type { DocumentStore } from './ports.js';

export interface Settings {
  readonly version: 1;
  /** Projects left out of the perimeter; every other project is monitored. */
  readonly excludedProjects: readonly string[];
  /** Detector ids switched against their default (on for generic ones, off for others). */
  readonly detectorOverrides: readonly string[];
  readonly customDetectors: readonly { readonly name: string; readonly pattern: string }[];
  /**
   * Members of this Jira group may see incidents of the projects they may browse (besides Jira
   * and project admins). Kept by id: a group can be renamed and its old name given to another.
   */
  readonly teamGroupId: string | null;
  /**
   * The group name an older version saved instead of an id. It grants nothing (the name may now
   * be another group's): it is only shown, so an admin chooses the group again.
   */
  readonly legacyTeamGroupName?: string;
  /** Where incidents are forwarded; null: not forwarded. */
  readonly incidentApiUrl: string | null;
  /** Live validity checks (issue 12): off by default, as each one sends a secret to its issuer. */
  readonly validityChecks: ValidityChecks;
  /**
   * Email the people involved (the reporter, the author of the comment or worklog) through
   * Jira: on a new real-time incident, and with the Notify action. Off by default (absent: off).
   */
  readonly notifyPeople?: boolean;
}

export interface ValidityChecks {
  /** Off: no secret ever leaves the app (no egress to any checker host). */
  readonly enabled: boolean;
  /** Per-provider switches against the default (every provider with a checker is on). */
  readonly providers: Readonly<Record<string, boolean>>;
  /** Keep the owner the issuer names for a valid secret (`validity_details`). */
  readonly keepIdentity: boolean;
}

export const DEFAULT_VALIDITY_CHECKS: ValidityChecks = {
  enabled: false,
  providers: {},
  keepIdentity: false,
};

export function isProviderChecked(settings: Settings, provider: string): boolean {
  return settings.validityChecks.enabled && settings.validityChecks.providers[provider] !== false;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  excludedProjects: [],
  detectorOverrides: [],
  customDetectors: [],
  teamGroupId: null,
  incidentApiUrl: null,
  validityChecks: DEFAULT_VALIDITY_CHECKS,
};

export const SETTINGS_KEY = 'settings';

/** Settings as older versions stored them: the team group by name. */
type StoredSettings = Omit<Settings, 'teamGroupId' | 'validityChecks'> & {
  /** Absent in settings saved before validity checks existed: off. */
  readonly validityChecks?: ValidityChecks;
  readonly teamGroupId?: string | null;
  readonly teamGroup?: string | null;
};

export async function loadSettings(docs: DocumentStore): Promise<Settings> {
  const stored = await docs.get<StoredSettings>(SETTINGS_KEY);
  if (!stored) return DEFAULT_SETTINGS;
  const { teamGroup, teamGroupId, validityChecks, ...rest } = stored;
  // A name is not resolved to an id here: it may now name another group than the one chosen.
  return {
    ...rest,
    validityChecks: validityChecks ?? DEFAULT_VALIDITY_CHECKS,
    teamGroupId: teamGroupId ?? null,
    ...(teamGroup && teamGroupId == null ? { legacyTeamGroupName: teamGroup } : {}),
  };
}

export function isMonitored(settings: Settings, projectKey: string): boolean {
  return !settings.excludedProjects.includes(projectKey);
}

const KNOWN = new Set(DETECTORS.map((d) => d.id));

export function isDetectorEnabled(settings: Settings, id: string): boolean {
  const d = DETECTORS.find((x) => x.id === id);
  if (!d) return false;
  const byDefault = d.enabledByDefault !== false;
  return settings.detectorOverrides.includes(id) ? !byDefault : byDefault;
}

/** The custom detectors these settings run (already validated when saved). */
export function customDetectorsOf(settings: Settings): CustomDetector[] {
  return settings.customDetectors.flatMap((c): CustomDetector[] => {
    const r = compileCustomDetector(c);
    return r.ok ? [r.detector] : [];
  });
}

/**
 * The last scanner built without custom detectors, and what it was built for. Building one compiles
 * every detector and the keyword automaton, most of the CPU of a trigger that scans one field; a
 * warm container (and the local runtime) reuses it while the settings and the key stay the same.
 * With custom detectors each run gets its own, bound to that run's work pool.
 */
let reusable: { overrides: string; key: FingerprintKey; scanner: Scanner } | undefined;

/** The scanner these settings ask for; `customWork`: what custom detectors may spend in this run. */
export function scannerFor(
  settings: Settings,
  fingerprintKey: FingerprintKey,
  customWork?: ScannerOptions['customWork'],
): Scanner {
  const customDetectors = customDetectorsOf(settings);
  const overrides = [...settings.detectorOverrides].sort().join('\n');
  if (
    customDetectors.length === 0 &&
    reusable?.overrides === overrides &&
    reusable.key === fingerprintKey
  ) {
    return reusable.scanner;
  }
  const scanner = createScanner({
    detectors: DETECTORS,
    customDetectors,
    fingerprintKey,
    isEnabled: (d) => isDetectorEnabled(settings, d.id),
    ...(customWork ? { customWork } : {}),
  });
  if (customDetectors.length === 0) reusable = { overrides, key: fingerprintKey, scanner };
  return scanner;
}

const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'not a Jira project key');

/** An https URL (http only on loopback, for a local incident API); the problem, said after the field's name. */
export function checkApiUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a web address (such as https://api.gitguardian.com)';
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return 'must be an https address (starting with https://)';
  if (url.username || url.password)
    return 'must not hold a user name or password (set the token instead)';
  return undefined;
}

export const SettingsPatch = z
  .object({
    excludedProjects: z.array(projectKey).max(5000),
    /** Set one detector on or off. */
    detector: z.object({ id: z.string(), enabled: z.boolean() }),
    /** Set several at once (a whole family): all applied, or none when one id is unknown. */
    detectors: z
      .array(z.object({ id: z.string(), enabled: z.boolean() }).strict())
      .min(1)
      .max(DETECTORS.length),
    customDetectors: z
      .array(z.object({ name: z.string().min(1).max(80), pattern: z.string().min(1).max(1000) }))
      .max(50),
    /** A Jira group id (`groupId`), as the group picker gives it. */
    teamGroupId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a group id')
      .nullable(),
    incidentApiUrl: z.string().max(2048).nullable(),
    notifyPeople: z.boolean(),
    validityChecks: z
      .object({
        enabled: z.boolean(),
        /** Switch one provider's checks on or off. */
        provider: z.object({ id: z.string(), enabled: z.boolean() }).strict(),
        keepIdentity: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Applies a validated change; every problem is reported, nothing half-applied. */
export function applySettingsPatch(settings: Settings, raw: unknown): Checked<Settings> {
  const parsed = SettingsPatch.safeParse(raw);
  if (!parsed.success) return { ok: false, error: zodMessage(parsed.error) };
  const p = parsed.data;
  let next: Settings = settings;
  if (p.excludedProjects)
    next = { ...next, excludedProjects: [...new Set(p.excludedProjects)].sort() };
  for (const { id, enabled } of [...(p.detector ? [p.detector] : []), ...(p.detectors ?? [])]) {
    if (!KNOWN.has(id)) return { ok: false, error: `unknown detector ${JSON.stringify(id)}` };
    const byDefault = DETECTORS.find((d) => d.id === id)?.enabledByDefault !== false;
    const others = next.detectorOverrides.filter((x) => x !== id);
    next = { ...next, detectorOverrides: enabled === byDefault ? others : [...others, id].sort() };
  }
  if (p.customDetectors) {
    // Unique by id, not by name: incidents are keyed by the id, and two names can give one id.
    const byId = new Map<string, string>();
    for (const c of p.customDetectors) {
      const r = compileCustomDetector(c);
      if (!r.ok)
        return { ok: false, error: `custom detector ${JSON.stringify(c.name)}: ${r.error}` };
      const first = byId.get(r.detector.id);
      if (first !== undefined)
        return {
          ok: false,
          error: `custom detectors ${JSON.stringify(first)} and ${JSON.stringify(c.name)} have names that differ only in case, spaces or punctuation: rename one of them`,
        };
      byId.set(r.detector.id, c.name);
    }
    next = { ...next, customDetectors: p.customDetectors };
  }
  if (p.teamGroupId !== undefined) {
    // Choosing a group (or none) replaces any name an older version kept.
    const { legacyTeamGroupName: _old, ...rest } = next;
    next = { ...rest, teamGroupId: p.teamGroupId };
  }
  if (p.incidentApiUrl !== undefined) {
    const url = p.incidentApiUrl?.trim() || null;
    const problem = url ? checkApiUrl(url) : undefined;
    if (problem) return { ok: false, error: `${FIELD_WORDS.incidentApiUrl} ${problem}` };
    next = { ...next, incidentApiUrl: url };
  }
  if (p.notifyPeople !== undefined) next = { ...next, notifyPeople: p.notifyPeople };
  if (p.validityChecks) {
    const { enabled, provider, keepIdentity } = p.validityChecks;
    let v = next.validityChecks;
    if (enabled !== undefined) v = { ...v, enabled };
    if (keepIdentity !== undefined) v = { ...v, keepIdentity };
    if (provider) {
      if (!CHECKERS.some((c) => c.provider === provider.id))
        return { ok: false, error: `no validity checker for ${JSON.stringify(provider.id)}` };
      // Only a switch-off is kept: on is the default.
      const { [provider.id]: _old, ...others } = v.providers;
      v = { ...v, providers: provider.enabled ? others : { ...others, [provider.id]: false } };
    }
    next = { ...next, validityChecks: v };
  }
  return { ok: true, value: next };
}

export async function saveSettings(docs: DocumentStore, settings: Settings): Promise<void> {
  await docs.set(SETTINGS_KEY, settings);
}
