// Entity declarations are checked against the platform's manifest rules before any call is
// answered, so a manifest the platform would refuse fails in tests first.
import { describe, expect, it } from 'vitest';
import { compileEntities, type EntityDeclaration } from '../../../dev/forge-runtime/entities.js';

const ok: EntityDeclaration = {
  name: 'finding',
  attributes: { status: { type: 'string' }, at: { type: 'integer' }, doc: { type: 'any' } },
  indexes: ['status', { name: 'by-status-at', partition: ['status'], range: ['at'] }],
};

function problems(d: EntityDeclaration | EntityDeclaration[]): string {
  try {
    compileEntities(Array.isArray(d) ? d : [d]);
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('compileEntities', () => {
  it('compiles declared indexes, plus the automatic by-key index', () => {
    const compiled = compileEntities([ok]).get('finding');
    expect([...(compiled?.indexes.keys() ?? [])]).toEqual(['by-key', 'status', 'by-status-at']);
    expect(compiled?.indexes.get('by-status-at')).toEqual({
      name: 'by-status-at',
      partition: ['status'],
      range: 'at',
    });
  });

  it.each<[string, EntityDeclaration, RegExp]>([
    ['a short name', { ...ok, name: 'ab' }, /name must be 3-60/],
    ['a long name', { ...ok, name: 'a'.repeat(61) }, /name must be 3-60/],
    ['upper case', { ...ok, name: 'Finding' }, /name must be/],
    ['a leading dash', { ...ok, name: '-finding' }, /name must be/],
    ['a double dot', { ...ok, name: 'fin..ding' }, /name must be/],
    [
      'a long attribute name',
      { ...ok, attributes: { ['a'.repeat(31)]: { type: 'string' } }, indexes: [] },
      /at most 30 characters/,
    ],
    [
      'an attribute name with a dash',
      { ...ok, attributes: { 'project-key': { type: 'string' } }, indexes: [] },
      /must match/,
    ],
    [
      'eight indexes',
      {
        ...ok,
        indexes: Array.from({ length: 8 }, (_, n) => ({ name: `ix-${n}`, range: ['at'] })),
      },
      /8 indexes, at most 7/,
    ],
    [
      '51 attributes',
      {
        ...ok,
        attributes: Object.fromEntries(
          Array.from({ length: 51 }, (_, n) => [`a${n}`, { type: 'string' as const }]),
        ),
        indexes: [],
      },
      /51 attributes, at most 50/,
    ],
    [
      'two range attributes',
      { ...ok, indexes: [{ name: 'by-two', range: ['status', 'at'] }] },
      /exactly one range attribute/,
    ],
    [
      'an undeclared attribute in an index',
      { ...ok, indexes: [{ name: 'by-x', partition: ['project'], range: ['at'] }] },
      /undeclared attribute project/,
    ],
    [
      'an index on an any attribute',
      { ...ok, indexes: ['doc'] },
      /of type any, which cannot be indexed/,
    ],
    ['a short index name', { ...ok, indexes: [{ name: 'ix', range: ['at'] }] }, /index name/],
    ['an index declared twice', { ...ok, indexes: ['status', 'status'] }, /declared twice/],
  ])('refuses %s', (_, declaration, expected) => {
    expect(problems(declaration)).toMatch(expected);
  });

  it('refuses the same entity twice, and more than 20 entities', () => {
    expect(problems([ok, ok])).toMatch(/declared twice/);
    const many = Array.from({ length: 21 }, (_, n) => ({ ...ok, name: `entity-${n}` }));
    expect(problems(many)).toMatch(/21 entities: at most 20/);
  });

  it('lists every problem at once', () => {
    const message = problems({ ...ok, name: 'X', indexes: ['doc', 'nope'] });
    expect(message.split('\n- ')).toHaveLength(4);
  });
});
