/**
 * Incidents for the incident API tests, made the way the app makes them: a keyed fingerprint and a
 * masked preview of a (fake) secret, occurrences keyed by place. The raw secret and the token are
 * here only so tests can prove they never leave.
 */
import type { UnitLocation } from '../../src/content/issue-units.js';
import { makeFingerprinter } from '../../src/engine/fingerprint.js';
import { redact } from '../../src/engine/redact.js';
import {
  incidentId,
  occurrenceId,
  scopeOf,
  withoutUrl,
  type Incident,
  type StoredOccurrence,
} from '../../src/incidents/model.js';
import type { IncidentStore } from '../../src/incidents/store.js';

/** A fake GitHub token, built at run time. */
export const RAW_SECRET = ['ghp', 'R4nd0mLeak3dT0k3nF0rT3st1ngOnlyQQQQ1'].join('_');
export const TOKEN = 'ggtoken-Hk29fQp0LxVr7Ws3';
export const SITE = 'https://acme.atlassian.net';
const fingerprint = makeFingerprinter('incident-api-test-key-0123456789');

export const T0 = Date.parse('2026-03-01T09:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

/** The n-th fake secret of a detector (secret 0 is RAW_SECRET). */
export function secret(n: number): string {
  return n === 0 ? RAW_SECRET : `${RAW_SECRET.slice(0, -6)}${String(n).padStart(6, '0')}`;
}

export function location(issue: number, extra: Partial<UnitLocation> = {}): UnitLocation {
  return {
    projectKey: 'OPS',
    issueKey: `OPS-${issue}`,
    issueId: String(10000 + issue),
    field: 'description',
    url: `${SITE}/browse/OPS-${issue}`,
    ...extra,
  };
}

export interface Seeded {
  readonly incident: Incident;
  readonly occurrences: StoredOccurrence[];
}

/** One incident of secret `n` with occurrences at the given places, written to the store. */
export async function seedIncident(
  store: IncidentStore,
  n: number,
  places: readonly UnitLocation[],
  now = iso(T0),
): Promise<Seeded> {
  const s = secret(n);
  const fp = fingerprint(s);
  const id = incidentId('github-pat', fp);
  const occurrences = places.map((p, k): StoredOccurrence => ({
    id: occurrenceId(withoutUrl(p), 'github-pat', fp),
    incident_id: id,
    kind: k % 2 === 0 ? 'historical' : 'realtime',
    presence: 'present',
    url: p.url,
    location: withoutUrl(p),
    scope: scopeOf(p),
    matches: [{ indice_start: 10, indice_end: 10 + s.length, line: 1, column: 11 }],
    date: now,
    last_seen: now,
  }));
  const incident: Incident = {
    id,
    detector: {
      name: 'github-pat',
      display_name: 'GitHub personal access token',
      family: 'github',
    },
    secret_hash: fp,
    secret_preview: redact(s),
    severity: 'high',
    validity: 'not_checked',
    status: 'TRIGGERED',
    regression: false,
    presence: 'present',
    occurrences_count: occurrences.length,
    present_count: occurrences.length,
    project_keys: [...new Set(places.map((p) => p.projectKey))].sort(),
    date: now,
    last_seen: now,
    updated_at: now,
  };
  await store.putIncident(incident);
  for (const o of occurrences) await store.putOccurrence(o);
  return { incident, occurrences };
}

/** `count` incidents (of secrets `first`, `first + 1`, …) with `each` occurrences, one per issue. */
export async function seedMany(
  store: IncidentStore,
  count: number,
  each = 1,
  now = iso(T0),
  first = 0,
): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let n = first; n < first + count; n++)
    out.push(
      await seedIncident(
        store,
        n,
        Array.from({ length: each }, (_, k) => location(1 + n * each + k)),
        now,
      ),
    );
  return out;
}

/** Every optional field set: what the contract's schema must accept. */
export function fullIncident(base: Seeded): Seeded {
  const incident: Incident = {
    ...base.incident,
    status: 'RESOLVED',
    assignee_id: '5b10a2844c20165700ede21g',
    resolved_at: base.incident.updated_at,
    status_changed_by: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    partner: { kind: 'aws-access-key-id', name: 'AWS access key ID', preview: 'AK********L' },
    // Every validity field at once (a real check keeps a reason or an identity, not both).
    validity: 'failed_to_check',
    validity_checked_at: base.incident.updated_at,
    validity_reason: 'rate_limited',
    validity_details: 'octocat',
  };
  const allPlaces: StoredOccurrence['location'][] = [
    { projectKey: 'OPS', issueKey: 'OPS-9', issueId: '10009', field: 'comment', commentId: '7' },
    { projectKey: 'OPS', issueKey: 'OPS-9', issueId: '10009', field: 'worklog', worklogId: '8' },
    {
      projectKey: 'OPS',
      issueKey: 'OPS-9',
      issueId: '10009',
      field: 'attachment',
      attachmentId: '9',
    },
    {
      projectKey: 'OPS',
      issueKey: 'OPS-9',
      issueId: '10009',
      field: 'changelog',
      historyId: '11',
      historyField: 'Überschrift 🚀',
      historyValue: 'from',
    },
    { projectKey: 'OPS', issueKey: 'OPS-9', issueId: '10009', field: 'customfield_10010' },
    { projectKey: 'OPS', field: 'component', componentId: '12' },
    { projectKey: 'OPS', field: 'version', versionId: '13' },
    { projectKey: 'OPS', field: 'project.description' },
  ];
  const occurrences = allPlaces.map((location, k): StoredOccurrence => ({
    id: occurrenceId(location, 'github-pat', incident.secret_hash),
    incident_id: incident.id,
    kind: 'realtime',
    presence: k === 0 ? 'removed' : 'present',
    url: `${SITE}/browse/OPS-9?focusedId=${k}`,
    location,
    scope: scopeOf(location),
    matches: [{ indice_start: 0, indice_end: 40, line: 1, column: 1 }],
    date: incident.date,
    last_seen: incident.last_seen,
    ...(k === 0 ? { removed_at: incident.updated_at } : {}),
  }));
  return { incident, occurrences };
}
