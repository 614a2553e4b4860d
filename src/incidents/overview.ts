/**
 * The figures of the overview (open incidents by status, severity, validity, detector and project,
 * incidents found per week, the oldest open ones), kept as tallies that move with every incident
 * write: a write adds the new version's contributions and takes away the old one's, so the
 * overview never reads every incident. One tally per scope: the site, and each project (whose
 * tally holds that project's share only: its own first-seen dates, never another project's key).
 * Tallies are counts only (the oldest open incidents are a sorted list of the incidents), so the
 * changes of concurrent writes add up to the same figures in whatever order they land.
 * Pure: the caller reads and moves the tallies (see src/admin/overview.ts).
 * @module
 */
import { validityOf, type Incident, type IncidentStatus } from './model.js';

/** Open incidents: not resolved and not ignored. */
export const OPEN_STATUSES = ['TRIGGERED', 'ASSIGNED'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const isOpen = (s: IncidentStatus): s is OpenStatus =>
  (OPEN_STATUSES as readonly string[]).includes(s);

/**
 * One scope's figures: `<dimension>:<value>` -> count. Dimensions: `status:<S>`,
 * `severity:<S>:<v>`, `validity:<S>:<v>`, `detector:<S>:<name>`, `project:<S>:<key>` (site only)
 * for open statuses S, and `week:<YYYY-MM-DD>` (Monday, UTC) for every incident by the week it was
 * first seen. Only counts, so writes move them by adding (in any order: see countChanges).
 */
export interface Tally {
  readonly counts: Readonly<Record<string, number>>;
}

export const EMPTY_TALLY: Tally = { counts: {} };

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
export function dateIn(i: Incident, scope: string): string {
  if (scope === SITE) return i.date;
  const key = scope.slice('project:'.length);
  return i.by_project?.[key]?.date ?? i.date;
}

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

/** The tallies of every scope, counted from all incidents (first use, or to heal a drift). */
export function tallyAll(incidents: Iterable<Incident>): Map<string, Tally> {
  const out = new Map<string, Record<string, number>>();
  for (const i of incidents) {
    for (const scope of scopesOf(i)) {
      let counts = out.get(scope);
      if (!counts) out.set(scope, (counts = {}));
      for (const k of contributions(i, scope)) counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  return new Map([...out].map(([scope, counts]) => [scope, { counts }]));
}

/** A figure split by open status: each part is one filter of the incidents table. */
export type OpenSplit = Readonly<Record<OpenStatus, number>>;

/** The counts of one dimension (`severity`, `validity`, `detector`, `project`) by value. */
export function byDimension(t: Tally, dimension: string): Map<string, OpenSplit> {
  const out = new Map<string, Record<OpenStatus, number>>();
  for (const [k, n] of Object.entries(t.counts)) {
    const [d, s, ...rest] = k.split(':');
    // A count below zero is a moment between two moves of one incident that land out of order.
    if (d !== dimension || n <= 0 || !isOpen((s ?? '') as IncidentStatus)) continue;
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
