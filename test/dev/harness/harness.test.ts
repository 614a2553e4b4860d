/**
 * End to end in plain Node: the real app, bundled, on the local Forge runtime, against the Jira
 * simulator on a generated site, forwarding to a loopback incident API.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, createHarness, type Harness } from '../../../dev/harness/harness.js';
import { generateSite } from '../../../dev/site-gen/generate.js';
import { locationKey } from '../../../src/incidents/model.js';
import type { IncidentReport } from '../../../src/incidents/report.js';

const { fixture, truth } = generateSite({ issues: 250, seed: 'harness-e2e' });
const json = (): unknown => JSON.parse(JSON.stringify(fixture));
let appFile: string;
beforeAll(async () => {
  appFile = await bundleApp();
}, 60_000);

/** What must not change between runs (times follow the virtual clock, which faults move). */
const places = (incidents: readonly IncidentReport[]): string[] =>
  incidents
    .flatMap((i) =>
      i.occurrences.map(
        (o) => `${i.detector.name}|${locationKey(o.location)}|${o.presence}|${i.status}`,
      ),
    )
    .sort();
const identities = (incidents: readonly IncidentReport[]): string[] =>
  incidents
    .flatMap((i) => i.occurrences.map((o) => `${i.id}|${i.secret_hash}|${o.id}|${o.presence}`))
    .sort();

async function scanned(faultRate = 0, extra: Partial<Parameters<typeof createHarness>[0]> = {}) {
  const h = await createHarness({ fixture: json(), appFile, faultRate, seed: 7, ...extra });
  const job = await h.historicalScan();
  return { h, job, incidents: await h.incidents() };
}

const expected = [
  ...new Set(
    truth.planted.map((p) => `${p.detector}|${locationKey(p.location)}|present|TRIGGERED`),
  ),
].sort();

describe('the local harness', () => {
  let clean: { h: Harness; incidents: IncidentReport[] };

  it('finds every planted secret at its exact place through the real app, and nothing else', async () => {
    const r = await scanned();
    clean = r;
    expect(r.job.counters.issuesScanned).toBe(250);
    expect(places(r.incidents)).toEqual(expected);
    const stats = r.h.stats(Date.now());
    expect(stats.invocations['historical-scan-worker']).toBeGreaterThan(0);
    r.h.close();
  });

  it("counts the app's Forge cost: every KVS request as a read or a write, invocations and time", async () => {
    // Slow Jira (30 s a call), so the scan outlasts one consumer's 900 s and spans invocations.
    const h = await createHarness({ fixture: json(), appFile, jiraLatencyMs: 30_000 });
    await h.historicalScan();
    const f = h.stats(Date.now()).forge;
    // Every KVS request the emulator answered but the first, which the harness makes itself
    // (the installation's fingerprint key) outside any invocation of the app.
    const calls = h.runtime.kvs.calls.slice(1);
    expect(f.kvsReads).toBe(calls.filter((c) => /\/(get|query)$/.test(c.path)).length);
    expect(f.kvsWrites).toBe(calls.length - f.kvsReads);
    expect(f.kvsReads).toBeGreaterThan(250); // at least the incident look-ups of 250 issues
    expect(f.kvsWrites).toBeGreaterThan(0);
    expect(f.kvsReadUnits).toBeGreaterThanOrEqual(f.kvsReads);
    expect(f.kvsWriteUnits).toBeGreaterThanOrEqual(f.kvsWrites);
    const fns = Object.values(f.byFunction);
    expect(fns.reduce((n, v) => n + v.kvsWrites, 0)).toBe(f.kvsWrites);
    expect(fns.reduce((n, v) => n + v.invocations, 0)).toBe(f.invocations);
    const scan = f.byFunction['historical-scan-worker'];
    expect(scan?.invocations).toBeGreaterThan(1);
    // Their time on the virtual clock: more than one invocation's limit, at most one each.
    expect(scan?.virtualMs).toBeGreaterThan(900_000);
    expect(scan?.virtualMs).toBeLessThanOrEqual((scan?.invocations ?? 0) * 900_000);
    h.close();
  });

  it.each([0.1, 0.3])('gives the same incidents with fault rate %s', async (rate) => {
    // Slow Jira (30 s a call in a consumer): the scan spans many invocations for faults to hit.
    const r = await scanned(rate, { jiraLatencyMs: 30_000 });
    const stats = r.h.stats(Date.now());
    expect(stats.jiraFaults).toBeGreaterThan(0);
    const fn = Object.values(r.h.runtime.stats());
    console.info(
      `fault rate ${rate}: jira faults ${stats.jiraFaults}, kills ${fn.reduce((n, f) => n + f.kills, 0)}, duplicates ${fn.reduce((n, f) => n + f.duplicates, 0)}, retries ${stats.retries}`,
    );
    expect(places(r.incidents)).toEqual(places(clean.incidents));
    // The same seed keys fingerprints the same: ids and hashes match too.
    expect(identities(r.incidents)).toEqual(identities(clean.incidents));
    r.h.close();
  });

  it('handles real-time writes: a new comment appears, a deleted one is removed', async () => {
    const { h } = await scanned();
    const [issue] = fixture.issues;
    if (!issue) throw new Error('empty site');
    const author = h.admin;
    const token = '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';
    await h.replay([{ op: 'addComment', issue: issue.key, body: `new token ${token}`, author }]);
    const after = await h.incidents();
    const added = after.flatMap((i) => i.occurrences).filter((o) => o.kind === 'realtime');
    expect(added).toHaveLength(1);
    const commentId = added[0]?.location.commentId;
    expect(commentId).toBeDefined();
    await h.replay([{ op: 'deleteComment', issue: issue.key, comment: commentId, author }]);
    const gone = (await h.incidents())
      .flatMap((i) => i.occurrences)
      .find((o) => o.location.commentId === commentId);
    expect(gone?.presence).toBe('removed');
    h.close();
  });

  it('handles worklog events through the manifest trigger: added appears, deleted is removed', async () => {
    const { h } = await scanned();
    const issue = fixture.issues[1];
    if (!issue) throw new Error('empty site');
    const author = h.admin;
    const token = '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';
    const comment = `deploy used ${token}`;
    await h.replay([
      { op: 'addWorklog', issue: issue.key, comment, timeSpentSeconds: 900, author },
    ]);
    const added = (await h.incidents())
      .flatMap((i) => i.occurrences)
      .filter((o) => o.kind === 'realtime');
    expect(added.map((o) => [o.location.field, o.location.issueKey])).toEqual([
      ['worklog', issue.key],
    ]);
    const worklog = added[0]?.location.worklogId as string;
    await h.replay([{ op: 'deleteWorklog', issue: issue.key, worklog, author }]);
    const gone = (await h.incidents())
      .flatMap((i) => i.occurrences)
      .find((o) => o.location.worklogId === worklog);
    expect(gone?.presence).toBe('removed');
    h.close();
  });

  it('scans an attached file when it is added and marks it removed when it is deleted', async () => {
    const { h } = await scanned();
    const issue = fixture.issues[2];
    if (!issue) throw new Error('empty site');
    const author = h.admin;
    const content = 'DATABASE_URL=postgres://app:s3cr3t-Pa55w0rd-x9@db.internal:5432/app\n';
    await h.replay([
      { op: 'addAttachment', issue: issue.key, filename: 'app.env', content, author },
    ]);
    const added = (await h.incidents())
      .flatMap((i) => i.occurrences)
      .filter((o) => o.kind === 'realtime');
    expect(added.map((o) => [o.location.field, o.location.issueKey])).toEqual([
      ['attachment', issue.key],
    ]);
    const attachment = added[0]?.location.attachmentId as string;
    await h.replay([{ op: 'deleteAttachment', issue: issue.key, attachment, author }]);
    const gone = (await h.incidents())
      .flatMap((i) => i.occurrences)
      .find((o) => o.location.attachmentId === attachment);
    expect(gone?.presence).toBe('removed');
    h.close();
  });

  it('rescans project documentation on component and version events through the manifest trigger', async () => {
    const { h } = await scanned();
    const [project] = fixture.projects;
    if (!project) throw new Error('no project');
    const author = h.admin;
    const realtime = async () =>
      (await h.incidents()).flatMap((i) => i.occurrences).filter((o) => o.kind === 'realtime');
    await h.replay([
      {
        op: 'upsertComponent',
        project: project.key,
        name: 'deploy-bot',
        description: 'token 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',
        author,
      },
    ]);
    const added = await realtime();
    expect(added.map((o) => [o.location.field, o.location.projectKey])).toEqual([
      ['component', project.key],
    ]);
    const component = added[0]?.location.componentId as string;
    // A version names its project by id only: the app looks the key up.
    await h.replay([
      { op: 'deleteComponent', project: project.key, component, author },
      {
        op: 'upsertVersion',
        project: project.key,
        name: 'next',
        description: 'release key 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',
        author,
      },
    ]);
    const after = await realtime();
    expect(after.find((o) => o.location.componentId === component)?.presence).toBe('removed');
    expect(
      after.filter((o) => o.location.field === 'version').map((o) => o.location.projectKey),
    ).toEqual([project.key]);
    h.close();
  });

  it('delivers every incident to an incident API that was down for a while, once it is back', async () => {
    const h = await createHarness({ fixture: json(), appFile, incidentApi: true });
    const api = h.incidentApi;
    if (!api) throw new Error('no incident API');
    api.setMode({ kind: 'unavailable', status: 503 });
    await h.historicalScan();
    expect(api.incidents()).toHaveLength(0);
    api.setMode({ kind: 'normal' });
    // The hourly retry, an hour later, queues a delivery run.
    h.runtime.advance(3600_000);
    await h.runtime.scheduled('outbox-retry');
    for (let i = 0; i < 20 && (await h.runtime.runQueues()).remaining > 0; i++);
    const incidents = await h.incidents();
    expect(
      api
        .incidents()
        .map((i) => i.id)
        .sort(),
    ).toEqual(incidents.map((i) => i.id).sort());
    h.close();
  });

  it('resumes a scan after a restart on the same SQLite file', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'harness-db-')), 'state.sqlite');
    // Jira takes 30 s a call inside a consumer: one invocation covers only part of the scan.
    const first = await createHarness({
      fixture: json(),
      appFile,
      dbPath: db,
      jiraLatencyMs: 30_000,
    });
    const job = (await first.call('startScan', {})) as { data: { id: string } };
    await first.runtime.runQueues({ maxInvocations: 1 });
    const midway = (await first.call('getScan', { jobId: job.data.id })) as {
      data: { status: string; counters: { issuesScanned: number } };
    };
    expect(midway.data.status).toBe('running');
    expect(midway.data.counters.issuesScanned).toBeLessThan(250);
    first.close();
    const second = await createHarness({
      fixture: json(),
      appFile,
      dbPath: db,
      jiraLatencyMs: 30_000,
    });
    for (let i = 0; i < 50 && (await second.runtime.runQueues()).remaining > 0; i++);
    const incidents = await second.incidents();
    expect(places(incidents)).toEqual(expected);
    second.close();
  });
});

describe('npm run harness', () => {
  it('prints one JSON object with incidents and stats', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { writeFileSync } = await import('node:fs');
    const main = fileURLToPath(new URL('../../../dist/dev/harness/main.js', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'harness-cli-'));
    const site = join(dir, 'site.json');
    const events = join(dir, 'events.json');
    writeFileSync(site, JSON.stringify(fixture));
    const [issue] = fixture.issues;
    const author = fixture.users.find((u) => u.siteAdmin)?.accountId;
    writeFileSync(
      events,
      JSON.stringify([
        {
          op: 'addComment',
          issue: issue?.key,
          body: 'token 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',
          author,
        },
      ]),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        main,
        '--fixture',
        site,
        '--historical-scan',
        '--events',
        events,
        '--fault-rate',
        '0.1',
        '--format',
        'json',
      ],
      { maxBuffer: 64 * 2 ** 20 },
    );
    const out = JSON.parse(stdout) as {
      incidents: IncidentReport[];
      stats: Record<string, unknown>;
    };
    expect(out.stats).toMatchObject({ issuesScanned: 250 });
    for (const k of [
      'jiraRequests',
      'jiraPoints',
      'byEndpoint',
      'invocations',
      'retries',
      'wallMs',
    ])
      expect(out.stats).toHaveProperty(k);
    const realtime = out.incidents
      .flatMap((i) => i.occurrences)
      .filter((o) => o.kind === 'realtime');
    expect(realtime).toHaveLength(1);
    expect(places(out.incidents).length).toBe(expected.length + 1);
  }, 120_000);
});
