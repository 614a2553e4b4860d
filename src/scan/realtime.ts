/**
 * Real-time detection: one Jira change in, only what changed rescanned, and the places where a
 * secret appeared or disappeared out. Events carry only a subset of an issue, so the content is
 * fetched; a duplicate or late event rescans the same content and changes nothing. A change to a
 * project's documentation (its description, a component, a version) rescans all of it: three
 * requests, and the same scope and coverage as the historical scan's project phase.
 * @module
 */
import { issueUnits, isTextField, type FieldMeta, type UnitSkip } from '../content/issue-units.js';
import type { Scanner } from '../engine/scan.js';
import {
  scopeOf,
  type Incident,
  type OccurrenceLocation,
  type StoredOccurrence,
} from '../incidents/model.js';
import { recordScan } from '../incidents/record.js';
import { DELETED, seenIn, type Seen } from '../incidents/versions.js';
import type { IncidentStore } from '../incidents/store.js';
import type { JiraClient } from '../jira/client.js';
import {
  attachmentScanUnit,
  finishedOnly,
  scanIssue,
  scanUnits,
  searchFields,
} from './scan-issue.js';
import type { ValiditySession } from '../validity/index.js';
import { scanProjectDocs } from './scan-project.js';

export interface IssueRefInEvent {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
}

/** What the platform told us, reduced to what the core needs (the Forge adapter maps payloads). */
export type ChangeEvent = IssueChange | ProjectChange;

export type IssueChange =
  | { readonly type: 'issue_created'; readonly issue: IssueRefInEvent }
  /** `changedFields`: field ids in the event's changelog (`attachment` for files). */
  | {
      readonly type: 'issue_updated';
      readonly issue: IssueRefInEvent;
      readonly changedFields: readonly string[];
      /** The files the changelog names; absent: every attachment of the issue is read again. */
      readonly attachments?: {
        readonly added: readonly string[];
        readonly removed: readonly string[];
      };
    }
  /** Created or edited: Jira sends one event for both. */
  | {
      readonly type: 'comment_upserted';
      readonly issue: IssueRefInEvent;
      readonly commentId: string;
    }
  | {
      readonly type: 'comment_deleted';
      readonly issue: IssueRefInEvent;
      readonly commentId: string;
    }
  | { readonly type: 'issue_deleted'; readonly issue: IssueRefInEvent }
  /** Created or updated (one rescan either way). */
  | {
      readonly type: 'worklog_upserted' | 'worklog_deleted';
      readonly issue: IssueRefInEvent;
      readonly worklogId: string;
    };

/** A project's documentation: its description, or one of its components or versions. */
export type ProjectChange =
  /** Anything in it created, edited or deleted: the whole documentation is read again. */
  | { readonly type: 'project_docs_changed'; readonly projectKey: string }
  /** The project is gone (or in the trash): what it held is removed, no Jira request. */
  | { readonly type: 'project_deleted'; readonly projectKey: string };

export interface RealtimeDeps {
  readonly client: JiraClient;
  readonly scanner: Scanner;
  readonly store: IncidentStore;
  readonly baseUrl: string;
  /** Fields of the site (from `/rest/api/3/field`, cached by the caller). */
  readonly fields: readonly FieldMeta[];
  /** ISO time. */
  readonly now: () => string;
  /** Validity checks of what this change finds; absent: checks off (no egress at all). */
  readonly validity?: ValiditySession;
}

export interface ChangeResult {
  readonly appeared: StoredOccurrence[];
  readonly disappeared: StoredOccurrence[];
  readonly incidents: Incident[];
  readonly skipped: UnitSkip[];
  /** Jira requests made for this change. */
  readonly rescanned:
    'nothing' | 'issue' | 'fields' | 'comment' | 'worklog' | 'project' | 'removed';
}

const NOTHING: ChangeResult = {
  appeared: [],
  disappeared: [],
  incidents: [],
  skipped: [],
  rescanned: 'nothing',
};

export function handleChange(event: ChangeEvent, deps: RealtimeDeps): Promise<ChangeResult> {
  return 'issue' in event ? issueChange(event, deps) : projectChange(event, deps);
}

type RecordScan = (
  covers: 'all' | ((l: OccurrenceLocation) => boolean),
  found: Parameters<typeof recordScan>[1]['found'],
  skipped: UnitSkip[],
  rescanned: ChangeResult['rescanned'],
  /** The version read and the parts it covers; absent: none known (not ordered). */
  seen?: Seen,
) => Promise<ChangeResult>;

/** Records a rescan of part (`covers`) of one scope as real-time occurrences. */
function recorder(scope: string, deps: RealtimeDeps): RecordScan {
  return async (covers, found, skipped, rescanned, seen) => {
    const r = await recordScan(deps.store, {
      scope,
      covers: finishedOnly(covers, skipped),
      found,
      kind: 'realtime',
      now: deps.now(),
      ...(deps.validity ? { validityOf: deps.validity.resultFor } : {}),
      ...(seen ? { seen } : {}),
    });
    return { ...r, skipped, rescanned };
  };
}

async function projectChange(event: ProjectChange, deps: RealtimeDeps): Promise<ChangeResult> {
  const record = recorder(scopeOf({ projectKey: event.projectKey }), deps);
  if (event.type === 'project_deleted') return record('all', [], [], 'removed');
  const project = await deps.client.project(event.projectKey);
  if (!project) return record('all', [], [], 'removed'); // deleted before we got to it
  const r = await scanProjectDocs(event.projectKey, project, deps);
  return record('all', r.occurrences, r.skipped, 'project');
}

async function issueChange(event: IssueChange, deps: RealtimeDeps): Promise<ChangeResult> {
  const record = recorder(
    scopeOf({ issueId: event.issue.id, projectKey: event.issue.projectKey }),
    deps,
  );
  // Deleted for good: a slower scan of it that read it before cannot bring anything back.
  const deleted: Seen = { version: DELETED, parts: 'all', claim: true };
  const gone = (seen?: Seen): Promise<ChangeResult> => record('all', [], [], 'removed', seen);
  const onSecret = deps.validity?.onSecret;
  const textFields = deps.fields.filter(isTextField);

  switch (event.type) {
    case 'issue_deleted':
      return gone(deleted);
    case 'issue_created': {
      const issue = await deps.client.issue(event.issue.id, searchFields(textFields));
      if (!issue) return gone(); // deleted before we got to it
      const r = await scanIssue(
        { id: event.issue.id, key: event.issue.key, fields: fieldsOf(issue) },
        { ...deps, fields: textFields, ...(onSecret ? { onSecret } : {}) },
      );
      const seen = seenIn(fieldsOf(issue).updated, 'all', true);
      return record('all', r.occurrences, r.skipped, 'issue', seen);
    }
    case 'issue_updated': {
      const changed = textFields.filter((f) => event.changedFields.includes(f.id));
      const files = event.changedFields.includes('attachment');
      if (changed.length === 0 && !files) return NOTHING;
      const ids = changed.map((f) => f.id);
      const issue = await deps.client.issue(event.issue.id, [
        'project',
        'updated',
        ...ids,
        ...(files ? ['attachment'] : []),
      ]);
      if (!issue) return gone();
      const fields = fieldsOf(issue);
      const ref = { id: event.issue.id, key: event.issue.key, fields };
      const history =
        ids.length > 0
          ? ((await deps.client.changelogs([event.issue.id], ids)).get(event.issue.id) ?? [])
          : [];
      const { units, skipped } = issueUnits(
        { ...ref, changelog: history },
        { baseUrl: deps.baseUrl, fields: changed },
      );
      if (files) {
        const projectKey = event.issue.projectKey;
        const named = event.attachments;
        for (const a of Array.isArray(fields.attachment) ? fields.attachment : []) {
          if (typeof a !== 'object' || a === null) continue;
          // Attachments never change: one already there was scanned when it was added.
          const id = (a as { id?: unknown }).id;
          if (named && !named.added.includes(String(id))) continue;
          const r = await attachmentScanUnit(
            { ...ref, projectKey },
            a as Record<string, unknown>,
            deps,
          );
          if (r.unit) units.push(r.unit);
          for (const s of [r.skipped, r.truncated]) if (s) skipped.push(s);
        }
      }
      const scanned = scanUnits(units, deps.scanner, onSecret);
      const covers = (l: OccurrenceLocation): boolean =>
        ids.includes(l.field) ||
        (l.field === 'changelog' && l.historyField !== undefined && ids.includes(l.historyField)) ||
        (files &&
          l.field === 'attachment' &&
          (!event.attachments ||
            [...event.attachments.added, ...event.attachments.removed].includes(
              l.attachmentId ?? '',
            )));
      const parts = [
        ...ids.map((id) => `field:${id}`),
        ...(!files
          ? []
          : event.attachments
            ? [...event.attachments.added, ...event.attachments.removed].map(
                (a) => `attachment:${a}`,
              )
            : ['attachment:*']),
      ];
      const all = [...skipped, ...scanned.skipped];
      return record(
        covers,
        scanned.occurrences,
        all,
        'fields',
        seenIn(fields.updated, parts, true),
      );
    }
    case 'comment_upserted':
    case 'comment_deleted': {
      const comment =
        event.type === 'comment_upserted'
          ? await deps.client.comment(event.issue.id, event.commentId)
          : undefined;
      const covers = (l: OccurrenceLocation): boolean => l.commentId === event.commentId;
      const seen = partSeen(
        `comment:${event.commentId}`,
        event.type === 'comment_deleted',
        comment,
      );
      return rescanPart(covers, comment && { comments: [comment] }, 'comment', seen);
    }
    case 'worklog_upserted':
    case 'worklog_deleted': {
      const worklog =
        event.type === 'worklog_upserted'
          ? await deps.client.worklog(event.issue.id, event.worklogId)
          : undefined;
      const covers = (l: OccurrenceLocation): boolean => l.worklogId === event.worklogId;
      const seen = partSeen(
        `worklog:${event.worklogId}`,
        event.type === 'worklog_deleted',
        worklog,
      );
      return rescanPart(covers, worklog && { worklogs: [worklog] }, 'worklog', seen);
    }
  }

  /** One comment or worklog rescanned on its own; none (gone) removes what it held. */
  async function rescanPart(
    covers: (l: OccurrenceLocation) => boolean,
    part:
      { comments: Record<string, unknown>[] } | { worklogs: Record<string, unknown>[] } | undefined,
    kind: 'comment' | 'worklog',
    seen: Seen | undefined,
  ): Promise<ChangeResult> {
    if (!part) return record(covers, [], [], 'removed', seen);
    const { units, skipped } = issueUnits(
      {
        id: event.issue.id,
        key: event.issue.key,
        fields: { project: { key: event.issue.projectKey } },
        ...part,
      },
      { baseUrl: deps.baseUrl, fields: [] },
    );
    const scanned = scanUnits(units, deps.scanner, onSecret);
    return record(covers, scanned.occurrences, [...skipped, ...scanned.skipped], kind, seen);
  }
}

/** A comment's or worklog's version: deleted for good by its deletion event, else as read. */
function partSeen(
  part: string,
  deletion: boolean,
  read: Record<string, unknown> | undefined,
): Seen | undefined {
  return deletion
    ? { version: DELETED, parts: [part], claim: true }
    : seenIn(read?.updated, [part], true);
}

function fieldsOf(issue: Record<string, unknown>): Record<string, unknown> {
  const f = issue.fields;
  return typeof f === 'object' && f !== null && !Array.isArray(f)
    ? (f as Record<string, unknown>)
    : {};
}
