import { describe, expect, it } from 'vitest';
import { getJob, restartStalledJobs, runScanEvent, startScan } from '../../src/admin/jobs.js';
import { onInstalled, onPreUninstall } from '../../src/admin/lifecycle.js';
import { reportPersonalData } from '../../src/admin/privacy.js';
import { FINGERPRINT_KEY, INCIDENT_API_TOKEN } from '../../src/admin/context.js';
import { createJiraClient } from '../../src/jira/client.js';
import { createJiraHttp, type HttpResponse } from '../../src/jira/http.js';
import { createApp, JANE, MIA } from './app-harness.js';

describe('scan jobs', () => {
  it('re-queue with the server wait on a quota rate limit, keeping the checkpoint', async () => {
    const app = createApp();
    const started = await startScan(app.deps, {});
    if (!started.ok) throw new Error(started.error);
    let limited = 0;
    // Jira answers one quota 429 to the first search page.
    const http = createJiraHttp({
      fetch: (path, init) => {
        if (path.includes('/search/jql') && limited++ === 0) {
          const res: HttpResponse = {
            status: 429,
            headers: {
              get: (h) =>
                ({ 'retry-after': '120', 'ratelimit-reason': 'jira-quota-tenant-based' })[
                  h.toLowerCase()
                ] ?? null,
            },
            text: () => Promise.resolve('{}'),
            arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
          };
          return Promise.resolve(res);
        }
        return app.sim.fetch(path, init);
      },
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      now: () => 0,
    });
    const deps = { ...app.deps, asApp: createJiraClient(http) };
    const first = app.pushes.scan.shift();
    if (!first) throw new Error('no event');
    const outcome = await runScanEvent(deps, first, { nowMs: () => 0, softDeadlineMs: 1 });
    expect(outcome).toEqual({ kind: 'requeued', delaySeconds: 120 });
    expect(app.pushes.scan).toEqual([{ jobId: started.value.id, step: 1, delaySeconds: 120 }]);
    const job = await getJob(app.deps, started.value.id);
    expect(job?.errors.at(-1)?.message).toContain('rate limit (quota)');
    await app.drainScans();
    expect((await getJob(app.deps, started.value.id))?.status).toBe('done');
  });

  it('a watchdog restarts a running job whose chain broke', async () => {
    const app = createApp();
    const started = await startScan(app.deps, {});
    if (!started.ok) throw new Error(started.error);
    app.pushes.scan.length = 0; // the event was lost
    expect(await restartStalledJobs(app.deps, 30 * 60_000)).toEqual([]);
    app.advance(31 * 60_000);
    expect(await restartStalledJobs(app.deps, 30 * 60_000)).toEqual([started.value.id]);
    await app.drainScans();
    expect((await getJob(app.deps, started.value.id))?.status).toBe('done');
  });
});

describe('lifecycle', () => {
  it('makes the fingerprint key at install, keeps it, and removes every secret before uninstall', async () => {
    const app = createApp();
    await onInstalled(app.deps);
    const key = app.secrets.data.get(FINGERPRINT_KEY);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await onInstalled(app.deps);
    expect(app.secrets.data.get(FINGERPRINT_KEY)).toBe(key);
    await app.secrets.set(INCIDENT_API_TOKEN, 'token-123456');
    await onPreUninstall(app.deps);
    expect(app.secrets.data.size).toBe(0);
  });
});

describe('personal data', () => {
  it('reports stored account ids and erases those the platform marks closed', async () => {
    const app = createApp();
    await startScan(app.deps, { projects: ['OPS'] });
    await app.drainScans();
    const page = await app.deps.store.listIncidents({}, 10);
    const [a, b] = page.items;
    if (!a || !b) throw new Error('need two incidents');
    // Mia sees incidents (and so may be assigned one) as a member of the team group.
    const teamGroupId = app.sim.site.groupId('All-incidents');
    await app.admin('updateSettings', JANE, { teamGroupId });
    await app.admin('incidentAction', JANE, {
      id: a.id,
      action: { type: 'assign', assigneeId: MIA },
    });
    await app.admin('incidentAction', JANE, { id: b.id, action: { type: 'resolve' } });
    let reported: string[] = [];
    const r = await reportPersonalData(app.deps, (accounts) => {
      reported = accounts.map((x) => x.accountId).sort();
      return Promise.resolve([{ accountId: MIA, status: 'closed' as const }]);
    });
    expect(reported).toEqual([JANE, MIA].sort());
    expect(r).toEqual({ reported: 2, erased: 1, incidentsChanged: 1 });
    const after = await app.deps.store.getIncident(a.id);
    expect(after).not.toHaveProperty('assignee_id');
    expect(after).toMatchObject({ status: 'TRIGGERED', status_changed_by: JANE });
    expect(JSON.stringify(await app.deps.store.listIncidents({}, 100))).not.toContain(MIA);
  });

  it('reports the authors of places and forgets a closed one, keeping the place', async () => {
    const app = createApp();
    await startScan(app.deps, { projects: ['OPS'] });
    await app.drainScans();
    const [a] = (await app.deps.store.listIncidents({}, 10)).items;
    const [o] = a ? await app.deps.store.occurrencesOfIncident(a.id) : [];
    if (!o) throw new Error('need an occurrence');
    const at = '2026-11-30T10:00:00.000Z';
    await app.deps.store.putOccurrence({ ...o, location: { ...o.location, authorId: MIA, at } });
    let reported: string[] = [];
    await reportPersonalData(app.deps, (accounts) => {
      reported = accounts.map((x) => x.accountId);
      return Promise.resolve([{ accountId: MIA, status: 'closed' as const }]);
    });
    expect(reported).toEqual([MIA]);
    const after = await app.deps.store.getOccurrence(o.id);
    expect(after?.location).not.toHaveProperty('authorId');
    expect(after).toMatchObject({
      presence: o.presence,
      location: { at, field: o.location.field },
    });
  });
});
