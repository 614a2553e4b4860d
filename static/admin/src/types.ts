/**
 * What the resolvers answer, as the UI reads it. The shapes come from the backend's own types
 * (type-only imports: nothing of the backend is bundled), so a change there fails the UI's
 * typecheck instead of a page in production.
 */
import type { ErrorCode } from '../../../src/admin/resolvers.js';
import type { Settings, SettingsPatch } from '../../../src/admin/settings.js';
import type { Category, Severity } from '../../../src/engine/types.js';
import type { ApiFailureKind } from '../../../src/incidents/incident-api.js';
import type { JiraGroup } from '../../../src/jira/client.js';
import type { JiraUser } from '../../../src/jira/users.js';
import type {
  IgnoreReason,
  Incident as SiteIncident,
  IncidentStatus,
  Presence,
  StoredOccurrence,
} from '../../../src/incidents/model.js';
import type { IncidentFilter, IncidentSort, Page, Total } from '../../../src/incidents/store.js';
import type { MaskedSummary, PlaceNamesJson } from '../../../src/admin/places.js';
import type { RealtimeSkip } from '../../../src/admin/events.js';
import type { IncidentGuidance } from '../../../src/admin/guidance.js';
import type { NotificationRecord, NotifyOutcome } from '../../../src/admin/notify.js';
import type { ExportedFile } from '../../../src/admin/export.js';
import type { overviewOf } from '../../../src/admin/overview.js';
import type { Coverage } from '../../../src/admin/coverage.js';
import type { HistoricalJob, JobStatus } from '../../../src/scan/historical.js';

export type {
  Coverage,
  ErrorCode,
  HistoricalJob,
  RealtimeSkip,
  IgnoreReason,
  IncidentFilter,
  IncidentSort,
  IncidentStatus,
  JiraGroup,
  MaskedSummary,
  PlaceNamesJson,
  JiraUser,
  JobStatus,
  Page,
  Presence,
  Settings,
  SettingsPatch,
  Severity,
  Total,
};

/**
 * An incident as either page receives it: a project page's says whether other projects hold the
 * secret too (it is then handled from the admin page only), never which.
 */
export type Incident = SiteIncident & { readonly shared_with_other_projects?: boolean };

/** Settings as the admin page sees them: the token itself never leaves the secret store. */
export type PublicSettings = Settings & {
  readonly incidentApiTokenSet: boolean;
  /** Stored custom detectors that no longer compile (a limit came after them): not run. */
  readonly customDetectorErrors?: readonly { readonly index: number; readonly error: string }[];
  /** The team group's name as Jira has it now; null without a group or when it no longer exists. */
  readonly teamGroupName: string | null;
  /** Each validity checker: the host that receives the secrets of its detectors, and why. */
  readonly validityCheckers?: readonly ValidityCheckerInfo[];
};

export interface ValidityCheckerInfo {
  readonly provider: string;
  readonly name: string;
  readonly host: string;
  readonly why: string;
  readonly docs: readonly string[];
  readonly detectors: readonly string[];
  /** Checks are on and this provider is not switched off. */
  readonly enabled: boolean;
}

export interface Overview {
  readonly settings: PublicSettings;
  readonly jobs: readonly HistoricalJob[];
  readonly pendingDeliveries: number;
}

export interface Project {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly monitored: boolean;
}

export interface DetectorInfo {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly category: Category;
  /** Generic detectors (password-like text without a known format) are off by default. */
  readonly generic: boolean;
  readonly enabled: boolean;
}

/** A detector the incidents' filter offers (built-in or custom), without its pattern. */
export interface DetectorChoice {
  readonly id: string;
  readonly name: string;
  readonly family: string;
}

/** An occurrence as `getIncident` sends it (its storage scope and incident id left out). */
export type Occurrence = Omit<StoredOccurrence, 'scope' | 'incident_id'>;

export interface IncidentDetail {
  readonly incident: Incident;
  /** The first page of places (or the page after `cursor`). */
  readonly occurrences: readonly Occurrence[];
  /** Field, component and version names of these places (people are asked for apart). */
  readonly names?: PlaceNamesJson;
  /** Present when more places follow: ask `getIncident` again with it. */
  readonly cursor?: string;
  /** What to do about the secret (with the first page only). */
  readonly guidance?: IncidentGuidance;
  /** Who was notified of it, and when (with the first page only). */
  readonly notifications?: readonly NotificationRecord[];
  /** Whether an admin turned notifications on (the Notify action). */
  readonly notifications_enabled?: boolean;
}

export type { IncidentGuidance, NotificationRecord, NotifyOutcome };

/** What the Notify action answers: what it sent and skipped, and every record since. */
export type NotifyAnswer = NotifyOutcome & {
  readonly notifications: readonly NotificationRecord[];
};

export type IncidentAction =
  | { readonly type: 'assign'; readonly assigneeId: string }
  | { readonly type: 'unassign' }
  | { readonly type: 'resolve' }
  | { readonly type: 'ignore'; readonly reason: IgnoreReason }
  | { readonly type: 'reopen' };

/** A page of the list; the first page also holds the total of its filters. */
export type IncidentPage = Page<Incident> & { readonly total?: Total };

/** One row's answer to a bulk action: the changed incident, or why it was refused. */
export type BulkRowResult =
  | { readonly id: string; readonly ok: true; readonly incident: Incident }
  | {
      readonly id: string;
      readonly ok: false;
      readonly error: { readonly code: ErrorCode; readonly message: string };
    };

export interface IncidentQuery {
  readonly filter?: IncidentFilter;
  readonly limit?: number;
  readonly cursor?: string;
}

export type ConnectionTest =
  | { readonly reachable: true }
  | { readonly reachable: false; readonly kind: ApiFailureKind; readonly message: string };

export interface DetectorMatch {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** Masked by the server, like every preview. */
  readonly preview: string;
}

/** A match of the pattern that scanning drops, and which filter dropped it (in words). */
export interface DroppedMatch {
  readonly start: number;
  readonly end: number;
  /** Masked by the server. */
  readonly preview: string;
  readonly filter: 'placeholder' | 'overlap';
  readonly reason: string;
}

export type DetectorTest =
  | { readonly valid: false; readonly error: string }
  | {
      readonly valid: true;
      readonly matches: readonly DetectorMatch[];
      /** Absent from servers older than the field. */
      readonly dropped?: readonly DroppedMatch[];
    };

export interface ScanRequest {
  readonly projects?: readonly string[];
  readonly since?: string;
}

/** What `incidentOverview` answers; its oldest open incidents as the page may see them. */
export type IncidentOverview = Omit<Awaited<ReturnType<typeof overviewOf>>, 'oldest'> & {
  readonly oldest: readonly Incident[];
};

/** What `exportIncidents` answers: the file, and whether the filter selected more than it holds. */
export type IncidentExport = ExportedFile & { readonly truncated: boolean };
