// The KVS emulation on the wire, as @forge/kvs 1.6.5 speaks it: the platform's limits and error
// shapes, entity queries over declared indexes only, batches and transactions.
import { describe, expect, it } from 'vitest';
import type { EntityDeclaration } from '../../../dev/forge-runtime/entities.js';
import { createKvsEmulator, KVS_LIMITS, type KvsEmulator } from '../../../dev/forge-runtime/kvs.js';

const ENTITIES: EntityDeclaration[] = [
  {
    name: 'employee',
    attributes: {
      surname: { type: 'string' },
      age: { type: 'integer' },
      score: { type: 'float' },
      active: { type: 'boolean' },
      team: { type: 'string' },
      notes: { type: 'any' },
    },
    indexes: [
      'surname',
      { name: 'by-age', range: ['age'] },
      { name: 'by-team-age', partition: ['team'], range: ['age'] },
      { name: 'by-team-active-surname', partition: ['team', 'active'], range: ['surname'] },
    ],
  },
];

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

async function call(kvs: KvsEmulator, path: string, body: unknown): Promise<Answer> {
  const r = await kvs.handle(path, { method: 'POST', body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const code = (a: Answer): unknown => (a.body as { code?: unknown } | undefined)?.code;
const keys = (a: Answer): string[] =>
  (a.body as { data: { key: string }[] }).data.map((d) => d.key);
const cursorOf = (a: Answer): string | undefined => (a.body as { cursor?: string }).cursor;

function emulator(now?: () => number): KvsEmulator {
  return createKvsEmulator({ entities: ENTITIES, ...(now ? { now } : {}) });
}

describe('keys and values', () => {
  it('stores, reads and deletes', async () => {
    const kvs = emulator(() => 1_700_000_000_000);
    expect(await call(kvs, '/api/v1/get', { key: 'k' })).toEqual({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist' },
    });
    expect((await call(kvs, '/api/v1/set', { key: 'k', value: { a: [1] } })).status).toBe(204);
    expect(await call(kvs, '/api/v1/get', { key: 'k' })).toEqual({
      status: 200,
      body: { key: 'k', value: { a: [1] }, createdAt: 1_700_000_000, updatedAt: 1_700_000_000 },
    });
    expect((await call(kvs, '/api/v1/delete', { key: 'k' })).status).toBe(204);
    expect((await call(kvs, '/api/v1/delete', { key: 'k' })).status).toBe(204);
    expect((await call(kvs, '/api/v1/get', { key: 'k' })).status).toBe(404);
  });

  it('enforces the key rule: no slash, not only blanks, at most 500 characters', async () => {
    const kvs = emulator();
    for (const key of ['a:b.c_d-e#f g', 'x', 'k'.repeat(500), ' lead', 'tab\there']) {
      expect((await call(kvs, '/api/v1/set', { key, value: 1 })).status, key).toBe(204);
    }
    for (const [key, expected] of [
      ['a/b', 'INVALID_KEY'],
      ['   ', 'INVALID_KEY'],
      ['é', 'INVALID_KEY'],
      ['a+b', 'INVALID_KEY'],
      ['', 'EMPTY_KEY'],
      ['k'.repeat(501), 'KEY_TOO_LONG'],
    ] as const) {
      const a = await call(kvs, '/api/v1/set', { key, value: 1 });
      expect([a.status, code(a)], key).toEqual([400, expected]);
    }
    expect(code(await call(kvs, '/api/v1/get', { key: 'a/b' }))).toBe('INVALID_KEY');
    expect(code(await call(kvs, '/api/v1/secret/get', { key: 'a/b' }))).toBe('INVALID_KEY');
    expect(
      code(await call(kvs, '/api/v1/entity/get', { entityName: 'employee', key: 'a/b' })),
    ).toBe('INVALID_KEY');
  });

  it('enforces 240 KiB values, 128 KiB secrets, depth 31, and no null', async () => {
    const kvs = emulator();
    const sized = (n: number): string => 'x'.repeat(n - 2); // JSON adds the quotes
    expect((await call(kvs, '/api/v1/set', { key: 'a', value: sized(240 * 1024) })).status).toBe(
      204,
    );
    const big = await call(kvs, '/api/v1/set', { key: 'a', value: sized(240 * 1024 + 1) });
    expect([big.status, code(big)]).toEqual([400, 'MAX_SIZE']);
    expect(JSON.stringify(big.body)).not.toContain('xxxx');
    const secret = await call(kvs, '/api/v1/secret/set', {
      key: 's',
      value: sized(128 * 1024 + 1),
    });
    expect(code(secret)).toBe('MAX_SIZE');
    expect(
      (await call(kvs, '/api/v1/secret/set', { key: 's', value: sized(128 * 1024) })).status,
    ).toBe(204);
    let deep: unknown = 1;
    for (let i = 0; i < KVS_LIMITS.depth; i++) deep = [deep];
    expect((await call(kvs, '/api/v1/set', { key: 'd', value: deep })).status).toBe(204);
    expect(code(await call(kvs, '/api/v1/set', { key: 'd', value: [deep] }))).toBe('MAX_DEPTH');
    expect(code(await call(kvs, '/api/v1/set', { key: 'n', value: null }))).toBe('BAD_REQUEST');
    expect(code(await call(kvs, '/api/v1/set', { key: 'n' }))).toBe('BAD_REQUEST');
  });

  it('keeps secrets, plain keys and entities apart', async () => {
    const kvs = emulator();
    await call(kvs, '/api/v1/secret/set', { key: 'same', value: 'secret' });
    await call(kvs, '/api/v1/set', { key: 'same', value: 'plain' });
    await call(kvs, '/api/v1/entity/set', {
      entityName: 'employee',
      key: 'same',
      value: { surname: 'S' },
    });
    expect((await call(kvs, '/api/v1/secret/get', { key: 'same' })).body).toMatchObject({
      value: 'secret',
    });
    expect((await call(kvs, '/api/v1/get', { key: 'same' })).body).toMatchObject({
      value: 'plain',
    });
    const q = await call(kvs, '/api/v1/query', {});
    expect(keys(q)).toEqual(['same']);
  });

  it('honours keyPolicy, returnValue and TTL', async () => {
    let t = 1_000_000;
    const kvs = emulator(() => t);
    await call(kvs, '/api/v1/set', { key: 'k', value: 1 });
    const refused = await call(kvs, '/api/v1/set', {
      key: 'k',
      value: 2,
      options: { keyPolicy: 'FAIL_IF_EXISTS' },
    });
    expect([refused.status, code(refused)]).toEqual([409, 'KEY_ALREADY_EXISTS']);
    const previous = await call(kvs, '/api/v1/set', {
      key: 'k',
      value: 3,
      options: { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' },
    });
    expect(previous.body).toMatchObject({ key: 'k', value: 1 });
    await call(kvs, '/api/v1/set', {
      key: 'ttl',
      value: 1,
      options: { ttl: { value: 2, unit: 'SECONDS' } },
    });
    expect((await call(kvs, '/api/v1/get', { key: 'ttl' })).body).toMatchObject({
      expireTime: new Date(t + 2000).toISOString(),
    });
    t += 2000;
    expect((await call(kvs, '/api/v1/get', { key: 'ttl' })).status).toBe(404);
    expect(keys(await call(kvs, '/api/v1/query', {}))).toEqual(['k']);
    const badTtl = await call(kvs, '/api/v1/set', {
      key: 'x',
      value: 1,
      options: { ttl: { value: 1, unit: 'WEEKS' } },
    });
    expect(code(badTtl)).toBe('BAD_REQUEST');
  });

  it('answers only POSTs to known paths with JSON bodies', async () => {
    const kvs = emulator();
    expect((await kvs.handle('/api/v1/get', { method: 'GET', body: '{"key":"k"}' })).status).toBe(
      405,
    );
    expect((await kvs.handle('/api/v2/get', { method: 'POST', body: '{}' })).status).toBe(404);
    const notJson = await kvs.handle('/api/v1/get', { method: 'POST', body: 'key=k' });
    expect([notJson.status, await notJson.json()]).toEqual([
      400,
      { code: 'BAD_REQUEST', message: 'The request body is not JSON' },
    ]);
    expect(kvs.calls.map((c) => c.status)).toEqual([405, 404, 400]);
  });
});

describe('key queries', () => {
  it('lists by prefix in key order, 10 by default, at most 100, with cursors', async () => {
    const kvs = emulator();
    for (let n = 0; n < 130; n++) {
      await call(kvs, '/api/v1/set', { key: `job:${String(n).padStart(3, '0')}`, value: n });
    }
    await call(kvs, '/api/v1/set', { key: 'jo', value: 0 });
    const where = [{ property: 'key', condition: 'BEGINS_WITH', values: ['job:'] }];
    const first = await call(kvs, '/api/v1/query', { where });
    expect(keys(first)).toHaveLength(10);
    for (const limit of [0, 101, 1.5]) {
      const a = await call(kvs, '/api/v1/query', { where, limit });
      expect(a.status, String(limit)).toBe(400);
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await call(kvs, '/api/v1/query', { where, limit: 100, after });
      seen.push(...keys(page));
      after = cursorOf(page);
    } while (after !== undefined);
    expect(seen).toEqual(
      Array.from({ length: 130 }, (_, n) => `job:${String(n).padStart(3, '0')}`),
    );
    const other = await call(kvs, '/api/v1/query', {
      where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['jo'] }],
      after: cursorOf(first),
    });
    expect([other.status, code(other)]).toEqual([400, 'BAD_REQUEST']);
    const badWhere = await call(kvs, '/api/v1/query', {
      where: [{ property: 'value', condition: 'BEGINS_WITH', values: ['x'] }],
    });
    expect(badWhere.status).toBe(400);
  });
});

describe('entities', () => {
  const put = (kvs: KvsEmulator, key: string, value: unknown): Promise<Answer> =>
    call(kvs, '/api/v1/entity/set', { entityName: 'employee', key, value });

  it('accept only declared entities, attributes and types', async () => {
    const kvs = emulator();
    expect(
      (await put(kvs, 'e1', { surname: 'Davis', age: 30, score: 0.5, notes: [null] })).status,
    ).toBe(204);
    const cases: [string, unknown, string][] = [
      ['undeclared attribute', { surname: 'D', salary: 1 }, 'INVALID_ENTITY_VALUE'],
      ['integer too big', { age: 2 ** 31 }, 'INVALID_ENTITY_VALUE'],
      ['integer not whole', { age: 1.5 }, 'INVALID_ENTITY_VALUE'],
      ['empty string', { surname: '' }, 'INVALID_ENTITY_VALUE'],
      ['blank string', { surname: '  ' }, 'INVALID_ENTITY_VALUE'],
      ['string for boolean', { active: 'yes' }, 'INVALID_ENTITY_VALUE'],
      ['null attribute', { notes: null }, 'INVALID_ENTITY_VALUE'],
      ['not an object', ['Davis'], 'INVALID_ENTITY_VALUE'],
      ['range value too long', { surname: 's'.repeat(901) }, 'INVALID_ENTITY_VALUE'],
    ];
    for (const [what, value, expected] of cases) {
      const a = await put(kvs, 'e2', value);
      expect([a.status, code(a)], what).toEqual([400, expected]);
    }
    for (const [entityName, expected] of [
      ['nobody', 'INVALID_ENTITY_TYPE'],
      ['ab', 'ENTITY_TYPE_TOO_SHORT'],
      ['e'.repeat(61), 'ENTITY_TYPE_TOO_LARGE'],
      ['Employee', 'INVALID_ENTITY_TYPE'],
    ]) {
      const a = await call(kvs, '/api/v1/entity/get', { entityName, key: 'e1' });
      expect(code(a), entityName).toBe(expected);
    }
    expect(
      (await call(kvs, '/api/v1/entity/get', { entityName: 'employee', key: 'e1' })).body,
    ).toMatchObject({
      value: { surname: 'Davis', age: 30 },
    });
  });

  async function staff(): Promise<KvsEmulator> {
    const kvs = emulator();
    const people: [string, Record<string, unknown>][] = [
      ['e1', { surname: 'Davis', age: 30, team: 'red', active: true }],
      ['e2', { surname: 'Scott', age: 25, team: 'red', active: false }],
      ['e3', { surname: 'Adams', age: 41, team: 'blue', active: true }],
      ['e4', { surname: 'Baker', age: 30, team: 'red', active: true }],
      ['e5', { surname: 'Clark', team: 'red', active: true }], // no age: not on the age indexes
      ['e6', { surname: 'Evans', age: 52, team: 'red', active: true }],
    ];
    for (const [key, value] of people) await put(kvs, key, value);
    return kvs;
  }

  const query = (kvs: KvsEmulator, q: Record<string, unknown>): Promise<Answer> =>
    call(kvs, '/api/v1/entity/query', { entityName: 'employee', ...q });

  it('query declared indexes only, by partition and range, in range then key order', async () => {
    const kvs = await staff();
    const missing = await query(kvs, { indexName: 'by-surname-age' });
    expect([missing.status, code(missing)]).toEqual([400, 'INVALID_ENTITY_INDEX']);
    expect(keys(await query(kvs, { indexName: 'by-age', limit: 100 }))).toEqual([
      'e2',
      'e1',
      'e4',
      'e3',
      'e6',
    ]);
    expect(keys(await query(kvs, { indexName: 'by-age', sort: 'DESC' }))).toEqual([
      'e6',
      'e3',
      'e4',
      'e1',
      'e2',
    ]);
    expect(
      keys(
        await query(kvs, {
          indexName: 'by-team-age',
          partition: ['red'],
          range: { condition: 'BETWEEN', values: [26, 52] },
        }),
      ),
    ).toEqual(['e1', 'e4', 'e6']);
    expect(
      keys(
        await query(kvs, {
          indexName: 'by-team-active-surname',
          partition: ['red', true],
          range: { condition: 'BEGINS_WITH', values: ['B'] },
        }),
      ),
    ).toEqual(['e4']);
    expect(keys(await query(kvs, { indexName: 'surname' }))).toEqual([
      'e3',
      'e4',
      'e5',
      'e1',
      'e6',
      'e2',
    ]);
    expect(
      keys(
        await query(kvs, {
          indexName: 'by-key',
          range: { condition: 'GREATER_THAN', values: ['e4'] },
        }),
      ),
    ).toEqual(['e5', 'e6']);
    for (const partition of [[], ['red', true], [1]]) {
      const a = await query(kvs, { indexName: 'by-team-age', partition });
      expect(a.status, JSON.stringify(partition)).toBe(400);
    }
    const wrongType = await query(kvs, {
      indexName: 'by-age',
      range: { condition: 'GREATER_THAN', values: ['30'] },
    });
    expect(wrongType.status).toBe(400);
  });

  it('page with cursors tied to their query, 10 by default and at most 100', async () => {
    const kvs = await staff();
    const first = await query(kvs, { indexName: 'by-age', limit: 2 });
    expect(keys(first)).toEqual(['e2', 'e1']);
    const second = await query(kvs, { indexName: 'by-age', limit: 2, cursor: cursorOf(first) });
    expect(keys(second)).toEqual(['e4', 'e3']);
    const last = await query(kvs, { indexName: 'by-age', limit: 2, cursor: cursorOf(second) });
    expect([keys(last), cursorOf(last)]).toEqual([['e6'], undefined]);
    const elsewhere = await query(kvs, { indexName: 'surname', cursor: cursorOf(first) });
    expect([elsewhere.status, code(elsewhere)]).toEqual([400, 'BAD_REQUEST']);
    for (const limit of [0, 101]) {
      const a = await query(kvs, { indexName: 'by-age', limit });
      expect(code(a)).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    }
  });

  it('filter after reading a page, as the platform does: pages may be short or empty', async () => {
    const kvs = await staff();
    const filters = { and: [{ property: 'active', condition: 'EQUAL_TO', values: [false] }] };
    const page = await query(kvs, { indexName: 'by-age', limit: 1, cursor: undefined, filters });
    expect(keys(page)).toEqual(['e2']);
    const next = await query(kvs, {
      indexName: 'by-age',
      limit: 1,
      filters,
      cursor: cursorOf(page),
    });
    expect(keys(next)).toEqual([]);
    expect(cursorOf(next)).toBeDefined();
    const or = {
      or: [
        { property: 'surname', condition: 'CONTAINS', values: ['ke'] },
        { property: 'age', condition: 'GREATER_THAN_EQUAL_TO', values: [50] },
      ],
    };
    expect(keys(await query(kvs, { indexName: 'by-age', filters: or }))).toEqual(['e4', 'e6']);
    const absent = { and: [{ property: 'age', condition: 'NOT_EXISTS', values: [true] }] };
    expect(keys(await query(kvs, { indexName: 'surname', filters: absent }))).toEqual(['e5']);
  });

  it('refuse malformed filters', async () => {
    const kvs = await staff();
    const cases: [unknown, number, string][] = [
      [{ and: [], or: [] }, 400, 'INVALID_FILTER_OPERATORS_COMBINATION'],
      [{ and: [] }, 400, 'EMPTY_FILTER_OPERATOR'],
      [{}, 400, 'EMPTY_FILTER_OPERATOR'],
      [
        { and: [{ property: 'age', condition: 'BETWEEN', values: [1] }] },
        400,
        'INSUFFICIENT_FILTER_VALUES',
      ],
      [
        { and: [{ property: 'notes', condition: 'EXISTS', values: [true] }] },
        422,
        'UNPROCESSABLE_ENTITY',
      ],
      [{ and: [{ property: 'salary', condition: 'EXISTS', values: [true] }] }, 400, 'BAD_REQUEST'],
      [{ and: [{ property: 'age', condition: 'CONTAINS', values: ['3'] }] }, 400, 'BAD_REQUEST'],
      [{ and: [{ property: 'age', condition: 'LIKE', values: ['3'] }] }, 400, 'BAD_REQUEST'],
    ];
    for (const [filters, status, expected] of cases) {
      const a = await query(kvs, { indexName: 'by-age', filters });
      expect([a.status, code(a)], JSON.stringify(filters)).toEqual([status, expected]);
    }
    const many = {
      and: Array.from({ length: 101 }, () => ({
        property: 'age',
        condition: 'GREATER_THAN',
        values: [1],
      })),
    };
    expect((await query(kvs, { indexName: 'by-age', filters: many })).status).toBe(400);
  });
});

describe('batches', () => {
  it('report each item, and take at most 25', async () => {
    const kvs = emulator();
    const set = await call(kvs, '/api/v1/batch/set', [
      { key: 'a', value: 1 },
      { key: 'b/c', value: 2 },
      { key: 'e1', entityName: 'employee', value: { surname: 'S' } },
      { key: 'e2', entityName: 'employee', value: { wage: 1 } },
    ]);
    expect(set.body).toEqual({
      successfulKeys: [{ key: 'a' }, { key: 'e1', entityName: 'employee' }],
      failedKeys: [
        { key: 'b/c', error: expect.objectContaining({ code: 'INVALID_KEY' }) as unknown },
        {
          key: 'e2',
          entityName: 'employee',
          error: expect.objectContaining({ code: 'INVALID_ENTITY_VALUE' }) as unknown,
        },
      ],
    });
    const get = await call(kvs, '/api/v1/batch/get', [
      { key: 'a' },
      { key: 'zz' },
      { key: 'e1', entityName: 'employee' },
    ]);
    expect(get.body).toMatchObject({
      successfulKeys: [
        { key: 'a', value: 1 },
        { key: 'e1', entityName: 'employee', value: { surname: 'S' } },
      ],
      failedKeys: [{ key: 'zz', error: { code: 'KEY_NOT_FOUND' } }],
    });
    const del = await call(kvs, '/api/v1/batch/delete', [{ key: 'a' }]);
    expect(del.body).toEqual({ successfulKeys: [{ key: 'a' }], failedKeys: [] });
    const tooMany = Array.from({ length: 26 }, (_, n) => ({ key: `k${n}`, value: n }));
    expect((await call(kvs, '/api/v1/batch/set', tooMany)).status).toBe(400);
  });
});

describe('transactions', () => {
  const emp = (surname: string): Record<string, unknown> => ({
    key: surname.toLowerCase(),
    entityName: 'employee',
    value: { surname },
  });

  it('apply all operations, or none when a condition fails', async () => {
    const kvs = emulator();
    expect(
      (await call(kvs, '/api/v1/transaction', { set: [emp('Davis'), emp('Scott')] })).status,
    ).toBe(204);
    const sameSurname = (s: string): unknown => ({
      and: [{ property: 'surname', condition: 'EQUAL_TO', values: [s] }],
    });
    const failed = await call(kvs, '/api/v1/transaction', {
      set: [{ key: 'plain', value: 1 }, emp('Adams')],
      delete: [{ key: 'scott', entityName: 'employee' }],
      check: [{ key: 'davis', entityName: 'employee', conditions: sameSurname('Smith') }],
    });
    expect([failed.status, code(failed)]).toEqual([409, 'CONDITIONAL_CHECK_FAILED']);
    expect((await call(kvs, '/api/v1/get', { key: 'plain' })).status).toBe(404);
    expect(
      (await call(kvs, '/api/v1/entity/get', { entityName: 'employee', key: 'scott' })).status,
    ).toBe(200);
    const ok = await call(kvs, '/api/v1/transaction', {
      set: [{ ...emp('Davies'), key: 'davis', conditions: sameSurname('Davis') }],
      delete: [{ key: 'scott', entityName: 'employee', conditions: sameSurname('Scott') }],
    });
    expect(ok.status).toBe(204);
    expect(
      (await call(kvs, '/api/v1/entity/get', { entityName: 'employee', key: 'davis' })).body,
    ).toMatchObject({ value: { surname: 'Davies' } });
    const onMissing = await call(kvs, '/api/v1/transaction', {
      delete: [{ key: 'nobody', entityName: 'employee', conditions: sameSurname('X') }],
    });
    expect(onMissing.status).toBe(409);
  });

  it('take 1 to 25 operations, each key once, conditions only on entities', async () => {
    const kvs = emulator();
    const sets = Array.from({ length: 26 }, (_, n) => ({ key: `k${n}`, value: n }));
    expect((await call(kvs, '/api/v1/transaction', { set: sets.slice(0, 25) })).status).toBe(204);
    expect((await call(kvs, '/api/v1/transaction', { set: sets })).status).toBe(400);
    expect((await call(kvs, '/api/v1/transaction', {})).status).toBe(400);
    const twice = await call(kvs, '/api/v1/transaction', {
      set: [{ key: 'k1', value: 1 }],
      delete: [{ key: 'k1' }],
    });
    expect(twice.status).toBe(400);
    const sameKeyOtherSpace = await call(kvs, '/api/v1/transaction', {
      set: [
        { key: 'k1', value: 1 },
        { ...emp('K'), key: 'k1' },
      ],
    });
    expect(sameKeyOtherSpace.status).toBe(204);
    const plainCondition = await call(kvs, '/api/v1/transaction', {
      delete: [
        {
          key: 'k1',
          conditions: { and: [{ property: 'x', condition: 'EXISTS', values: [true] }] },
        },
      ],
    });
    expect(plainCondition.status).toBe(400);
    const invalidValue = await call(kvs, '/api/v1/transaction', {
      set: [
        { key: 'fresh', value: 2 },
        { ...emp('K'), value: { age: 'old' } },
      ],
    });
    expect(code(invalidValue)).toBe('INVALID_ENTITY_VALUE');
    expect((await call(kvs, '/api/v1/get', { key: 'fresh' })).status).toBe(404);
  });
});
