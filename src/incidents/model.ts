/**
 * Incidents, GitGuardian-style: one per (detector, secret fingerprint) per site; occurrences are
 * the places it appears, keyed by location + detector + fingerprint so rescanning the same
 * content never duplicates anything. Field names follow GitGuardian's public incident and
 * occurrence objects where they apply. Nothing here holds a raw secret: a keyed fingerprint
 * (`secret_hash`) and a masked preview only.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { UnitLocation } from '../content/issue-units.js';
import type { Severity } from '../engine/types.js';
import type { FailReason, Validity } from '../validity/types.js';

export type IncidentStatus = 'TRIGGERED' | 'ASSIGNED' | 'RESOLVED' | 'IGNORED';
export const IGNORE_REASONS = ['test_credential', 'false_positive', 'low_risk', 'invalid'] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];
export type OccurrenceKind = 'historical' | 'realtime';
export type Presence = 'present' | 'removed';

/** Where an occurrence is, without the browser URL (kept on the occurrence). */
export type OccurrenceLocation = Omit<UnitLocation, 'url'>;

export interface Incident {
  readonly id: string;
  readonly detector: {
    readonly name: string;
    readonly display_name: string;
    readonly family: string;
  };
  readonly secret_hash: string;
  /** Masked preview of the secret (never the secret). */
  readonly secret_preview: string;
  /**
   * The value the secret works with (an AWS key id, a Twilio account SID, a client id), when it
   * was found beside it: its kind and a masked preview, never the value.
   */
  readonly partner?: IncidentPartner;
  readonly severity: Severity;
  /**
   * GitGuardian's vocabulary: `not_checked` until a live check (opt-in) says `valid`, `invalid`
   * or `failed_to_check`; `no_checker` when no checker exists for the detector. Incidents written
   * before checks existed hold `unknown`: read as `not_checked` (see validityOf).
   */
  readonly validity: Validity;
  /** ISO time of the last check that sent the secret to its issuer. */
  readonly validity_checked_at?: string;
  /** Why the last check could not tell (failed_to_check only). */
  readonly validity_reason?: FailReason;
  /** The owner the issuer named, kept only when the admin enables it. */
  readonly validity_details?: string;
  readonly status: IncidentStatus;
  readonly assignee_id?: string;
  readonly ignore_reason?: IgnoreReason;
  /** True once a resolved incident was reopened by a new real-time occurrence. */
  readonly regression: boolean;
  /** `present` while any occurrence is present. */
  readonly presence: Presence;
  readonly occurrences_count: number;
  readonly present_count: number;
  /** Projects of its occurrences, for project pages and filters. */
  readonly project_keys: readonly string[];
  /**
   * Bookkeeping, never shown as it is: each project's own figures, so a project page shows its
   * places only and learns nothing of the other projects that hold the secret. Absent on incidents
   * written before it existed (their next write adds it).
   */
  readonly by_project?: Readonly<Record<string, ProjectFigures>>;
  readonly date: string;
  readonly last_seen: string;
  readonly updated_at: string;
  readonly resolved_at?: string;
  readonly status_changed_by?: string;
  /**
   * Bookkeeping, never shown or sent: stamps of the occurrence changes the counts include from
   * the last write (see recordScan), so a retried write does not count them twice.
   */
  readonly counted?: readonly string[];
}

/** One project's share of an incident. */
export interface ProjectFigures {
  readonly occurrences_count: number;
  readonly present_count: number;
  /** First seen and last seen in this project. */
  readonly date: string;
  readonly last_seen: string;
}

/** An incident as a project page sees it: that project's places only (see projectIncident). */
export type ProjectIncident = Incident & {
  /** Other projects hold the secret too (which ones is not said): only a Jira admin acts on it. */
  readonly shared_with_other_projects: boolean;
};

export interface IncidentPartner {
  /** The partner's detector id, or a kind name when no detector reports it alone. */
  readonly kind: string;
  readonly name: string;
  /** Masked, like `secret_preview`. */
  readonly preview: string;
}

export interface Match {
  readonly indice_start: number;
  readonly indice_end: number;
  readonly line: number;
  readonly column: number;
}

export interface StoredOccurrence {
  readonly id: string;
  readonly incident_id: string;
  readonly kind: OccurrenceKind;
  readonly presence: Presence;
  readonly url: string;
  readonly location: OccurrenceLocation;
  /** `issue:<id>` or `project:<key>`: what a rescan of one issue or project covers. */
  readonly scope: string;
  readonly matches: readonly Match[];
  readonly date: string;
  readonly last_seen: string;
  readonly removed_at?: string;
}

const hex = (s: string): string => bytesToHex(sha256(utf8ToBytes(s)));

/** A short stable name for one occurrence change (see recordScan). */
export const changeStamp = (change: string): string => hex(`change\0${change}`).slice(0, 16);

/** The incident's validity, `unknown` (stored before checks existed) read as `not_checked`. */
export function validityOf(i: Pick<Incident, 'validity'>): Validity {
  return (i.validity as string) === 'unknown' ? 'not_checked' : i.validity;
}

/** The incident as the UI, the CLI and reports show it: without the store's bookkeeping. */
export function publicIncident(i: Incident): Incident {
  const { counted: _c, by_project: _p, ...shown } = i;
  return { ...shown, validity: validityOf(i) };
}

/** What a check gives an incident (see src/validity). */
export interface ValidityUpdate {
  readonly validity: Validity;
  readonly checked_at?: string;
  readonly reason?: FailReason;
  readonly details?: string;
}

/**
 * The incident after a check: a valid secret is critical (it works now); one that stops being
 * valid goes back to its detector's severity. `not_checked` / `no_checker` (nothing was sent)
 * never replace an earlier check's answer, which keeps its own time.
 */
export function withValidity(i: Incident, v: ValidityUpdate, detectorSeverity: Severity): Incident {
  const now = validityOf(i);
  const sent = v.validity !== 'not_checked' && v.validity !== 'no_checker';
  if (!sent && now !== 'not_checked' && now !== 'no_checker') return i;
  const { validity_checked_at: _t, validity_reason: _r, validity_details: _d, ...rest } = i;
  const severity: Severity =
    v.validity === 'valid' ? 'critical' : now === 'valid' ? detectorSeverity : i.severity;
  return {
    ...rest,
    severity,
    validity: v.validity,
    ...(v.checked_at ? { validity_checked_at: v.checked_at } : {}),
    ...(v.reason ? { validity_reason: v.reason } : {}),
    ...(v.details ? { validity_details: v.details } : {}),
  };
}

/** True when a check would change what the incident says. */
export function validityChanged(i: Incident, next: Incident): boolean {
  return (
    i.validity !== next.validity ||
    i.validity_checked_at !== next.validity_checked_at ||
    i.validity_reason !== next.validity_reason ||
    i.validity_details !== next.validity_details ||
    i.severity !== next.severity
  );
}

/** A project's figures from its occurrences (the incident's when they are all in that project). */
export function figuresOf(occurrences: readonly StoredOccurrence[]): ProjectFigures | undefined {
  if (occurrences.length === 0) return undefined;
  let { date, last_seen } = occurrences[0] as StoredOccurrence;
  for (const o of occurrences) {
    if (o.date < date) date = o.date;
    if (o.last_seen > last_seen) last_seen = o.last_seen;
  }
  const present_count = occurrences.filter((o) => o.presence === 'present').length;
  return { occurrences_count: occurrences.length, present_count, date, last_seen };
}

/**
 * The incident as the page of `projectKey` shows it: that project's key, counts, presence and
 * dates only, so a secret pasted into a project cannot tell which other projects hold it, how
 * often or since when. Status, assignee and the rest are the incident's own (one per site).
 */
export function projectIncident(
  i: Incident,
  projectKey: string,
  figures: ProjectFigures,
): ProjectIncident {
  const shared = i.project_keys.some((k) => k !== projectKey);
  return {
    ...publicIncident(i),
    project_keys: [projectKey],
    occurrences_count: figures.occurrences_count,
    present_count: figures.present_count,
    presence: figures.present_count > 0 ? 'present' : 'removed',
    date: figures.date,
    last_seen: figures.last_seen,
    // The site-wide time would tell when another project's places changed.
    ...(shared ? { updated_at: figures.last_seen } : {}),
    shared_with_other_projects: shared,
  };
}

export function incidentId(detector: string, fingerprint: string): string {
  return hex(`incident\0${detector}\0${fingerprint}`).slice(0, 32);
}

/** One key per place: ids, not keys or names, so a renamed or moved issue keeps its occurrences. */
export function locationKey(l: OccurrenceLocation): string {
  return [
    l.projectKey,
    l.issueId ?? '',
    l.field,
    l.commentId ?? '',
    l.worklogId ?? '',
    l.attachmentId ?? '',
    l.historyId ?? '',
    l.historyField ?? '',
    l.historyValue ?? '',
    l.componentId ?? '',
    l.versionId ?? '',
  ].join('\u001f');
}

export function occurrenceId(l: OccurrenceLocation, detector: string, fingerprint: string): string {
  return hex(`occurrence\0${locationKey(l)}\0${detector}\0${fingerprint}`).slice(0, 32);
}

export function scopeOf(l: Pick<UnitLocation, 'issueId' | 'projectKey'>): string {
  return l.issueId !== undefined ? `issue:${l.issueId}` : `project:${l.projectKey}`;
}

export function withoutUrl(l: UnitLocation): OccurrenceLocation {
  const { url: _url, ...rest } = l;
  return rest;
}

// --- Status changes: pure, errors as values -------------------------------------------------

export type Action =
  | { readonly type: 'assign'; readonly assigneeId: string }
  | { readonly type: 'unassign' }
  | { readonly type: 'resolve' }
  | { readonly type: 'ignore'; readonly reason: string }
  | { readonly type: 'reopen' };

export type ActionResult =
  | { readonly ok: true; readonly incident: Incident }
  | { readonly ok: false; readonly error: string };

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/** Applies an admin's action; `by` is the acting account id (kept, never a name). */
export function applyAction(i: Incident, a: Action, by: string, now: string): ActionResult {
  const base = { updated_at: now, status_changed_by: by };
  const {
    assignee_id: _a,
    ignore_reason: _r,
    resolved_at: _t,
    ...rest
  } = i as Incident & Record<string, unknown>;
  switch (a.type) {
    case 'assign':
      if (!ACCOUNT_ID.test(a.assigneeId))
        return { ok: false, error: 'the assignee is not a Jira account id' };
      if (i.status === 'RESOLVED' || i.status === 'IGNORED')
        return { ok: false, error: `a ${i.status.toLowerCase()} incident must be reopened first` };
      return {
        ok: true,
        incident: { ...rest, ...base, status: 'ASSIGNED', assignee_id: a.assigneeId },
      };
    case 'unassign':
      if (i.status !== 'ASSIGNED') return { ok: false, error: 'the incident is not assigned' };
      return { ok: true, incident: { ...rest, ...base, status: 'TRIGGERED' } };
    case 'resolve':
      if (i.status === 'RESOLVED') return { ok: false, error: 'the incident is already resolved' };
      return {
        ok: true,
        incident: {
          ...rest,
          ...base,
          status: 'RESOLVED',
          resolved_at: now,
          ...(i.assignee_id ? { assignee_id: i.assignee_id } : {}),
        },
      };
    case 'ignore':
      if (!(IGNORE_REASONS as readonly string[]).includes(a.reason))
        return {
          ok: false,
          error: `the reason to ignore must be one of: ${IGNORE_REASONS.map((r) => r.replace('_', ' ')).join(', ')}`,
        };
      return {
        ok: true,
        incident: { ...rest, ...base, status: 'IGNORED', ignore_reason: a.reason as IgnoreReason },
      };
    case 'reopen':
      if (i.status !== 'RESOLVED' && i.status !== 'IGNORED')
        return { ok: false, error: 'only a resolved or ignored incident can be reopened' };
      return {
        ok: true,
        incident: i.assignee_id
          ? { ...rest, ...base, status: 'ASSIGNED', assignee_id: i.assignee_id }
          : { ...rest, ...base, status: 'TRIGGERED' },
      };
  }
}
