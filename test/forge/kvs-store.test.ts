// The KVS adapters, run through the real @forge/kvs against the in-process platform emulation
// (dev/forge-runtime): the same contracts as the in-memory stores, listing at scale compared with
// createMemoryStore, the index each listing uses, project rows kept in step, error mapping, and
// recordScan end to end.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { installForgeGlobals, type ForgeGlobals } from '../../dev/forge-runtime/globals.js';
import { createKvsEmulator, type KvsEmulator } from '../../dev/forge-runtime/kvs.js';
import { createMemoryDocumentStore, createMemorySecretStore } from '../../src/admin/ports.js';
import { backfillSortedLists } from '../../src/admin/sorted-lists.js';
import type { UnitLocation } from '../../src/content/issue-units.js';
import { ENTITIES, ENTITY } from '../../src/forge/kvs-entities.js';
import { applyAction, type Incident, type StoredOccurrence } from '../../src/incidents/model.js';
import { createMemoryOutbox } from '../../src/incidents/outbox.js';
import { recordScan, type RecordInput, type RecordResult } from '../../src/incidents/record.js';
import {
  createMemoryStore,
  type IncidentFilter,
  type IncidentStore,
} from '../../src/incidents/store.js';
import type { Occurrence } from '../../src/scan/scan-issue.js';
import {
  allPages,
  at,
  documentStoreContract,
  incident,
  incidentStoreContract,
  occurrence,
  outboxContract,
  secretStoreContract,
} from './store-contract.js';

// @forge/kvs chooses how to reach the platform when it is first imported, from the globals: they
// exist before the adapters (and so @forge/kvs) are imported.
let forge: ForgeGlobals = installForgeGlobals({ entities: ENTITIES });
const {
  createKvsDocumentStore,
  createKvsIncidentStore,
  createKvsOutbox,
  createKvsSecretStore,
  KvsStoreError,
} = await import('../../src/forge/kvs-store.js');

/** A fresh, empty platform for every test. */
function reinstall(kvs?: KvsEmulator): ForgeGlobals {
  forge.uninstall();
  forge = installForgeGlobals(kvs ? { kvs } : { entities: ENTITIES });
  return forge;
}
beforeEach(() => {
  reinstall();
});
afterAll(() => {
  forge.uninstall();
});

/** Entity queries that reached the platform, as `entity/index`. */
/**
 * KVS on the emulator where `race(write)` makes the next transaction wait for `write`: another
 * invocation's write that lands after our read, before our transaction.
 */
function racingKvs(): { g: ForgeGlobals; race: (write: () => Promise<void>) => void } {
  const emulator = createKvsEmulator({ entities: ENTITIES });
  let racer: (() => Promise<void>) | undefined;
  const g = reinstall({
    backend: emulator.backend,
    calls: emulator.calls,
    async handle(path, init) {
      const race = racer;
      if (path === '/api/v1/transaction' && race) {
        racer = undefined;
        await race();
      }
      return emulator.handle(path, init);
    },
  });
  return { g, race: (write) => (racer = write) };
}

const queries = (g: ForgeGlobals): string[] =>
  g.kvs.calls
    .filter((c) => c.path === '/api/v1/entity/query')
    .map((c) => {
      const b = c.body as { entityName: string; indexName: string };
      return `${b.entityName}/${b.indexName}`;
    });

const stored = (g: ForgeGlobals, entity: string): string[] =>
  g.kvs.backend.list(`entity:${entity}`).map(([key]) => key);

async function failure(p: Promise<unknown>): Promise<InstanceType<typeof KvsStoreError>> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof KvsStoreError)) throw new Error(`expected a KvsStoreError, got ${String(e)}`);
  return e;
}

incidentStoreContract('createMemoryStore', () => createMemoryStore());
incidentStoreContract('createKvsIncidentStore', () => createKvsIncidentStore());
outboxContract('createMemoryOutbox', () => createMemoryOutbox());
outboxContract('createKvsOutbox', () => createKvsOutbox());
documentStoreContract('createMemoryDocumentStore', () => createMemoryDocumentStore());
documentStoreContract('createKvsDocumentStore', () => createKvsDocumentStore());
secretStoreContract('createMemorySecretStore', () => createMemorySecretStore());
secretStoreContract('createKvsSecretStore', () => createKvsSecretStore());

// --- Listing at scale ----------------------------------------------------------------------------

/** A deterministic mix of 260 incidents: ties on last_seen, several projects each. */
function population(): Incident[] {
  const statuses = ['TRIGGERED', 'ASSIGNED', 'RESOLVED', 'IGNORED'] as const;
  const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
  const detectors = ['github-pat', 'aws-key', 'slack-token'];
  const projects = ['OPS', 'DEV', 'SEC', 'HR'];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: 260 }, (_, n) => {
    const status = statuses[next(4)] ?? 'TRIGGERED';
    const first = next(4);
    const keys = [...new Set([projects[first], projects[(first + next(3)) % 4]])]
      .filter((p) => p !== undefined)
      .sort();
    const detector = detectors[next(3)] ?? 'github-pat';
    return incident((n * 7919).toString(16).padStart(8, '0'), {
      status,
      ...(status === 'ASSIGNED' ? { assignee_id: 'acc-1' } : {}),
      severity: severities[next(5)] ?? 'high',
      presence: next(3) === 0 ? 'removed' : 'present',
      detector: { name: detector, display_name: 'X', family: detector.split('-')[0] ?? 'x' },
      project_keys: keys,
      last_seen: at(next(60)),
      // First seen over 20 days from 1 March, a few a day, some at midnight.
      date: at((n % 20) * 1440 + (n % 3) * 700),
    });
  });
}

describe('createKvsIncidentStore at scale', () => {
  it('pages through 260 incidents exactly as createMemoryStore does, for every filter and order', async () => {
    const memory = createMemoryStore();
    const store = createKvsIncidentStore();
    for (const i of population()) {
      await memory.putIncident(i);
      await store.putIncident(i);
    }
    const filters: IncidentFilter[] = [
      {},
      { status: 'TRIGGERED' },
      { projectKey: 'DEV' },
      { detector: 'aws-key' },
      { severity: 'critical' },
      { presence: 'removed' },
      { status: 'RESOLVED', presence: 'present' },
      { status: 'ASSIGNED', severity: 'low' },
      { projectKey: 'OPS', status: 'TRIGGERED' },
      { projectKey: 'SEC', status: 'IGNORED', presence: 'removed' },
      { projectKey: 'HR', detector: 'slack-token', severity: 'medium' },
      { family: 'aws' },
      { firstSeenFrom: '2026-03-02', firstSeenTo: '2026-03-08' },
      { projectKey: 'DEV', firstSeenFrom: '2026-03-10', status: 'TRIGGERED' },
      { family: 'github', firstSeenTo: '2026-03-05', sort: 'first_seen' },
    ];
    // And each again oldest first.
    for (const filter of [...filters]) filters.push({ ...filter, order: 'oldest' });
    for (const filter of filters) {
      for (const limit of [7, 100, 150]) {
        const expected = await allPages(memory, filter, limit);
        const actual = await allPages(store, filter, limit);
        expect(
          actual.map((p) => p.items),
          JSON.stringify({ filter, limit }),
        ).toEqual(expected.map((p) => p.items));
      }
    }
    const everything = (await allPages(store, {}, 100)).flatMap((p) => p.items);
    expect(everything).toHaveLength(260);
  });

  it('answers every listing with an index query on the best index, never a scan', async () => {
    const store = createKvsIncidentStore();
    await store.putIncident(incident('x1', { project_keys: ['OPS', 'DEV'] }));
    const cases: [IncidentFilter, string][] = [
      [{}, 'incident/by-recency'],
      [{ status: 'TRIGGERED' }, 'incident/by-status'],
      [{ detector: 'github-pat' }, 'incident/by-detector'],
      [{ severity: 'high' }, 'incident/by-severity'],
      [{ presence: 'present' }, 'incident/by-presence'],
      [{ status: 'TRIGGERED', presence: 'present' }, 'incident/by-status-presence'],
      [{ status: 'TRIGGERED', severity: 'high' }, 'incident/by-status'],
      [{ projectKey: 'OPS' }, 'incident-project/by-project'],
      [{ projectKey: 'OPS', severity: 'high' }, 'incident-project/by-project'],
      [{ projectKey: 'OPS', status: 'TRIGGERED' }, 'incident-project/by-project-status'],
      [
        { projectKey: 'OPS', status: 'TRIGGERED', presence: 'present' },
        'incident-project/by-project-status-presence',
      ],
      // Family and first seen: conditions on the sorted-list rows.
      [{ family: 'github' }, 'incident-order/by-last-seen'],
      [{ firstSeenFrom: '2026-03-01' }, 'incident-order/by-last-seen'],
      [
        { projectKey: 'OPS', firstSeenTo: '2026-03-01', sort: 'first_seen' },
        'incident-order/by-first-seen',
      ],
    ];
    for (const [filter, index] of cases) {
      forge.kvs.calls.length = 0;
      expect((await store.listIncidents(filter, 10)).items.map((i) => i.id)).toEqual(['x1']);
      expect(queries(forge), JSON.stringify(filter)).toEqual([index]);
    }
    forge.kvs.calls.length = 0;
    await store.occurrencesOfIncident('x1');
    await store.occurrencesInScope('issue:1');
    await createKvsOutbox().due(at(0), 10);
    expect(queries(forge)).toEqual([
      'occurrence/by-incident',
      'occurrence/by-scope',
      'outbox-entry/by-due',
    ]);
  });

  it('rejects a cursor it did not hand out', async () => {
    const store = createKvsIncidentStore();
    await expect(store.listIncidents({}, 10, '10')).rejects.toThrow(/invalid cursor/);
    await expect(store.listIncidents({}, 0)).rejects.toThrow(/limit/);
  });
});

// --- Project rows --------------------------------------------------------------------------------

describe('sorted lists of incidents stored before they existed', () => {
  it('are written by the backfill, a stretch at a time from a checkpoint, then never again', async () => {
    const store = createKvsIncidentStore();
    const all = population().slice(0, 120);
    for (const i of all) await store.putIncident(i);
    // As an older version left them: no sorted-list rows.
    for (const key of stored(forge, ENTITY.incidentOrder))
      forge.kvs.backend.delete(`entity:${ENTITY.incidentOrder}`, key);
    expect((await store.listIncidents({ sort: 'severity' }, 10)).items).toEqual([]);
    const docs = createMemoryDocumentStore();
    let clock = 0;
    // A deadline already passed: one page per call, resumed from the checkpoint.
    const first = await backfillSortedLists({ store, docs }, () => ++clock, 0);
    expect(first).toEqual({ read: 50, done: false });
    const rest = await backfillSortedLists({ store, docs }, () => 0, 1);
    expect(rest).toEqual({ read: 70, done: true });
    expect(await backfillSortedLists({ store, docs }, () => 0, 1)).toEqual({ read: 0, done: true });
    const listed = await allPages(store, { sort: 'severity' }, 40);
    expect(listed.flatMap((p) => p.items.map((i) => i.id)).sort()).toEqual(
      all.map((i) => i.id).sort(),
    );
    const rows = all.reduce((n, i) => n + 1 + i.project_keys.length, 0);
    expect(stored(forge, ENTITY.incidentOrder)).toHaveLength(rows);
  });
});

describe('project rows of an incident', () => {
  it('are written and removed in the same transaction as the incident', async () => {
    const store = createKvsIncidentStore();
    await store.putIncident(incident('p1', { project_keys: ['OPS', 'DEV'] }));
    expect(stored(forge, ENTITY.incidentProject)).toEqual(['p1#DEV', 'p1#OPS']);
    forge.kvs.calls.length = 0;
    // Another invocation (a store of its own) asks the index for rows a write cut short left.
    await createKvsIncidentStore().putIncident(incident('p1', { project_keys: ['DEV', 'SEC'] }));
    expect(stored(forge, ENTITY.incidentProject)).toEqual(['p1#DEV', 'p1#SEC']);
    expect(forge.kvs.calls.map((c) => c.path)).toEqual([
      '/api/v1/entity/get',
      '/api/v1/entity/query',
      '/api/v1/transaction',
    ]);
    const writes = forge.kvs.calls.filter((c) => c.path === '/api/v1/transaction');
    expect(writes[0]?.body).toMatchObject({
      set: [
        { key: 'p1#_all', entityName: 'incident-order' },
        { key: 'p1#DEV', entityName: 'incident-order' },
        { key: 'p1#DEV', entityName: 'incident-project' },
        { key: 'p1#SEC', entityName: 'incident-order' },
        { key: 'p1#SEC', entityName: 'incident-project' },
        { key: 'p1', entityName: 'incident', conditions: { and: [{ property: 'rev' }] } },
      ],
      delete: [
        { key: 'p1#OPS', entityName: 'incident-order' },
        { key: 'p1#OPS', entityName: 'incident-project' },
      ],
    });
    // The sorted lists' rows follow the project rows: the admin list's and one per project.
    expect(stored(forge, ENTITY.incidentOrder)).toEqual(['p1#DEV', 'p1#SEC', 'p1#_all']);
    // The same invocation asked already, and knows what it wrote since: no query.
    forge.kvs.calls.length = 0;
    await store.putIncident(incident('p1', { project_keys: ['SEC'] }));
    expect(forge.kvs.calls.map((c) => c.path)).toEqual([
      '/api/v1/entity/get',
      '/api/v1/transaction',
    ]);
    expect(stored(forge, ENTITY.incidentProject)).toEqual(['p1#SEC']);
  });

  it('spread over several transactions when an incident is in more projects than fit in one', async () => {
    const store = createKvsIncidentStore();
    const keys = Array.from({ length: 60 }, (_, n) => `P${String(n).padStart(2, '0')}`);
    await store.putIncident(incident('wide', { project_keys: keys }));
    // 60 pairs of rows (project, sorted list), 12 pairs a transaction, then the incident's own.
    expect(forge.kvs.calls.filter((c) => c.path === '/api/v1/transaction')).toHaveLength(6);
    expect(stored(forge, ENTITY.incidentProject)).toHaveLength(60);
    expect(stored(forge, ENTITY.incidentOrder)).toHaveLength(61);
    for (const p of ['P00', 'P30', 'P59']) {
      expect((await store.listIncidents({ projectKey: p }, 5)).items.map((i) => i.id)).toEqual([
        'wide',
      ]);
    }
    await store.putIncident(incident('wide', { project_keys: ['P59'] }));
    expect(stored(forge, ENTITY.incidentProject)).toEqual(['wide#P59']);
    expect(stored(forge, ENTITY.incidentOrder)).toEqual(['wide#P59', 'wide#_all']);
  });

  it('are cleaned up after a write that was cut short part way', async () => {
    const emulator = createKvsEmulator({ entities: ENTITIES });
    let transactions = 0;
    let failAt = 0;
    const g = reinstall({
      backend: emulator.backend,
      calls: emulator.calls,
      handle(path, init) {
        if (path === '/api/v1/transaction' && ++transactions === failAt) {
          const body = { code: 'INTERNAL_SERVER_ERROR', message: 'try again' };
          return Promise.resolve(new Response(JSON.stringify(body), { status: 500 }));
        }
        return emulator.handle(path, init);
      },
    });
    const store = createKvsIncidentStore();
    await store.putIncident(incident('cut', { project_keys: ['OPS'] }));
    transactions = 0;
    // 61 pairs of rows (60 set, OPS removed), 12 a transaction: four land, the fifth fails.
    failAt = 5;
    const wide = Array.from({ length: 60 }, (_, n) => `P${String(n).padStart(2, '0')}`);
    const failed = await failure(store.putIncident(incident('cut', { project_keys: wide })));
    expect(failed).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true });
    expect(stored(g, ENTITY.incidentProject)).toHaveLength(1 + 48); // OPS, P00-P47
    // Every project row has its sorted-list row and no other is left: they land together.
    expect(stored(g, ENTITY.incidentOrder)).toEqual([
      ...stored(g, ENTITY.incidentProject),
      'cut#_all',
    ]);
    expect((await store.getIncident('cut'))?.project_keys).toEqual(['OPS']);
    await store.putIncident(incident('cut', { project_keys: ['DEV'] }));
    expect(stored(g, ENTITY.incidentProject)).toEqual(['cut#DEV']);
    expect(stored(g, ENTITY.incidentOrder)).toEqual(['cut#DEV', 'cut#_all']);
  });

  it('stay in step when another write of the incident lands in between', async () => {
    const { g, race } = racingKvs();
    const store = createKvsIncidentStore();
    await store.putIncident(incident('r1', { project_keys: ['OPS'] }));
    race(() =>
      store.putIncident(incident('r1', { project_keys: ['OPS', 'SEC'], status: 'IGNORED' })),
    );
    const mine = incident('r1', { project_keys: ['OPS', 'DEV'], status: 'ASSIGNED' });
    await store.putIncident(mine);
    expect(await store.getIncident('r1')).toEqual(mine);
    expect(stored(g, ENTITY.incidentProject)).toEqual(['r1#DEV', 'r1#OPS']);
    expect((await store.listIncidents({ projectKey: 'SEC' }, 5)).items).toEqual([]);
    const [row] = (await store.listIncidents({ projectKey: 'OPS' }, 5)).items;
    expect(row).toEqual(mine);
    const conflicts = g.kvs.calls.filter((c) => c.status === 409);
    expect(conflicts.map((c) => c.path)).toEqual(['/api/v1/transaction']);
  });
});

describe('commits of a hot incident', () => {
  it('start from the row the revision read returned, and a lost one backs off without reading', async () => {
    const { g, race } = racingKvs();
    const clock = noWait();
    const store = createKvsIncidentStore(undefined, { ...clock, deadlineMs: 60_000 });
    await store.putIncident(incident('hot', { project_keys: ['OPS'] }));
    const commit = async (status: Incident['status']) => {
      const read = await store.getRevisedIncident('hot');
      g.kvs.calls.length = 0;
      const landed = await store.commitIncident({
        incident: incident('hot', { project_keys: ['OPS'], status }),
        occurrences: [],
        rev: read?.rev,
      });
      return { landed, calls: g.kvs.calls.map((c) => `${c.path} ${String(c.status)}`) };
    };
    expect(await commit('ASSIGNED')).toEqual({
      landed: true,
      calls: ['/api/v1/transaction 204'],
    });
    for (const status of ['IGNORED', 'TRIGGERED'] as const) {
      race(() => createKvsIncidentStore().putIncident(incident('hot', { status })));
      const lost = await commit('RESOLVED');
      expect(lost.landed).toBe(false);
      // The other invocation's write, then ours: only the refused transaction, no read after it.
      expect(lost.calls).toEqual([
        '/api/v1/entity/get 200',
        '/api/v1/entity/query 200',
        '/api/v1/transaction 204',
        '/api/v1/transaction 409',
      ]);
    }
    // A random share (0.5 here) of 40 ms, then of 80 ms: longer after each loss in a row.
    expect(clock.waits).toEqual([20, 40]);
    expect((await commit('RESOLVED')).landed).toBe(true);
    expect((await store.getIncident('hot'))?.status).toBe('RESOLVED');
  });
});

describe('places stored before their state was kept', () => {
  it('are replaced while untouched, and not once another write changed them', async () => {
    const store = createKvsIncidentStore();
    const place = occurrence('old-0', { incident_id: 'inc-o' });
    await store.commitIncident({
      incident: incident('inc-o', { project_keys: ['OPS'] }),
      occurrences: [place],
      rev: undefined,
    });
    // As a row written before `state` existed.
    const space = `entity:${ENTITY.occurrence}`;
    const strip = () => {
      const r = forge.kvs.backend.get(space, 'old-0');
      if (!r) throw new Error('no row');
      const { state: _s, ...older } = r.value as Record<string, unknown>;
      forge.kvs.backend.put(space, 'old-0', { ...r, value: older });
    };
    strip();
    const commit = async (next: StoredOccurrence, read: StoredOccurrence | undefined) =>
      store.commitIncident({
        incident: incident('inc-o', { project_keys: ['OPS'] }),
        occurrences: [next],
        rev: (await store.getRevisedIncident('inc-o'))?.rev,
        replaces: [read],
      });
    const read = await store.getOccurrence('old-0');
    const removed = { ...place, presence: 'removed' as const, last_seen: at(3), removed_at: at(3) };
    expect(await commit(removed, read)).toBe(true);
    // Read as an older row, then written by another (it now has a state): no longer as read.
    strip();
    const older = await store.getOccurrence('old-0');
    await createKvsIncidentStore().putOccurrence(place);
    expect(await commit(removed, older)).toBe(false);
    expect(await store.getOccurrence('old-0')).toEqual(place);
  });
});

describe('preloaded documents', () => {
  it('are read in one request, then answered from it and kept current by writes', async () => {
    const docs = createKvsDocumentStore();
    await docs.set('settings', { a: 1 });
    await docs.set('cache:x', 'x');
    forge.kvs.calls.length = 0;
    await docs.preload(['settings', 'cache:x', 'cache:none']);
    expect(forge.kvs.calls.map((c) => c.path)).toEqual(['/api/v1/batch/get']);
    expect(await docs.get('settings')).toEqual({ a: 1 });
    expect(await docs.get('cache:x')).toBe('x');
    expect(await docs.get('cache:none')).toBeUndefined();
    expect(forge.kvs.calls).toHaveLength(1);
    await docs.set('settings', { a: 2 });
    await docs.delete('cache:x');
    expect(await docs.get('settings')).toEqual({ a: 2 });
    expect(await docs.get('cache:x')).toBeUndefined();
    // Others are read as ever.
    expect(await docs.get('other')).toBeUndefined();
    expect(forge.kvs.calls.map((c) => c.path)).toEqual([
      '/api/v1/batch/get',
      '/api/v1/set',
      '/api/v1/delete',
      '/api/v1/get',
    ]);
  });
});

describe('a preload that must not wait', () => {
  it('gives up at the first rate limit, having waited for nothing', async () => {
    const emulator = createKvsEmulator({ entities: ENTITIES });
    reinstall({
      backend: emulator.backend,
      calls: emulator.calls,
      handle: () => Promise.resolve(tooMany()),
    });
    const clock = noWait();
    const docs = createKvsDocumentStore(undefined, { ...clock, deadlineMs: 60_000 });
    expect(await failure(docs.preload(['settings'], { wait: false }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryable: true,
    });
    expect(clock.waits).toEqual([]);
    // Waiting is the default.
    expect(await failure(docs.preload(['settings']))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(clock.waits.length).toBeGreaterThan(3);
  });
});

// --- Errors --------------------------------------------------------------------------------------

describe('KVS errors', () => {
  const SECRET = 'sk_live_DO_NOT_LEAK_0123456789';

  it('name the key and the platform code, never the value', async () => {
    const docs = createKvsDocumentStore();
    const bad = await failure(docs.set('team/perimeter', { token: SECRET }));
    expect(bad).toMatchObject({ code: 'INVALID_KEY', status: 400, retryable: false });
    expect(bad.message).toContain('"team/perimeter"');
    expect(bad.message).toContain('no /');
    expect(bad.message).not.toContain(SECRET);

    const big = await failure(docs.set('big', { blob: SECRET.repeat(9000) }));
    expect(big).toMatchObject({ code: 'MAX_SIZE', status: 400 });
    expect(big.message).not.toContain(SECRET);

    expect(await failure(docs.get(''))).toMatchObject({ code: 'EMPTY_KEY' });
    expect(await failure(docs.get('   '))).toMatchObject({ code: 'INVALID_KEY' });
    expect(await failure(docs.get('k'.repeat(501)))).toMatchObject({ code: 'KEY_TOO_LONG' });
    expect(await failure(docs.set('nothing', null))).toMatchObject({ code: 'CLIENT_ERROR' });
  });

  it('keep secrets out of messages too', async () => {
    const secrets = createKvsSecretStore();
    const bad = await failure(secrets.set('api/token', SECRET));
    expect(bad.code).toBe('INVALID_KEY');
    expect(bad.message).not.toContain(SECRET);
    const big = await failure(secrets.set('api-token', SECRET.repeat(5000)));
    expect(big.code).toBe('MAX_SIZE');
    expect(big.message).not.toContain(SECRET);
  });

  it('reject keys and values the entities cannot hold', async () => {
    const store = createKvsIncidentStore();
    expect(await failure(store.putIncident(incident('a/b')))).toMatchObject({
      code: 'INVALID_KEY',
    });
    expect(await failure(store.getOccurrence('x/y'))).toMatchObject({ code: 'INVALID_KEY' });
    const noScope = await failure(store.putOccurrence(occurrence('o1', { scope: ' ' })));
    expect(noScope.code).toBe('INVALID_ENTITY_VALUE');
    expect(noScope.message).toContain('occurrence "o1"');
    await expect(store.putIncident(incident('t1', { last_seen: 'yesterday' }))).rejects.toThrow(
      /last_seen is not an ISO date/,
    );
    await expect(
      createKvsOutbox().putEntry({
        id: 'e',
        seq: '1',
        enqueuedAt: at(0),
        attempts: 0,
        notBefore: 'soon',
      }),
    ).rejects.toThrow(/notBefore is not an ISO date/);
  });

  it('say when to retry: rate limits and platform or network failures', async () => {
    const emulator = createKvsEmulator({ entities: ENTITIES });
    let answer: Response | Error | undefined;
    reinstall({
      backend: emulator.backend,
      calls: emulator.calls,
      handle(path, init) {
        const a = answer;
        if (a instanceof Error) return Promise.reject(a);
        return a ? Promise.resolve(a) : emulator.handle(path, init);
      },
    });
    // No time to wait: a rate limit goes up at once.
    const docs = createKvsDocumentStore(undefined, { ...noWait(), deadlineMs: 0 });
    answer = tooMany();
    const limited = await failure(docs.get('settings'));
    expect(limited).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429, retryable: true });
    expect(limited.message).toMatch(/rate limit/);
    answer = new Response('<html>bad gateway</html>', { status: 502 });
    expect(await failure(docs.get('settings'))).toMatchObject({
      code: 'UNKNOWN_ERROR',
      retryable: true,
    });
    answer = new Error('socket hang up');
    expect(await failure(docs.get('settings'))).toMatchObject({
      code: 'UNAVAILABLE',
      retryable: true,
    });
  });

  it('wait out a rate limit with growing, jittered backoff until their deadline', async () => {
    const emulator = createKvsEmulator({ entities: ENTITIES });
    let refuse = 0;
    reinstall({
      backend: emulator.backend,
      calls: emulator.calls,
      handle(path, init) {
        if (refuse > 0) {
          refuse--;
          return Promise.resolve(tooMany());
        }
        return emulator.handle(path, init);
      },
    });
    const clock = noWait();
    const docs = createKvsDocumentStore(undefined, { ...clock, deadlineMs: 60_000 });
    await docs.set('settings', { a: 1 });
    refuse = 5;
    expect(await docs.get('settings')).toEqual({ a: 1 });
    // Full jitter at 0.5 of 100, 200, 400, 800, 1600 ms.
    expect(clock.waits).toEqual([50, 100, 200, 400, 800]);
    refuse = 1000;
    expect(await failure(docs.get('settings'))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(clock.now()).toBeLessThanOrEqual(60_000);
    expect(Math.max(...clock.waits)).toBe(2000); // at most half of the 4 s cap
  });
});

function tooMany(): Response {
  return new Response(JSON.stringify({ code: 'TOO_MANY_REQUESTS', message: 'slow down' }), {
    status: 429,
  });
}

/** A retry policy whose sleeps only move its own clock. */
function noWait() {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    random: () => 0.5,
    sleep: (ms: number) => {
      waits.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

// --- recordScan end to end -----------------------------------------------------------------------

const loc = (extra: Partial<UnitLocation> = {}): UnitLocation => ({
  projectKey: 'OPS',
  issueKey: 'OPS-1',
  issueId: '10001',
  field: 'description',
  url: 'https://x.atlassian.net/browse/OPS-1',
  ...extra,
});

const found = (fingerprint: string, location: UnitLocation, start = 5): Occurrence => ({
  detector: 'github-pat',
  name: 'GitHub personal access token',
  family: 'github',
  fingerprint,
  redacted: 'ghp_…abcd',
  severity: 'high',
  location,
  start,
  end: start + 40,
  line: 1,
  column: start + 1,
});

const comment = loc({
  field: 'comment',
  commentId: '7',
  url: 'https://x/browse/OPS-1?focusedCommentId=7',
});

const sortedResult = (r: RecordResult): RecordResult => ({
  appeared: [...r.appeared].sort((a, b) => a.id.localeCompare(b.id)),
  disappeared: [...r.disappeared].sort((a, b) => a.id.localeCompare(b.id)),
  incidents: [...r.incidents].sort((a, b) => a.id.localeCompare(b.id)),
});

async function everything(store: IncidentStore): Promise<unknown> {
  const incidents = (await allPages(store, {}, 100)).flatMap((p) => p.items);
  const occurrences = [];
  for (const i of incidents) occurrences.push(...(await store.occurrencesOfIncident(i.id)));
  occurrences.sort((a, b) => a.id.localeCompare(b.id));
  return { incidents, occurrences };
}

describe('recordScan on the KVS store', () => {
  it('records, reconciles, resolves and reopens exactly as on the memory store', async () => {
    const memory = createMemoryStore();
    const kvsStore = createKvsIncidentStore();
    const day = (d: number): string => `2026-01-0${d}T00:00:00.000Z`;
    const steps: RecordInput[] = [
      {
        scope: 'issue:10001',
        covers: 'all',
        found: [
          found('f1', loc()),
          found('f1', loc(), 90),
          found('f1', comment),
          found('f2', comment),
        ],
        kind: 'historical',
        now: day(1),
      },
      {
        scope: 'project:OPS',
        covers: 'all',
        found: [
          found('f3', {
            projectKey: 'OPS',
            field: 'component',
            componentId: '5',
            url: 'https://x/c/5',
          }),
        ],
        kind: 'historical',
        now: day(1),
      },
      // Replayed: nothing changes.
      {
        scope: 'issue:10001',
        covers: 'all',
        found: [
          found('f1', loc()),
          found('f1', loc(), 90),
          found('f1', comment),
          found('f2', comment),
        ],
        kind: 'historical',
        now: day(2),
      },
      // The comment is deleted.
      {
        scope: 'issue:10001',
        covers: (l) => l.commentId === '7',
        found: [],
        kind: 'realtime',
        now: day(3),
      },
    ];
    for (const step of steps) {
      const expected = sortedResult(await recordScan(memory, step));
      expect(sortedResult(await recordScan(kvsStore, step))).toEqual(expected);
    }
    expect(await everything(kvsStore)).toEqual(await everything(memory));

    // An admin resolves f1's incident, then it turns up in a new issue of another project.
    const f1 = (await memory.listIncidents({ presence: 'present' }, 10)).items.find(
      (i) => i.secret_hash === 'f1',
    );
    if (!f1) throw new Error('no incident for f1');
    const resolved = applyAction(f1, { type: 'resolve' }, 'acc-admin', day(4));
    if (!resolved.ok) throw new Error(resolved.error);
    await memory.putIncident(resolved.incident);
    await kvsStore.putIncident(resolved.incident);
    const later: RecordInput = {
      scope: 'issue:20001',
      covers: 'all',
      found: [found('f1', loc({ projectKey: 'DEV', issueKey: 'DEV-1', issueId: '20001' }))],
      kind: 'realtime',
      now: day(5),
    };
    const expected = sortedResult(await recordScan(memory, later));
    expect(sortedResult(await recordScan(kvsStore, later))).toEqual(expected);
    expect(await everything(kvsStore)).toEqual(await everything(memory));

    const reopened = await kvsStore.getIncident(f1.id);
    expect(reopened).toMatchObject({
      status: 'TRIGGERED',
      regression: true,
      project_keys: ['DEV', 'OPS'],
    });
    const dev = await kvsStore.listIncidents({ projectKey: 'DEV', status: 'TRIGGERED' }, 10);
    expect(dev.items).toEqual([reopened]);
    const removed = await kvsStore.listIncidents({ presence: 'removed' }, 10);
    expect(removed.items.map((i) => i.secret_hash)).toEqual(['f2']);
  });
});
