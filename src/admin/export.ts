/**
 * Incidents as a file an admin can take elsewhere (a spreadsheet, a ticket): CSV or JSON, with the
 * fields the table shows. Built from incidents as the page may see them, so a file holds masked
 * previews and keyed fingerprints only, and a project page's file only that project's share.
 * @module
 */
import type { Incident } from '../incidents/model.js';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Incidents per file: what one resolver call can read and answer within its limits. */
export const EXPORT_LIMIT = 5000;

/** The columns of a CSV file, in order, and the value each takes from an incident. */
const COLUMNS: readonly (readonly [
  string,
  (i: Incident & { shared_with_other_projects?: boolean }) => string | number | boolean | undefined,
])[] = [
  ['id', (i) => i.id],
  ['detector', (i) => i.detector.name],
  ['detector_name', (i) => i.detector.display_name],
  ['family', (i) => i.detector.family],
  ['secret_preview', (i) => i.secret_preview],
  ['secret_hash', (i) => i.secret_hash],
  ['severity', (i) => i.severity],
  ['validity', (i) => i.validity],
  ['status', (i) => i.status],
  ['ignore_reason', (i) => i.ignore_reason],
  ['assignee_id', (i) => i.assignee_id],
  ['presence', (i) => i.presence],
  ['occurrences_count', (i) => i.occurrences_count],
  ['present_count', (i) => i.present_count],
  ['project_keys', (i) => i.project_keys.join(' ')],
  ['first_seen', (i) => i.date],
  ['last_seen', (i) => i.last_seen],
  ['regression', (i) => i.regression],
  ['shared_with_other_projects', (i) => i.shared_with_other_projects],
];

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would read as a formula (`=`, `+`, `-`,
 * `@`, tab, CR) gets a leading `'`: a preview or a detector name must not run as one.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(incidents: readonly Incident[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const i of incidents) lines.push(COLUMNS.map(([, get]) => csvCell(get(i))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export interface ExportedFile {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: string;
  readonly count: number;
}

/** The file for `incidents` as the page sees them; `now` names it, `projectKey` too. */
export function exportFile(
  incidents: readonly Incident[],
  format: ExportFormat,
  now: string,
  projectKey?: string,
): ExportedFile {
  const stamp = now.slice(0, 19).replace(/[:T]/g, '-');
  const base = `secret-scanner-incidents${projectKey ? `-${projectKey}` : ''}-${stamp}`;
  return format === 'csv'
    ? {
        filename: `${base}.csv`,
        mimeType: 'text/csv',
        content: toCsv(incidents),
        count: incidents.length,
      }
    : {
        filename: `${base}.json`,
        mimeType: 'application/json',
        content: `${JSON.stringify({ exported_at: now, incidents }, null, 2)}\n`,
        count: incidents.length,
      };
}
