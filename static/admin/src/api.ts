/**
 * The one place the UI talks to its resolvers. Every call goes through `invoke` and answers
 * `{ok: true, data}` or `{ok: false, error: {code, message}}`; a failure becomes an `ApiError` the
 * views show as it is. The names each page may call are listed here, and only these can be called
 * (a test checks each one exists on the backend).
 */
import { invoke, permissions, requestJira } from '@forge/bridge';
import type {
  Coverage,
  ConnectionTest,
  DetectorChoice,
  DetectorInfo,
  DetectorTest,
  ErrorCode,
  HistoricalJob,
  Incident,
  IncidentAction,
  IncidentDetail,
  IncidentPage,
  IncidentExport,
  IncidentFilter,
  IncidentOverview,
  IncidentQuery,
  BulkRowResult,
  JiraGroup,
  JiraUser,
  MaskedSummary,
  NotifyAnswer,
  Overview,
  Project,
  PublicSettings,
  RealtimeSkip,
  ScanRequest,
  SettingsPatch,
} from './types';

/** The incident calls of both resolver tables. */
const INCIDENT_CALLS = [
  'listIncidents',
  'incidentOverview',
  'exportIncidents',
  'getIncident',
  'incidentAction',
  'notifyIncident',
  'bulkIncidentAction',
  'filterDetectors',
  'searchAssignees',
  'userNames',
  'maskSummaries',
] as const;

export const ADMIN_CALLS = [
  'getOverview',
  'listProjects',
  'updateSettings',
  'searchGroups',
  'setIncidentApiToken',
  'testIncidentApi',
  'listDetectors',
  'testCustomDetector',
  'startScan',
  'controlScan',
  'getScan',
  'listScans',
  'listRealtimeSkips',
  'checkCoverage',
  ...INCIDENT_CALLS,
  'checkValidity',
  'getNotice',
] as const;

export const PROJECT_CALLS = ['getProjectContext', ...INCIDENT_CALLS] as const;

export type AdminCall = (typeof ADMIN_CALLS)[number];
export type ProjectCall = (typeof PROJECT_CALLS)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Anything thrown on the way (the bridge, a bug) as an `ApiError`, so views show one kind. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError('unavailable', `the app could not be reached: ${message}`);
}

const ERROR_CODES: readonly string[] = [
  'forbidden',
  'invalid',
  'not-found',
  'conflict',
  'unavailable',
] satisfies ErrorCode[];

type Answer =
  { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

function isAnswer(x: unknown): x is Answer {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  if (x.ok === true) return 'data' in x;
  if (x.ok !== false || !('error' in x)) return false;
  const error = x.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    typeof error.code === 'string' &&
    ERROR_CODES.includes(error.code) &&
    typeof error.message === 'string'
  );
}

async function call<T>(name: string, payload?: Record<string, unknown>): Promise<T> {
  let answer: unknown;
  try {
    answer = await invoke(name, payload);
  } catch (e) {
    throw toApiError(e);
  }
  if (!isAnswer(answer)) throw new ApiError('unavailable', 'the app sent an unexpected answer');
  if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message);
  // The resolvers' answer shapes are the backend's types (see types.ts).
  return answer.data as T;
}

const adminCall = <T>(name: AdminCall, payload?: Record<string, unknown>): Promise<T> =>
  call<T>(name, payload);
const projectCall = <T>(name: ProjectCall, payload?: Record<string, unknown>): Promise<T> =>
  call<T>(name, payload);

/** What both pages can do with incidents; the project page's answers are its project's only. */
export interface IncidentsApi {
  listIncidents(query: IncidentQuery): Promise<IncidentPage>;
  /** Open incidents by severity, validity, project and detector; found per week; coverage. */
  incidentOverview(): Promise<IncidentOverview>;
  /** The incidents the filter selects as a CSV or JSON file (masked previews only). */
  exportIncidents(filter: IncidentFilter, format: 'csv' | 'json'): Promise<IncidentExport>;
  /** The incident and a page of its places (the next page with the cursor of the one before). */
  getIncident(id: string, cursor?: string): Promise<IncidentDetail>;
  incidentAction(id: string, action: IncidentAction): Promise<Incident>;
  /** Has Jira email the people involved in each place not notified yet (when turned on). */
  notifyIncident(id: string): Promise<NotifyAnswer>;
  /** One action on several incidents: each checked on its own, each with its own answer. */
  bulkIncidentAction(
    ids: readonly string[],
    action: IncidentAction,
  ): Promise<{ results: BulkRowResult[] }>;
  /** The detectors the incidents' filter offers (built-in and custom). */
  filterDetectors(): Promise<DetectorChoice[]>;
  /**
   * The assignee picker: people whose name matches who can see every one of the incidents (Jira
   * admins, their projects' admins, the team group), checked by the app.
   */
  searchAssignees(ids: readonly string[], query: string): Promise<JiraUser[]>;
  /** Names of at most 50 accounts, to show an assignee by name (names are never stored). */
  userNames(accountIds: readonly string[]): Promise<JiraUser[]>;
  /**
   * An issue's summary as Jira shows it to the viewer (their permissions apply); undefined when
   * Jira does not show them the issue. Never shown as it is: see `maskSummaries`.
   */
  issueSummary(issueId: string): Promise<string | undefined>;
  /** The summaries with every secret in them masked, checked by the app. */
  maskSummaries(
    id: string,
    summaries: readonly { issueId: string; text: string }[],
  ): Promise<MaskedSummary[]>;
  /** "Check now" (admin page only): reads a place again and checks the secret's validity. */
  checkValidity?: (id: string) => Promise<Incident>;
}

/** Jira's answers that mean "not for this viewer": the issue is gone or hidden from them. */
const NOT_SHOWN = new Set([401, 403, 404]);

async function issueSummary(issueId: string): Promise<string | undefined> {
  let r: Response;
  try {
    r = await requestJira(`/rest/api/3/issue/${encodeURIComponent(issueId)}?fields=summary`, {
      headers: { Accept: 'application/json' },
    });
  } catch (e) {
    throw toApiError(e);
  }
  if (NOT_SHOWN.has(r.status)) return undefined;
  if (!r.ok) throw new ApiError('unavailable', `Jira answered ${String(r.status)}`);
  const body = (await r.json()) as { fields?: { summary?: unknown } } | null;
  const summary = body?.fields?.summary;
  return typeof summary === 'string' ? summary : undefined;
}

const query = (q: IncidentQuery): Record<string, unknown> => ({ ...q });

/**
 * The incident calls both pages make: the same names on both resolver tables, and the bridge
 * sends each to the resolver of the page it runs on.
 */
const incidentCall = <T>(
  name: (typeof INCIDENT_CALLS)[number],
  payload?: Record<string, unknown>,
): Promise<T> => call<T>(name, payload);
const incidentCalls = {
  listIncidents: (q: IncidentQuery) => incidentCall<IncidentPage>('listIncidents', query(q)),
  incidentOverview: () => incidentCall<IncidentOverview>('incidentOverview'),
  exportIncidents: (filter: IncidentFilter, format: 'csv' | 'json') =>
    incidentCall<IncidentExport>('exportIncidents', { filter: { ...filter }, format }),
  getIncident: (id: string, cursor?: string) =>
    incidentCall<IncidentDetail>('getIncident', cursor ? { id, cursor } : { id }),
  incidentAction: (id: string, action: IncidentAction) =>
    incidentCall<Incident>('incidentAction', { id, action }),
  notifyIncident: (id: string) => incidentCall<NotifyAnswer>('notifyIncident', { id }),
  bulkIncidentAction: (ids: readonly string[], action: IncidentAction) =>
    incidentCall<{ results: BulkRowResult[] }>('bulkIncidentAction', { ids: [...ids], action }),
  filterDetectors: () => incidentCall<DetectorChoice[]>('filterDetectors'),
  searchAssignees: (ids: readonly string[], q: string) =>
    incidentCall<JiraUser[]>('searchAssignees', { ids: [...ids], query: q }),
  userNames: (accountIds: readonly string[]) =>
    incidentCall<JiraUser[]>('userNames', { accountIds: [...accountIds] }),
  issueSummary,
  maskSummaries: (id: string, summaries: readonly { issueId: string; text: string }[]) =>
    incidentCall<MaskedSummary[]>('maskSummaries', { id, summaries: [...summaries] }),
} satisfies IncidentsApi;

export const adminApi = {
  getOverview: () => adminCall<Overview>('getOverview'),
  listProjects: () => adminCall<Project[]>('listProjects'),
  updateSettings: (patch: SettingsPatch) =>
    adminCall<PublicSettings>('updateSettings', { ...patch }),
  /** Groups whose name contains `query`, with their ids (the team group is kept by id). */
  searchGroups: (query: string) => adminCall<JiraGroup[]>('searchGroups', { query }),
  setIncidentApiToken: (token: string | null) =>
    adminCall<{ incidentApiTokenSet: boolean }>('setIncidentApiToken', { token }),
  testIncidentApi: () => adminCall<ConnectionTest>('testIncidentApi'),
  listDetectors: () => adminCall<DetectorInfo[]>('listDetectors'),
  testCustomDetector: (name: string, pattern: string, text: string) =>
    adminCall<DetectorTest>('testCustomDetector', { name, pattern, text }),
  startScan: (request: ScanRequest) => adminCall<HistoricalJob>('startScan', { ...request }),
  controlScan: (jobId: string, action: 'pause' | 'resume' | 'cancel') =>
    adminCall<HistoricalJob>('controlScan', { jobId, action }),
  getScan: (jobId: string) => adminCall<HistoricalJob>('getScan', { jobId }),
  listScans: () => adminCall<HistoricalJob[]>('listScans'),
  listRealtimeSkips: () => adminCall<RealtimeSkip[]>('listRealtimeSkips'),
  checkCoverage: () => adminCall<Coverage>('checkCoverage'),
  ...incidentCalls,
  checkValidity: (id: string) => adminCall<Incident>('checkValidity', { id }),
  getNotice: () => adminCall<{ text: string }>('getNotice'),
} satisfies Record<AdminCall, unknown> & IncidentsApi;

export const projectApi = {
  getProjectContext: () => projectCall<{ projectKey: string }>('getProjectContext'),
  ...incidentCalls,
} satisfies Record<ProjectCall, unknown> & IncidentsApi;

export type AdminApi = typeof adminApi;
export type ProjectApi = typeof projectApi;

type EgressType = Parameters<
  typeof permissions.egress.set
>[0]['egresses'][number]['configured'][number]['type'][number];
/** `EgressType.FetchBackendSide` of @forge/egress, whose value the bridge sends as it is. */
const FETCH_BACKEND_SIDE = 'FETCH_BACKEND_SIDE' as unknown as EgressType;

/** The host the manifest already allows; any other incident API needs the admin's consent. */
const DECLARED_HOSTS = new Set(['api.gitguardian.com']);

/**
 * Asks Jira to let the app reach a self-hosted incident API (customer-managed egress): Jira shows
 * the admin its own consent dialog. Resolves to an error message when it was refused.
 */
export async function allowIncidentApiHost(url: string): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // the server says what is wrong with the address
  }
  if (DECLARED_HOSTS.has(parsed.hostname) || parsed.protocol !== 'https:') return undefined;
  try {
    await permissions.egress.set({
      egresses: [
        {
          key: 'incident-api',
          description: 'Incident API that receives Secret Scanner incidents',
          configured: [{ domain: parsed.origin, type: [FETCH_BACKEND_SIDE] }],
        },
      ],
    });
    return undefined;
  } catch {
    return `Jira did not allow the app to reach ${parsed.host}, so the address was not saved.`;
  }
}
