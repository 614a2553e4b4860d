/**
 * Jira product events in the app (issues, comments, worklogs, and project documentation: the
 * project, its components and versions): a platform payload becomes the core's ChangeEvent,
 * projects outside the perimeter are skipped, the change is rescanned and recorded, and changed
 * incidents go to the outbox. Payloads are validated: a malformed one is reported, not guessed at.
 * @module
 */
import { z } from 'zod';
import {
  handleChange,
  type ChangeEvent,
  type ChangeResult,
  type ProjectChange,
} from '../scan/realtime.js';
import type { UnitSkip } from '../content/issue-units.js';
import { isRetryableStoreError } from '../incidents/store.js';
import type { JiraClient } from '../jira/client.js';
import { JiraRateLimitError } from '../jira/http.js';
import { customWorkOf, scannerOf, textFields, validitySessionOf, type AppDeps } from './context.js';
import { enqueueIncidents } from './delivery.js';
import { notifyNewIncidents } from './notify.js';
import { projectScope, SITE, weekOf } from '../incidents/overview.js';
import { isMonitored, loadSettings } from './settings.js';
import { zodMessage } from './field-words.js';

const Id = z.union([z.string().min(1), z.number().int()]).transform(String);
const IssueRef = z.object({
  id: Id,
  key: z.string().min(1),
  fields: z.object({ project: z.object({ key: z.string().min(1) }).loose() }).loose(),
});
const Payload = z
  .object({
    eventType: z.string(),
    issue: IssueRef,
    comment: z.object({ id: Id }).loose().optional(),
    changelog: z
      .object({
        items: z.array(
          z
            .object({
              field: z.string().optional(),
              fieldId: z.string().optional(),
              from: z.union([z.string(), z.number()]).nullable().optional(),
              to: z.union([z.string(), z.number()]).nullable().optional(),
            })
            .loose(),
        ),
      })
      .loose()
      .optional(),
  })
  .loose();

export type EventMapping = { ok: true; event: ChangeEvent } | { ok: false; error: string };

/** A payload checked against its schema, and the core event type its `eventType` maps to. */
function parseEvent<T extends { eventType: string }, E>(
  schema: z.ZodType<T>,
  types: ReadonlyMap<unknown, E>,
  payload: unknown,
): { ok: true; data: T; type: E } | { ok: false; error: string } {
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    return { ok: false, error: `unexpected event payload: ${zodMessage(parsed.error)}` };
  const type = types.get(parsed.data.eventType);
  if (type === undefined)
    return { ok: false, error: `event ${JSON.stringify(parsed.data.eventType)} is not handled` };
  return { ok: true, data: parsed.data, type };
}

const WORKLOG_EVENTS: ReadonlyMap<unknown, 'worklog_upserted' | 'worklog_deleted'> = new Map([
  ['avi:jira:created:worklog', 'worklog_upserted'],
  ['avi:jira:updated:worklog', 'worklog_upserted'],
  ['avi:jira:deleted:worklog', 'worklog_deleted'],
] as const);
const WorklogPayload = z
  .object({ eventType: z.string(), worklog: z.object({ id: Id, issueId: Id }).loose() })
  .loose();

/**
 * A worklog event names its issue by id only, so the issue's key and project are read (as the
 * app). An issue that is gone by then is skipped: its own deletion event removes what it held.
 */
export async function toWorklogChange(
  payload: unknown,
  client: Pick<JiraClient, 'issue'>,
): Promise<EventMapping> {
  const parsed = parseEvent(WorklogPayload, WORKLOG_EVENTS, payload);
  if (!parsed.ok) return parsed;
  const { type } = parsed;
  const { worklog } = parsed.data;
  const issue = await client.issue(worklog.issueId, ['project']);
  const key = issue?.key;
  const projectKey = (issue?.fields as { project?: { key?: unknown } } | undefined)?.project?.key;
  if (typeof key !== 'string' || typeof projectKey !== 'string')
    return { ok: false, error: `issue ${worklog.issueId} of worklog ${worklog.id} is gone` };
  return {
    ok: true,
    event: { type, issue: { id: worklog.issueId, key, projectKey }, worklogId: worklog.id },
  };
}

/**
 * Project documentation events. Their payloads are not documented (jira.md §11 lists the names
 * only): assumed here to carry the REST v3 object under `project`, `component` or `version`, an
 * assumption not checked against a live site. Only the project they name is used: its
 * documentation is read again from Jira, as the payload may be partial.
 */
const PROJECT_EVENTS: ReadonlyMap<unknown, ProjectChange['type']> = new Map([
  ['avi:jira:updated:project', 'project_docs_changed'],
  // A project back from the trash has its documentation again.
  ['avi:jira:restored:project', 'project_docs_changed'],
  ['avi:jira:softdeleted:project', 'project_deleted'],
  ['avi:jira:deleted:project', 'project_deleted'],
  ['avi:jira:created:component', 'project_docs_changed'],
  ['avi:jira:updated:component', 'project_docs_changed'],
  ['avi:jira:deleted:component', 'project_docs_changed'],
  ['avi:jira:created:version', 'project_docs_changed'],
  ['avi:jira:updated:version', 'project_docs_changed'],
  ['avi:jira:deleted:version', 'project_docs_changed'],
] as const);
// Lenient: every field may be missing; what is there must have the REST type.
const ProjectPayload = z
  .object({
    eventType: z.string(),
    project: z
      .object({ id: Id.optional(), key: z.string().min(1).optional() })
      .loose()
      .optional(),
    // ProjectComponent names its project by key (`project`) and id; Version by id only.
    component: z
      .object({ project: z.string().min(1).optional(), projectId: Id.optional() })
      .loose()
      .optional(),
    version: z.object({ projectId: Id.optional() }).loose().optional(),
  })
  .loose();

/**
 * A project, component or version event -> the change of that project's documentation. A
 * payload naming its project by id only costs one request for the key.
 */
export async function toProjectChange(
  payload: unknown,
  client: Pick<JiraClient, 'project'>,
): Promise<EventMapping> {
  const parsed = parseEvent(ProjectPayload, PROJECT_EVENTS, payload);
  if (!parsed.ok) return parsed;
  const { type } = parsed;
  const { eventType, project, component, version } = parsed.data;
  const key = project?.key ?? component?.project;
  const id = project?.id ?? component?.projectId ?? version?.projectId;
  if (key !== undefined) return { ok: true, event: { type, projectKey: key } };
  if (id === undefined) return { ok: false, error: `${eventType} names no project` };
  const found = (await client.project(id))?.key;
  if (typeof found !== 'string')
    return { ok: false, error: `project ${id} of ${eventType} is gone (or not visible)` };
  return { ok: true, event: { type, projectKey: found } };
}

const eventTypeOf = (payload: unknown): unknown =>
  typeof payload === 'object' && payload !== null
    ? (payload as { eventType?: unknown }).eventType
    : undefined;

/** Deletions are recorded even outside the perimeter: they only ever remove. */
const REMOVALS: ReadonlySet<ChangeEvent['type']> = new Set([
  'issue_deleted',
  'comment_deleted',
  'worklog_deleted',
  'project_deleted',
]);

/** Forge event payload -> ChangeEvent. */
export function toChangeEvent(payload: unknown): EventMapping {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success)
    return { ok: false, error: `unexpected event payload: ${zodMessage(parsed.error)}` };
  const p = parsed.data;
  const issue = { id: p.issue.id, key: p.issue.key, projectKey: p.issue.fields.project.key };
  switch (p.eventType) {
    case 'avi:jira:created:issue':
      return { ok: true, event: { type: 'issue_created', issue } };
    case 'avi:jira:deleted:issue':
      return { ok: true, event: { type: 'issue_deleted', issue } };
    case 'avi:jira:updated:issue': {
      const items = p.changelog?.items ?? [];
      // Attachments show up as the field "Attachment"; the id is what the core compares.
      const isFile = (i: (typeof items)[number]): boolean =>
        (i.fieldId ?? i.field ?? '').toLowerCase() === 'attachment';
      const changedFields = [
        ...new Set(items.map((i) => (isFile(i) ? 'attachment' : (i.fieldId ?? i.field ?? '')))),
      ].filter(Boolean);
      // Each file item names the attachment added (`to`) or removed (`from`): only those are
      // read again. Without ids, the core reads every attachment of the issue.
      const files = items.filter(isFile);
      const ids = (side: 'from' | 'to'): string[] =>
        files.flatMap((i) => (i[side] == null ? [] : [String(i[side])]));
      const named = files.every((i) => i.from != null || i.to != null);
      const attachments =
        files.length > 0 && named ? { added: ids('to'), removed: ids('from') } : undefined;
      return {
        ok: true,
        event: { type: 'issue_updated', issue, changedFields, ...(attachments && { attachments }) },
      };
    }
    case 'avi:jira:commented:issue':
    case 'avi:jira:deleted:comment':
      if (!p.comment) return { ok: false, error: `${p.eventType} without a comment id` };
      return {
        ok: true,
        event: {
          type: p.eventType === 'avi:jira:commented:issue' ? 'comment_upserted' : 'comment_deleted',
          issue,
          commentId: p.comment.id,
        },
      };
    default:
      return { ok: false, error: `event ${JSON.stringify(p.eventType)} is not handled` };
  }
}

export type IssueEventOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  /** Jira or the store kept refusing (rate limits) in the trigger's time: the rescan queue has it. */
  | { readonly kind: 'queued'; readonly reason: string }
  | {
      readonly kind: 'scanned';
      readonly result: Pick<ChangeResult, 'rescanned'> & {
        appeared: number;
        disappeared: number;
        skipped: number;
        /** Custom detectors did not fit in the trigger: the change went to the rescan queue. */
        deferred: boolean;
      };
    };

/**
 * Any subscribed Jira event -> ChangeEvent. Worklog events carry a worklog and no issue, project
 * events a project, component or version; every other event carries its issue.
 */
export function toAppChange(
  payload: unknown,
  client: Pick<JiraClient, 'issue' | 'project'>,
): Promise<EventMapping> | EventMapping {
  const type = eventTypeOf(payload);
  if (WORKLOG_EVENTS.has(type)) return toWorklogChange(payload, client);
  if (PROJECT_EVENTS.has(type)) return toProjectChange(payload, client);
  return toChangeEvent(payload);
}

export async function onIssueEvent(deps: AppDeps, payload: unknown): Promise<IssueEventOutcome> {
  const mapped = await toAppChange(payload, deps.asApp);
  if (!mapped.ok) return { kind: 'skipped', reason: mapped.error };
  // Counted early, while the trigger's KVS budget is fresh; a change handed on before it was
  // counted is counted by its rescan, so each event counts once.
  const counting = { done: false };
  try {
    return await scanChange(deps, mapped.event, 'trigger', counting);
  } catch (e) {
    // What the trigger could not finish in its time is handed to a consumer, not lost: recording
    // is idempotent, so what it did write stays and the rescan completes the rest.
    if (!isRetryableStoreError(e) && !(e instanceof JiraRateLimitError)) throw e;
    await deps.queues.pushRescan(mapped.event, !counting.done);
    return { kind: 'queued', reason: e instanceof Error ? e.name : 'store' };
  }
}

const projectKeyOf = (event: ChangeEvent): string =>
  'issue' in event ? event.issue.projectKey : event.projectKey;

// The rescan queue's body: the core event, ids only (never content), checked again on the way out.
const IssueInEvent = z
  .object({ id: z.string().min(1), key: z.string().min(1), projectKey: z.string().min(1) })
  .strict();
const Ids = z.array(z.string().min(1)).max(1000);
const QueuedChange = z.object({
  event: z.discriminatedUnion('type', [
    z.object({ type: z.enum(['issue_created', 'issue_deleted']), issue: IssueInEvent }).strict(),
    z
      .object({
        type: z.literal('issue_updated'),
        issue: IssueInEvent,
        changedFields: Ids,
        attachments: z.object({ added: Ids, removed: Ids }).strict().optional(),
      })
      .strict(),
    z
      .object({
        type: z.enum(['comment_upserted', 'comment_deleted']),
        issue: IssueInEvent,
        commentId: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.enum(['worklog_upserted', 'worklog_deleted']),
        issue: IssueInEvent,
        worklogId: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.enum(['project_docs_changed', 'project_deleted']),
        projectKey: z.string().min(1),
      })
      .strict(),
  ]),
  /** Handed on by a trigger that did not count it (see onIssueEvent). */
  uncounted: z.literal(true).optional(),
});

/**
 * Queue `realtime-rescan`: a change whose custom detectors did not fit in its trigger, or that
 * its trigger handed on, scanned again whole with a consumer's budget (recording is idempotent:
 * what the trigger found stays).
 */
export async function runRescanEvent(deps: AppDeps, body: unknown): Promise<IssueEventOutcome> {
  const parsed = QueuedChange.safeParse(body);
  if (!parsed.success)
    return { kind: 'skipped', reason: `unexpected rescan event: ${zodMessage(parsed.error)}` };
  // zod's optional fields are `T | undefined`; the shape is the same.
  const event = parsed.data.event as ChangeEvent;
  const outcome = await scanChange(deps, event, 'consumer');
  // Last: a consumer that fails is delivered again, and must not count twice.
  if (parsed.data.uncounted && outcome.kind !== 'skipped')
    await countRealtimeEvent(deps, projectKeyOf(event));
  return outcome;
}

/** `counting`: the change is counted among the week's events once inside the perimeter. */
async function scanChange(
  deps: AppDeps,
  event: ChangeEvent,
  run: 'trigger' | 'consumer',
  counting?: { done: boolean },
): Promise<IssueEventOutcome> {
  const settings = await loadSettings(deps.docs);
  const projectKey = projectKeyOf(event);
  if (!REMOVALS.has(event.type) && !isMonitored(settings, projectKey))
    return { kind: 'skipped', reason: `project ${projectKey} is outside the perimeter` };
  if (counting) {
    await countRealtimeEvent(deps, projectKey);
    counting.done = true;
  }
  const validity = await validitySessionOf(deps, settings);
  // Built-in detectors always run; custom ones within this run's budget (see customWorkOf).
  const result = await handleChange(event, {
    client: deps.asApp,
    scanner: await scannerOf(deps, settings, customWorkOf(deps, run)),
    store: deps.store,
    baseUrl: deps.baseUrl,
    fields: await textFields(deps),
    now: deps.now,
    ...(validity ? { validity } : {}),
  });
  await enqueueIncidents(
    deps,
    result.incidents.map((i) => i.id),
  );
  // Opt-in: Jira emails the people involved in a leak it just saw written.
  if (settings.notifyPeople === true) await notifyNewIncidents(deps, result);
  // What a trigger had no time for, a consumer does; what a consumer had no time for is a skip.
  const deferred = run === 'trigger' && result.skipped.some((s) => s.code === 'over-budget');
  if (deferred) await deps.queues.pushRescan(event);
  await recordRealtimeSkips(deps, event, result.skipped, deferred);
  return {
    kind: 'scanned',
    result: {
      rescanned: result.rescanned,
      appeared: result.appeared.length,
      disappeared: result.disappeared.length,
      skipped: result.skipped.length,
      deferred,
    },
  };
}

/** What real-time scanning could not read, newest first, for the admin page. */
export interface RealtimeSkip extends UnitSkip {
  readonly at: string;
  readonly event: ChangeEvent['type'];
  /** Left to the rescan queue (custom detectors over the trigger's budget). */
  readonly deferred?: true;
}

/** Before 2026-12-06 every skip was kept in this one document, read and written whole. */
export const REALTIME_SKIPS_KEY = 'realtime-skips';
/**
 * Each event's skips are a document of their own under this prefix, keyed newest first, so
 * concurrent triggers never read-modify-write one list (one would drop the other's skips).
 */
export const REALTIME_SKIPS_PREFIX = 'realtime-skips:';
/** Kept skips: the newest ones; older ones are in the app's logs (counts only). */
export const REALTIME_SKIPS_KEPT = 100;

/** Each digit d becomes 9-d: ascending key order is newest first. */
const newestFirst = (iso: string): string => iso.replace(/\d/g, (d) => String(9 - Number(d)));

/** Keeps one event's skips: a document of their own, so concurrent events never drop each other's. */
export async function recordRealtimeSkips(
  deps: Pick<AppDeps, 'docs' | 'now' | 'newId'>,
  event: ChangeEvent,
  skipped: readonly UnitSkip[],
  deferred: boolean,
): Promise<void> {
  if (skipped.length === 0) return;
  const at = deps.now();
  const added = skipped.map((s): RealtimeSkip => ({
    ...s,
    at,
    event: event.type,
    ...(deferred && s.code === 'over-budget' ? { deferred: true as const } : {}),
  }));
  await deps.docs.set(`${REALTIME_SKIPS_PREFIX}${newestFirst(at)}#${deps.newId()}`, added);
  // Documents past the newest REALTIME_SKIPS_KEPT hold only older skips: gone (idempotent).
  const page = await deps.docs.list<RealtimeSkip[]>(REALTIME_SKIPS_PREFIX, REALTIME_SKIPS_KEPT * 2);
  for (const old of page.items.slice(REALTIME_SKIPS_KEPT)) await deps.docs.delete(old.key);
}

/** The kept real-time skips, newest first. */
export async function realtimeSkips(deps: Pick<AppDeps, 'docs'>): Promise<RealtimeSkip[]> {
  const page = await deps.docs.list<RealtimeSkip[]>(REALTIME_SKIPS_PREFIX, REALTIME_SKIPS_KEPT);
  const legacy = (await deps.docs.get<RealtimeSkip[]>(REALTIME_SKIPS_KEY)) ?? [];
  return [...page.items.flatMap((d) => d.value), ...legacy].slice(0, REALTIME_SKIPS_KEPT);
}

// --- real-time events handled, by week (the overview's "events handled this week") -------------

/**
 * Counts by scope (`site`, `project:<key>`) under one key per week. Before 2026-12-06 they were a
 * document read and written whole (concurrent triggers lost counts): still read, never written.
 */
const eventsKey = (week: string): string => `realtime-events:${week}`;

/** Counts one real-time change handled in the project, in the week of now. */
async function countRealtimeEvent(
  deps: Pick<AppDeps, 'counts' | 'now'>,
  projectKey: string,
): Promise<void> {
  await deps.counts.add(eventsKey(weekOf(deps.now())), {
    [SITE]: 1,
    [projectScope(projectKey)]: 1,
  });
}

/** Real-time changes handled in a week (Monday `YYYY-MM-DD`), by scope (`site`, `project:<key>`). */
export async function realtimeEventsOf(
  deps: Pick<AppDeps, 'docs' | 'counts'>,
  week: string,
): Promise<Record<string, number>> {
  const counts = { ...(await deps.counts.read(eventsKey(week)))?.counts };
  const legacy = (await deps.docs.get<Record<string, number>>(eventsKey(week))) ?? {};
  for (const [scope, n] of Object.entries(legacy)) counts[scope] = (counts[scope] ?? 0) + n;
  return counts;
}
