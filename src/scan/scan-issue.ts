/**
 * Use case: scan one issue, everything in it (fields, comments, worklogs, text history, text
 * attachments), and return located occurrences. Pages comments and worklogs only when the copies
 * embedded in the issue are truncated, so an ordinary issue costs no extra request for them.
 * @module
 */
import {
  ATTACHMENT_CAP,
  attachmentUnit,
  isTextAttachment,
  isTextField,
  issueUnits,
  type FieldMeta,
  type ScanUnit,
  type UnitLocation,
  type UnitSkip,
} from '../content/issue-units.js';
import type { Scanner } from '../engine/scan.js';
import type { JiraClient } from '../jira/client.js';
import { isTruncated } from '../jira/client.js';

/** One place a secret occurs. Never the secret itself. */
export interface Occurrence {
  readonly detector: string;
  readonly fingerprint: string;
  readonly redacted: string;
  readonly severity: string;
  readonly location: UnitLocation;
  /** UTF-16 offsets in the unit's text, end exclusive; 1-based line and column. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface IssueScanDeps {
  readonly client: JiraClient;
  readonly scanner: Scanner;
  readonly baseUrl: string;
  readonly fields: readonly FieldMeta[];
}

export interface IssueScanResult {
  readonly occurrences: Occurrence[];
  readonly skipped: UnitSkip[];
  readonly units: number;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown, key: string): Obj[] =>
  isObject(v) && Array.isArray(v[key]) ? (v[key] as unknown[]).filter(isObject) : [];

/** Fields a search must request so that scanIssue has everything embedded it can use. */
export function searchFields(fields: readonly FieldMeta[]): string[] {
  return [
    ...new Set([
      'project',
      'comment',
      'worklog',
      'attachment',
      ...fields.filter(isTextField).map((f) => f.id),
    ]),
  ];
}

export function scanUnits(
  units: readonly ScanUnit[],
  scanner: Scanner,
): { occurrences: Occurrence[]; skipped: UnitSkip[] } {
  const occurrences: Occurrence[] = [];
  const skipped: UnitSkip[] = [];
  for (const u of units) {
    const r = scanner.scan(u.text);
    for (const s of r.skips)
      skipped.push({ location: u.location, reason: `${s.detector}: ${s.reason}` });
    for (const f of r.findings) {
      occurrences.push({
        detector: f.detector,
        fingerprint: f.fingerprint,
        redacted: f.redacted,
        severity: f.severity,
        location: u.location,
        start: f.start,
        end: f.end,
        line: f.line,
        column: f.column,
      });
    }
  }
  return { occurrences, skipped };
}

export async function scanIssue(
  issue: { id: string; key: string; fields: Obj },
  deps: IssueScanDeps,
): Promise<IssueScanResult> {
  const { client, fields } = deps;
  const comment = issue.fields.comment;
  const worklog = issue.fields.worklog;
  const comments = isTruncated(comment, 'comments')
    ? await client.comments(issue.id)
    : list(comment, 'comments');
  const worklogs = isTruncated(worklog, 'worklogs')
    ? await client.worklogs(issue.id)
    : list(worklog, 'worklogs');
  const textFieldIds = fields.filter(isTextField).map((f) => f.id);
  const changelog = (await client.changelogs([issue.id], textFieldIds)).get(issue.id) ?? [];
  const { units, skipped } = issueUnits({ ...issue, comments, worklogs, changelog }, deps);

  const projectKey = units[0]?.location.projectKey ?? issue.key.replace(/-\d+$/, '');
  for (const a of Array.isArray(issue.fields.attachment)
    ? issue.fields.attachment.filter(isObject)
    : []) {
    const meta = {
      id: String(a.id),
      filename: typeof a.filename === 'string' ? a.filename : '',
      mimeType: typeof a.mimeType === 'string' ? a.mimeType : 'application/octet-stream',
      size: typeof a.size === 'number' ? a.size : 0,
    };
    // A binary attachment is never downloaded: attachmentUnit reports it from its metadata.
    const bytes = isTextAttachment(meta)
      ? await client.attachmentHead(meta.id, ATTACHMENT_CAP)
      : new Uint8Array(0);
    const r = attachmentUnit({ ...issue, projectKey }, meta, bytes, deps.baseUrl);
    if (r.unit) units.push(r.unit);
    if (r.skipped) skipped.push(r.skipped);
    if (r.truncated) skipped.push(r.truncated);
  }
  const scanned = scanUnits(units, deps.scanner);
  return {
    occurrences: scanned.occurrences,
    skipped: [...skipped, ...scanned.skipped],
    units: units.length,
  };
}
