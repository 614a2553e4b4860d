/**
 * The figures of the overview (open incidents by status, severity, validity, detector and project,
 * incidents found per week, the oldest open ones), kept as tallies that move with every incident
 * write: a write adds the new version's contributions and takes away the old one's, so the
 * overview never reads every incident. One tally per scope: the site, and each project (whose
 * tally holds that project's share only: its own first-seen dates, never another project's key).
 * Pure: the caller reads and writes the tallies (see src/admin/overview.ts).
 * @module
 */
import { validityOf, type Incident, type IncidentStatus } from './model.js';

/** Open incidents: not resolved and not ignored. */
export const OPEN_STATUSES = ['TRIGGERED', 'ASSIGNED'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const isOpen = (s: IncidentStatus): s is OpenStatus =>
  (OPEN_STATUSES as readonly string[]).includes(s);

/** How many of the oldest open incidents a tally keeps. */
export const OLDEST_KEPT = 10;

export interface OldestEntry {
  readonly id: string;
  /** First seen in the scope. */
  readonly date: string;
}

/** One scope's figures. */
export interface Tally {
  /**
   * `<dimension>:<value>` -> count. Dimensions: `status:<S>`, `severity:<S>:<v>`,
   * `validity:<S>:<v>`, `detector:<S>:<name>`, `project:<S>:<key>` (site only) for open statuses
   * S, and `week:<YYYY-MM-DD>` (Monday, UTC) for every incident by the week it was first seen.
   */
  readonly counts: Readonly<Record<string, number>>;
  /**
   * The oldest open incidents, oldest first: always the first of all open ones in date order
   * (a prefix), possibly shorter than OLDEST_KEPT when some left; `complete` when it holds every
   * open incident of the scope.
   */
  readonly oldest: readonly OldestEntry[];
  readonly complete: boolean;
}

export const EMPTY_TALLY: Tally = { counts: {}, oldest: [], complete: true };

/** The scope keys: `site` and `project:<key>`. */
export const SITE = 'site';
export const projectScope = (key: string): string => `project:${key}`;

/** Monday (UTC) of the week holding `iso`, as `YYYY-MM-DD`. */
export function weekOf(iso: string): string {
  const d = new Date(Date.parse(iso));
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back))
    .toISOString()
    .slice(0, 10);
}

/** First seen in a scope: the project's own date on a project's tally. */
function dateIn(i: Incident, scope: string): string {
  if (scope === SITE) return i.date;
  const key = scope.slice('project:'.length);
  return i.by_project?.[key]?.date ?? i.date;
}

/** How many open incidents a tally counts. */
export const openCount = (t: Pick<Tally, 'counts'>): number =>
  OPEN_STATUSES.reduce((n, s) => n + (t.counts[`status:${s}`] ?? 0), 0);

/** The count keys one incident adds to a scope's tally. */
export function contributions(i: Incident, scope: string): string[] {
  const keys = [`week:${weekOf(dateIn(i, scope))}`];
  if (!isOpen(i.status)) return keys;
  const s = i.status;
  keys.push(
    `status:${s}`,
    `severity:${s}:${i.severity}`,
    `validity:${s}:${validityOf(i)}`,
    `detector:${s}:${i.detector.name}`,
  );
  if (scope === SITE) for (const p of i.project_keys) keys.push(`project:${s}:${p}`);
  return keys;
}

/** The scopes an incident counts in. */
export const scopesOf = (i: Incident | undefined): string[] =>
  i ? [SITE, ...i.project_keys.map(projectScope)] : [];

/** What changes in each scope's counts when `before` is written over by `after`. */
export function countChanges(
  before: Incident | undefined,
  after: Incident,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const move = (scope: string, keys: readonly string[], by: number) => {
    let m = out.get(scope);
    if (!m) out.set(scope, (m = new Map<string, number>()));
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + by);
  };
  if (before) for (const s of scopesOf(before)) move(s, contributions(before, s), -1);
  for (const s of scopesOf(after)) move(s, contributions(after, s), 1);
  for (const [scope, m] of out) {
    for (const [k, n] of m) if (n === 0) m.delete(k);
    if (m.size === 0) out.delete(scope);
  }
  return out;
}

const openIn = (i: Incident | undefined, scope: string): boolean =>
  i !== undefined && isOpen(i.status) && scopesOf(i).includes(scope);

const byDate = (a: OldestEntry, b: OldestEntry): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The tally after the write of `after`, given the count changes of its scope (countChanges). */
export function applyWrite(
  tally: Tally,
  scope: string,
  changes: ReadonlyMap<string, number> | undefined,
  after: Incident,
): Tally {
  const moved = new Map(Object.entries(tally.counts));
  for (const [k, n] of changes ?? []) moved.set(k, (moved.get(k) ?? 0) + n);
  const counts = Object.fromEntries([...moved].filter(([, n]) => n > 0));
  let oldest = tally.oldest.filter((e) => e.id !== after.id);
  let complete = tally.complete;
  if (openIn(after, scope)) {
    const entry = { id: after.id, date: dateIn(after, scope) };
    const last = oldest.at(-1);
    // A list that holds every open incident takes any; a prefix only those older than its last.
    if (complete || (last !== undefined && byDate(entry, last) < 0)) {
      oldest = [...oldest, entry].sort(byDate);
      if (oldest.length > OLDEST_KEPT) {
        oldest = oldest.slice(0, OLDEST_KEPT);
        complete = false;
      }
    }
  }
  // A prefix as long as the open count is all of them (after every one older was handled).
  if (oldest.length >= openCount({ counts })) complete = true;
  return { counts, oldest, complete };
}

/** The tallies of every scope, counted from all incidents (first use, or to heal a drift). */
export function tallyAll(incidents: Iterable<Incident>): Map<string, Tally> {
  const out = new Map<string, { counts: Record<string, number>; open: OldestEntry[] }>();
  for (const i of incidents) {
    for (const scope of scopesOf(i)) {
      let t = out.get(scope);
      if (!t) out.set(scope, (t = { counts: {}, open: [] }));
      for (const k of contributions(i, scope)) t.counts[k] = (t.counts[k] ?? 0) + 1;
      if (isOpen(i.status)) t.open.push({ id: i.id, date: dateIn(i, scope) });
    }
  }
  const tallies = new Map<string, Tally>();
  for (const [scope, t] of out) {
    const sorted = t.open.sort(byDate);
    tallies.set(scope, {
      counts: t.counts,
      oldest: sorted.slice(0, OLDEST_KEPT),
      complete: sorted.length <= OLDEST_KEPT,
    });
  }
  return tallies;
}

/** A figure split by open status: each part is one filter of the incidents table. */
export type OpenSplit = Readonly<Record<OpenStatus, number>>;

/** The counts of one dimension (`severity`, `validity`, `detector`, `project`) by value. */
export function byDimension(t: Tally, dimension: string): Map<string, OpenSplit> {
  const out = new Map<string, Record<OpenStatus, number>>();
  for (const [k, n] of Object.entries(t.counts)) {
    const [d, s, ...rest] = k.split(':');
    if (d !== dimension || !isOpen((s ?? '') as IncidentStatus)) continue;
    const value = rest.join(':');
    let split = out.get(value);
    if (!split) out.set(value, (split = { TRIGGERED: 0, ASSIGNED: 0 }));
    split[s as OpenStatus] += n;
  }
  return out;
}

/** Incidents first seen in each of the `weeks` weeks up to the one holding `now`, oldest first. */
export function foundPerWeek(
  t: Tally,
  now: string,
  weeks: number,
): { week: string; found: number }[] {
  const last = Date.parse(`${weekOf(now)}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, n) => {
    const week = new Date(last - (weeks - 1 - n) * 7 * 86_400_000).toISOString().slice(0, 10);
    return { week, found: t.counts[`week:${week}`] ?? 0 };
  });
}
