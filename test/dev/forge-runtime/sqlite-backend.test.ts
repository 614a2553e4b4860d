// The SQLite KVS backend: the same emulator operations answer the same on the in-memory backend
// and on SQLite, a failed transaction leaves nothing behind, and the records (and the runtime's
// queue and clock) survive closing and reopening the file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryKvsBackend, type KvsBackend } from '../../../dev/forge-runtime/backend.js';
import type { EntityDeclaration } from '../../../dev/forge-runtime/entities.js';
import { createKvsEmulator, type KvsEmulator } from '../../../dev/forge-runtime/kvs.js';
import {
  createSqliteKvsBackend,
  createSqliteQueueStore,
} from '../../../dev/forge-runtime/sqlite-backend.js';

const ENTITIES: EntityDeclaration[] = [
  {
    name: 'employee',
    attributes: { surname: { type: 'string' }, age: { type: 'integer' }, team: { type: 'string' } },
    indexes: [{ name: 'by-team-age', partition: ['team'], range: ['age'] }],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'forge-sqlite-'));
let files = 0;
const file = (): string => join(dir, `kvs-${++files}.db`);

async function call(kvs: KvsEmulator, path: string, body: unknown) {
  const r = await kvs.handle(path, { method: 'POST', body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** A little of everything the emulator does, answers recorded in order. */
async function script(backend: KvsBackend): Promise<unknown[]> {
  let t = 1_700_000_000_000;
  const kvs = createKvsEmulator({ entities: ENTITIES, backend, now: () => t });
  const out: unknown[] = [];
  const run = async (path: string, body: unknown) => {
    out.push(await call(kvs, path, body));
  };
  await run('/api/v1/set', { key: 'b', value: { n: 1 } });
  await run('/api/v1/set', { key: 'a', value: [1, 2] });
  await run('/api/v1/set', { key: 'a', value: 'again', options: { keyPolicy: 'FAIL_IF_EXISTS' } });
  await run('/api/v1/set', {
    key: 'ttl',
    value: 1,
    options: { ttl: { value: 1, unit: 'SECONDS' } },
  });
  await run('/api/v1/secret/set', { key: 'a', value: 'hidden' });
  await run('/api/v1/get', { key: 'a' });
  await run('/api/v1/secret/get', { key: 'a' });
  await run('/api/v1/query', { limit: 2 });
  t += 5000;
  await run('/api/v1/get', { key: 'ttl' });
  for (const [key, surname, age] of [
    ['e1', 'Ng', 30],
    ['e2', 'Li', 25],
    ['e3', 'Bo', 41],
  ] as const) {
    await run('/api/v1/entity/set', {
      entityName: 'employee',
      key,
      value: { surname, age, team: 'x' },
    });
  }
  await run('/api/v1/entity/query', {
    entityName: 'employee',
    indexName: 'by-team-age',
    partition: ['x'],
    limit: 2,
  });
  // A transaction whose check fails changes nothing.
  await run('/api/v1/transaction', {
    set: [{ key: 'c', value: 3 }],
    check: [
      {
        key: 'e1',
        entityName: 'employee',
        conditions: { and: [{ property: 'age', condition: 'EQUAL_TO', values: [99] }] },
      },
    ],
  });
  await run('/api/v1/get', { key: 'c' });
  await run('/api/v1/transaction', { set: [{ key: 'c', value: 3 }], delete: [{ key: 'b' }] });
  await run('/api/v1/query', { limit: 10 });
  await run('/api/v1/batch/get', [{ key: 'a' }, { key: 'zz' }]);
  return out;
}

describe('createSqliteKvsBackend', () => {
  it('answers the emulator exactly as the in-memory backend does', async () => {
    const memory = await script(createMemoryKvsBackend());
    const sqlite = createSqliteKvsBackend(file());
    expect(await script(sqlite)).toEqual(memory);
    expect(sqlite.spaces()).toEqual(['entity:employee', 'kvs', 'secret']);
    sqlite.close();
    // And an in-memory SQLite database behaves the same.
    const scratch = createSqliteKvsBackend(':memory:');
    expect(await script(scratch)).toEqual(memory);
    scratch.close();
  });

  it('rolls a failed atomically() back, nested ones included', () => {
    const b = createSqliteKvsBackend(':memory:');
    const rec = { value: 1, createdAt: 1, updatedAt: 1 };
    b.put('kvs', 'keep', rec);
    expect(() => {
      b.atomically(() => {
        b.put('kvs', 'gone', rec);
        b.atomically(() => {
          b.delete('kvs', 'keep');
        });
        throw new Error('boom');
      });
    }).toThrow('boom');
    expect(b.list('kvs').map(([k]) => k)).toEqual(['keep']);
    b.close();
  });

  it('keeps records, queue events and the clock offset across a reopen', async () => {
    const path = file();
    const first = createSqliteKvsBackend(path);
    const kvs = createKvsEmulator({ entities: ENTITIES, backend: first });
    await call(kvs, '/api/v1/set', { key: 'job:1', value: { step: 3 } });
    await call(kvs, '/api/v1/secret/set', { key: 'fingerprint-key', value: 'k' });
    const queue = createSqliteQueueStore(first.db);
    queue.add({
      eventId: 'e1',
      queueName: 'q',
      jobId: 'j',
      body: { step: 3 },
      dueAt: 20,
      pushedAt: 10,
      retryCount: 0,
    });
    const later = queue.add({
      eventId: 'e0',
      queueName: 'q',
      jobId: 'j',
      body: { step: 4 },
      dueAt: 5,
      pushedAt: 5,
      retryCount: 0,
    });
    queue.update({ ...later, dueAt: 30, retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' });
    queue.setMeta('clockOffsetMs', '1234');
    first.close();

    const second = createSqliteKvsBackend(path);
    const again = createKvsEmulator({ entities: ENTITIES, backend: second });
    expect((await call(again, '/api/v1/get', { key: 'job:1' })).body).toMatchObject({
      value: { step: 3 },
    });
    expect(
      (await call(again, '/api/v1/secret/get', { key: 'fingerprint-key' })).body,
    ).toMatchObject({ value: 'k' });
    const reopened = createSqliteQueueStore(second.db);
    expect(reopened.list().map((e) => [e.eventId, e.dueAt, e.retryCount])).toEqual([
      ['e1', 20, 0],
      ['e0', 30, 1],
    ]);
    expect(reopened.list()[1]?.retryReason).toBe('FUNCTION_TIME_OUT');
    expect(reopened.getMeta('clockOffsetMs')).toBe('1234');
    reopened.remove(reopened.list()[0]?.seq ?? -1);
    expect(reopened.list()).toHaveLength(1);
    second.close();
  });
});
