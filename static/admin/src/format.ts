/** Words and dates the views share. */
import type { IgnoreReason, IncidentStatus, JobStatus, Presence, Severity } from './types';

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  TRIGGERED: 'Triggered',
  ASSIGNED: 'Assigned',
  RESOLVED: 'Resolved',
  IGNORED: 'Ignored',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const PRESENCE_LABELS: Record<Presence, string> = {
  present: 'Present',
  removed: 'Removed',
};

/** Every reason the backend accepts (a test checks the two lists are the same). */
export const IGNORE_REASON_LABELS: Record<IgnoreReason, string> = {
  test_credential: 'Test credential',
  false_positive: 'False positive',
  low_risk: 'Low risk',
  invalid: 'Invalid (revoked or not a secret any more)',
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Finished',
  failed: 'Failed',
};

export const keysOf = <K extends string>(o: Record<K, unknown>): K[] => Object.keys(o) as K[];

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(t);
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The day only: for table cells, where the time would make dates wrap in narrow frames. */
export function formatDay(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : day.format(t);
}

export function formatCount(n: number): string {
  return n.toLocaleString();
}

/** Only web links are rendered as links (the URL comes from the app, but a page never trusts). */
export function safeUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
