import { describe, expect, it } from 'vitest';
import { createFieldNameCache, fieldNamesOf, type FieldNames } from '../../src/jira/field-names.js';

const LIST = [
  { id: 'description', name: 'Description', custom: false },
  { id: 'customfield_10042', name: 'Customer reference', custom: true },
  { id: 'customfield_nameless', name: ' ' },
  { name: 'no id' },
  'not an object',
];

/** A field list that grows: the second load knows a field created since the first. */
function jira() {
  const lists = [LIST, [...LIST, { id: 'customfield_10099', name: 'Vendor key', custom: true }]];
  let loads = 0;
  return {
    load: () => Promise.resolve(lists[Math.min(loads++, lists.length - 1)] ?? []),
    loads: () => loads,
  };
}

describe('field names', () => {
  it('reads names from the field list, leaving out entries without an id or a name', () => {
    expect(fieldNamesOf(LIST)).toEqual({
      description: { name: 'Description', custom: false },
      customfield_10042: { name: 'Customer reference', custom: true },
    });
  });

  it('loads the list once per scan while every field asked for is known', async () => {
    const j = jira();
    const cache = createFieldNameCache({ load: j.load });
    expect(await cache.names(['description'])).toEqual({
      description: { name: 'Description', custom: false },
    });
    await cache.names(['customfield_10042', 'description']);
    expect(j.loads()).toBe(1);
  });

  it('loads it again when a field is unknown, and asks no more for one Jira does not have', async () => {
    const j = jira();
    const cache = createFieldNameCache({ load: j.load });
    await cache.names(['description']);
    expect(await cache.names(['customfield_10099'])).toEqual({
      customfield_10099: { name: 'Vendor key', custom: true },
    });
    expect(j.loads()).toBe(2);
    expect(await cache.names(['customfield_deleted'])).toEqual({});
    expect(await cache.names(['customfield_deleted', 'customfield_10099'])).toHaveProperty(
      'customfield_10099',
    );
    expect(j.loads()).toBe(3);
  });

  it('starts from a kept copy and keeps the list it loads', async () => {
    const j = jira();
    const kept: FieldNames[] = [];
    const cache = createFieldNameCache({
      load: j.load,
      read: () => Promise.resolve({ description: { name: 'Beschreibung', custom: false } }),
      write: (names) => {
        kept.push(names);
        return Promise.resolve();
      },
    });
    expect((await cache.names(['description'])).description?.name).toBe('Beschreibung');
    expect(j.loads()).toBe(0);
    await cache.names(['customfield_10042']);
    expect(j.loads()).toBe(1);
    expect(kept[0]).toHaveProperty('customfield_10042');
  });
});
