import { describe, expect, it } from 'vitest';
import { recordScan } from '../../src/incidents/record.js';
import { createMemoryStore } from '../../src/incidents/store.js';
import { claimed, DELETED, isNewerThan, partsOf, seenIn } from '../../src/incidents/versions.js';
import type { Occurrence } from '../../src/scan/scan-issue.js';
import { location } from './fixtures.js';

const T1 = '2026-12-06T08:00:01.000+0000';
const T2 = '2026-12-06T08:00:02.000Z';

describe('scope versions', () => {
  it('names the parts that hold a place', () => {
    const l = location(1);
    expect(partsOf({ ...l, field: 'comment', commentId: '7' })).toEqual(['*', 'comment:7']);
    expect(partsOf({ ...l, field: 'attachment', attachmentId: '9' })).toEqual([
      '*',
      'attachment:*',
      'attachment:9',
    ]);
    expect(partsOf({ ...l, field: 'changelog', historyField: 'summary' })).toEqual([
      '*',
      'field:summary',
    ]);
  });

  it('raises only parts read at a newer version, and drops parts the whole scope covers', () => {
    const one = claimed({}, { version: T1, parts: ['field:description'], claim: true });
    expect(one).toEqual({ 'field:description': '2026-12-06T08:00:01.000Z' });
    // The same version again: nothing to write.
    expect(
      claimed(one ?? {}, { version: T1, parts: ['field:description'], claim: true }),
    ).toBeUndefined();
    const all = claimed(one ?? {}, { version: T2, parts: 'all', claim: true });
    expect(all).toEqual({ '*': '2026-12-06T08:00:02.000Z' });
    const gone = claimed(all ?? {}, { version: DELETED, parts: 'all', claim: true });
    expect(isNewerThan(gone ?? {}, location(1), '9999-12-31T00:00:00.000Z')).toBe(true);
    expect(isNewerThan(all ?? {}, location(1), '2026-12-06T08:00:02.000Z')).toBe(false);
  });

  it('reads no version from what has none', () => {
    expect(seenIn(undefined, 'all', true)).toBeUndefined();
    expect(seenIn('yesterday', 'all', true)).toBeUndefined();
    expect(seenIn(T1, 'all', false)).toEqual({ version: T1, parts: 'all', claim: false });
  });

  it('lets a historical scan of an older version yield to a real-time scan of a newer one', async () => {
    const store = createMemoryStore();
    const found: Occurrence = {
      detector: 'github-pat',
      name: 'GitHub personal access token',
      family: 'github',
      fingerprint: 'fp0',
      redacted: 'ghp_…abcd',
      severity: 'high',
      location: location(1),
      start: 3,
      end: 43,
      line: 1,
      column: 4,
    };
    const base = { scope: 'issue:10001', covers: 'all' as const, now: T2 };
    // The event read the issue after the secret was taken out: nothing found, but it claims.
    await recordScan(store, {
      ...base,
      found: [],
      kind: 'realtime',
      seen: { version: T2, parts: 'all', claim: true },
    });
    // A history page read before: the secret was there then, and is not now.
    const late = await recordScan(store, {
      ...base,
      found: [found],
      kind: 'historical',
      seen: { version: T1, parts: 'all', claim: false },
    });
    expect(late.appeared).toEqual([]);
    expect(store.snapshot().occurrences.map((o) => o.presence)).toEqual(['removed']);
    expect(store.snapshot().incidents.map((i) => [i.presence, i.occurrences_count])).toEqual([
      ['removed', 1],
    ]);
    // With no version it is not ordered (a project's documentation): it lands.
    const unordered = await recordScan(store, { ...base, found: [found], kind: 'historical' });
    expect(unordered.appeared).toHaveLength(1);
  });
});
