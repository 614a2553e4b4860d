/**
 * The overview of both pages: what is open and where, what was found week by week, how much is
 * monitored and what could not be read. Its figures come from tallies kept beside the incidents
 * (src/incidents/overview.ts): every incident write moves them, so the overview reads one document
 * per scope, never every incident. Tallies that do not exist yet (incidents recorded before this
 * version) are counted once from all incidents on the first overview.
 *
 * Tallies are read and written as documents without a lock: two writes of incidents at the same
 * moment may lose one's change to the counts. `recountOverview` heals them (the hourly watchdog
 * runs it), and the incidents table, read from the incidents themselves, stays exact.
 * @module
 */
import { DETECTORS } from '../detectors/index.js';
import type { Severity } from '../engine/types.js';
import { type Incident } from '../incidents/model.js';
import {
  applyWrite,
  byDimension,
  countChanges,
  EMPTY_TALLY,
  foundPerWeek,
  projectScope,
  scopesOf,
  SITE,
  tallyAll,
  weekOf,
  type OpenSplit,
  type Tally,
} from '../incidents/overview.js';
import type { IncidentStore } from '../incidents/store.js';
import type { HistoricalJob } from '../scan/historical.js';
import type { AppDeps } from './context.js';
import { realtimeEventsOf, realtimeSkips, type RealtimeSkip } from './events.js';
import { listJobs } from './jobs.js';
import type { DocumentStore } from './ports.js';
import { customDetectorsOf, isMonitored, loadSettings } from './settings.js';
import type { UnitSkip } from '../content/issue-units.js';
import { lastCoverage, scanPolicyOf } from './coverage.js';

const TALLY_PREFIX = 'overview:';
const tallyKey = (scope: string): string => `${TALLY_PREFIX}${scope}`;

/**
 * The incident store with its tallies kept in step: each write reads the stored version first and
 * moves the counts of the scopes it changes. Nothing moves until the site's tally exists (the
 * first overview counts it from all incidents).
 */
export function withOverviewTallies(store: IncidentStore, docs: DocumentStore): IncidentStore {
  // Whether tallies are kept, asked once per store (one invocation on Forge): a tally the first
  // overview creates meanwhile misses this invocation's writes until the hourly recount.
  let kept: boolean | undefined;
  return {
    ...store,
    async putIncident(after) {
      kept ??= (await docs.get<Tally>(tallyKey(SITE))) !== undefined;
      if (!kept) return store.putIncident(after);
      const before = await store.getIncident(after.id);
      await store.putIncident(after);
      await moveTallies(docs, before, after);
    },
    // Scans and actions write through commitIncident: a commit that lands was made on the
    // revision read here, so `before` is exactly what it replaced.
    async commitIncident(commit) {
      kept ??= (await docs.get<Tally>(tallyKey(SITE))) !== undefined;
      if (!kept) return store.commitIncident(commit);
      const before = await store.getIncident(commit.incident.id);
      const landed = await store.commitIncident(commit);
      if (landed) await moveTallies(docs, before, commit.incident);
      return landed;
    },
  };
}

/** What the oldest open lists depend on: status and first-seen dates, site-wide and per project. */
const placeOf = (i: Incident | undefined): string =>
  i === undefined
    ? ''
    : JSON.stringify([
        i.status,
        i.date,
        i.project_keys,
        Object.entries(i.by_project ?? {}).map(([k, f]) => [k, f.date]),
      ]);

async function moveTallies(
  docs: DocumentStore,
  before: Incident | undefined,
  after: Incident,
): Promise<void> {
  const changes = countChanges(before, after);
  const touched = new Set([...changes.keys()]);
  // The oldest open list changes when the incident opens, closes or enters or leaves a project.
  if (placeOf(before) !== placeOf(after))
    for (const s of [...scopesOf(before), ...scopesOf(after)]) touched.add(s);
  if (touched.size === 0) return;
  for (const scope of touched) {
    const tally = (await docs.get<Tally>(tallyKey(scope))) ?? EMPTY_TALLY;
    const next = applyWrite(tally, scope, changes.get(scope), after);
    if (JSON.stringify(next) !== JSON.stringify(tally)) await docs.set(tallyKey(scope), next);
  }
}

/** Every scope's tally counted again from all incidents. */
export async function recountOverview(deps: Pick<AppDeps, 'store' | 'docs'>): Promise<Tally> {
  const all: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listIncidents({}, 100, cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  const tallies = tallyAll(all);
  const stale = await deps.docs.list(tallyKey('project:'), 1000);
  for (const { key } of stale.items)
    if (!tallies.has(key.slice(TALLY_PREFIX.length))) await deps.docs.delete(key);
  for (const [scope, t] of tallies) if (scope !== SITE) await deps.docs.set(tallyKey(scope), t);
  // The site's tally last: it is what says the others are kept.
  const site = tallies.get(SITE) ?? EMPTY_TALLY;
  await deps.docs.set(tallyKey(SITE), site);
  return site;
}

async function tallyOf(deps: Pick<AppDeps, 'store' | 'docs'>, scope: string): Promise<Tally> {
  const site = await deps.docs.get<Tally>(tallyKey(SITE));
  if (site === undefined) {
    const counted = await recountOverview(deps);
    if (scope === SITE) return counted;
  } else if (scope === SITE) return site;
  return (await deps.docs.get<Tally>(tallyKey(scope))) ?? EMPTY_TALLY;
}

// --- what could not be read ---------------------------------------------------------------------

export const UNREAD_KINDS = {
  binary: 'Attachments skipped as binary files',
  'too-large': 'Attachments too large: only their first 1 MiB was scanned',
  'not-served': 'Attachments Jira would not serve',
  'over-budget': 'Text left to custom detectors’ time budget',
  other: 'Other content that could not be read',
} as const;
export type UnreadKind = keyof typeof UNREAD_KINDS;

export function unreadKind(skip: Pick<UnitSkip, 'reason' | 'code'>): UnreadKind {
  if (skip.code === 'over-budget') return 'over-budget';
  if (/^binary /.test(skip.reason)) return 'binary';
  if (/^only the first \d+ of \d+ bytes/.test(skip.reason)) return 'too-large';
  if (/^attachment not readable/.test(skip.reason)) return 'not-served';
  return 'other';
}

function countUnread(
  skips: readonly UnitSkip[],
): { kind: UnreadKind; label: string; count: number }[] {
  const counts = new Map<UnreadKind, number>();
  for (const s of skips) counts.set(unreadKind(s), (counts.get(unreadKind(s)) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, label: UNREAD_KINDS[kind], count }));
}

// --- the overview -------------------------------------------------------------------------------

const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const WEEKS = 12;
const OLDEST_SHOWN = 5;

export interface SplitRow extends OpenSplit {
  readonly value: string;
}

const rows = (m: Map<string, OpenSplit>): SplitRow[] =>
  [...m]
    .map(([value, split]) => ({ value, ...split }))
    .sort(
      (a, b) =>
        b.TRIGGERED + b.ASSIGNED - (a.TRIGGERED + a.ASSIGNED) || a.value.localeCompare(b.value),
    );

export interface FamilyRow {
  readonly family: string;
  readonly TRIGGERED: number;
  readonly ASSIGNED: number;
  readonly detectors: readonly (SplitRow & { readonly name: string })[];
}

function families(
  detectors: Map<string, OpenSplit>,
  names: ReadonlyMap<string, { name: string; family: string }>,
): FamilyRow[] {
  const out = new Map<
    string,
    { TRIGGERED: number; ASSIGNED: number; detectors: (SplitRow & { name: string })[] }
  >();
  for (const row of rows(detectors)) {
    const d = names.get(row.value) ?? { name: row.value, family: 'custom' };
    let f = out.get(d.family);
    if (!f) out.set(d.family, (f = { TRIGGERED: 0, ASSIGNED: 0, detectors: [] }));
    f.TRIGGERED += row.TRIGGERED;
    f.ASSIGNED += row.ASSIGNED;
    f.detectors.push({ ...row, name: d.name });
  }
  return [...out]
    .map(([family, f]) => ({ family, ...f }))
    .sort(
      (a, b) =>
        b.TRIGGERED + b.ASSIGNED - (a.TRIGGERED + a.ASSIGNED) || a.family.localeCompare(b.family),
    );
}

export interface LastScan {
  readonly status: HistoricalJob['status'];
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly issuesScanned: number;
  readonly projects: number;
}

/**
 * The overview of one scope: the site (admin page) or one project (`projectKey`: its own share,
 * nothing of other projects). `shown` turns the oldest open incidents into what the page may see.
 */
export async function overviewOf(
  deps: Pick<AppDeps, 'store' | 'docs' | 'asApp' | 'now'>,
  shown: (i: Incident) => Promise<unknown>,
  projectKey?: string,
) {
  const scope = projectKey === undefined ? SITE : projectScope(projectKey);
  const settings = await loadSettings(deps.docs);
  let tally = await tallyOf(deps, scope);
  // The list of oldest open incidents ran short: counted again (rare: only after many closed).
  if (!tally.complete && tally.oldest.length < OLDEST_SHOWN) {
    await recountOverview(deps);
    tally = await tallyOf(deps, scope);
  }
  const names = new Map<string, { name: string; family: string }>([
    ...DETECTORS.map((d) => [d.id, { name: d.name, family: d.family }] as const),
    ...customDetectorsOf(settings).map((c) => [c.id, { name: c.name, family: 'custom' }] as const),
  ]);
  const severity = byDimension(tally, 'severity');
  const oldest: unknown[] = [];
  for (const e of tally.oldest.slice(0, OLDEST_SHOWN)) {
    const i = await deps.store.getIncident(e.id);
    if (i) oldest.push(await shown(i));
  }
  const events = await realtimeEventsOf(deps, weekOf(deps.now()));
  // The scans and skips that concern this scope: a project's only its own places.
  const jobs = (await listJobs(deps, 10)).filter(
    (j) => projectKey === undefined || j.projects.includes(projectKey),
  );
  const last = jobs.find((j) => j.status === 'done') ?? jobs[0];
  const mine = (s: UnitSkip) => projectKey === undefined || s.location.projectKey === projectKey;
  const skips: UnitSkip[] = [
    ...(last?.skips ?? []).filter(mine),
    ...(await realtimeSkips(deps)).filter((s: RealtimeSkip) => mine(s)),
  ];
  const monitoring =
    projectKey === undefined
      ? await siteMonitoring(deps, settings)
      : { monitored: isMonitored(settings, projectKey) };
  return {
    scope: projectKey === undefined ? 'site' : 'project',
    ...(projectKey === undefined ? {} : { projectKey }),
    open: {
      TRIGGERED: tally.counts['status:TRIGGERED'] ?? 0,
      ASSIGNED: tally.counts['status:ASSIGNED'] ?? 0,
    },
    bySeverity: SEVERITY_ORDER.flatMap((s) => {
      const split = severity.get(s);
      return split ? [{ value: s, ...split }] : [];
    }),
    byValidity: rows(byDimension(tally, 'validity')),
    ...(projectKey === undefined ? { byProject: rows(byDimension(tally, 'project')) } : {}),
    byFamily: families(byDimension(tally, 'detector'), names),
    oldest,
    foundPerWeek: foundPerWeek(tally, deps.now(), WEEKS),
    monitoring: {
      ...monitoring,
      realtimeEventsThisWeek: events[scope] ?? 0,
      lastScan: last
        ? {
            status: last.status,
            startedAt: last.startedAt,
            ...(last.finishedAt ? { finishedAt: last.finishedAt } : {}),
            // A project page learns nothing of the other projects a scan read.
            ...(projectKey === undefined
              ? { issuesScanned: last.counters.issuesScanned, projects: last.projects.length }
              : {}),
          }
        : null,
    },
    unread: {
      kinds: countUnread(skips),
      // Kept skips are the first 100 of a scan: the scan's own count says how many in all.
      ...(projectKey === undefined && last ? { scanSkipped: last.counters.skipped } : {}),
    },
    hidden: await hiddenFromApp(deps, last, projectKey),
  };
}

/**
 * What Jira keeps from the app: the last scan's app access rules, and the last coverage check. A
 * project page gets only its own project's figures.
 */
async function hiddenFromApp(
  deps: Pick<AppDeps, 'docs'>,
  last: HistoricalJob | undefined,
  projectKey: string | undefined,
) {
  const policy = last ? await scanPolicyOf(deps, last.id) : undefined;
  const coverage = await lastCoverage(deps);
  const scan = policy
    ? {
        checkedAt: policy.checkedAt,
        blocked:
          projectKey === undefined
            ? policy.blocked
            : policy.blocked.filter((k) => k === projectKey),
      }
    : null;
  if (projectKey === undefined) return { scan, coverage: coverage ?? null };
  const mine = coverage?.compared.find((p) => p.key === projectKey);
  return {
    scan,
    coverage: coverage
      ? {
          checkedAt: coverage.checkedAt,
          blocked: coverage.blockedProjects.includes(projectKey),
          ...(mine ? { project: mine } : {}),
        }
      : null,
  };
}

async function siteMonitoring(
  deps: Pick<AppDeps, 'asApp'>,
  settings: Awaited<ReturnType<typeof loadSettings>>,
) {
  const keys = (await deps.asApp.projects()).flatMap((p) =>
    typeof p.key === 'string' ? [p.key] : [],
  );
  return {
    projectsVisible: keys.length,
    projectsMonitored: keys.filter((k) => isMonitored(settings, k)).length,
  };
}
