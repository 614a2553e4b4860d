/**
 * A fake backend for the UI's component tests: resolver answers by name, every call recorded, and
 * data builders shaped like the backend's types.
 */
import { DEFAULT_SETTINGS } from '../../src/admin/settings.js';
import type {
  DetectorInfo,
  HistoricalJob,
  Incident,
  IncidentOverview,
  Occurrence,
  Project,
  PublicSettings,
} from '../../static/admin/src/types';

export type Answer =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

export const ok = (data: unknown): Answer => ({ ok: true, data });
export const fail = (code: string, message: string): Answer => ({
  ok: false,
  error: { code, message },
});

type Handler = (payload: Record<string, unknown>) => Answer | Promise<Answer>;

export interface FakeBackend {
  /** Goes in place of `invoke` from @forge/bridge. */
  readonly invoke: (name: string, payload?: Record<string, unknown>) => Promise<Answer>;
  readonly calls: { name: string; payload: Record<string, unknown> }[];
  /** The payloads of one resolver's calls, oldest first. */
  payloads(name: string): Record<string, unknown>[];
  on(name: string, handler: Handler): void;
}

export function fakeBackend(handlers: Record<string, Handler> = {}): FakeBackend {
  const table = new Map(Object.entries(handlers));
  const calls: FakeBackend['calls'] = [];
  return {
    calls,
    invoke: async (name, payload) => {
      const p = payload ?? {};
      calls.push({ name, payload: structuredClone(p) });
      const h = table.get(name);
      if (!h) return fail('not-found', `no resolver ${name}`);
      return h(p);
    },
    payloads: (name) => calls.filter((c) => c.name === name).map((c) => c.payload),
    on: (name, handler) => {
      table.set(name, handler);
    },
  };
}

/**
 * Makes `invoke` (the bridge's mock) hold every call of `name` until the returned function is
 * called: to see what the page shows while a change is saved.
 */
export function holdCalls(
  invoke: { mockImplementation(f: FakeBackend['invoke']): unknown },
  b: FakeBackend,
  name: string,
): () => void {
  const gate = deferred<undefined>();
  invoke.mockImplementation(async (n, payload) => {
    if (n === name) await gate.promise;
    return b.invoke(n, payload);
  });
  return () => {
    gate.resolve(undefined);
  };
}

/** An answer that arrives only when the test says so (to see loading states). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const ME = '557058:aa11bb22-cc33-4d44-8e55-ff6677889900';

export function incident(over: Partial<Incident> & { id: string }): Incident {
  return {
    detector: {
      name: 'github-pat',
      display_name: 'GitHub personal access token',
      family: 'GitHub',
    },
    secret_hash: 'f'.repeat(64),
    secret_preview: 'ghp_****Tc',
    severity: 'critical',
    validity: 'not_checked',
    status: 'TRIGGERED',
    regression: false,
    presence: 'present',
    occurrences_count: 2,
    present_count: 2,
    project_keys: ['PAY'],
    date: '2026-01-02T10:00:00.000Z',
    last_seen: '2026-01-05T10:00:00.000Z',
    updated_at: '2026-01-05T10:00:00.000Z',
    ...over,
  };
}

export const INCIDENT_ID = 'a'.repeat(32);
export const OTHER_ID = 'b'.repeat(32);

export function occurrence(over: Partial<Occurrence> & { id: string }): Occurrence {
  return {
    kind: 'historical',
    presence: 'present',
    url: 'https://acme-example.atlassian.net/browse/PAY-12?focusedCommentId=10100',
    location: {
      projectKey: 'PAY',
      issueKey: 'PAY-12',
      issueId: '10012',
      field: 'comment',
      commentId: '10100',
    },
    matches: [{ indice_start: 10, indice_end: 50, line: 3, column: 5 }],
    date: '2026-01-02T10:00:00.000Z',
    last_seen: '2026-01-05T10:00:00.000Z',
    ...over,
  };
}

export function project(key: string, monitored = true, name = `${key} project`): Project {
  return { id: String(10000 + key.charCodeAt(0)), key, name, monitored };
}

export function settings(over: Partial<PublicSettings> = {}): PublicSettings {
  return { ...DEFAULT_SETTINGS, incidentApiTokenSet: false, teamGroupName: null, ...over };
}

export function job(over: Partial<HistoricalJob> & { id: string }): HistoricalJob {
  return {
    version: 1,
    status: 'running',
    projects: ['PAY', 'OPS'],
    jql: 'project in ("PAY", "OPS") ORDER BY id ASC',
    textFields: [],
    phase: 'issues',
    projectIndex: 0,
    doneInPage: 0,
    counters: {
      projectsScanned: 2,
      issuesScanned: 40,
      issuesEstimated: 160,
      units: 120,
      findings: 3,
      skipped: 0,
      pages: 1,
      steps: 2,
    },
    skips: [],
    errors: [],
    startedAt: '2026-01-06T09:00:00.000Z',
    updatedAt: '2026-01-06T09:01:00.000Z',
    ...over,
  };
}

export function detector(over: Partial<DetectorInfo> & { id: string }): DetectorInfo {
  return {
    name: over.id,
    family: 'Other',
    category: 'api_key',
    generic: false,
    enabled: true,
    ...over,
  };
}

/** An overview as the server answers it for a site: two open incidents, one skipped file. */
export function overview(over: Partial<IncidentOverview> = {}): IncidentOverview {
  const weeks = Array.from({ length: 12 }, (_, i) => ({
    week: new Date(Date.UTC(2026, 8, 14) + i * 7 * 86_400_000).toISOString().slice(0, 10),
    found: i === 10 ? 3 : i === 11 ? 1 : 0,
  }));
  return {
    scope: 'site',
    open: { TRIGGERED: 2, ASSIGNED: 1 },
    bySeverity: [
      { value: 'critical', TRIGGERED: 1, ASSIGNED: 0 },
      { value: 'high', TRIGGERED: 1, ASSIGNED: 1 },
    ],
    byValidity: [{ value: 'not_checked', TRIGGERED: 2, ASSIGNED: 1 }],
    byProject: [
      { value: 'PAY', TRIGGERED: 2, ASSIGNED: 0 },
      { value: 'OPS', TRIGGERED: 0, ASSIGNED: 1 },
    ],
    byFamily: [
      {
        family: 'github',
        TRIGGERED: 2,
        ASSIGNED: 1,
        detectors: [
          { value: 'github-pat', name: 'GitHub personal access token', TRIGGERED: 2, ASSIGNED: 1 },
        ],
      },
    ],
    oldest: [incident({ id: INCIDENT_ID })],
    foundPerWeek: weeks,
    monitoring: {
      projectsVisible: 3,
      projectsMonitored: 2,
      realtimeEventsThisWeek: 7,
      lastScan: {
        status: 'done',
        startedAt: '2026-11-30T09:00:00.000Z',
        finishedAt: '2026-11-30T09:05:00.000Z',
        issuesScanned: 300,
        projects: 2,
      },
    },
    unread: {
      kinds: [{ kind: 'binary', label: 'Attachments skipped as binary files', count: 4 }],
      scanSkipped: 4,
    },
    hidden: { scan: null, coverage: null },
    ...over,
  };
}

/** An overview with nothing found yet. */
export const emptyOverview: IncidentOverview = overview({
  open: { TRIGGERED: 0, ASSIGNED: 0 },
  bySeverity: [],
  byValidity: [],
  byProject: [],
  byFamily: [],
  oldest: [],
  unread: { kinds: [], scanSkipped: 0 },
});
