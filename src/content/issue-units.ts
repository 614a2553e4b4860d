/**
 * Jira objects -> scan units: every piece of text of an issue (and of a project's documentation),
 * each with the exact place it comes from and a browser URL that opens it. Pure: the caller fetches
 * the objects (embedded or paged) and passes them in; shapes are Jira REST v3's.
 * @module
 */
import { adfToText } from './adf-text.js';

export type UnitField =
  | 'summary'
  | 'description'
  | 'environment'
  | 'labels'
  | 'comment'
  | 'worklog'
  | 'attachment'
  | 'changelog'
  | 'project.description'
  | 'component'
  | 'version'
  | `customfield_${string}`;

export interface UnitLocation {
  readonly projectKey: string;
  readonly issueKey?: string;
  readonly issueId?: string;
  readonly field: UnitField;
  readonly commentId?: string;
  readonly worklogId?: string;
  readonly attachmentId?: string;
  readonly historyId?: string;
  /** The field a history entry changed, and which side of the change the text is. */
  readonly historyField?: string;
  readonly historyValue?: 'from' | 'to';
  readonly componentId?: string;
  readonly versionId?: string;
  /**
   * Who wrote the comment or worklog, or made the history change (an account id, never a name:
   * names are asked of Jira when shown), and when (ISO). Not part of the place's identity.
   */
  readonly authorId?: string;
  readonly at?: string;
  /** Opens the place in a browser (comments and worklogs focused). */
  readonly url: string;
}

export interface ScanUnit {
  readonly text: string;
  readonly location: UnitLocation;
}

export interface UnitSkip {
  readonly location: UnitLocation;
  readonly reason: string;
  /** `over-budget`: only custom detectors were left out, for time (see ScannerOptions.customWork). */
  readonly code?: 'over-budget';
}

export interface Units {
  readonly units: ScanUnit[];
  readonly skipped: UnitSkip[];
}

/** What `/rest/api/3/field` says of a field: enough to know whether it holds text. */
export interface FieldMeta {
  readonly id: string;
  readonly schema?: { readonly type?: string; readonly custom?: string; readonly items?: string };
}

const CUSTOM = 'com.atlassian.jira.plugin.system.customfieldtypes:';
/** Custom field types whose values are text (decided by schema, not by guessing from values). */
const TEXT_CUSTOM_TYPES = new Set(
  [
    'textfield',
    'textarea',
    'readonlyfield',
    'url',
    'labels',
    'select',
    'radiobuttons',
    'multiselect',
    'multicheckboxes',
    'cascadingselect',
  ].map((t) => CUSTOM + t),
);

/** True for fields whose values (and history) are scanned. */
export function isTextField(meta: FieldMeta): boolean {
  if (['summary', 'description', 'environment', 'labels'].includes(meta.id)) return true;
  return meta.schema?.custom !== undefined && TEXT_CUSTOM_TYPES.has(meta.schema.custom);
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json): string | undefined => (typeof v === 'string' ? v : undefined);
const id = (v: Json): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** Author and date of a comment, worklog or history entry, those Jira gave. */
function writtenBy(o: Record<string, Json>): Pick<UnitLocation, 'authorId' | 'at'> {
  const authorId = isObject(o.author) ? str(o.author.accountId) : undefined;
  const at = str(o.created) ?? str(o.started);
  return { ...(authorId ? { authorId } : {}), ...(at ? { at } : {}) };
}

/** Text of a field value of any text-bearing shape: string, ADF, option(s), cascading, string[]. */
function valueTexts(value: Json): { text: string; problem?: string }[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [{ text: value }];
  if (Array.isArray(value)) return value.flatMap(valueTexts);
  if (isObject(value)) {
    if (value.type === 'doc') {
      const adf = adfToText(value);
      const problem = adf.skipped[0] && `ADF: ${adf.skipped[0].reason} at ${adf.skipped[0].path}`;
      return [problem ? { text: adf.text, problem } : { text: adf.text }];
    }
    const own = str(value.value);
    const child = isObject(value.child) ? str(value.child.value) : undefined;
    return [own, child].filter((t): t is string => t !== undefined).map((text) => ({ text }));
  }
  return [];
}

export interface IssueInput {
  readonly id: string;
  readonly key: string;
  readonly fields: Record<string, Json>;
  /** Full lists (the caller pages past the embedded, truncated copies). */
  readonly comments?: readonly Json[];
  readonly worklogs?: readonly Json[];
  readonly changelog?: readonly Json[];
}

export interface UnitContext {
  readonly baseUrl: string;
  /** All fields of the site (from `/rest/api/3/field`). */
  readonly fields: readonly FieldMeta[];
}

/** Every unit of one issue except attachment contents (see attachmentUnit). */
export function issueUnits(issue: IssueInput, ctx: UnitContext): Units {
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const issueUrl = `${base}/browse/${encodeURIComponent(issue.key)}`;
  const project = isObject(issue.fields.project) ? str(issue.fields.project.key) : undefined;
  const projectKey = project ?? issue.key.replace(/-\d+$/, '');
  const at = (field: UnitField, extra: Partial<UnitLocation> = {}): UnitLocation => ({
    projectKey,
    issueKey: issue.key,
    issueId: issue.id,
    field,
    url: issueUrl,
    ...extra,
  });
  const out: Units = { units: [], skipped: [] };
  const push = (texts: { text: string; problem?: string }[], location: UnitLocation): void => {
    for (const t of texts) {
      if (t.problem) out.skipped.push({ location, reason: t.problem });
      if (t.text) out.units.push({ text: t.text, location });
    }
  };
  const textFields = ctx.fields.filter(isTextField);
  const textFieldIds = new Set(textFields.map((f) => f.id));

  for (const f of textFields) {
    if (!(f.id in issue.fields)) continue;
    push(valueTexts(issue.fields[f.id]), at(f.id as UnitField));
  }
  for (const c of issue.comments ?? []) {
    if (!isObject(c) || id(c.id) === undefined) continue;
    const commentId = id(c.id) as string;
    push(
      valueTexts(c.body),
      at('comment', {
        commentId,
        ...writtenBy(c),
        url: `${issueUrl}?focusedCommentId=${commentId}`,
      }),
    );
  }
  for (const w of issue.worklogs ?? []) {
    if (!isObject(w) || id(w.id) === undefined) continue;
    const worklogId = id(w.id) as string;
    push(
      valueTexts(w.comment),
      at('worklog', {
        worklogId,
        ...writtenBy(w),
        url: `${issueUrl}?focusedWorklogId=${worklogId}`,
      }),
    );
  }
  const historyUrl = `${issueUrl}?page=com.atlassian.jira.plugin.system.issuetabpanels:changehistory-tabpanel`;
  for (const h of issue.changelog ?? []) {
    if (!isObject(h) || id(h.id) === undefined || !Array.isArray(h.items)) continue;
    const historyId = id(h.id) as string;
    const by = writtenBy(h);
    for (const item of h.items) {
      if (!isObject(item)) continue;
      const fieldId = str(item.fieldId) ?? str(item.field) ?? '';
      if (!textFieldIds.has(fieldId)) continue;
      for (const side of ['from', 'to'] as const) {
        // `toString` would otherwise name Object.prototype's method, not the JSON key.
        const key: string = `${side}String`;
        const text = Object.hasOwn(item, key) ? str(item[key]) : undefined;
        if (text) {
          out.units.push({
            text,
            location: at('changelog', {
              historyId,
              historyField: fieldId,
              historyValue: side,
              ...by,
              url: historyUrl,
            }),
          });
        }
      }
    }
  }
  return out;
}

/** Longest attachment prefix read (a `Range` request); the rest is reported, not silently lost. */
export const ATTACHMENT_CAP = 1024 * 1024;

const TEXT_MIME =
  /^(?:text\/|application\/(?:json|xml|yaml|x-yaml|javascript|x-sh|x-shellscript|toml|x-www-form-urlencoded|sql|graphql)\b)/i;
const TEXT_EXT =
  /\.(?:txt|log|env|json|ya?ml|xml|ini|cfg|conf|properties|toml|sh|bash|ps1|py|js|ts|java|go|rb|php|cs|sql|md|csv|tf|tfvars|pem|key|npmrc|netrc|har)$/i;

export interface AttachmentMeta {
  readonly id: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly size: number;
  /** Who attached it and when, when Jira says. */
  readonly authorId?: string;
  readonly created?: string;
}

/** Whether an attachment may hold text, from its metadata alone (binary ones are never downloaded). */
export function isTextAttachment(meta: Pick<AttachmentMeta, 'filename' | 'mimeType'>): boolean {
  return TEXT_MIME.test(meta.mimeType) || TEXT_EXT.test(meta.filename);
}

/** Decides whether attachment bytes are text and makes the unit, or says why it is skipped. */
export function attachmentUnit(
  issue: { id: string; key: string; projectKey: string },
  meta: AttachmentMeta,
  bytes: Uint8Array,
  baseUrl: string,
): { unit?: ScanUnit; skipped?: UnitSkip; truncated?: UnitSkip } {
  const location: UnitLocation = {
    projectKey: issue.projectKey,
    issueKey: issue.key,
    issueId: issue.id,
    field: 'attachment',
    attachmentId: meta.id,
    ...(meta.authorId ? { authorId: meta.authorId } : {}),
    ...(meta.created ? { at: meta.created } : {}),
    url: `${baseUrl.replace(/\/+$/, '')}/secure/attachment/${encodeURIComponent(meta.id)}/${encodeURIComponent(meta.filename)}`,
  };
  if (!isTextAttachment(meta)) {
    return { skipped: { location, reason: `binary type ${meta.mimeType}` } };
  }
  const head = bytes.subarray(0, ATTACHMENT_CAP);
  if (head.subarray(0, 8192).includes(0)) {
    return { skipped: { location, reason: 'binary content (NUL bytes)' } };
  }
  // A cut at the cap may split a UTF-8 sequence: decode leniently, then refuse real binary.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const bad = (text.match(/\uFFFD/g)?.length ?? 0) / Math.max(1, text.length);
  if (bad > 0.01) return { skipped: { location, reason: 'binary content (not UTF-8 text)' } };
  const truncated =
    meta.size > ATTACHMENT_CAP || bytes.length > ATTACHMENT_CAP
      ? { location, reason: `only the first ${ATTACHMENT_CAP} of ${meta.size} bytes were scanned` }
      : undefined;
  return truncated ? { unit: { text, location }, truncated } : { unit: { text, location } };
}

export interface ProjectInput {
  readonly id: string;
  readonly key: string;
  readonly description?: string | null;
  readonly components?: readonly { id: string; name?: string; description?: string | null }[];
  readonly versions?: readonly { id: string; name?: string; description?: string | null }[];
}

/** A project's documentation: its description, component and version descriptions. */
export function projectUnits(project: ProjectInput, baseUrl: string): ScanUnit[] {
  const base = baseUrl.replace(/\/+$/, '');
  const key = encodeURIComponent(project.key);
  const units: ScanUnit[] = [];
  if (project.description) {
    units.push({
      text: project.description,
      location: {
        projectKey: project.key,
        field: 'project.description',
        url: `${base}/browse/${key}`,
      },
    });
  }
  for (const c of project.components ?? []) {
    if (!c.description) continue;
    units.push({
      text: c.description,
      location: {
        projectKey: project.key,
        field: 'component',
        componentId: c.id,
        url: `${base}/plugins/servlet/project-config/${key}/administer-components?componentId=${encodeURIComponent(c.id)}`,
      },
    });
  }
  for (const v of project.versions ?? []) {
    if (!v.description) continue;
    units.push({
      text: v.description,
      location: {
        projectKey: project.key,
        field: 'version',
        versionId: v.id,
        url: `${base}/projects/${key}/versions/${encodeURIComponent(v.id)}`,
      },
    });
  }
  return units;
}
