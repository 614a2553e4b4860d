import { describe, expect, it } from 'vitest';
import {
  applyAction,
  incidentId,
  locationKey,
  occurrenceId,
  type Incident,
} from '../../src/incidents/model.js';

const incident: Incident = {
  id: 'i1',
  detector: { name: 'github-pat', display_name: 'GitHub PAT', family: 'github' },
  secret_hash: 'f1',
  secret_preview: 'ghp_…abcd',
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
};
const now = '2026-02-01T00:00:00.000Z';

describe('ids', () => {
  it('are stable and distinct per detector, fingerprint and place', () => {
    expect(incidentId('a', 'f')).toBe(incidentId('a', 'f'));
    expect(incidentId('a', 'f')).not.toBe(incidentId('b', 'f'));
    const l = { projectKey: 'OPS', issueId: '1', field: 'comment' as const, commentId: '7' };
    expect(occurrenceId(l, 'a', 'f')).not.toBe(occurrenceId({ ...l, commentId: '8' }, 'a', 'f'));
    // A moved issue (new key, same id) is the same place.
    expect(locationKey({ ...l, issueKey: 'OPS-1' })).toBe(locationKey({ ...l, issueKey: 'NEW-9' }));
    // The old and new side of one history entry are two places.
    const h = { projectKey: 'OPS', issueId: '1', field: 'changelog' as const, historyId: '3' };
    expect(locationKey({ ...h, historyValue: 'from' })).not.toBe(
      locationKey({ ...h, historyValue: 'to' }),
    );
  });
});

describe('applyAction', () => {
  it('assigns, resolves, reopens to the assignee, and ignores with a reason', () => {
    const a = applyAction(incident, { type: 'assign', assigneeId: '557058:abc' }, 'admin', now);
    expect(a).toMatchObject({
      ok: true,
      incident: { status: 'ASSIGNED', assignee_id: '557058:abc' },
    });
    if (!a.ok) return;
    const r = applyAction(a.incident, { type: 'resolve' }, 'admin', now);
    expect(r).toMatchObject({ ok: true, incident: { status: 'RESOLVED', resolved_at: now } });
    if (!r.ok) return;
    const o = applyAction(r.incident, { type: 'reopen' }, 'admin', now);
    expect(o).toMatchObject({
      ok: true,
      incident: { status: 'ASSIGNED', assignee_id: '557058:abc' },
    });
    if (!o.ok) return;
    expect(o.incident).not.toHaveProperty('resolved_at');
    const i = applyAction(o.incident, { type: 'ignore', reason: 'false_positive' }, 'admin', now);
    expect(i).toMatchObject({
      ok: true,
      incident: { status: 'IGNORED', ignore_reason: 'false_positive', status_changed_by: 'admin' },
    });
  });

  it('answers invalid actions with an error value', () => {
    expect(applyAction(incident, { type: 'ignore', reason: 'bored' }, 'a', now)).toEqual({
      ok: false,
      error:
        'the reason to ignore must be one of: test credential, false positive, low risk, invalid',
    });
    expect(applyAction(incident, { type: 'reopen' }, 'a', now).ok).toBe(false);
    expect(applyAction(incident, { type: 'unassign' }, 'a', now).ok).toBe(false);
    expect(
      applyAction(incident, { type: 'assign', assigneeId: 'jane doe <j@x>' }, 'a', now).ok,
    ).toBe(false);
    const resolved = { ...incident, status: 'RESOLVED' as const };
    expect(applyAction(resolved, { type: 'resolve' }, 'a', now).ok).toBe(false);
    expect(applyAction(resolved, { type: 'assign', assigneeId: 'x1' }, 'a', now).ok).toBe(false);
  });
});
