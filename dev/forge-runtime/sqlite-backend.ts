/**
 * A persistent KVS backend: the records of every space in one SQLite table keyed by (space, key),
 * each stored record as JSON, so a harness's KVS state survives a restart. `atomically` is a
 * SQLite transaction. The same file can hold the runtime's queue (`createSqliteQueueStore`), so a
 * restarted runtime resumes the events that were pending.
 * @module
 */
import Database from 'better-sqlite3';
import type { KvsBackend, StoredRecord } from './backend.js';
import type { QueueStore, QueuedEvent } from './queue-store.js';

export interface SqliteKvsBackend extends KvsBackend {
  /** The open database (shared with `createSqliteQueueStore`). */
  readonly db: Database.Database;
  /** The spaces that hold at least one record. */
  spaces(): string[];
  close(): void;
}

const byCodeUnit = ([a]: [string, StoredRecord], [b]: [string, StoredRecord]): number =>
  a < b ? -1 : a > b ? 1 : 0;

/** Opens (or creates) the file at `path`; `':memory:'` gives a private in-memory database. */
export function createSqliteKvsBackend(path: string): SqliteKvsBackend {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS kvs (space TEXT NOT NULL, key TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY (space, key)) WITHOUT ROWID',
  );
  const getStmt = db.prepare<[string, string], { record: string }>(
    'SELECT record FROM kvs WHERE space = ? AND key = ?',
  );
  const putStmt = db.prepare<[string, string, string]>(
    'INSERT INTO kvs (space, key, record) VALUES (?, ?, ?) ON CONFLICT (space, key) DO UPDATE SET record = excluded.record',
  );
  const deleteStmt = db.prepare<[string, string]>('DELETE FROM kvs WHERE space = ? AND key = ?');
  const listStmt = db.prepare<[string], { key: string; record: string }>(
    'SELECT key, record FROM kvs WHERE space = ? ORDER BY key',
  );
  const spacesStmt = db.prepare<[], { space: string }>(
    'SELECT DISTINCT space FROM kvs ORDER BY space',
  );
  const parse = (json: string): StoredRecord => JSON.parse(json) as StoredRecord;
  return {
    db,
    get(space, key) {
      const row = getStmt.get(space, key);
      return row ? parse(row.record) : undefined;
    },
    put(space, key, record) {
      putStmt.run(space, key, JSON.stringify(record));
    },
    delete(space, key) {
      deleteStmt.run(space, key);
    },
    list(space) {
      // SQLite orders by UTF-8 bytes; the protocol wants UTF-16 code units (they differ only
      // for astral characters, which the key rule excludes, but sort to be exact).
      return listStmt
        .all(space)
        .map((r): [string, StoredRecord] => [r.key, parse(r.record)])
        .sort(byCodeUnit);
    },
    atomically(apply) {
      // Nested calls become savepoints; a throw rolls back and propagates.
      db.transaction(apply)();
    },
    spaces: () => spacesStmt.all().map((r) => r.space),
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * The runtime's queue in the same database (table `queue_event`), plus a small `meta` table for
 * the virtual clock's offset. Events stay in the table until acknowledged, so a process that dies
 * mid-invocation redelivers them after a restart (at least once).
 */
export function createSqliteQueueStore(db: Database.Database): QueueStore {
  db.exec(
    'CREATE TABLE IF NOT EXISTS queue_event (seq INTEGER PRIMARY KEY AUTOINCREMENT, due_at INTEGER NOT NULL, event TEXT NOT NULL)',
  );
  db.exec('CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare<[number, string]>(
    'INSERT INTO queue_event (due_at, event) VALUES (?, ?)',
  );
  const update = db.prepare<[number, string, number]>(
    'UPDATE queue_event SET due_at = ?, event = ? WHERE seq = ?',
  );
  const remove = db.prepare<[number]>('DELETE FROM queue_event WHERE seq = ?');
  const all = db.prepare<[], { seq: number; event: string }>(
    'SELECT seq, event FROM queue_event ORDER BY due_at, seq',
  );
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?');
  const setMeta = db.prepare<[string, string]>(
    'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  const row = (r: { seq: number; event: string }): QueuedEvent => ({
    ...(JSON.parse(r.event) as Omit<QueuedEvent, 'seq'>),
    seq: r.seq,
  });
  const encode = (event: Omit<QueuedEvent, 'seq'>): string => {
    const copy: Record<string, unknown> = { ...event };
    delete copy.seq;
    return JSON.stringify(copy);
  };
  return {
    add(event) {
      const r = insert.run(event.dueAt, encode(event));
      return { ...event, seq: Number(r.lastInsertRowid) };
    },
    update(event) {
      update.run(event.dueAt, encode(event), event.seq);
    },
    remove(seq) {
      remove.run(seq);
    },
    list: () => all.all().map(row),
    getMeta: (name) => getMeta.get(name)?.value,
    setMeta(name, value) {
      setMeta.run(name, value);
    },
  };
}
