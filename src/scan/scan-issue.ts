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
import type { Encoding, FindingPartner, Severity } from '../engine/types.js';
import type { JiraClient } from '../jira/client.js';
import { isTruncated } from '../jira/client.js';
import { JiraHttpError } from '../jira/http.js';
import { locationKey, type OccurrenceLocation } from '../incidents/model.js';

/** One place a secret occurs. Never the secret itself. */
export interface Occurrence {
  readonly detector: string;
  /** Display name and family of the detector. */
  readonly name: string;
  readonly family: string;
  readonly fingerprint: string;
  readonly redacted: string;
  readonly severity: Severity;
  readonly location: UnitLocation;
  /** UTF-16 offsets in the unit's text, end exclusive; 1-based line and column. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** How the place encoded the secret (base64, JSON escapes, ...), when it did. */
  readonly encoding?: readonly Encoding[];
  /** The partner the secret works with, when found beside it (masked). */
  readonly partner?: FindingPartner;
}

export interface IssueScanDeps {
  readonly client: JiraClient;
  readonly scanner: Scanner;
  readonly baseUrl: string;
  readonly fields: readonly FieldMeta[];
  /** Validity checks: gets each finding's secret the moment it is found (see scanUnits). */
  readonly onSecret?: OnSecret;
}

/**
 * Hands a finding's secret to the validity checks, the one place a raw secret leaves the scan.
 * The receiver checks it and forgets it: it must not store, log or return it.
 */
export type OnSecret = (
  finding: { readonly detector: string; readonly fingerprint: string },
  secret: string,
  partner?: string,
) => void;

export interface IssueScanResult {
  readonly occurrences: Occurrence[];
  readonly skipped: UnitSkip[];
  readonly units: number;
  /** Set when Jira would not give us the issue's content (gone or forbidden): nothing was scanned. */
  readonly unreadable?: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown, key: string): Obj[] =>
  isObject(v) && Array.isArray(v[key]) ? (v[key] as unknown[]).filter(isObject) : [];

/**
 * Fields a search must request so that scanIssue has everything embedded it can use, and the
 * issue's `updated` (the version scanned: see incidents/versions.ts).
 */
export function searchFields(fields: readonly FieldMeta[]): string[] {
  return [
    ...new Set([
      'project',
      'updated',
      'comment',
      'worklog',
      'attachment',
      ...fields.filter(isTextField).map((f) => f.id),
    ]),
  ];
}

/**
 * `covers` without the places whose scan was cut short (custom detectors left out for time): what
 * they held is no evidence of a removal, so it stays as it was until a full scan of the place.
 */
export function finishedOnly(
  covers: 'all' | ((l: OccurrenceLocation) => boolean),
  skipped: readonly UnitSkip[],
): 'all' | ((l: OccurrenceLocation) => boolean) {
  const cut = new Set(
    skipped.filter((s) => s.code === 'over-budget').map((s) => locationKey(s.location)),
  );
  if (cut.size === 0) return covers;
  return (l) => !cut.has(locationKey(l)) && (covers === 'all' || covers(l));
}

export function scanUnits(
  units: readonly ScanUnit[],
  scanner: Scanner,
  onSecret?: OnSecret,
): { occurrences: Occurrence[]; skipped: UnitSkip[] } {
  const occurrences: Occurrence[] = [];
  const skipped: UnitSkip[] = [];
  for (const u of units) {
    // The engine hands each secret as it read it (decoded where it was encoded), here only.
    const r = scanner.scan(u.text, onSecret);
    for (const s of r.skips)
      skipped.push({
        location: u.location,
        reason: `${s.detector}: ${s.reason}`,
        ...(s.code ? { code: s.code } : {}),
      });
    for (const f of r.findings) {
      occurrences.push({
        detector: f.detector,
        name: f.name,
        family: f.family,
        fingerprint: f.fingerprint,
        redacted: f.redacted,
        severity: f.severity,
        location: u.location,
        start: f.start,
        end: f.end,
        line: f.line,
        column: f.column,
        ...(f.encoding ? { encoding: f.encoding } : {}),
        ...(f.partner ? { partner: f.partner } : {}),
      });
    }
  }
  return { occurrences, skipped };
}

/** Scans one issue: see scanIssues. */
export async function scanIssue(issue: IssueRef, deps: IssueScanDeps): Promise<IssueScanResult> {
  const result = (await scanIssues([issue], deps)).get(issue.id);
  if (!result) throw new Error(`issue ${issue.key} was not scanned`);
  return result;
}

export interface IssueRef {
  readonly id: string;
  readonly key: string;
  readonly fields: Obj;
}

/**
 * Scans issues as a search page returns them. Text history comes from one bulk changelog call
 * for the whole batch (per 10 text fields); comments and worklogs are paged only for issues whose
 * embedded copy is truncated; text attachments cost one capped request each.
 */
export async function scanIssues(
  issues: readonly IssueRef[],
  deps: IssueScanDeps,
  /** Checked before each issue after the first: lets a caller stop before its time limit. */
  shouldStop: () => boolean = () => false,
): Promise<Map<string, IssueScanResult>> {
  const { client, fields } = deps;
  const textFieldIds = fields.filter(isTextField).map((f) => f.id);
  const histories =
    issues.length > 0
      ? await client.changelogs(
          issues.map((i) => i.id),
          textFieldIds,
        )
      : new Map<string, Obj[]>();
  const out = new Map<string, IssueScanResult>();
  for (const issue of issues) {
    if (out.size > 0 && shouldStop()) break;
    try {
      out.set(issue.id, await scanOne(issue, histories.get(issue.id) ?? [], deps));
    } catch (e) {
      if (!(e instanceof JiraHttpError) || (e.status !== 403 && e.status !== 404)) throw e;
      const location = {
        projectKey: projectKeyOf(issue),
        issueKey: issue.key,
        issueId: issue.id,
        field: 'summary' as const,
        url: `${deps.baseUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(issue.key)}`,
      };
      const reason = `issue not readable: ${e.message}`;
      out.set(issue.id, {
        occurrences: [],
        skipped: [{ location, reason }],
        units: 0,
        unreadable: reason,
      });
    }
  }
  return out;
}

async function scanOne(
  issue: IssueRef,
  changelog: readonly Obj[],
  deps: IssueScanDeps,
): Promise<IssueScanResult> {
  const { client } = deps;
  const comment = issue.fields.comment;
  const worklog = issue.fields.worklog;
  const comments = isTruncated(comment, 'comments')
    ? await client.comments(issue.id)
    : list(comment, 'comments');
  const worklogs = isTruncated(worklog, 'worklogs')
    ? await client.worklogs(issue.id)
    : list(worklog, 'worklogs');
  const { units, skipped } = issueUnits({ ...issue, comments, worklogs, changelog }, deps);
  const projectKey = projectKeyOf(issue);
  for (const a of Array.isArray(issue.fields.attachment)
    ? issue.fields.attachment.filter(isObject)
    : []) {
    const r = await attachmentScanUnit({ ...issue, projectKey }, a, deps);
    if (r.unit) units.push(r.unit);
    if (r.skipped) skipped.push(r.skipped);
    if (r.truncated) skipped.push(r.truncated);
  }
  const scanned = scanUnits(units, deps.scanner, deps.onSecret);
  return {
    occurrences: scanned.occurrences,
    skipped: [...skipped, ...scanned.skipped],
    units: units.length,
  };
}

export function projectKeyOf(issue: IssueRef): string {
  const p = issue.fields.project;
  return isObject(p) && typeof p.key === 'string' ? p.key : issue.key.replace(/-\d+$/, '');
}

/** One attachment's unit: metadata decides first, so a binary file is never downloaded. */
export async function attachmentScanUnit(
  issue: { id: string; key: string; projectKey: string },
  a: Obj,
  deps: Pick<IssueScanDeps, 'client' | 'baseUrl'>,
): Promise<ReturnType<typeof attachmentUnit>> {
  const meta = {
    id: String(a.id),
    filename: typeof a.filename === 'string' ? a.filename : '',
    mimeType: typeof a.mimeType === 'string' ? a.mimeType : 'application/octet-stream',
    size: typeof a.size === 'number' ? a.size : 0,
    ...(isObject(a.author) && typeof a.author.accountId === 'string'
      ? { authorId: a.author.accountId }
      : {}),
    ...(typeof a.created === 'string' ? { created: a.created } : {}),
  };
  let bytes: Uint8Array = new Uint8Array(0);
  if (isTextAttachment(meta)) {
    try {
      bytes = await deps.client.attachmentHead(meta.id, ATTACHMENT_CAP);
    } catch (e) {
      // A file removed or restricted since the search: say so, scan the rest of the issue.
      if (!(e instanceof JiraHttpError) || e.status < 400 || e.status >= 500) throw e;
      const unit = attachmentUnit(issue, meta, bytes, deps.baseUrl);
      const location = (unit.unit ?? unit.skipped)?.location;
      return location
        ? { skipped: { location, reason: `attachment not readable: ${e.message}` } }
        : {};
    }
  }
  return attachmentUnit(issue, meta, bytes, deps.baseUrl);
}
