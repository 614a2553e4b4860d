/**
 * What the admin page and the project page can ask, each call checked on the server: the admin
 * page for Jira administrators (`ADMINISTER`, asked as the user), the project page for project
 * administrators of that project (`ADMINISTER_PROJECTS`) or members of the team allowed to see
 * incidents. Only the caller's account id is trusted; a page's project comes from its context and
 * is checked against the caller's rights on every call. Payloads are validated; answers are
 * `{ok: true, data}` or `{ok: false, error: {code, message}}`, never a stack trace, never a secret.
 * @module
 */
import { z } from 'zod';
import { DETECTORS } from '../detectors/index.js';
import { compileCustomDetector, runCustomDetector } from '../engine/custom-detector.js';
import { placeholderReason } from '../engine/placeholder.js';
import { redact } from '../engine/redact.js';
import { createScanner } from '../engine/scan.js';
import {
  applyAction,
  figuresOf,
  IGNORE_REASONS,
  projectIncident,
  publicIncident,
  type Incident,
  type ProjectIncident,
  type StoredOccurrence,
} from '../incidents/model.js';
import { createIncidentApi, type IncidentApiFetch } from '../incidents/incident-api.js';
import {
  INCIDENT_ORDERS,
  INCIDENT_SORTS,
  TOTAL_CAP,
  updateIncident,
  type IncidentFilter,
} from '../incidents/store.js';
import { JiraHttpError, JiraRateLimitError } from '../jira/http.js';
import { BULK_USERS, type UserJiraClient } from '../jira/users.js';
import { audienceOf, cannotSee, createAccessProbe, type AccessProbe } from './assignees.js';
import { fingerprintKey, INCIDENT_API_TOKEN, type AppDeps } from './context.js';
import { enqueueAll, enqueueIncidents } from './delivery.js';
import { realtimeSkips } from './events.js';
import { controlScan, getJob, listJobs, startScan } from './jobs.js';
import { checkNow } from './check-now.js';
import { incidentGuidance, placesOf } from './guidance.js';
import { notificationsOf, notifyPlaces } from './notify.js';
import { NOTICE_TEXT } from './notice.js';
import { maskSummaries, placeNamesOf } from './places.js';
import { exportFile, EXPORT_FORMATS, EXPORT_LIMIT } from './export.js';
import { overviewOf } from './overview.js';
import { checkCoverage } from './coverage.js';
import {
  applySettingsPatch,
  customDetectorsOf,
  isDetectorEnabled,
  isMonitored,
  isProviderChecked,
  loadSettings,
  saveSettings,
  type Settings,
} from './settings.js';
import { zodMessage } from './field-words.js';
import { CHECKERS, VALIDITIES } from '../validity/index.js';

export interface ResolverDeps extends AppDeps {
  /**
   * Jira as the calling user: permission checks, and the people that user may see (the assignee
   * picker), so the app never shows a name Jira would not show them.
   */
  readonly asUser: UserJiraClient;
  readonly incidentApiFetch: IncidentApiFetch;
  /** Where an unexpected failure is written (the app's logs): never shown to the caller. */
  readonly logError?: (resolver: string, error: unknown) => void;
}

export interface Invocation {
  /** From the platform's invocation context: the one trusted identity. */
  readonly accountId: string | undefined;
  readonly payload: unknown;
  /** The project key a project page says it is on (untrusted: checked on every call). */
  readonly projectKey?: string | undefined;
}

export type ErrorCode = 'forbidden' | 'invalid' | 'not-found' | 'conflict' | 'unavailable';
export type ResolverResult =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly error: { readonly code: ErrorCode; readonly message: string } };

const fail = (code: ErrorCode, message: string): ResolverResult => ({
  ok: false,
  error: { code, message },
});
const ok = (data: unknown): ResolverResult => ({ ok: true, data });

// --- payload schemas --------------------------------------------------------------------------

// Ids are checked against the exact shape the app or Jira makes before any use: a payload's text
// never reaches a storage key, a Jira path or a log line.
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
/** Jira account ids (`557058:uuid`, `712020:…`, older 24-hex ids). */
const AccountId = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'not an account id');
/** Built-in ids and `custom-<slug>`. */
const DetectorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'not a detector id');
/** Job ids are `randomUUID()` (see startScan's `newId`). */
const JobIdShape = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a scan id');

const Empty = z.object({}).strict().optional();
/** A calendar day, `YYYY-MM-DD`, that exists. */
const Day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, 'not a day (YYYY-MM-DD)')
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(d);
  }, 'not a day (YYYY-MM-DD)');
const Filter = z
  .object({
    status: z.enum(['TRIGGERED', 'ASSIGNED', 'RESOLVED', 'IGNORED']),
    projectKey: z.string().regex(PROJECT_KEY, 'not a project key'),
    detector: DetectorId,
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
    presence: z.enum(['present', 'removed']),
    validity: z.enum(VALIDITIES),
    order: z.enum(INCIDENT_ORDERS),
    sort: z.enum(INCIDENT_SORTS),
    // Matched in lower case; blank means no search.
    search: z
      .string()
      .max(100)
      .transform((t) => t.trim().toLowerCase() || undefined),
    family: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'not a detector family'),
    firstSeenFrom: Day,
    firstSeenTo: Day,
  })
  .partial()
  .strict()
  .refine(
    (f) => !f.firstSeenFrom || !f.firstSeenTo || f.firstSeenFrom <= f.firstSeenTo,
    'the first-seen range ends before it starts',
  );
const ListIncidents = z
  .object({
    filter: Filter.optional(),
    limit: z.number().int().min(1).max(100).optional(),
    cursor: z.string().max(2000).optional(),
  })
  .strict();
const ExportIncidents = z
  .object({ filter: Filter.optional(), format: z.enum(EXPORT_FORMATS) })
  .strict();
const IncidentId = z
  .object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'not an incident id') })
  .strict();
/** Rows a bulk action takes at once: what one page of the list shows, and more. */
export const BULK_ACTION_MAX = 100;
const IncidentIds = z
  .array(IncidentId.shape.id)
  .min(1)
  .max(BULK_ACTION_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'an incident is named twice');
const Action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), assigneeId: AccountId }).strict(),
  z.object({ type: z.literal('unassign') }).strict(),
  z.object({ type: z.literal('resolve') }).strict(),
  z.object({ type: z.literal('ignore'), reason: z.enum(IGNORE_REASONS) }).strict(),
  z.object({ type: z.literal('reopen') }).strict(),
]);
const IncidentAction = z.object({ id: IncidentId.shape.id, action: Action }).strict();
const Summaries = z
  .object({
    id: IncidentId.shape.id,
    summaries: z
      .array(
        z
          .object({
            issueId: z.string().regex(/^\d{1,18}$/, 'not an issue id'),
            // Jira's summaries are at most 255 characters.
            text: z.string().max(1000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
const BulkAction = z.object({ ids: IncidentIds, action: Action }).strict();
const IncidentDetail = z
  .object({ id: IncidentId.shape.id, cursor: z.string().min(1).max(4000).optional() })
  .strict();
const ProjectKeys = z.array(z.string().regex(PROJECT_KEY, 'not a project key')).max(5000);
const StartScan = z
  .object({
    projects: ProjectKeys.min(1).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
const ControlScan = z
  .object({ jobId: JobIdShape, action: z.enum(['pause', 'resume', 'cancel']) })
  .strict();
const JobId = z.object({ jobId: JobIdShape }).strict();
const Token = z.object({ token: z.string().min(8).max(4096).nullable() }).strict();
/** The assignee picker: a part of a name, and the incidents the person would be assigned. */
const AssigneeQuery = z
  .object({ ids: IncidentIds, query: z.string().trim().min(1).max(100) })
  .strict();
/** People the assignee picker offers at once. */
export const ASSIGNEES_SHOWN = 20;
const GroupQuery = z.object({ query: z.string().trim().max(255) }).strict();
const AccountIds = z.object({ accountIds: z.array(AccountId).min(1).max(BULK_USERS) }).strict();
const TestDetector = z
  .object({
    name: z.string().min(1).max(80),
    pattern: z.string().min(1).max(1000),
    text: z.string().max(20_000),
  })
  .strict();

// --- shared pieces ----------------------------------------------------------------------------

/** Scheme, host and port of a saved (already checked) address; null for none. */
function originOf(url: string | null): string | null {
  return url === null ? null : new URL(url).origin;
}

async function publicSettings(deps: ResolverDeps, settings: Settings) {
  return {
    ...settings,
    incidentApiTokenSet: (await deps.secrets.get(INCIDENT_API_TOKEN)) !== undefined,
    // Saved before a limit that now refuses them: not run, and the admin must be told why.
    customDetectorErrors: settings.customDetectors.flatMap((c, index) => {
      const r = compileCustomDetector(c);
      return r.ok ? [] : [{ index, error: r.error }];
    }),
    // Looked up live: only the id is kept, and the group may have been renamed since.
    teamGroupName:
      settings.teamGroupId === null ? null : await groupName(deps, settings.teamGroupId),
    // What the admin reads before turning checks on: which host receives which secrets, and why.
    validityCheckers: CHECKERS.map((c) => ({
      provider: c.provider,
      name: c.name,
      host: c.host,
      why: c.why,
      docs: c.docs,
      detectors: c.detectors,
      enabled: isProviderChecked(settings, c.provider),
    })),
  };
}

/** A group's name as Jira has it now; null when no group has this id any more. */
async function groupName(deps: ResolverDeps, groupId: string): Promise<string | null> {
  const [group] = await deps.asApp.groupsById([groupId]);
  return group?.groupId === groupId ? group.name : null;
}

async function incidentsPage(
  deps: ResolverDeps,
  raw: unknown,
  projectKey?: string,
): Promise<ResolverResult> {
  const p = ListIncidents.safeParse(raw ?? {});
  if (!p.success) return fail('invalid', zodMessage(p.error));
  const filter: IncidentFilter = {
    ...stripUndefined(p.data.filter ?? {}),
    ...(projectKey ? { projectKey } : {}),
  };
  let page;
  try {
    page = await deps.store.listIncidents(filter, p.data.limit ?? 25, p.data.cursor);
  } catch {
    return fail('invalid', 'the cursor is not valid any more: start from the first page');
  }
  const items = projectKey
    ? await Promise.all(page.items.map((i) => projectView(deps, i, projectKey)))
    : page.items.map(publicIncident);
  // The total of the current filters comes with the first page (counted up to TOTAL_CAP).
  const total =
    p.data.cursor === undefined ? await deps.store.countIncidents(filter, TOTAL_CAP) : undefined;
  return ok({ ...page, items, ...(total ? { total } : {}) });
}

/** The places of one incident in one project, first seen first. */
async function* projectPlaces(
  deps: ResolverDeps,
  incidentId: string,
  projectKey: string,
): AsyncGenerator<StoredOccurrence> {
  for await (const o of placesOf(deps.store, incidentId, OCCURRENCES_PER_PAGE))
    if (o.location.projectKey === projectKey) yield o;
}

/** The incident as the page of `projectKey` may see it (see projectIncident). */
async function projectView(
  deps: ResolverDeps,
  incident: Incident,
  projectKey: string,
): Promise<ProjectIncident> {
  let figures = incident.by_project?.[projectKey];
  if (!figures && incident.project_keys.every((k) => k === projectKey)) figures = incident;
  if (!figures) {
    // Stored before per-project figures existed, and shared: counted from its places (once: the
    // incident's next write stores them).
    const places: StoredOccurrence[] = [];
    for await (const o of projectPlaces(deps, incident.id, projectKey)) places.push(o);
    figures = figuresOf(places) ?? {
      occurrences_count: 0,
      present_count: 0,
      date: incident.date,
      last_seen: incident.date,
    };
  }
  return projectIncident(incident, projectKey, figures);
}

/** `{a?: T | undefined}` (what zod gives) -> `{a?: T}` (what exactOptionalPropertyTypes wants). */
type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };
function stripUndefined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}

/** The payload, checked, and the incident it names when this page may see it (else its answer). */
async function namedIncident<T extends { id: string }>(
  deps: ResolverDeps,
  schema: z.ZodType<T>,
  raw: unknown,
  projectKey: string | undefined,
): Promise<{ data: T; incident: Incident } | ResolverResult> {
  const p = schema.safeParse(raw);
  if (!p.success) return fail('invalid', zodMessage(p.error));
  const incident = await deps.store.getIncident(p.data.id);
  if (!incident || (projectKey && !incident.project_keys.includes(projectKey)))
    return fail('not-found', 'no such incident');
  return { data: p.data, incident };
}

const OCCURRENCES_PER_PAGE = 100;

async function incidentDetail(
  deps: ResolverDeps,
  raw: unknown,
  projectKey?: string,
): Promise<ResolverResult> {
  const named = await namedIncident(deps, IncidentDetail, raw, projectKey);
  if (!('incident' in named)) return named;
  const { data, incident } = named;
  if (projectKey) return projectDetail(deps, incident, projectKey, data.cursor);
  // A page of places at a time: a secret pasted into thousands of issues has thousands of them.
  let page;
  try {
    page = await deps.store.occurrencePage(incident.id, OCCURRENCES_PER_PAGE, data.cursor);
  } catch (e) {
    if (data.cursor === undefined) throw e;
    return fail('invalid', 'the cursor is not valid any more: open the incident again');
  }
  // What to do about it, with the first page only (a later page adds places, not advice).
  const guidance =
    data.cursor === undefined
      ? await incidentGuidance(
          incident,
          page.cursor === undefined ? page.items : placesOf(deps.store, incident.id),
        )
      : undefined;
  return ok({
    incident: publicIncident(incident),
    occurrences: page.items.map(shownOccurrence),
    names: await placeNamesOf(deps, page.items),
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
    ...(guidance ? { guidance } : {}),
    ...(data.cursor === undefined ? await shownNotifications(deps, incident.id) : {}),
  });
}

const shownOccurrence = ({ scope: _s, incident_id: _i, ...o }: StoredOccurrence) => o;

/** Store pages one project page's call walks at most (the other projects' places are skipped). */
const PROJECT_PAGE_READS = 10;

/**
 * Where a project page's next place is: the store cursor of the page that holds it (empty: the
 * first page) and how many of that page's places in the project come before it, as
 * `<before>.<store cursor>`. "Load more" reads on from there, not from the first place again.
 */
interface ProjectCursor {
  readonly page: string | undefined;
  readonly before: number;
}
const PROJECT_CURSOR_RE = /^(\d{1,3})\.([\s\S]*)$/;

function parseProjectCursor(cursor: string): ProjectCursor | undefined {
  const m = PROJECT_CURSOR_RE.exec(cursor);
  const before = Number(m?.[1]);
  if (!m || before >= OCCURRENCES_PER_PAGE) return undefined;
  return { page: m[2] || undefined, before };
}

/**
 * Up to a page of the project's places from `from`, and where the next one is. Bounded: at most
 * PROJECT_PAGE_READS store pages per call; past them the cursor resumes where the walk stopped.
 */
async function projectPlacesPage(
  deps: ResolverDeps,
  incidentId: string,
  projectKey: string,
  from: ProjectCursor,
): Promise<{ found: StoredOccurrence[]; next?: ProjectCursor }> {
  const found: StoredOccurrence[] = [];
  let { page: at, before } = from;
  for (let reads = 1; ; reads++) {
    const page = await deps.store.occurrencePage(incidentId, OCCURRENCES_PER_PAGE, at);
    const mine = page.items.filter((o) => o.location.projectKey === projectKey);
    for (let k = before; k < mine.length; k++) {
      if (found.length === OCCURRENCES_PER_PAGE) return { found, next: { page: at, before: k } };
      found.push(mine[k] as StoredOccurrence);
    }
    if (page.cursor === undefined) return { found };
    at = page.cursor;
    before = 0;
    if (reads === PROJECT_PAGE_READS) return { found, next: { page: at, before } };
  }
}

/** A project page's view of an incident: its own places only, a page at a time. */
async function projectDetail(
  deps: ResolverDeps,
  incident: Incident,
  projectKey: string,
  cursor: string | undefined,
): Promise<ResolverResult> {
  const from = cursor === undefined ? { page: undefined, before: 0 } : parseProjectCursor(cursor);
  const stale = () => fail('invalid', 'the cursor is not valid any more: open the incident again');
  if (!from) return stale();
  let result;
  try {
    result = await projectPlacesPage(deps, incident.id, projectKey, from);
  } catch (e) {
    if (cursor === undefined) throw e;
    return stale();
  }
  const { found, next } = result;
  const guidance =
    cursor === undefined
      ? await incidentGuidance(
          incident,
          next ? projectPlaces(deps, incident.id, projectKey) : found,
        )
      : undefined;
  return ok({
    incident: await projectView(deps, incident, projectKey),
    occurrences: found.map(shownOccurrence),
    names: await placeNamesOf(deps, found),
    ...(next ? { cursor: `${String(next.before)}.${next.page ?? ''}` } : {}),
    ...(guidance ? { guidance } : {}),
    ...(cursor === undefined ? await shownNotifications(deps, incident.id, projectKey) : {}),
  });
}

/** Every built-in detector, and whether these settings run it. */
function detectorInfos(settings: Settings) {
  return DETECTORS.map((d) => ({
    id: d.id,
    name: d.name,
    family: d.family,
    category: d.category,
    generic: d.enabledByDefault === false,
    enabled: isDetectorEnabled(settings, d.id),
  }));
}

/**
 * What the incidents' detector filter offers: every built-in detector (one switched off may still
 * have incidents) and the custom ones; ids and names only, never a pattern.
 */
async function filterDetectors(deps: ResolverDeps): Promise<ResolverResult> {
  const settings = await loadSettings(deps.docs);
  return ok([
    ...DETECTORS.map(({ id, name, family }) => ({ id, name, family })),
    ...customDetectorsOf(settings).map((c) => ({ id: c.id, name: c.name, family: 'custom' })),
  ]);
}

const NO_PEOPLE_LOOKUP =
  'your Jira account may not look up people (it needs the Browse users and groups permission)';

/** Jira's 403 on a user look-up: the caller lacks "Browse users and groups". */
async function asBrowsingUser(run: () => Promise<unknown>): Promise<ResolverResult> {
  try {
    return ok(await run());
  } catch (e) {
    if (e instanceof JiraHttpError && e.status === 403) return fail('forbidden', NO_PEOPLE_LOOKUP);
    throw e;
  }
}

/**
 * The assignee picker: people whose name matches who can see every incident named (see
 * assignees.ts), at most ASSIGNEES_SHOWN. Jira is asked as the app, so the viewer must hold
 * "Browse users and groups" themselves: the picker shows no name Jira would not show them. A
 * project page names only incidents wholly its own (the ones it may act on).
 */
async function searchAssignees(
  deps: ResolverDeps,
  raw: unknown,
  projectKey?: string,
): Promise<ResolverResult> {
  const p = AssigneeQuery.safeParse(raw);
  if (!p.success) return fail('invalid', zodMessage(p.error));
  const incidents: Incident[] = [];
  for (const id of p.data.ids) {
    const incident = await deps.store.getIncident(id);
    if (!incident || (projectKey && !incident.project_keys.includes(projectKey)))
      return fail('not-found', 'no such incident');
    if (projectKey && incident.project_keys.some((k) => k !== projectKey))
      return fail('forbidden', SHARED_INCIDENT);
    incidents.push(incident);
  }
  const { USER_PICKER } = await deps.asUser.myPermissions(['USER_PICKER']);
  if (!USER_PICKER) return fail('forbidden', NO_PEOPLE_LOOKUP);
  const audience = audienceOf(incidents, (await loadSettings(deps.docs)).teamGroupId);
  return ok(await createAccessProbe(deps.asApp).people(audience, p.data.query, ASSIGNEES_SHOWN));
}

/**
 * Refuses to assign an incident to someone who cannot see it (undefined when they can). The
 * caller assigning themselves was let in by the same rule on this very call.
 */
async function assigneeRefusal(
  deps: ResolverDeps,
  probe: AccessProbe,
  incident: Incident,
  assigneeId: string,
): Promise<ResolverResult | undefined> {
  const { teamGroupId } = await loadSettings(deps.docs);
  const gap = await probe.gap(audienceOf([incident], teamGroupId), assigneeId);
  if (!gap) return undefined;
  let name = 'This person';
  try {
    name = (await deps.asUser.usersByIds([assigneeId]))[0]?.displayName ?? name;
  } catch {
    // Without a name the refusal still says why.
  }
  return fail('invalid', cannotSee(name, gap, teamGroupId !== null));
}

function userNames(deps: ResolverDeps, raw: unknown): Promise<ResolverResult> {
  const p = AccountIds.safeParse(raw);
  if (!p.success) return Promise.resolve(fail('invalid', zodMessage(p.error)));
  return asBrowsingUser(() => deps.asUser.usersByIds(p.data.accountIds));
}

async function incidentAction(
  deps: ResolverDeps,
  raw: unknown,
  accountId: string,
  projectKey?: string,
  probe: AccessProbe = createAccessProbe(deps.asApp),
): Promise<ResolverResult> {
  const named = await namedIncident(deps, IncidentAction, raw, projectKey);
  if (!('incident' in named)) return named;
  const { data, incident } = named;
  // One incident per site: a project page may change it only when no other project holds it,
  // else one project's people would resolve or ignore another's leak.
  if (projectKey && incident.project_keys.some((k) => k !== projectKey))
    return fail('forbidden', SHARED_INCIDENT);
  // Judged on the projects as read now; a scan adding a project in the meantime is rare, and the
  // new project's page then shows the incident shared (acted on from the admin page only).
  if (data.action.type === 'assign' && data.action.assigneeId !== accountId) {
    const refused = await assigneeRefusal(deps, probe, incident, data.action.assigneeId);
    if (refused) return refused;
  }
  // Applied to the incident as stored when it is written: a scan that moved its counts in the
  // meantime is kept, and the action is judged on the state it really changes.
  let refused: string | undefined;
  const written = await updateIncident(deps.store, incident.id, (now) => {
    const r = applyAction(now, data.action, accountId, deps.now());
    refused = r.ok ? undefined : r.error;
    return r.ok ? r.incident : undefined;
  });
  if (!written) return fail('conflict', refused ?? 'the incident changed: try again');
  await enqueueIncidents(deps, [written.id]);
  return ok(projectKey ? await projectView(deps, written, projectKey) : publicIncident(written));
}

/** The issue summaries the page fetched as the viewer, each secret in them masked. */
async function summaries(
  deps: ResolverDeps,
  raw: unknown,
  projectKey?: string,
): Promise<ResolverResult> {
  const named = await namedIncident(deps, Summaries, raw, projectKey);
  if (!('incident' in named)) return named;
  const { data, incident } = named;
  return ok(await maskSummaries(deps, incident, data.summaries));
}

/**
 * The Notify action: Jira emails the people involved in each place not notified yet (see
 * notify.ts). Only when an admin turned notifications on; from a project page, like any action,
 * only on an incident no other project holds.
 */
async function notifyIncident(
  deps: ResolverDeps,
  raw: unknown,
  accountId: string,
  projectKey?: string,
): Promise<ResolverResult> {
  const named = await namedIncident(deps, IncidentId, raw, projectKey);
  if (!('incident' in named)) return named;
  const { incident } = named;
  if (projectKey && incident.project_keys.some((k) => k !== projectKey))
    return fail('forbidden', SHARED_INCIDENT);
  if ((await loadSettings(deps.docs)).notifyPeople !== true)
    return fail('forbidden', NOTIFICATIONS_OFF);
  const places: StoredOccurrence[] = [];
  for await (const o of placesOf(deps.store, incident.id, OCCURRENCES_PER_PAGE)) places.push(o);
  const r = await notifyPlaces(deps, incident, places, accountId);
  return ok({ ...r, notifications: await notificationsOf(deps.docs, incident.id) });
}

export const NOTIFICATIONS_OFF =
  'notifications are off: a Jira administrator turns them on in the app’s settings';

/**
 * The notifications of an incident a page may see (a project page, its own issues' only), and
 * whether the Notify action is on.
 */
async function shownNotifications(deps: ResolverDeps, incidentId: string, projectKey?: string) {
  const all = await notificationsOf(deps.docs, incidentId);
  return {
    notifications: projectKey ? all.filter((n) => n.issue_key.startsWith(`${projectKey}-`)) : all,
    notifications_enabled: (await loadSettings(deps.docs)).notifyPeople === true,
  };
}

/**
 * One action on several incidents: each is checked and changed exactly as incidentAction does
 * (a project page's scoping included), and each answers for itself.
 */
async function bulkIncidentAction(
  deps: ResolverDeps,
  raw: unknown,
  accountId: string,
  projectKey?: string,
): Promise<ResolverResult> {
  const p = BulkAction.safeParse(raw);
  if (!p.success) return fail('invalid', zodMessage(p.error));
  const results = [];
  // One probe for every row: the assignee's rights are asked once per project, not per row.
  const probe = createAccessProbe(deps.asApp);
  for (const id of p.data.ids) {
    const r = await incidentAction(
      deps,
      { id, action: p.data.action },
      accountId,
      projectKey,
      probe,
    );
    results.push(r.ok ? { id, ok: true, incident: r.data } : { id, ok: false, error: r.error });
  }
  return ok({ results });
}

export const SHARED_INCIDENT =
  'this secret also appears in other projects: a Jira administrator handles it from the app’s admin page';

/** The overview of the site, or of the page's project (its own share only). */
async function incidentOverview(
  deps: ResolverDeps,
  raw: unknown,
  projectKey?: string,
): Promise<ResolverResult> {
  if (!Empty.safeParse(raw).success) return fail('invalid', 'takes no payload');
  const shown = (i: Incident) =>
    projectKey ? projectView(deps, i, projectKey) : Promise.resolve(publicIncident(i));
  return ok(await overviewOf(deps, shown, projectKey));
}

/**
 * Every incident the filter selects (up to EXPORT_LIMIT), as a CSV or JSON file: what the table
 * shows, masked previews and fingerprints only; a project page's file holds its own share.
 */
async function exportIncidents(
  deps: ResolverDeps,
  raw: unknown,
  projectKey?: string,
): Promise<ResolverResult> {
  const p = ExportIncidents.safeParse(raw);
  if (!p.success) return fail('invalid', zodMessage(p.error));
  const filter: IncidentFilter = {
    ...stripUndefined(p.data.filter ?? {}),
    ...(projectKey ? { projectKey } : {}),
  };
  const found: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listIncidents(filter, 100, cursor);
    found.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined && found.length < EXPORT_LIMIT + 1);
  const items = found.slice(0, EXPORT_LIMIT);
  const shown = projectKey
    ? await Promise.all(items.map((i) => projectView(deps, i, projectKey)))
    : items.map(publicIncident);
  return ok({
    ...exportFile(shown, p.data.format, deps.now(), projectKey),
    truncated: found.length > EXPORT_LIMIT,
  });
}

// --- the admin page ---------------------------------------------------------------------------

type Handler = (deps: ResolverDeps, payload: unknown, accountId: string) => Promise<ResolverResult>;

export const ADMIN_RESOLVERS: Record<string, Handler> = {
  async getOverview(deps) {
    const settings = await loadSettings(deps.docs);
    const jobs = await listJobs(deps, 10);
    return ok({
      settings: await publicSettings(deps, settings),
      jobs,
      pendingDeliveries: await deps.outbox.count(),
    });
  },

  async listProjects(deps) {
    const settings = await loadSettings(deps.docs);
    const projects = (await deps.asApp.projects()).flatMap((p) =>
      typeof p.key === 'string'
        ? [
            {
              id: String(p.id),
              key: p.key,
              name: typeof p.name === 'string' ? p.name : p.key,
              monitored: isMonitored(settings, p.key),
            },
          ]
        : [],
    );
    return ok(projects);
  },

  async updateSettings(deps, payload) {
    const before = await loadSettings(deps.docs);
    const r = applySettingsPatch(before, payload);
    if (!r.ok) return fail('invalid', r.error);
    if (
      r.value.teamGroupId !== null &&
      r.value.teamGroupId !== before.teamGroupId &&
      (await groupName(deps, r.value.teamGroupId)) === null
    )
      return fail('invalid', 'no such group: choose it again');
    // The token was given for one host: another origin (or none) must not receive it, so it is
    // deleted before the new address is saved (a crash in between leaves no token, not a leak).
    const moved = originOf(r.value.incidentApiUrl) !== originOf(before.incidentApiUrl);
    if (moved) await deps.secrets.delete(INCIDENT_API_TOKEN);
    await saveSettings(deps.docs, r.value);
    // A new destination gets every incident, not just future changes: once it has a token
    // (setIncidentApiToken starts it otherwise).
    if (r.value.incidentApiUrl && r.value.incidentApiUrl !== before.incidentApiUrl && !moved)
      await enqueueAll(deps);
    return ok(await publicSettings(deps, r.value));
  },

  async setIncidentApiToken(deps, payload) {
    const p = Token.safeParse(payload);
    if (!p.success) return fail('invalid', zodMessage(p.error));
    if (p.data.token === null) await deps.secrets.delete(INCIDENT_API_TOKEN);
    else await deps.secrets.set(INCIDENT_API_TOKEN, p.data.token);
    const settings = await loadSettings(deps.docs);
    if (p.data.token !== null && settings.incidentApiUrl) await enqueueAll(deps);
    return ok({ incidentApiTokenSet: p.data.token !== null });
  },

  async testIncidentApi(deps, payload) {
    if (!Empty.safeParse(payload).success) return fail('invalid', 'takes no payload');
    const settings = await loadSettings(deps.docs);
    const token = await deps.secrets.get(INCIDENT_API_TOKEN);
    if (!settings.incidentApiUrl || !token)
      return fail('invalid', 'set the incident API URL and token first');
    const api = createIncidentApi({
      fetch: deps.incidentApiFetch,
      baseUrl: settings.incidentApiUrl,
      token,
      siteUrl: deps.baseUrl,
    });
    const r = await api.testConnection();
    return ok(r.ok ? { reachable: true } : { reachable: false, kind: r.kind, message: r.message });
  },

  /** The team group picker: groups by a part of their name, with their ids. */
  async searchGroups(deps, payload) {
    const p = GroupQuery.safeParse(payload);
    if (!p.success) return fail('invalid', zodMessage(p.error));
    return ok(await deps.asApp.searchGroups(p.data.query, 20));
  },

  async listDetectors(deps) {
    return ok(detectorInfos(await loadSettings(deps.docs)));
  },

  async testCustomDetector(deps, payload) {
    const p = TestDetector.safeParse(payload);
    if (!p.success) return fail('invalid', zodMessage(p.error));
    const compiled = compileCustomDetector({ name: p.data.name, pattern: p.data.pattern });
    if (!compiled.ok) return ok({ valid: false, error: compiled.error });
    const scanner = createScanner({
      detectors: [],
      customDetectors: [compiled.detector],
      fingerprintKey: await fingerprintKey(deps),
    });
    const found = scanner.scan(p.data.text).findings;
    // What the pattern matched but scanning drops, and which filter dropped it (masked too).
    const kept = new Set(found.map((f) => `${f.start}:${f.end}`));
    const dropped = runCustomDetector(compiled.detector, p.data.text).flatMap((m) => {
      if (kept.has(`${m.start}:${m.end}`)) return [];
      const secret = p.data.text.slice(m.start, m.end);
      const why = placeholderReason(secret);
      return [
        {
          start: m.start,
          end: m.end,
          preview: redact(secret),
          filter: why === undefined ? 'overlap' : 'placeholder',
          reason:
            why === undefined
              ? 'it overlaps another match of the pattern'
              : `the placeholder filter dropped it: ${why.replaceAll(secret, redact(secret))}`,
        },
      ];
    });
    return ok({
      valid: true,
      matches: found.map((f) => ({
        start: f.start,
        end: f.end,
        line: f.line,
        column: f.column,
        preview: f.redacted,
      })),
      dropped,
    });
  },

  async startScan(deps, payload) {
    const p = StartScan.safeParse(payload ?? {});
    if (!p.success) return fail('invalid', zodMessage(p.error));
    const r = await startScan(deps, stripUndefined(p.data));
    return r.ok ? ok(r.value) : fail('conflict', r.error);
  },

  async controlScan(deps, payload) {
    const p = ControlScan.safeParse(payload);
    if (!p.success) return fail('invalid', zodMessage(p.error));
    const r = await controlScan(deps, p.data.jobId, p.data.action);
    return r.ok ? ok(r.value) : fail('conflict', r.error);
  },

  async getScan(deps, payload) {
    const p = JobId.safeParse(payload);
    if (!p.success) return fail('invalid', zodMessage(p.error));
    const job = await getJob(deps, p.data.jobId);
    return job ? ok(job) : fail('not-found', 'no such scan');
  },

  async listScans(deps) {
    return ok(await listJobs(deps, 50));
  },

  /**
   * "Check coverage": what Jira shows the viewing admin and keeps from the app (projects, issues,
   * comments), counted and stored; no content is read or kept.
   */
  async checkCoverage(deps, payload) {
    if (!Empty.safeParse(payload).success) return fail('invalid', 'takes no payload');
    return ok(await checkCoverage(deps));
  },

  /** What real-time scanning could not read or left to the rescan queue, newest first. */
  async listRealtimeSkips(deps, payload) {
    if (!Empty.safeParse(payload).success) return fail('invalid', 'takes no payload');
    return ok(await realtimeSkips(deps));
  },

  listIncidents: (deps, payload) => incidentsPage(deps, payload),
  incidentOverview: (deps, payload) => incidentOverview(deps, payload),
  exportIncidents: (deps, payload) => exportIncidents(deps, payload),
  getIncident: (deps, payload) => incidentDetail(deps, payload),
  maskSummaries: (deps, payload) => summaries(deps, payload),
  incidentAction: (deps, payload, accountId) => incidentAction(deps, payload, accountId),
  notifyIncident: (deps, payload, accountId) => notifyIncident(deps, payload, accountId),
  bulkIncidentAction: (deps, payload, accountId) => bulkIncidentAction(deps, payload, accountId),
  /** "Check now": reads a place of the incident again, checks its secret, forgets it. */
  async checkValidity(deps, payload) {
    const p = IncidentId.safeParse(payload);
    if (!p.success) return fail('invalid', zodMessage(p.error));
    const r = await checkNow(deps, p.data.id);
    return r.ok ? ok(publicIncident(r.incident)) : fail(r.code, r.error);
  },
  filterDetectors,
  searchAssignees: (deps, payload) => searchAssignees(deps, payload),
  userNames,

  getNotice() {
    return Promise.resolve(ok({ text: NOTICE_TEXT }));
  },
};

export const PROJECT_RESOLVERS: Record<
  string,
  (
    deps: ResolverDeps,
    payload: unknown,
    accountId: string,
    projectKey: string,
  ) => Promise<ResolverResult>
> = {
  getProjectContext: (_deps, _payload, _accountId, projectKey) =>
    Promise.resolve(ok({ projectKey })),
  listIncidents: (deps, payload, _a, projectKey) => incidentsPage(deps, payload, projectKey),
  incidentOverview: (deps, payload, _a, projectKey) => incidentOverview(deps, payload, projectKey),
  exportIncidents: (deps, payload, _a, projectKey) => exportIncidents(deps, payload, projectKey),
  getIncident: (deps, payload, _a, projectKey) => incidentDetail(deps, payload, projectKey),
  maskSummaries: (deps, payload, _a, projectKey) => summaries(deps, payload, projectKey),
  incidentAction: (deps, payload, accountId, projectKey) =>
    incidentAction(deps, payload, accountId, projectKey),
  notifyIncident: (deps, payload, accountId, projectKey) =>
    notifyIncident(deps, payload, accountId, projectKey),
  bulkIncidentAction: (deps, payload, accountId, projectKey) =>
    bulkIncidentAction(deps, payload, accountId, projectKey),
  filterDetectors,
  searchAssignees: (deps, payload, _a, projectKey) => searchAssignees(deps, payload, projectKey),
  userNames,
};

// --- access -----------------------------------------------------------------------------------

async function guarded(
  name: string,
  deps: ResolverDeps,
  run: () => Promise<ResolverResult>,
): Promise<ResolverResult> {
  try {
    return await run();
  } catch (e) {
    // Jira trouble is told plainly; anything else goes to the logs and is shown generically.
    if (e instanceof JiraRateLimitError)
      return fail(
        'unavailable',
        `Jira is rate-limiting the app; try again in ${Math.ceil(e.retryAfterMs / 1000)} s`,
      );
    // Everything else is logged; the caller gets the page's words, never an endpoint or a path.
    deps.logError?.(name, e);
    if (e instanceof JiraHttpError)
      return fail('unavailable', 'Jira did not answer the app; try again in a moment');
    return fail('unavailable', 'the app could not complete this request; try again in a moment');
  }
}

export async function callAdmin(
  name: string,
  inv: Invocation,
  deps: ResolverDeps,
): Promise<ResolverResult> {
  const handler = ADMIN_RESOLVERS[name];
  if (!handler || !Object.hasOwn(ADMIN_RESOLVERS, name))
    return fail('not-found', `no resolver ${name}`);
  const accountId = inv.accountId;
  if (!accountId) return fail('forbidden', 'sign in to Jira to use this page');
  return guarded(name, deps, async () => {
    const perms = await deps.asUser.myPermissions(['ADMINISTER']);
    if (!perms.ADMINISTER) return fail('forbidden', 'only Jira administrators can use this page');
    return handler(deps, inv.payload, accountId);
  });
}

export async function callProject(
  name: string,
  inv: Invocation,
  deps: ResolverDeps,
): Promise<ResolverResult> {
  const handler = PROJECT_RESOLVERS[name];
  if (!handler || !Object.hasOwn(PROJECT_RESOLVERS, name))
    return fail('not-found', `no resolver ${name}`);
  const { accountId, projectKey } = inv;
  if (!accountId) return fail('forbidden', 'sign in to Jira to use this page');
  if (!projectKey || !PROJECT_KEY.test(projectKey))
    return fail('invalid', 'this page is not in a project');
  return guarded(name, deps, async () => {
    let perms;
    try {
      perms = await deps.asUser.myPermissions(
        ['ADMINISTER_PROJECTS', 'BROWSE_PROJECTS'],
        projectKey,
      );
    } catch (e) {
      // Jira's 404 for a project that does not exist, or that the caller may not see.
      if (e instanceof JiraHttpError && e.status === 404)
        return fail('not-found', 'no such project, or you may not see it');
      throw e;
    }
    let allowed = perms.ADMINISTER_PROJECTS === true;
    // The team sees incidents of the projects its members may browse, and no others. The group
    // is compared by id: a renamed group keeps its members, a reused name gains nothing.
    if (!allowed && perms.BROWSE_PROJECTS === true) {
      const { teamGroupId } = await loadSettings(deps.docs);
      allowed =
        teamGroupId !== null &&
        (await deps.asApp.userGroups(accountId)).some((g) => g.groupId === teamGroupId);
    }
    if (!allowed)
      return fail(
        'forbidden',
        'only administrators of this project, or the team allowed to see incidents, can see them',
      );
    return handler(deps, inv.payload, accountId, projectKey);
  });
}

export type { Incident };
