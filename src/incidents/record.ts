/**
 * Records what a scan found into the incident store. A rescan of one scope (an issue, a project's
 * documentation) or of part of it (one comment, some fields) is reconciled with what was stored
 * for that part: new places appear, places no longer found are marked removed, unchanged places
 * are not written at all, so replaying the same content or event changes nothing.
 * @module
 */
import type { UnitLocation } from '../content/issue-units.js';
import type { Occurrence } from '../scan/scan-issue.js';
import {
  changeStamp,
  figuresOf,
  incidentId,
  occurrenceId,
  scopeOf,
  withoutUrl,
  type Incident,
  type Match,
  type OccurrenceKind,
  type OccurrenceLocation,
  type ProjectFigures,
  type StoredOccurrence,
  type ValidityUpdate,
  validityChanged,
  withValidity,
} from './model.js';
import {
  COMMIT_ATTEMPTS,
  COMMIT_OCCURRENCES,
  ConcurrentWriteError,
  updateIncident,
  type IncidentStore,
} from './store.js';
import { claimed, isNewerThan, versionOf, type ScopeVersions, type Seen } from './versions.js';

export interface RecordInput {
  /** `issue:<id>` or `project:<key>` (see scopeOf). */
  readonly scope: string;
  /** Which stored places of the scope this scan looked at: all, or those a predicate selects. */
  readonly covers: 'all' | ((location: OccurrenceLocation) => boolean);
  readonly found: readonly Occurrence[];
  readonly kind: OccurrenceKind;
  /** ISO time. */
  readonly now: string;
  /**
   * Incidents with at most this many occurrences are recounted from all of them on each change;
   * bigger ones move by the change alone. Default 0: counts always move by the change, which is
   * exact because each change is committed with its incident on the incident's revision (a
   * recount reads an index that lags writes on Forge, and makes a secret pasted into thousands of
   * issues quadratic). Incidents stored before per-project figures existed are recounted once.
   */
  readonly recountLimit?: number;
  /**
   * The validity check of a finding handed over during this scan (see src/validity): its answer
   * goes on the incident. Absent: checks are off and new incidents are `not_checked`.
   */
  readonly validityOf?: (
    detector: string,
    fingerprint: string,
  ) => Promise<ValidityUpdate> | undefined;
  /**
   * The version of the content scanned and the parts of the scope it covers (see versions.ts):
   * places a scan of a newer version committed are left as it left them, and a place only this
   * older version holds is recorded removed. Absent (content with no
   * version, like a project's documentation): the scan is not ordered against others.
   */
  readonly seen?: Seen;
}

const RECOUNT_LIMIT = 0;

/** One occurrence write and the stored version it replaces (none for a new place). */
interface Change {
  readonly next: StoredOccurrence;
  readonly prev: StoredOccurrence | undefined;
}

/**
 * Names one change the same way however often it is retried: the occurrence, the exact stored
 * version it replaces and the presence it brings. An incident keeps the stamps of its last write,
 * so a retry after a crash (incident written, occurrences not) does not count them twice.
 */
function stampOf({ next, prev }: Change): string {
  const from = prev ? `${prev.presence}|${prev.last_seen}|${prev.removed_at ?? ''}` : 'new';
  return changeStamp(`${next.id}|${from}|${next.presence}`);
}

export interface RecordResult {
  /** New places, and places found again after being removed. */
  readonly appeared: StoredOccurrence[];
  readonly disappeared: StoredOccurrence[];
  /** Incidents created or changed (for the outbox). */
  readonly incidents: Incident[];
}

const sameMatches = (a: readonly Match[], b: readonly Match[]): boolean =>
  a.length === b.length &&
  a.every((m, i) => {
    const n = b[i];
    return n !== undefined && m.indice_start === n.indice_start && m.indice_end === n.indice_end;
  });

export async function recordScan(store: IncidentStore, input: RecordInput): Promise<RecordResult> {
  const { now, kind } = input;
  const groups = new Map<string, { first: Occurrence; matches: Match[] }>();
  for (const o of input.found) {
    if (scopeOf(o.location) !== input.scope) {
      throw new Error(`occurrence outside scope ${input.scope}: ${scopeOf(o.location)}`);
    }
    const id = occurrenceId(withoutUrl(o.location), o.detector, o.fingerprint);
    const g = groups.get(id) ?? { first: o, matches: [] };
    g.matches.push({ indice_start: o.start, indice_end: o.end, line: o.line, column: o.column });
    groups.set(id, g);
  }
  // Checks started when the scan found each secret; by now most have answered.
  const checked = new Map<string, { update: ValidityUpdate; finding: Occurrence }>();
  if (input.validityOf) {
    for (const { first } of groups.values()) {
      const id = incidentId(first.detector, first.fingerprint);
      const pending = checked.has(id)
        ? undefined
        : input.validityOf(first.detector, first.fingerprint);
      if (pending) checked.set(id, { update: await pending, finding: first });
    }
  }
  // Claimed before reading what is stored: an older scan still running then either committed
  // before the claim (and is read below) or finds the claim at its commit and yields.
  const guard: Guard | undefined = input.seen && {
    scope: input.scope,
    version: versionOf(input.seen.version),
    state: input.seen.claim ? await claim(store, input.scope, input.seen) : undefined,
  };
  const covered = (await store.occurrencesInScope(input.scope)).filter(
    (o) => input.covers === 'all' || input.covers(o.location),
  );
  const before = new Map(covered.map((o) => [o.id, o]));

  const appeared: StoredOccurrence[] = [];
  const disappeared: StoredOccurrence[] = [];
  const intents = new Map<string, Intent[]>();
  const findings = new Map<string, Occurrence | undefined>();
  const want = (i: Intent): void => {
    const list = intents.get(i.incident_id) ?? [];
    list.push(i);
    intents.set(i.incident_id, list);
  };

  for (const [id, { first, matches }] of groups) {
    matches.sort((a, b) => a.indice_start - b.indice_start);
    // A place the listing lacks is read at commit, after its incident (the listing may lag).
    if (unchanged(before.get(id), matches, first.location)) continue;
    const incident_id = incidentId(first.detector, first.fingerprint);
    want({ kind: 'found', id, incident_id, first, matches });
    findings.set(incident_id, first);
  }
  for (const old of covered) {
    if (groups.has(old.id) || old.presence === 'removed') continue;
    want({ kind: 'gone', id: old.id, incident_id: old.incident_id, location: old.location });
    if (!findings.has(old.incident_id)) findings.set(old.incident_id, undefined);
  }

  const limit = input.recountLimit ?? RECOUNT_LIMIT;
  const written = new Map<string, Incident>();
  for (const [id, list] of intents) {
    // Each commit is the incident and a few of its places at once, conditional on the incident's
    // revision: a concurrent writer makes it fail and it is worked out again from what is stored.
    for (let k = 0; k < list.length; k += COMMIT_OCCURRENCES) {
      const done = await commitPlaces(store, id, list.slice(k, k + COMMIT_OCCURRENCES), {
        finding: findings.get(id),
        scope: input.scope,
        kind,
        now,
        limit,
        validity: checked.get(id)?.update,
        guard,
        listed: before,
      });
      if (!done) continue;
      written.set(id, done.incident);
      for (const c of done.changes)
        (c.next.presence === 'present' ? appeared : disappeared).push(c.next);
    }
  }
  // A place found again unchanged leaves its incident untouched above; a new answer still counts.
  for (const [id, { update, finding }] of checked) {
    if (written.has(id) && findings.get(id)) continue;
    const next = await updateIncident(store, id, (old) => {
      const v = withValidity(old, update, finding.severity);
      return validityChanged(old, v) ? { ...v, updated_at: now } : undefined;
    });
    if (next) written.set(id, next);
  }
  return { appeared, disappeared, incidents: [...written.values()] };
}

/** What a scan wants of one stored place: present with these matches, or gone. */
type Intent =
  | {
      readonly kind: 'found';
      readonly id: string;
      readonly incident_id: string;
      readonly first: Occurrence;
      readonly matches: Match[];
    }
  | {
      readonly kind: 'gone';
      readonly id: string;
      readonly incident_id: string;
      readonly location: OccurrenceLocation;
    };

/** A scan's version and the scope's version record as last read (none yet: read at commit). */
interface Guard {
  readonly scope: string;
  readonly version: string;
  state: { readonly versions: ScopeVersions; readonly rev: string | undefined } | undefined;
}

async function readVersions(store: IncidentStore, scope: string): Promise<Guard['state']> {
  const r = await store.getScopeVersions(scope);
  return r ? { versions: r.versions, rev: r.rev } : { versions: {}, rev: undefined };
}

/** Puts the scan's version on the scope's record (unless it says as much already). */
async function claim(store: IncidentStore, scope: string, seen: Seen): Promise<Guard['state']> {
  for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
    const read = await readVersions(store, scope);
    const next = read && claimed(read.versions, seen);
    if (!next) return read;
    const rev = await store.claimScopeVersions(scope, next, read.rev);
    if (rev !== undefined) return { versions: next, rev };
  }
  throw new ConcurrentWriteError(scope, 'scope');
}

const unchanged = (
  old: StoredOccurrence | undefined,
  matches: readonly Match[],
  now: Pick<UnitLocation, 'url' | 'authorId' | 'at'>,
): boolean =>
  old?.presence === 'present' &&
  sameMatches(old.matches, matches) &&
  old.url === now.url &&
  // Places stored before authors and dates were kept gain them on the next scan.
  old.location.authorId === now.authorId &&
  old.location.at === now.at;

/** The place `intent` asks for, from what is stored now; undefined when it is already so. */
function placeOf(
  intent: Intent,
  prev: StoredOccurrence | undefined,
  o: { readonly scope: string; readonly kind: OccurrenceKind; readonly now: string },
): StoredOccurrence | undefined {
  if (intent.kind === 'gone') {
    return prev?.presence === 'present'
      ? { ...prev, presence: 'removed', removed_at: o.now }
      : undefined;
  }
  const { first, matches } = intent;
  if (unchanged(prev, matches, first.location)) return undefined;
  return {
    id: intent.id,
    incident_id: intent.incident_id,
    kind: prev?.kind ?? o.kind,
    presence: 'present',
    url: first.location.url,
    location: withoutUrl(first.location),
    scope: o.scope,
    matches,
    date: prev?.date ?? o.now,
    last_seen: o.now,
  };
}

interface CommitOptions {
  readonly finding: Occurrence | undefined;
  readonly scope: string;
  readonly kind: OccurrenceKind;
  readonly now: string;
  readonly limit: number;
  readonly validity: ValidityUpdate | undefined;
  readonly guard: Guard | undefined;
  /** The scope's places as its listing gave them (one it lacks is taken to be new). */
  readonly listed: ReadonlyMap<string, StoredOccurrence>;
}

/** Lost commits in a row after which the places and claims are read again whatever happened. */
const REREAD_EVERY = 3;

/**
 * Writes some places of one incident and the incident they move, at once: reads the incident's
 * revision, works out the changes from the places as listed and the counts they move, and commits
 * on that revision and on each place being as read, again until no other writer came first.
 * A commit lost while the incident stayed as read lost to a place or a claim: those are read again
 * (also after every REREAD_EVERY losses in a row, in case both moved). Undefined when there was
 * nothing left to change.
 */
async function commitPlaces(
  store: IncidentStore,
  id: string,
  intents: readonly Intent[],
  o: CommitOptions,
): Promise<{ incident: Incident; changes: Change[] } | undefined> {
  const { guard } = o;
  const stored = new Map(intents.map((i) => [i.id, o.listed.get(i.id)]));
  let lost: { rev: string | undefined } | undefined;
  for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
    const read = await store.getRevisedIncident(id);
    const reread = lost !== undefined && (lost.rev === read?.rev || attempt % REREAD_EVERY === 0);
    if (reread) for (const i of intents) stored.set(i.id, await store.getOccurrence(i.id));
    if (guard && (guard.state === undefined || reread)) {
      guard.state = await readVersions(store, guard.scope);
    }
    const changes: Change[] = [];
    for (const intent of intents) {
      const where = intent.kind === 'gone' ? intent.location : withoutUrl(intent.first.location);
      const stale = guard?.state && isNewerThan(guard.state.versions, where, guard.version);
      // A newer version was committed for this place: it says whether the place is present.
      if (stale && intent.kind === 'gone') continue;
      const prev = stored.get(intent.id);
      if (stale && prev) continue;
      const next = placeOf(intent, prev, o);
      // Only this older version held it: it was there, and is gone now (as replayed in order).
      if (next)
        changes.push({
          next: stale ? { ...next, presence: 'removed', removed_at: o.now } : next,
          prev,
        });
    }
    if (changes.length === 0) return undefined;
    const regression =
      o.kind === 'realtime' &&
      changes.some((c) => c.next.presence === 'present' && c.prev?.presence !== 'present');
    const incident = await nextIncident(store, id, read?.incident, changes, { ...o, regression });
    if (!incident) return undefined;
    const occurrences = changes.map((c) => c.next);
    const scope = guard?.state && { scope: guard.scope, rev: guard.state.rev };
    if (
      await store.commitIncident({
        incident,
        occurrences,
        rev: read?.rev,
        ...(scope ? { scope } : {}),
        replaces: changes.map((c) => c.prev),
      })
    ) {
      return { incident, changes };
    }
    lost = { rev: read?.rev };
  }
  throw new ConcurrentWriteError(id);
}

interface Counts {
  readonly occurrences_count: number;
  readonly present_count: number;
  readonly project_keys: readonly string[];
  readonly by_project: Readonly<Record<string, ProjectFigures>>;
}

/** Counts from every stored occurrence of the incident, with the pending writes applied. */
async function recount(
  store: IncidentStore,
  id: string,
  pending: readonly Change[],
): Promise<Counts> {
  const merged = new Map((await store.occurrencesOfIncident(id)).map((o) => [o.id, o]));
  for (const c of pending) merged.set(c.next.id, c.next);
  const occurrences = [...merged.values()];
  const byProject = new Map<string, StoredOccurrence[]>();
  for (const o of occurrences) {
    const list = byProject.get(o.location.projectKey) ?? [];
    list.push(o);
    byProject.set(o.location.projectKey, list);
  }
  const project_keys = [...byProject.keys()].sort();
  return {
    occurrences_count: occurrences.length,
    present_count: occurrences.filter((o) => o.presence === 'present').length,
    project_keys,
    by_project: Object.fromEntries(
      project_keys.map((k) => [k, figuresOf(byProject.get(k) ?? []) as ProjectFigures]),
    ),
  };
}

/** The stored counts moved by the pending changes, skipping those already counted. */
function moved(
  old: Incident & Pick<Counts, 'by_project'>,
  pending: readonly Change[],
  stamps: readonly string[],
): Counts {
  const counted = new Set(old.counted ?? []);
  let { occurrences_count, present_count } = old;
  const byProject = new Map(Object.entries(old.by_project));
  for (const [i, c] of pending.entries()) {
    const key = c.next.location.projectKey;
    const was = byProject.get(key);
    // Dates move on every write (a retry sets them to the same values again); counts only once.
    let fig: ProjectFigures = {
      occurrences_count: was?.occurrences_count ?? 0,
      present_count: was?.present_count ?? 0,
      date: was && was.date < c.next.date ? was.date : c.next.date,
      last_seen: was && was.last_seen > c.next.last_seen ? was.last_seen : c.next.last_seen,
    };
    if (!counted.has(stamps[i] ?? '')) {
      const presentBy =
        Number(c.next.presence === 'present') - Number(c.prev?.presence === 'present');
      if (!c.prev) occurrences_count++;
      present_count += presentBy;
      fig = {
        ...fig,
        occurrences_count: fig.occurrences_count + Number(!c.prev),
        present_count: fig.present_count + presentBy,
      };
    }
    byProject.set(key, fig);
  }
  const project_keys = [...new Set([...old.project_keys, ...byProject.keys()])].sort();
  return {
    occurrences_count,
    present_count,
    project_keys,
    by_project: Object.fromEntries(
      project_keys.flatMap((k) => {
        const f = byProject.get(k);
        return f ? [[k, f]] : [];
      }),
    ),
  };
}

/** The incident once `pending` is applied to `old` (created from the finding when absent). */
async function nextIncident(
  store: IncidentStore,
  id: string,
  old: Incident | undefined,
  pending: readonly Change[],
  opts: CommitOptions & { readonly regression: boolean },
): Promise<Incident | undefined> {
  const { now, regression, finding } = opts;
  const stamps = pending.map(stampOf);
  // An incident stored before per-project figures existed is recounted once to get them.
  const tally =
    old?.by_project && old.occurrences_count > opts.limit
      ? moved({ ...old, by_project: old.by_project }, pending, stamps)
      : await recount(store, id, pending);
  const counts = {
    ...tally,
    presence: tally.present_count > 0 ? ('present' as const) : ('removed' as const),
    updated_at: now,
    counted: stamps,
  };
  let next: Incident;
  const partner = finding?.partner && {
    kind: finding.partner.kind,
    name: finding.partner.name,
    preview: finding.partner.redacted,
  };
  if (old) {
    next = {
      ...old,
      ...counts,
      last_seen: finding ? now : old.last_seen,
      // An incident first seen without its partner learns it from a later place.
      ...(partner && !old.partner ? { partner } : {}),
    };
    if (regression && old.status === 'RESOLVED') {
      const { resolved_at: _r, ...open } = next;
      next = { ...open, status: old.assignee_id ? 'ASSIGNED' : 'TRIGGERED', regression: true };
    }
  } else if (finding) {
    next = {
      id,
      detector: { name: finding.detector, display_name: finding.name, family: finding.family },
      secret_hash: finding.fingerprint,
      secret_preview: finding.redacted,
      ...(partner ? { partner } : {}),
      severity: finding.severity,
      validity: 'not_checked',
      status: 'TRIGGERED',
      regression: false,
      ...counts,
      date: now,
      last_seen: now,
    };
  } else {
    return undefined; // an occurrence without its incident: nothing to recount
  }
  if (opts.validity && finding) next = withValidity(next, opts.validity, finding.severity);
  return next;
}
