/**
 * Which version of a scope's content the scans that committed had read, so that a scan which read
 * an older version (a slow invocation that fetched the issue before an edit) cannot overwrite what
 * a scan of a newer version left: the end is what the scans leave replayed in version order (a
 * place only the older version held is recorded, removed). Jira stamps every issue, comment and worklog with `updated`;
 * an issue's moves with any change to it, so the stamps of one issue order its versions.
 *
 * A scope's record maps each part of it a scan read to the newest version read of that part:
 * `*` for the whole scope, `field:<id>` (changelog entries go with the field they changed),
 * `comment:<id>`, `worklog:<id>`, `attachment:<id>` and `attachment:*` (every file). A place is
 * governed by the newest version among the parts that hold it.
 * @module
 */
import { canonicalTime } from './store.js';
import type { OccurrenceLocation } from './model.js';

/** Part -> newest version read (a canonical ISO time, or DELETED). */
export type ScopeVersions = Readonly<Record<string, string>>;

/** The version of content deleted for good: sorts after every time, so nothing older comes back. */
export const DELETED = '~deleted';

/** What one scan read: the version, and the parts of the scope it covers. */
export interface Seen {
  /** Jira's `updated` of what was read (any ISO form), or DELETED. */
  readonly version: string;
  readonly parts: 'all' | readonly string[];
  /**
   * Whether the scan's version goes on the record (before the scan reads what is stored), so that
   * scans of older versions still running leave its parts alone. Real-time scans claim; a
   * historical scan only yields to newer ones (the event of any edit after it claims anyway), so
   * scanning a site costs no write per issue.
   */
  readonly claim: boolean;
}

/** The parts that hold a place (see the module comment). */
export function partsOf(l: OccurrenceLocation): string[] {
  if (l.commentId !== undefined) return ['*', `comment:${l.commentId}`];
  if (l.worklogId !== undefined) return ['*', `worklog:${l.worklogId}`];
  if (l.attachmentId !== undefined) return ['*', 'attachment:*', `attachment:${l.attachmentId}`];
  return ['*', `field:${l.field === 'changelog' ? (l.historyField ?? '') : l.field}`];
}

/** `version` as the record keeps it: canonical ISO (string order is time order) or DELETED. */
export const versionOf = (version: string): string =>
  version === DELETED ? DELETED : canonicalTime(version, 'content version');

/**
 * What a scan of `parts` read, from the `updated` of what Jira returned (an issue's fields, a
 * comment, a worklog); undefined when it has none that parses (then the scan is not ordered).
 */
export function seenIn(updated: unknown, parts: Seen['parts'], claim: boolean): Seen | undefined {
  if (typeof updated !== 'string' || Number.isNaN(Date.parse(updated))) return undefined;
  return { version: updated, parts, claim };
}

/** A place a scan of `version` must leave alone: a newer version of a part holding it was read. */
export const isNewerThan = (
  record: ScopeVersions,
  l: OccurrenceLocation,
  version: string,
): boolean => partsOf(l).some((p) => (record[p] ?? '') > version);

/** The record once `seen` is claimed on it; undefined when it already says as much. */
export function claimed(record: ScopeVersions, seen: Seen): ScopeVersions | undefined {
  const version = versionOf(seen.version);
  const parts = seen.parts === 'all' ? ['*'] : seen.parts;
  const raised = parts.filter((p) => (record[p] ?? '') < version);
  if (raised.length === 0) return undefined;
  const next: Record<string, string> = { ...record };
  for (const p of raised) next[p] = version;
  // A part no newer than the whole scope says nothing more: dropped, so the record stays small.
  const all = next['*'];
  return all === undefined
    ? next
    : Object.fromEntries(Object.entries(next).filter(([p, v]) => p === '*' || v > all));
}
