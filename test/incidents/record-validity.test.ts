/**
 * What a validity check does to an incident: recorded with its time (and reason), a valid secret
 * is critical, one that stops being valid goes back to its detector's severity, and a scan with
 * checks off neither sends anything nor erases an earlier answer.
 */
import { describe, expect, it } from 'vitest';
import type { UnitLocation } from '../../src/content/issue-units.js';
import { recordScan } from '../../src/incidents/record.js';
import { createMemoryStore } from '../../src/incidents/store.js';
import { publicIncident, withValidity, type ValidityUpdate } from '../../src/incidents/model.js';
import type { Occurrence } from '../../src/scan/scan-issue.js';
import { apiIncidentHead } from '../../src/incidents/incident-api.js';
import type { Incident } from '../../src/incidents/model.js';
import { loadContract } from './contract.js';

const incident = (): Incident => ({
  id: '5d41402abc4b2a76b9719d911017c592',
  detector: { name: 'github-pat', display_name: 'GitHub personal access token', family: 'github' },
  secret_hash: 'a'.repeat(64),
  secret_preview: 'ghp_********cd',
  severity: 'high',
  validity: 'not_checked',
  status: 'TRIGGERED',
  regression: false,
  presence: 'present',
  occurrences_count: 1,
  present_count: 1,
  project_keys: ['OPS'],
  date: '2026-01-01T00:00:00.000Z',
  last_seen: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

const loc = (extra: Partial<UnitLocation> = {}): UnitLocation => ({
  projectKey: 'OPS',
  issueKey: 'OPS-1',
  issueId: '10001',
  field: 'description',
  url: 'https://x.atlassian.net/browse/OPS-1',
  ...extra,
});

const found = (fingerprint: string, location: UnitLocation = loc()): Occurrence => ({
  detector: 'github-pat',
  name: 'GitHub personal access token',
  family: 'github',
  fingerprint,
  redacted: 'ghp_********cd',
  severity: 'high',
  location,
  start: 5,
  end: 45,
  line: 1,
  column: 6,
});

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-01-02T00:00:00.000Z';
const answers =
  (map: Record<string, ValidityUpdate>) =>
  (_detector: string, fingerprint: string): Promise<ValidityUpdate> | undefined => {
    const v = map[fingerprint];
    return v ? Promise.resolve(v) : undefined;
  };

describe('recordScan with validity checks', () => {
  it('records the answer and its time; a valid secret is critical', async () => {
    const store = createMemoryStore();
    const r = await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [found('live'), found('dead', loc({ field: 'summary' }))],
      kind: 'historical',
      now: T1,
      validityOf: answers({
        live: { validity: 'valid', checked_at: T1 },
        dead: { validity: 'invalid', checked_at: T1 },
      }),
    });
    const by = new Map(r.incidents.map((i) => [i.secret_hash, i]));
    expect(by.get('live')).toMatchObject({
      validity: 'valid',
      validity_checked_at: T1,
      severity: 'critical',
    });
    expect(by.get('dead')).toMatchObject({
      validity: 'invalid',
      validity_checked_at: T1,
      severity: 'high',
    });
  });

  it('keeps a failed check with its reason, and says not_checked with checks off', async () => {
    const store = createMemoryStore();
    const r = await recordScan(store, {
      scope: 'issue:10001',
      covers: 'all',
      found: [found('busy')],
      kind: 'realtime',
      now: T1,
      validityOf: answers({
        busy: { validity: 'failed_to_check', checked_at: T1, reason: 'rate_limited' },
      }),
    });
    expect(r.incidents[0]).toMatchObject({
      validity: 'failed_to_check',
      validity_reason: 'rate_limited',
      severity: 'high',
    });
    const off = await recordScan(createMemoryStore(), {
      scope: 'issue:10001',
      covers: 'all',
      found: [found('busy')],
      kind: 'realtime',
      now: T1,
    });
    expect(off.incidents[0]?.validity).toBe('not_checked');
    expect(off.incidents[0]?.validity_checked_at).toBeUndefined();
  });

  it('updates an unchanged place when the answer changes, and revoking lowers the severity back', async () => {
    const store = createMemoryStore();
    const scan = (v: ValidityUpdate | undefined, now: string) =>
      recordScan(store, {
        scope: 'issue:10001',
        covers: 'all',
        found: [found('s')],
        kind: 'historical',
        now,
        ...(v ? { validityOf: answers({ s: v }) } : {}),
      });
    await scan({ validity: 'valid', checked_at: T1 }, T1);
    // The same content again with checks off: nothing written, the answer stays.
    expect((await scan(undefined, T2)).incidents).toEqual([]);
    const [before] = await store.listIncidents({}, 10).then((p) => p.items);
    expect(before).toMatchObject({ validity: 'valid', severity: 'critical' });
    const r = await scan({ validity: 'invalid', checked_at: T2 }, T2);
    expect(r.incidents[0]).toMatchObject({
      validity: 'invalid',
      validity_checked_at: T2,
      severity: 'high',
    });
  });
});

describe('withValidity', () => {
  it('never lets not_checked or no_checker erase an answer that was sent for', () => {
    const checked = withValidity(incident(), { validity: 'invalid', checked_at: T1 }, 'high');
    expect(withValidity(checked, { validity: 'not_checked' }, 'high')).toBe(checked);
    expect(withValidity(checked, { validity: 'no_checker' }, 'high')).toBe(checked);
  });

  it('drops an old reason and identity when a new answer comes', () => {
    const failed = withValidity(
      incident(),
      { validity: 'failed_to_check', checked_at: T1, reason: 'timeout' },
      'high',
    );
    const valid = withValidity(
      failed,
      { validity: 'valid', checked_at: T2, details: 'octocat' },
      'high',
    );
    expect(valid.validity_reason).toBeUndefined();
    expect(valid.validity_details).toBe('octocat');
    const invalid = withValidity(valid, { validity: 'invalid', checked_at: T2 }, 'high');
    expect(invalid.validity_details).toBeUndefined();
  });

  it('reads an incident stored before checks existed as not_checked', () => {
    const legacy = { ...incident(), validity: 'unknown' } as unknown as Incident;
    expect(publicIncident(legacy).validity).toBe('not_checked');
    expect(apiIncidentHead(legacy).validity).toBe('not_checked');
  });

  it('forwards the check to the incident API as the contract says', () => {
    const contract = loadContract();
    const valid = withValidity(
      incident(),
      { validity: 'valid', checked_at: T1, details: 'octocat' },
      'high',
    );
    const failed = withValidity(
      incident(),
      { validity: 'failed_to_check', checked_at: T1, reason: 'server_error' },
      'high',
    );
    const validate = contract.schema('Incident');
    for (const i of [valid, failed]) {
      const sent = { ...apiIncidentHead(i), occurrences: [] };
      expect(validate(sent), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(apiIncidentHead(valid)).toMatchObject({
      validity: 'valid',
      validity_checked_at: T1,
      validity_details: 'octocat',
      severity: 'critical',
    });
  });
});
