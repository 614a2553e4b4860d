// What every implementation of the storage ports must do, as shared test suites: the in-memory
// stores and the Forge KVS adapters run the same ones, so the KVS adapters behave like the stores
// the rest of the code is tested with.
import { describe, expect, it } from 'vitest';
import type { DocumentStore, SecretStore } from '../../src/admin/ports.js';
import type { Incident, StoredOccurrence } from '../../src/incidents/model.js';
import type { OutboxEntry, OutboxStore } from '../../src/incidents/outbox.js';
import {
  COMMIT_OCCURRENCES,
  updateIncident,
  type IncidentFilter,
  type IncidentStore,
  type Page,
} from '../../src/incidents/store.js';

type Make<S> = () => S | Promise<S>;

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function incident(id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    detector: { name: 'github-pat', display_name: 'GitHub token', family: 'github' },
    secret_hash: `hash-${id}`,
    secret_preview: 'ghp_…abcd',
    severity: 'high',
    validity: 'not_checked',
    status: 'TRIGGERED',
    regression: false,
    presence: 'present',
    occurrences_count: 1,
    present_count: 1,
    project_keys: ['OPS'],
    date: at(0),
    last_seen: at(0),
    updated_at: at(0),
    ...over,
  };
}

export function occurrence(id: string, over: Partial<StoredOccurrence> = {}): StoredOccurrence {
  return {
    id,
    incident_id: 'inc-1',
    kind: 'historical',
    presence: 'present',
    url: 'https://x.atlassian.net/browse/OPS-1',
    location: { projectKey: 'OPS', issueKey: 'OPS-1', issueId: '10001', field: 'description' },
    scope: 'issue:10001',
    matches: [{ indice_start: 5, indice_end: 45, line: 1, column: 6 }],
    date: at(0),
    last_seen: at(0),
    ...over,
  };
}

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);
const byId = <T extends { id: string }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => a.id.localeCompare(b.id));

/** Every page of a listing, following cursors; checks the last page (only) has none. */
export async function allPages(
  store: IncidentStore,
  filter: IncidentFilter,
  limit: number,
): Promise<Page<Incident>[]> {
  const pages: Page<Incident>[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listIncidents(filter, limit, cursor);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.cursor !== undefined) expect(page.items).toHaveLength(limit);
    pages.push(page);
    cursor = page.cursor;
    if (pages.length > 1000) throw new Error('listing does not end');
  } while (cursor !== undefined);
  return pages;
}

export function incidentStoreContract(name: string, make: Make<IncidentStore>): void {
  describe(`${name} (IncidentStore contract)`, () => {
    it('returns what was put, and undefined for what was not', async () => {
      const store = await make();
      expect(await store.getIncident('nope')).toBeUndefined();
      const one = incident('a1', {
        assignee_id: 'acc-1',
        status: 'ASSIGNED',
        project_keys: ['OPS', 'DEV'],
      });
      await store.putIncident(one);
      expect(await store.getIncident('a1')).toEqual(one);
      const changed = { ...one, status: 'RESOLVED' as const, resolved_at: at(5) };
      await store.putIncident(changed);
      expect(await store.getIncident('a1')).toEqual(changed);
    });

    it('keeps a validity check as written, and filters by it (a project page too)', async () => {
      const store = await make();
      const checked = incident('v1', {
        validity: 'valid',
        validity_checked_at: at(3),
        validity_details: 'octocat',
        severity: 'critical',
      });
      const failed = incident('v2', {
        validity: 'failed_to_check',
        validity_checked_at: at(4),
        validity_reason: 'timeout',
      });
      await store.putIncident(checked);
      await store.putIncident(failed);
      expect(await store.getIncident('v1')).toEqual(checked);
      expect(await store.getIncident('v2')).toEqual(failed);
      const critical = await allPages(store, { severity: 'critical' }, 10);
      expect(ids(critical.flatMap((p) => p.items))).toEqual(['v1']);
      const valid = await allPages(store, { validity: 'valid' }, 10);
      expect(ids(valid.flatMap((p) => p.items))).toEqual(['v1']);
      const inProject = await allPages(
        store,
        { validity: 'failed_to_check', projectKey: 'OPS' },
        10,
      );
      expect(ids(inProject.flatMap((p) => p.items))).toEqual(['v2']);
      // A later check replaces the answer, the reason of the earlier one included.
      const { validity_reason: _r, ...rest } = failed;
      const revoked = { ...rest, validity: 'invalid' as const, validity_checked_at: at(6) };
      await store.putIncident(revoked);
      expect(await store.getIncident('v2')).toEqual(revoked);
      const failedNow = await allPages(store, { validity: 'failed_to_check' }, 10);
      expect(ids(failedNow.flatMap((p) => p.items))).toEqual([]);
      const invalid = await allPages(store, { validity: 'invalid' }, 10);
      expect(ids(invalid.flatMap((p) => p.items))).toEqual(['v2']);
    });

    it('lists most recently seen first, ties by id', async () => {
      const store = await make();
      for (const [id, seen] of [
        ['c', 1],
        ['a', 3],
        ['b', 3],
        ['d', 2],
      ] as const) {
        await store.putIncident(incident(id, { last_seen: at(seen) }));
      }
      expect(ids((await store.listIncidents({}, 10)).items)).toEqual(['a', 'b', 'd', 'c']);
      expect(ids((await store.listIncidents({ order: 'newest' }, 10)).items)).toEqual([
        'a',
        'b',
        'd',
        'c',
      ]);
      // Oldest first is the exact reverse, ties included.
      expect(ids((await store.listIncidents({ order: 'oldest' }, 10)).items)).toEqual([
        'c',
        'd',
        'b',
        'a',
      ]);
    });

    it('sorts by severity, status, detector, project, occurrences and first seen, pages and counts', async () => {
      const store = await make();
      const aws = { name: 'aws-key', display_name: 'AWS key', family: 'aws' };
      for (const i of [
        incident('s1', { severity: 'high', last_seen: at(9), date: at(1), occurrences_count: 2 }),
        incident('s2', {
          severity: 'critical',
          status: 'RESOLVED',
          last_seen: at(2),
          date: at(2),
          project_keys: ['DEV', 'OPS'],
          secret_preview: 'AKIA…wxyz',
          detector: aws,
        }),
        incident('s3', { severity: 'low', status: 'IGNORED', last_seen: at(8), date: at(3) }),
        incident('s4', {
          severity: 'critical',
          last_seen: at(5),
          date: at(0),
          occurrences_count: 7,
          project_keys: ['AAA'],
        }),
      ])
        await store.putIncident(i);
      const list = async (f: IncidentFilter, limit = 50): Promise<string[]> =>
        ids((await allPages(store, f, limit)).flatMap((p) => p.items));
      // Severity first, then last seen (newest first): every page size gives the same list.
      expect(await list({ sort: 'severity' })).toEqual(['s4', 's2', 's1', 's3']);
      expect(await list({ sort: 'severity' }, 1)).toEqual(['s4', 's2', 's1', 's3']);
      expect(await list({ sort: 'severity', order: 'oldest' }, 3)).toEqual([
        's3',
        's1',
        's2',
        's4',
      ]);
      expect(await list({ sort: 'status' })).toEqual(['s1', 's4', 's2', 's3']);
      expect(await list({ sort: 'detector' })).toEqual(['s2', 's1', 's3', 's4']);
      expect(await list({ sort: 'project' }, 2)).toEqual(['s4', 's2', 's1', 's3']);
      expect(await list({ sort: 'occurrences' })).toEqual(['s4', 's1', 's3', 's2']);
      expect(await list({ sort: 'first_seen' })).toEqual(['s3', 's2', 's1', 's4']);
      expect(await list({ sort: 'last_seen' })).toEqual(['s1', 's3', 's4', 's2']);
      // Filters and a project's list apply to every sort.
      expect(await list({ sort: 'severity', status: 'TRIGGERED' })).toEqual(['s4', 's1']);
      expect(await list({ sort: 'severity', projectKey: 'DEV' })).toEqual(['s2']);
      // Search: a part of the detector's name or of the preview.
      expect(await list({ sort: 'severity', search: 'aws' })).toEqual(['s2']);
      expect(await list({ search: 'akia' })).toEqual(['s2']);
      expect(await list({ sort: 'severity', search: 'github', severity: 'critical' })).toEqual([
        's4',
      ]);
      expect(await list({ search: 'nothing-like-it' })).toEqual([]);
      // The total of the current filters, capped.
      expect(await store.countIncidents({}, 100)).toEqual({ count: 4, capped: false });
      expect(await store.countIncidents({ sort: 'severity', status: 'TRIGGERED' }, 100)).toEqual({
        count: 2,
        capped: false,
      });
      expect(await store.countIncidents({ search: 'aws' }, 100)).toEqual({
        count: 1,
        capped: false,
      });
      expect(await store.countIncidents({ projectKey: 'OPS' }, 2)).toEqual({
        count: 2,
        capped: true,
      });
    });

    it('finds incidents by the key of an issue they have a place in', async () => {
      const store = await make();
      await store.putIncident(incident('k1', { last_seen: at(1) }));
      await store.putIncident(incident('k2', { last_seen: at(2), severity: 'critical' }));
      await store.putIncident(incident('k3', { last_seen: at(3) }));
      await store.putOccurrence(occurrence('o1', { incident_id: 'k1' }));
      await store.putOccurrence(occurrence('o2', { incident_id: 'k2' }));
      await store.putOccurrence(
        occurrence('o3', {
          incident_id: 'k3',
          location: { projectKey: 'OPS', issueKey: 'OPS-2', issueId: '10002', field: 'summary' },
          scope: 'issue:10002',
        }),
      );
      const list = async (f: IncidentFilter, limit = 50): Promise<string[]> =>
        ids((await allPages(store, f, limit)).flatMap((p) => p.items));
      expect(await list({ search: 'ops-1' })).toEqual(['k2', 'k1']);
      expect(await list({ search: 'ops-1', sort: 'severity' }, 1)).toEqual(['k2', 'k1']);
      expect(await list({ search: 'ops-1', severity: 'high' })).toEqual(['k1']);
      expect(await list({ search: 'ops-2' })).toEqual(['k3']);
      expect(await list({ search: 'ops-3' })).toEqual([]);
      expect(await store.countIncidents({ search: 'ops-1' }, 100)).toEqual({
        count: 2,
        capped: false,
      });
    });

    it('filters by status, project, detector, severity and presence, alone and together', async () => {
      const store = await make();
      const all = [
        incident('i1', { status: 'TRIGGERED', project_keys: ['OPS'], last_seen: at(9) }),
        incident('i2', { status: 'RESOLVED', project_keys: ['OPS', 'DEV'], last_seen: at(8) }),
        incident('i3', {
          detector: { name: 'aws-key', display_name: 'AWS key', family: 'aws' },
          severity: 'critical',
          project_keys: ['DEV'],
          last_seen: at(7),
        }),
        incident('i4', { presence: 'removed', present_count: 0, last_seen: at(6) }),
        incident('i5', {
          status: 'IGNORED',
          ignore_reason: 'test_credential',
          severity: 'low',
          presence: 'removed',
          project_keys: ['SEC', 'DEV'],
          last_seen: at(5),
        }),
      ];
      for (const i of all) await store.putIncident(i);
      const list = async (f: IncidentFilter): Promise<string[]> =>
        ids((await store.listIncidents(f, 50)).items);
      expect(await list({})).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
      expect(await list({ status: 'TRIGGERED' })).toEqual(['i1', 'i3', 'i4']);
      expect(await list({ projectKey: 'DEV' })).toEqual(['i2', 'i3', 'i5']);
      expect(await list({ projectKey: 'NONE' })).toEqual([]);
      expect(await list({ detector: 'aws-key' })).toEqual(['i3']);
      expect(await list({ severity: 'high' })).toEqual(['i1', 'i2', 'i4']);
      expect(await list({ presence: 'removed' })).toEqual(['i4', 'i5']);
      expect(await list({ status: 'TRIGGERED', presence: 'present' })).toEqual(['i1', 'i3']);
      expect(await list({ projectKey: 'DEV', status: 'TRIGGERED' })).toEqual(['i3']);
      expect(await list({ projectKey: 'DEV', severity: 'low', presence: 'removed' })).toEqual([
        'i5',
      ]);
      expect(
        await list({
          projectKey: 'OPS',
          status: 'TRIGGERED',
          detector: 'github-pat',
          severity: 'high',
          presence: 'present',
        }),
      ).toEqual(['i1']);
      expect(await list({ status: 'ASSIGNED' })).toEqual([]);
    });

    it('filters by detector family and by first-seen days (a project by its own), pages and counts', async () => {
      const store = await make();
      const aws = { name: 'aws-key', display_name: 'AWS key', family: 'aws' };
      const day = (d: string, h = 12) => `2026-03-${d}T${String(h).padStart(2, '0')}:00:00.000Z`;
      const all = [
        // First seen on the first and the last millisecond of 2-8 March, and just outside it.
        incident('f1', { date: '2026-03-02T00:00:00.000Z', last_seen: at(9) }),
        incident('f2', { date: '2026-03-08T23:59:59.999Z', last_seen: at(8), detector: aws }),
        incident('f3', { date: '2026-03-01T23:59:59.999Z', last_seen: at(7), detector: aws }),
        incident('f4', { date: '2026-03-09T00:00:00.000Z', last_seen: at(6) }),
        // Site-wide first seen in the week, in DEV only on the 10th.
        incident('f5', {
          date: day('03'),
          last_seen: at(5),
          status: 'RESOLVED',
          project_keys: ['OPS', 'DEV'],
          by_project: {
            OPS: { occurrences_count: 1, present_count: 1, date: day('03'), last_seen: at(5) },
            DEV: { occurrences_count: 1, present_count: 1, date: day('10'), last_seen: at(5) },
          },
        }),
      ];
      for (const i of all) await store.putIncident(i);
      const list = async (f: IncidentFilter): Promise<string[]> =>
        ids((await store.listIncidents(f, 50)).items);
      const week = { firstSeenFrom: '2026-03-02', firstSeenTo: '2026-03-08' };
      expect(await list(week)).toEqual(['f1', 'f2', 'f5']);
      expect(await list({ firstSeenFrom: '2026-03-09' })).toEqual(['f4']);
      expect(await list({ firstSeenTo: '2026-03-01' })).toEqual(['f3']);
      expect(await list({ family: 'aws' })).toEqual(['f2', 'f3']);
      expect(await list({ ...week, family: 'aws' })).toEqual(['f2']);
      expect(await list({ ...week, status: 'TRIGGERED' })).toEqual(['f1', 'f2']);
      expect(await list({ ...week, projectKey: 'DEV' })).toEqual([]);
      expect(await list({ firstSeenFrom: '2026-03-10', projectKey: 'DEV' })).toEqual(['f5']);
      expect(await list({ ...week, sort: 'first_seen' })).toEqual(['f2', 'f5', 'f1']);
      expect((await allPages(store, week, 1)).flatMap((p) => ids(p.items))).toEqual([
        'f1',
        'f2',
        'f5',
      ]);
      expect(await store.countIncidents(week, 100)).toEqual({ count: 3, capped: false });
      expect(await store.countIncidents({ family: 'aws' }, 1)).toEqual({ count: 1, capped: true });
    });

    it('follows changes of status and projects', async () => {
      const store = await make();
      const one = incident('m1', { project_keys: ['OPS', 'DEV'] });
      await store.putIncident(one);
      await store.putIncident({ ...one, status: 'RESOLVED', project_keys: ['DEV', 'SEC'] });
      const list = async (f: IncidentFilter): Promise<string[]> =>
        ids((await store.listIncidents(f, 50)).items);
      expect(await list({ projectKey: 'OPS' })).toEqual([]);
      expect(await list({ projectKey: 'SEC' })).toEqual(['m1']);
      expect(await list({ projectKey: 'DEV', status: 'TRIGGERED' })).toEqual([]);
      expect(await list({ projectKey: 'DEV', status: 'RESOLVED' })).toEqual(['m1']);
      expect(await list({ status: 'TRIGGERED' })).toEqual([]);
      const [listed] = (await store.listIncidents({ projectKey: 'SEC' }, 1)).items;
      expect(listed?.status).toBe('RESOLVED');
    });

    it("lists a project's incidents by that project's own last seen and presence", async () => {
      const store = await make();
      const fig = (last: number, present: number) => ({
        occurrences_count: 2,
        present_count: present,
        date: at(0),
        last_seen: at(last),
      });
      // p1 was seen last in DEV and is still there; p2 was seen later, but in OPS only: a DEV
      // page must order and filter them by DEV's figures, or it tells what OPS holds.
      await store.putIncident(
        incident('p1', {
          project_keys: ['DEV'],
          last_seen: at(5),
          by_project: { DEV: fig(5, 1) },
        }),
      );
      await store.putIncident(
        incident('p2', {
          project_keys: ['DEV', 'OPS'],
          last_seen: at(9),
          by_project: { DEV: fig(2, 0), OPS: fig(9, 1) },
        }),
      );
      // Stored before per-project figures: the incident's own.
      await store.putIncident(incident('p3', { project_keys: ['DEV'], last_seen: at(3) }));
      const list = async (f: IncidentFilter): Promise<string[]> =>
        ids((await store.listIncidents(f, 50)).items);
      expect(await list({})).toEqual(['p2', 'p1', 'p3']);
      expect(await list({ projectKey: 'DEV' })).toEqual(['p1', 'p3', 'p2']);
      expect(await list({ projectKey: 'DEV', order: 'oldest' })).toEqual(['p2', 'p3', 'p1']);
      expect(await list({ projectKey: 'DEV', presence: 'present' })).toEqual(['p1', 'p3']);
      expect(await list({ projectKey: 'DEV', presence: 'removed' })).toEqual(['p2']);
      expect(await list({ projectKey: 'OPS', presence: 'present' })).toEqual(['p2']);
      expect(
        (await allPages(store, { projectKey: 'DEV' }, 1)).flatMap((p) => ids(p.items)),
      ).toEqual(['p1', 'p3', 'p2']);
    });

    it('pages with cursors: every item once, and no cursor on the last page', async () => {
      const store = await make();
      for (let n = 0; n < 12; n++) {
        await store.putIncident(incident(`p${String(n).padStart(2, '0')}`, { last_seen: at(n) }));
      }
      const expected = Array.from({ length: 12 }, (_, n) => `p${String(11 - n).padStart(2, '0')}`);
      for (const limit of [1, 5, 6, 12, 13]) {
        const pages = await allPages(store, {}, limit);
        expect(pages.flatMap((p) => ids(p.items))).toEqual(expected);
        expect(pages).toHaveLength(Math.max(1, Math.ceil(12 / limit)));
      }
      for (const limit of [1, 5, 12, 13]) {
        const pages = await allPages(store, { order: 'oldest' }, limit);
        expect(pages.flatMap((p) => ids(p.items))).toEqual([...expected].reverse());
      }
      const filtered = await allPages(store, { order: 'oldest', status: 'TRIGGERED' }, 5);
      expect(filtered.flatMap((p) => ids(p.items))).toEqual([...expected].reverse());
      expect(await store.listIncidents({ status: 'RESOLVED' }, 5)).toEqual({ items: [] });
    });

    it('keeps occurrences by id, by incident and by scope', async () => {
      const store = await make();
      expect(await store.getOccurrence('o0')).toBeUndefined();
      expect(await store.occurrencesOfIncident('inc-1')).toEqual([]);
      const o1 = occurrence('o1');
      const o2 = occurrence('o2', {
        location: { projectKey: 'OPS', issueId: '10001', field: 'comment', commentId: '7' },
        date: at(3),
      });
      const o3 = occurrence('o3', {
        incident_id: 'inc-2',
        scope: 'project:OPS',
        location: { projectKey: 'OPS', field: 'component', componentId: '5' },
      });
      for (const o of [o1, o2, o3]) await store.putOccurrence(o);
      expect(await store.getOccurrence('o2')).toEqual(o2);
      expect(byId(await store.occurrencesOfIncident('inc-1'))).toEqual([o1, o2]);
      expect(await store.occurrencesOfIncident('inc-2')).toEqual([o3]);
      expect(byId(await store.occurrencesInScope('issue:10001'))).toEqual([o1, o2]);
      expect(await store.occurrencesInScope('project:OPS')).toEqual([o3]);
      expect(await store.occurrencesInScope('issue:99')).toEqual([]);
      const gone = { ...o1, presence: 'removed' as const, removed_at: at(9), last_seen: at(9) };
      await store.putOccurrence(gone);
      expect(byId(await store.occurrencesOfIncident('inc-1'))).toEqual([gone, o2]);
    });

    it('commits an incident with its places only on the revision read', async () => {
      const store = await make();
      const first = incident('inc-c', { project_keys: ['OPS', 'PAY'] });
      const places = Array.from({ length: COMMIT_OCCURRENCES }, (_, n) =>
        occurrence(`c-${String(n)}`, { incident_id: 'inc-c' }),
      );
      // A new incident: only while it does not exist.
      expect(
        await store.commitIncident({ incident: first, occurrences: places, rev: undefined }),
      ).toBe(true);
      expect(await store.commitIncident({ incident: first, occurrences: [], rev: undefined })).toBe(
        false,
      );
      const read = await store.getRevisedIncident('inc-c');
      expect(read?.incident).toEqual(first);
      expect(byId(await store.occurrencesOfIncident('inc-c'))).toEqual(places);
      // Two writers read the same revision: the first wins, the second writes nothing.
      const rev = read?.rev;
      const gone = { ...occurrence('c-0', { incident_id: 'inc-c' }), presence: 'removed' as const };
      const a = { ...first, present_count: 9 };
      const b = { ...first, present_count: 8 };
      expect(await store.commitIncident({ incident: a, occurrences: [gone], rev })).toBe(true);
      expect(
        await store.commitIncident({
          incident: b,
          occurrences: [{ ...gone, presence: 'present' }],
          rev,
        }),
      ).toBe(false);
      expect(await store.getIncident('inc-c')).toEqual(a);
      expect(await store.getOccurrence('c-0')).toEqual(gone);
      expect((await store.getRevisedIncident('inc-c'))?.rev).not.toBe(rev);
      // updateIncident re-reads until its change lands on what is stored.
      const done = await updateIncident(store, 'inc-c', (i) => ({ ...i, status: 'RESOLVED' }));
      expect(done).toEqual({ ...a, status: 'RESOLVED' });
      expect(await updateIncident(store, 'inc-none', (i) => i)).toBeUndefined();
    });

    it('commits places it says it replaces only while they are stored as read', async () => {
      const store = await make();
      const i = incident('inc-p', { project_keys: ['OPS'] });
      const place = occurrence('p-0', { incident_id: 'inc-p' });
      const commit = async (
        occurrences: StoredOccurrence[],
        replaces: (StoredOccurrence | undefined)[],
      ) =>
        store.commitIncident({
          incident: i,
          occurrences,
          rev: (await store.getRevisedIncident('inc-p'))?.rev,
          replaces,
        });
      // New: only while no row exists.
      expect(await commit([place], [undefined])).toBe(true);
      expect(await commit([place], [undefined])).toBe(false);
      const [listed] = await store.occurrencesInScope(place.scope);
      if (!listed) throw new Error('the place is not listed');
      const removed = {
        ...place,
        presence: 'removed' as const,
        removed_at: at(5),
        last_seen: at(5),
      };
      // Another writer changes the place after our read: our commit, read before, writes nothing.
      expect(await commit([removed], [listed])).toBe(true);
      const again = { ...place, last_seen: at(6) };
      expect(await commit([again], [listed])).toBe(false);
      expect(await store.getOccurrence('p-0')).toEqual(removed);
      // Read again, it lands; the incident alone moving does not stop it.
      const now = await store.getOccurrence('p-0');
      await updateIncident(store, 'inc-p', (x) => ({ ...x, status: 'IGNORED' }));
      expect(await commit([again], [now])).toBe(true);
      expect(await store.getOccurrence('p-0')).toEqual(again);
    });

    it("claims a scope's versions on the revision read, and guards its places' commits by it", async () => {
      const store = await make();
      expect(await store.getScopeVersions('issue:1')).toBeUndefined();
      const first = await store.claimScopeVersions('issue:1', { '*': 'a' }, undefined);
      expect(first).toBeDefined();
      // A second claimer that read no record, or an old revision, writes nothing.
      expect(await store.claimScopeVersions('issue:1', { '*': 'b' }, undefined)).toBeUndefined();
      const read = await store.getScopeVersions('issue:1');
      expect(read).toEqual({ versions: { '*': 'a' }, rev: first });
      const second = await store.claimScopeVersions(
        'issue:1',
        { '*': 'c', 'comment:7': 'd' },
        first,
      );
      expect(second).toBeDefined();
      expect(await store.claimScopeVersions('issue:1', { '*': 'e' }, first)).toBeUndefined();
      expect((await store.getScopeVersions('issue:1'))?.versions).toEqual({
        '*': 'c',
        'comment:7': 'd',
      });
      // A commit guarded by the scope's revision lands only while no one claimed it since.
      const i = incident('inc-s');
      const place = occurrence('s-0', { incident_id: 'inc-s', scope: 'issue:1' });
      const stale = { scope: 'issue:1', rev: first };
      expect(
        await store.commitIncident({
          incident: i,
          occurrences: [place],
          rev: undefined,
          scope: stale,
        }),
      ).toBe(false);
      expect(await store.getIncident('inc-s')).toBeUndefined();
      expect(await store.getOccurrence('s-0')).toBeUndefined();
      const none = { scope: 'issue:2', rev: undefined };
      expect(
        await store.commitIncident({
          incident: i,
          occurrences: [place],
          rev: undefined,
          scope: none,
        }),
      ).toBe(true);
      const rev = (await store.getRevisedIncident('inc-s'))?.rev;
      const fresh = { scope: 'issue:1', rev: second };
      expect(
        await store.commitIncident({ incident: i, occurrences: [place], rev, scope: fresh }),
      ).toBe(true);
      // Checked, not written: the record is as it was.
      expect(await store.getScopeVersions('issue:1')).toEqual({
        versions: { '*': 'c', 'comment:7': 'd' },
        rev: second,
      });
    });

    it('returns every occurrence of a large incident and scope', async () => {
      const store = await make();
      const many = Array.from({ length: 230 }, (_, n) =>
        occurrence(`big-${String(n).padStart(3, '0')}`, {
          incident_id: 'inc-big',
          scope: 'issue:42',
          date: at(n % 7),
        }),
      );
      for (const o of many) await store.putOccurrence(o);
      expect(byId(await store.occurrencesOfIncident('inc-big'))).toEqual(many);
      expect(byId(await store.occurrencesInScope('issue:42'))).toEqual(many);
    });

    it('pages through an incident first seen first, ties by id, every place once', async () => {
      const store = await make();
      const many = Array.from({ length: 230 }, (_, n) =>
        occurrence(`pg-${String(n).padStart(3, '0')}`, {
          incident_id: 'inc-paged',
          date: at(n % 7),
        }),
      );
      // Written out of order; another incident's places are never listed.
      for (const o of [...many].reverse()) await store.putOccurrence(o);
      await store.putOccurrence(occurrence('other', { incident_id: 'inc-other' }));
      const expected = [...many].sort(
        (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
      );
      for (const limit of [1, 40, 100]) {
        const seen: StoredOccurrence[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.occurrencePage('inc-paged', limit, cursor);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items);
          cursor = page.cursor;
          if (++pages > 1000) throw new Error('paging does not end');
        } while (cursor !== undefined);
        expect(ids(seen)).toEqual(ids(expected));
      }
      expect(await store.occurrencePage('inc-none', 10)).toEqual({ items: [] });
    });
  });
}

export function outboxContract(name: string, make: Make<OutboxStore>): void {
  const entry = (id: string, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
    id,
    seq: `${id}-1`,
    enqueuedAt: at(0),
    attempts: 0,
    notBefore: at(0),
    ...over,
  });

  describe(`${name} (OutboxStore contract)`, () => {
    it('keeps one entry per id', async () => {
      const outbox = await make();
      expect(await outbox.getEntry('x')).toBeUndefined();
      expect(await outbox.count()).toBe(0);
      const e = entry('x', { attempts: 2, lastError: 'HTTP 503' });
      await outbox.putEntry(e);
      await outbox.putEntry(entry('y'));
      expect(await outbox.getEntry('x')).toEqual(e);
      const again = { ...e, seq: 'x-2', attempts: 0 };
      await outbox.putEntry(again);
      expect(await outbox.getEntry('x')).toEqual(again);
      expect(await outbox.count()).toBe(2);
    });

    it('lists due entries by notBefore, then age, then id', async () => {
      const outbox = await make();
      const entries = [
        entry('late', { notBefore: at(30) }),
        entry('b', { notBefore: at(10), enqueuedAt: at(1) }),
        entry('a', { notBefore: at(10), enqueuedAt: at(1) }),
        entry('old', { notBefore: at(10), enqueuedAt: at(-5) }),
        entry('first', { notBefore: at(2) }),
        entry('now', { notBefore: at(20) }),
      ];
      for (const e of entries) await outbox.putEntry(e);
      expect(ids(await outbox.due(at(20), 10))).toEqual(['first', 'old', 'a', 'b', 'now']);
      expect(ids(await outbox.due(at(20), 2))).toEqual(['first', 'old']);
      expect(ids(await outbox.due(at(1), 10))).toEqual([]);
      expect(ids(await outbox.due(at(60), 10))).toEqual(['first', 'old', 'a', 'b', 'now', 'late']);
    });

    it('compares times, not spellings', async () => {
      const outbox = await make();
      await outbox.putEntry(entry('z', { notBefore: '2026-03-01T00:10:00Z' }));
      expect(ids(await outbox.due('2026-03-01T00:10:00.000Z', 5))).toEqual(['z']);
      expect(ids(await outbox.due('2026-03-01T00:09:59.999Z', 5))).toEqual([]);
    });

    it('removes an entry only while it has the same seq', async () => {
      const outbox = await make();
      await outbox.putEntry(entry('r', { seq: 's1' }));
      await outbox.putEntry(entry('r', { seq: 's2' })); // changed again after a delivery read s1
      await outbox.removeIf('r', 's1');
      expect((await outbox.getEntry('r'))?.seq).toBe('s2');
      await outbox.removeIf('r', 's2');
      expect(await outbox.getEntry('r')).toBeUndefined();
      await outbox.removeIf('r', 's2'); // already gone: nothing to do
      await outbox.removeIf('never', 'x');
      expect(await outbox.count()).toBe(0);
    });

    it('handles more due entries than one KVS page', async () => {
      const outbox = await make();
      const many = Array.from({ length: 140 }, (_, n) =>
        entry(`e${String(n).padStart(3, '0')}`, { notBefore: at(n) }),
      );
      for (const e of many) await outbox.putEntry(e);
      expect(await outbox.count()).toBe(140);
      expect(ids(await outbox.due(at(200), 120))).toEqual(ids(many.slice(0, 120)));
      expect(ids(await outbox.due(at(129), 500))).toEqual(ids(many.slice(0, 130)));
    });
  });
}

export function documentStoreContract(name: string, make: Make<DocumentStore>): void {
  describe(`${name} (DocumentStore contract)`, () => {
    it('gets, sets, overwrites and deletes JSON documents', async () => {
      const docs = await make();
      expect(await docs.get('settings')).toBeUndefined();
      const settings = { mode: 'all', projects: ['OPS'], nested: { n: 1, ok: true } };
      await docs.set('settings', settings);
      expect(await docs.get('settings')).toEqual(settings);
      await docs.set('settings', 'plain string');
      expect(await docs.get('settings')).toBe('plain string');
      await docs.set('count', 0);
      expect(await docs.get('count')).toBe(0);
      await docs.set('list', [1, 'two']);
      expect(await docs.get('list')).toEqual([1, 'two']);
      await docs.delete('settings');
      expect(await docs.get('settings')).toBeUndefined();
      await docs.delete('settings');
    });

    it('accepts every character of the key rule', async () => {
      const docs = await make();
      const key = 'job:2026-03-01T00.00 #1_a-Z';
      await docs.set(key, { ok: 1 });
      expect(await docs.get(key)).toEqual({ ok: 1 });
    });

    it('lists by prefix in key order, across pages', async () => {
      const docs = await make();
      const keys = Array.from({ length: 130 }, (_, n) => `job:${String(n).padStart(3, '0')}`);
      for (const k of [...keys].reverse()) await docs.set(k, { k });
      await docs.set('jobx', 1);
      await docs.set('jo', 1);
      await docs.set('perimeter', 1);
      const seen: string[] = [];
      let cursor: string | undefined;
      let calls = 0;
      do {
        const page = await docs.list<{ k: string }>('job:', 40, cursor);
        expect(page.items.length).toBeLessThanOrEqual(40);
        for (const { key, value } of page.items) {
          expect(value).toEqual({ k: key });
          seen.push(key);
        }
        cursor = page.cursor;
        calls++;
      } while (cursor !== undefined && calls < 20);
      expect(seen).toEqual(keys);
      const big = await docs.list('job:', 500);
      expect(big.items.map((i) => i.key)).toEqual(keys);
      expect(big.cursor).toBeUndefined();
      expect((await docs.list('nothing:', 10)).items).toEqual([]);
      expect((await docs.list('job', 200)).items.map((i) => i.key)).toEqual([...keys, 'jobx']);
    });
  });
}

export function secretStoreContract(name: string, make: Make<SecretStore>): void {
  describe(`${name} (SecretStore contract)`, () => {
    it('gets, sets, overwrites and deletes secrets', async () => {
      const secrets = await make();
      expect(await secrets.get('fingerprint-key')).toBeUndefined();
      await secrets.set('fingerprint-key', 'k1');
      await secrets.set('incident-api-token', 't1');
      expect(await secrets.get('fingerprint-key')).toBe('k1');
      await secrets.set('fingerprint-key', 'k2');
      expect(await secrets.get('fingerprint-key')).toBe('k2');
      await secrets.delete('fingerprint-key');
      expect(await secrets.get('fingerprint-key')).toBeUndefined();
      expect(await secrets.get('incident-api-token')).toBe('t1');
      await secrets.delete('fingerprint-key');
    });
  });
}
