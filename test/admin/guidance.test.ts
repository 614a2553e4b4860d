// An incident's detail says how to revoke or rotate its secret, and when Jira still shows the
// secret only in the issue history.
import { describe, expect, it } from 'vitest';
import { onlyInHistory } from '../../src/admin/guidance.js';
import { HISTORY_ONLY_NOTE, remediationFor } from '../../src/detectors/remediation.js';
import type { UnitLocation } from '../../src/content/issue-units.js';
import { recordScan } from '../../src/incidents/record.js';
import { createApp, JANE, MIA } from './app-harness.js';

type Detail = {
  incident: { id: string };
  guidance?: { steps: string; url: string; history_note?: string };
};
function data(r: unknown): Detail {
  const res = r as { ok: true; data: Detail } | { ok: false; error: { message: string } };
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

const issue = { projectKey: 'PAY', issueKey: 'PAY-7', issueId: '10007' };
const description: UnitLocation = {
  ...issue,
  field: 'description',
  url: 'https://x.atlassian.net/browse/PAY-7',
};
const history: UnitLocation = {
  ...issue,
  field: 'description',
  historyId: '20001',
  historyField: 'description',
  historyValue: 'from',
  url: 'https://x.atlassian.net/browse/PAY-7?page=com.atlassian.jira.plugin.system.issuetabpanels:changehistory-tabpanel',
};

/** One scan of the issue finding the token at `places` (every other place of it is removed). */
function scan(app: ReturnType<typeof createApp>, places: UnitLocation[], now: string) {
  return recordScan(app.deps.store, {
    scope: `issue:${issue.issueId}`,
    covers: 'all',
    found: places.map((location) => ({
      detector: 'github-pat',
      name: 'GitHub personal access token',
      family: 'github',
      fingerprint: 'fp-history',
      redacted: 'ghp_…abcd',
      severity: 'high' as const,
      location,
      start: 0,
      end: 40,
      line: 1,
      column: 1,
    })),
    kind: 'realtime',
    now,
  });
}

describe('remediation guidance on an incident', () => {
  it("gives the family's steps and link, on the admin page and the project page", async () => {
    const app = createApp();
    const r = await scan(app, [description], '2026-11-01T10:00:00.000Z');
    const id = r.incidents[0]?.id ?? '';
    const github = remediationFor('github');
    const admin = data(await app.admin('getIncident', JANE, { id }));
    expect(admin.guidance).toEqual({ steps: github?.steps, url: github?.url });
    await app.admin('updateSettings', JANE, { teamGroupId: app.sim.site.groupId('All-incidents') });
    expect(data(await app.project('getIncident', MIA, 'PAY', { id })).guidance?.url).toBe(
      github?.url,
    );
  });

  it('says so when the secret was removed from the issue but its history still shows it', async () => {
    const app = createApp();
    const r = await scan(app, [description, history], '2026-11-01T10:00:00.000Z');
    const id = r.incidents[0]?.id ?? '';
    // Still in the description: no note.
    expect(data(await app.admin('getIncident', JANE, { id })).guidance?.history_note).toBe(
      undefined,
    );
    // Edited out of the description; the changelog keeps the old value.
    await scan(app, [history], '2026-11-02T10:00:00.000Z');
    expect(data(await app.admin('getIncident', JANE, { id })).guidance?.history_note).toBe(
      HISTORY_ONLY_NOTE,
    );
    expect(HISTORY_ONLY_NOTE).toBe('still visible in the issue history; Jira keeps old values');
  });
});

describe('onlyInHistory', () => {
  const place = (presence: 'present' | 'removed', historyId?: string) => ({
    presence,
    location: { ...issue, field: 'description' as const, ...(historyId ? { historyId } : {}) },
  });
  it('is true only when every present place is a history entry, and one is', async () => {
    expect(await onlyInHistory([place('removed'), place('present', '1')])).toBe(true);
    expect(await onlyInHistory([place('present'), place('present', '1')])).toBe(false);
    expect(await onlyInHistory([place('removed'), place('removed', '1')])).toBe(false);
    expect(await onlyInHistory([])).toBe(false);
  });
});
