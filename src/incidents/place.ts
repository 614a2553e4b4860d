/**
 * An occurrence's place in words: "Customer reference (custom field)", "Description, old value,
 * changed by Raj Patel on 30 Nov 2026", "Comment by Raj Patel on 30 Nov 2026", "Component api
 * description". The one function the CLI, SARIF, the harness and the Custom UI all use, so they
 * say the same. Occurrences keep ids, dates and field ids only; names (of fields, people,
 * components, versions) come in from Jira when shown, and a missing one falls back to its id.
 *
 * Pure and dependency-free on purpose: the Custom UI bundles this file (the one backend file the
 * UI lint rule lets it import as a value), so it imports types only.
 * @module
 */
import type { UnitLocation } from '../content/issue-units.js';

/** A field as `/rest/api/3/field` names it. */
export interface FieldName {
  readonly name: string;
  readonly custom: boolean;
}

/** Names asked of Jira for the places shown: by field id, account id, component and version id. */
export interface PlaceNames {
  readonly fields?: Readonly<Record<string, FieldName>>;
  readonly people?: ReadonlyMap<string, string>;
  readonly components?: Readonly<Record<string, string>>;
  readonly versions?: Readonly<Record<string, string>>;
}

/** The place part of an occurrence (its location, without the URL). */
export type PlaceLocation = Omit<UnitLocation, 'url'>;

/** Jira's own words for its text fields, when the field list is not at hand. */
const SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  summary: 'Summary',
  description: 'Description',
  environment: 'Environment',
  labels: 'Labels',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30 Nov 2026" (UTC): the same words wherever they are printed, whatever the locale. */
export function placeDate(iso: string): string | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** "Customer reference (custom field)", "Description"; an unknown custom field by its id. */
export function fieldLabel(fieldId: string, names: PlaceNames = {}): string {
  const known = own(names.fields, fieldId);
  if (known) return known.custom ? `${known.name} (custom field)` : known.name;
  const system = own(SYSTEM_FIELDS, fieldId);
  if (system) return system;
  return fieldId.startsWith('customfield_') ? `Custom field ${fieldId}` : fieldId;
}

/** " by Raj Patel on 30 Nov 2026", what of it is known ("" when nothing is). */
function byWhom(l: PlaceLocation, names: PlaceNames): string {
  const person = l.authorId === undefined ? undefined : names.people?.get(l.authorId);
  const date = l.at === undefined ? undefined : placeDate(l.at);
  return `${person ? ` by ${person}` : ''}${date ? ` on ${date}` : ''}`;
}

/** A comment or worklog: its author and date, or its id when neither is known. */
function written(kind: string, id: string | undefined, l: PlaceLocation, names: PlaceNames) {
  const by = byWhom(l, names);
  return by ? `${kind}${by}` : `${kind} ${id ?? ''}`.trim();
}

/** A project's documentation item: "Component api description", by id when its name is unknown. */
function documented(kind: string, id: string | undefined, name: string | undefined): string {
  return `${kind} ${name ?? id ?? ''} description`.replace(/\s+/g, ' ');
}

/** An attachment's file name, from its URL (`/secure/attachment/{id}/{name}`). */
function fileOf(url: string): string | undefined {
  const m = /\/secure\/attachment\/[^/]+\/([^/?#]+)$/.exec(url);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/**
 * The place within its issue (or project) in words; the issue key is shown beside it. `url` is
 * the occurrence's link, which names an attachment's file.
 */
export function describePlace(l: PlaceLocation, names: PlaceNames = {}, url?: string): string {
  switch (l.field) {
    case 'comment':
      return written('Comment', l.commentId, l, names);
    case 'worklog':
      return written('Worklog', l.worklogId, l, names);
    case 'attachment': {
      const file = url === undefined ? undefined : fileOf(url);
      return written(
        file ? `Attachment ${file}` : 'Attachment',
        file ? '' : l.attachmentId,
        l,
        names,
      );
    }
    case 'changelog': {
      const side =
        l.historyValue === 'from' ? 'old value' : l.historyValue === 'to' ? 'new value' : undefined;
      const by = byWhom(l, names);
      const parts = [
        l.historyField === undefined ? 'History' : fieldLabel(l.historyField, names),
        side,
        by
          ? `changed${by}`
          : l.historyId === undefined
            ? undefined
            : `history entry ${l.historyId}`,
      ];
      return parts.filter(Boolean).join(', ');
    }
    case 'project.description':
      return `Project ${l.projectKey} description`;
    case 'component':
      return documented(
        'Component',
        l.componentId,
        l.componentId === undefined ? undefined : own(names.components, l.componentId),
      );
    case 'version':
      return documented(
        'Version',
        l.versionId,
        l.versionId === undefined ? undefined : own(names.versions, l.versionId),
      );
    default:
      return fieldLabel(l.field, names);
  }
}

/** Places that are not a field of an issue. */
const NOT_FIELDS = new Set([
  'comment',
  'worklog',
  'attachment',
  'changelog',
  'component',
  'version',
]);

/** Field ids a set of places names (their fields and the fields their history entries changed). */
export function placeFieldIds(locations: readonly PlaceLocation[]): string[] {
  const ids = new Set<string>();
  for (const l of locations) {
    if (l.historyField !== undefined) ids.add(l.historyField);
    else if (!l.field.includes('.') && !NOT_FIELDS.has(l.field)) ids.add(l.field);
  }
  return [...ids].sort();
}

/** Account ids whose names the places show. */
export function placePeople(locations: readonly PlaceLocation[]): string[] {
  return [
    ...new Set(locations.flatMap((l) => (l.authorId === undefined ? [] : [l.authorId]))),
  ].sort();
}
