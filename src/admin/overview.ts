/**
 * The overview of both pages: what is open and where, what was found week by week, how much is
 * monitored and what could not be read. Its figures come from tallies kept beside the incidents
 * (src/incidents/overview.ts): every incident write moves them, so the overview reads one set of
 * counts per scope, never every incident; the oldest open incidents are the first of a sorted
 * list. Tallies that do not exist yet (incidents recorded before this version) are counted once
 * from all incidents on the first overview.
 *
 * Tallies are counts in a CountStore, moved by adding the difference a write made: adds are
 * exact under any interleaving, and land in any order to the same figures (derived counts would
 * cost a read of every incident per overview; a lock, a wait per write). What is left to heal: an
 * invocation that died between its incident write and the add, and the writes of an invocation
 * that asked whether tallies are kept before the first overview created them. The hourly
 * watchdog counts again (healOverview), only when no write can be in flight.
 * @module
 */
import { DETECTORS } from '../detectors/index.js';
import type { Severity } from '../engine/types.js';
import { type Incident } from '../incidents/model.js';
import {
  byDimension,
  countChanges,
  dateIn,
  foundPerWeek,
  OPEN_STATUSES,
  projectScope,
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
import type { CountStore } from './ports.js';
import { customDetectorsOf, isMonitored, loadSettings } from './settings.js';
import type { UnitSkip } from '../content/issue-units.js';
import { lastCoverage, scanPolicyOf } from './coverage.js';

const TALLY_PREFIX = 'overview:';
const tallyKey = (scope: string): string => `${TALLY_PREFIX}${scope}`;

/**
 * The incident store with its tallies kept in step: each write reads the stored version first and
 * adds what it changes to the counts of each scope. Nothing moves until the site's tally exists
 * (the first overview counts it from all incidents).
 */
export function withOverviewTallies(store: IncidentStore, counts: CountStore): IncidentStore {
  // Whether tallies are kept, asked once per store (one invocation on Forge): a tally the first
  // overview creates meanwhile misses this invocation's writes until the watchdog heals it.
  let kept: boolean | undefined;
  const keptNow = async () => (kept ??= (await counts.read(tallyKey(SITE))) !== undefined);
  return {
    ...store,
    async putIncident(after) {
      if (!(await keptNow())) return store.putIncident(after);
      const before = await store.getIncident(after.id);
      await store.putIncident(after);
      await moveTallies(counts, before, after);
    },
    // Scans and actions write through commitIncident: a commit that lands was made on the
    // revision read here, so `before` is exactly what it replaced, and each change is added once.
    async commitIncident(commit) {
      if (!(await keptNow())) return store.commitIncident(commit);
      const before = await store.getIncident(commit.incident.id);
      const landed = await store.commitIncident(commit);
      if (landed) await moveTallies(counts, before, commit.incident);
      return landed;
    },
  };
}

async function moveTallies(
  counts: CountStore,
  before: Incident | undefined,
  after: Incident,
): Promise<void> {
  for (const [scope, changes] of countChanges(before, after))
    await counts.add(tallyKey(scope), Object.fromEntries(changes));
}

async function allIncidents(store: IncidentStore): Promise<Incident[]> {
  const all: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listIncidents({}, 100, cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}

const sameCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Every scope's tally counted again from all incidents, each written only if no write moved it
 * since it was read (else left for the next count): the site's tally, for an overview.
 */
export async function recountOverview(deps: Pick<AppDeps, 'store' | 'counts'>): Promise<Tally> {
  return (await recount(deps)).site;
}

/**
 * How long after an incident write its tally move may still land: the longest an invocation runs
 * (a consumer's 900 s limit).
 */
export const MOVE_SETTLES_MS = 900_000;

/**
 * The hourly heal: counts again, unless an incident was written within MOVE_SETTLES_MS (its move
 * may be on the way: counting it now and adding it after would count it twice). Whether it ran.
 */
export async function healOverview(
  deps: Pick<AppDeps, 'store' | 'counts' | 'now'>,
): Promise<boolean> {
  const settled = Date.parse(deps.now()) - MOVE_SETTLES_MS;
  return (await recount(deps, (all) => all.every((i) => Date.parse(i.updated_at) < settled))).ran;
}

async function recount(
  deps: Pick<AppDeps, 'store' | 'counts'>,
  quiet: (all: readonly Incident[]) => boolean = () => true,
): Promise<{ site: Tally; ran: boolean }> {
  // Versions first: a move that lands while the incidents are read makes its scope's write fail.
  const keys = new Set([tallyKey(SITE), ...(await deps.counts.keys(tallyKey('project:')))]);
  const read = new Map(
    await Promise.all([...keys].map(async (key) => [key, await deps.counts.read(key)] as const)),
  );
  const all = await allIncidents(deps.store);
  const tallies = tallyAll(all);
  const site = tallies.get(SITE) ?? { counts: {} };
  if (!quiet(all)) return { site, ran: false };
  const scopes = new Set([
    ...tallies.keys(),
    ...[...keys].map((k) => k.slice(TALLY_PREFIX.length)),
  ]);
  scopes.delete(SITE);
  // The site's tally last: it is what says the others are kept.
  for (const scope of [...scopes, SITE]) {
    const want = tallies.get(scope)?.counts ?? {};
    const had = read.get(tallyKey(scope));
    if (had && sameCounts(had.counts, want)) continue;
    await deps.counts.replace(tallyKey(scope), want, had?.version);
  }
  return { site, ran: true };
}

async function tallyOf(deps: Pick<AppDeps, 'store' | 'counts'>, scope: string): Promise<Tally> {
  const site = await deps.counts.read(tallyKey(SITE));
  if (site === undefined) {
    const counted = await recountOverview(deps);
    if (scope === SITE) return counted;
  } else if (scope === SITE) return site;
  return (await deps.counts.read(tallyKey(scope))) ?? { counts: {} };
}

/** The oldest open incidents of a scope, oldest first (first seen in the scope). */
async function oldestOpen(
  store: IncidentStore,
  scope: string,
  projectKey: string | undefined,
  n: number,
): Promise<Incident[]> {
  const lists = await Promise.all(
    OPEN_STATUSES.map(async (status) => {
      const filter = { status, sort: 'first_seen', order: 'oldest' } as const;
      const page = await store.listIncidents(
        projectKey === undefined ? filter : { ...filter, projectKey },
        n,
      );
      return page.items;
    }),
  );
  const at = (i: Incident) => dateIn(i, scope);
  return lists
    .flat()
    .sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, n);
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
  deps: Pick<AppDeps, 'store' | 'docs' | 'counts' | 'asApp' | 'now'>,
  shown: (i: Incident) => Promise<unknown>,
  projectKey?: string,
) {
  const scope = projectKey === undefined ? SITE : projectScope(projectKey);
  const settings = await loadSettings(deps.docs);
  const tally = await tallyOf(deps, scope);
  const names = new Map<string, { name: string; family: string }>([
    ...DETECTORS.map((d) => [d.id, { name: d.name, family: d.family }] as const),
    ...customDetectorsOf(settings).map((c) => [c.id, { name: c.name, family: 'custom' }] as const),
  ]);
  const severity = byDimension(tally, 'severity');
  const oldest: unknown[] = [];
  for (const i of await oldestOpen(deps.store, scope, projectKey, OLDEST_SHOWN))
    oldest.push(await shown(i));
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
