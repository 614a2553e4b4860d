import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator, type JiraSimulator } from '../../dev/jira-sim/server.js';
import { incidentReport } from '../../src/incidents/report.js';
import { createMemoryStore, type IncidentStore } from '../../src/incidents/store.js';
import { createJiraClient } from '../../src/jira/client.js';
import { createJiraHttp } from '../../src/jira/http.js';
import {
  controlJob,
  historicalJql,
  historicalStep,
  startHistoricalJob,
  type HistoricalJob,
} from '../../src/scan/historical.js';
import { directKeys, EXAMPLE_SITE, readJson, reportKeys, testScanner } from './fixture-direct.js';

const scanner = testScanner();
let tick = 0;
const now = (): string => new Date(Date.UTC(2026, 0, 1) + ++tick * 1000).toISOString();

function setup(sim: JiraSimulator) {
  const http = createJiraHttp({
    fetch: sim.fetch,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    now: () => 0,
  });
  return { http, client: createJiraClient(http) };
}

async function runJob(
  sim: JiraSimulator,
  store: IncidentStore,
  opts: { pageSize?: number; stopAfter?: number; projects?: string[]; since?: string } = {},
): Promise<HistoricalJob> {
  const { client } = setup(sim);
  const started = await startHistoricalJob(
    {
      id: 'j1',
      ...(opts.projects ? { projects: opts.projects } : {}),
      ...(opts.since ? { since: opts.since } : {}),
    },
    { client, now },
  );
  if (!started.ok) throw new Error(started.error);
  let job = started.job;
  for (let guard = 0; job.status === 'running'; guard++) {
    if (guard > 10_000) throw new Error('job does not end');
    let issues = 0;
    const shouldStop = (): boolean => opts.stopAfter !== undefined && ++issues > opts.stopAfter;
    job = (
      await historicalStep(job, {
        client,
        scanner,
        store,
        baseUrl: sim.site.baseUrl,
        now,
        pageSize: opts.pageSize ?? 100,
        projectsPerStep: 2,
        shouldStop,
      })
    ).job;
  }
  return job;
}

const example = (): JiraSimulator => createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)));

describe('historical scan', () => {
  it('finds exactly what is in the site, at every place', async () => {
    const store = createMemoryStore();
    const job = await runJob(example(), store);
    const incidents = await incidentReport(store);
    expect(reportKeys(incidents)).toEqual(directKeys(readJson(EXAMPLE_SITE), scanner));
    // 9 in project documentation, 1 in OPS-8; AWS's documented example key and a data: URI are
    // not secrets.
    expect(incidents).toHaveLength(10);
    expect(job).toMatchObject({ status: 'done', phase: 'done' });
    expect(job.counters).toMatchObject({
      projectsScanned: 3,
      issuesScanned: 24,
      issuesEstimated: 24,
    });
    // Every location kind the example holds is there.
    const fields = new Set(incidents.flatMap((i) => i.occurrences.map((o) => o.location.field)));
    expect([...fields].sort()).toEqual([
      'component',
      'description',
      'project.description',
      'version',
    ]);
  });

  it('gives the same result when steps stop early, crash midway and resume', async () => {
    const clean = createMemoryStore();
    const reference = await runJob(example(), clean, { pageSize: 7 });

    // A store that fails now and then: the step dies, the old checkpoint is stepped again.
    const inner = createMemoryStore();
    let writes = 0;
    const flaky: IncidentStore = {
      ...inner,
      // Every third commit dies before it lands, every fourth after (its answer lost).
      commitIncident: async (c) => {
        writes++;
        if (writes % 3 === 0) throw new Error('crash');
        const done = await inner.commitIncident(c);
        if (writes % 4 === 0) throw new Error('crash');
        return done;
      },
    };
    const sim = example();
    const { client } = setup(sim);
    const started = await startHistoricalJob({ id: 'j2' }, { client, now });
    if (!started.ok) throw new Error(started.error);
    let job = started.job;
    let crashes = 0;
    for (let guard = 0; job.status === 'running' && guard < 10_000; guard++) {
      let n = 0;
      try {
        job = (
          await historicalStep(job, {
            client,
            scanner,
            store: flaky,
            baseUrl: sim.site.baseUrl,
            now,
            pageSize: 7,
            projectsPerStep: 1,
            shouldStop: () => ++n > 2,
          })
        ).job;
      } catch {
        crashes++;
      }
    }
    expect(crashes).toBeGreaterThan(3);
    expect(job.status).toBe('done');
    expect(reportKeys(await incidentReport(inner))).toEqual(
      reportKeys(await incidentReport(clean)),
    );
    // Counters moved only with checkpoints: nothing counted twice, nothing skipped.
    const { steps: _a, pages: _b, ...counted } = job.counters;
    const { steps: _c, pages: _d, ...expected } = reference.counters;
    expect(counted).toEqual(expected);
  });

  it('stops recording a page at the deadline and leaves the rest to the next step', async () => {
    const clean = createMemoryStore();
    const reference = await runJob(example(), clean, { pageSize: 7 });
    const inner = createMemoryStore();
    // The deadline passes while the step records: once it has recorded one issue.
    let recording = false;
    const store: IncidentStore = {
      ...inner,
      occurrencesInScope: (scope) => {
        if (scope.startsWith('issue:')) recording = true;
        return inner.occurrencesInScope(scope);
      },
    };
    const sim = example();
    const { client } = setup(sim);
    const started = await startHistoricalJob({ id: 'j3' }, { client, now });
    if (!started.ok) throw new Error(started.error);
    let job = started.job;
    const recordedPerStep: number[] = [];
    for (let guard = 0; job.status === 'running' && guard < 1000; guard++) {
      recording = false;
      const before = job.counters.issuesScanned;
      job = (
        await historicalStep(job, {
          client,
          scanner,
          store,
          baseUrl: sim.site.baseUrl,
          now,
          pageSize: 7,
          projectsPerStep: 2,
          shouldStop: () => recording,
        })
      ).job;
      if (job.phase === 'issues' || job.phase === 'done')
        recordedPerStep.push(job.counters.issuesScanned - before);
    }
    // Each step scanned a page but recorded one issue of it: the rest came in later steps.
    expect(recordedPerStep.filter((n) => n > 0).every((n) => n === 1)).toBe(true);
    expect(job.status).toBe('done');
    expect(reportKeys(await incidentReport(inner))).toEqual(
      reportKeys(await incidentReport(clean)),
    );
    expect(job.counters.issuesScanned).toBe(reference.counters.issuesScanned);
  });

  it('reads only issues updated since a time in incremental mode', async () => {
    const sim = example();
    const store = createMemoryStore();
    await runJob(sim, store);
    const [first] = sim.site.issues();
    if (!first) throw new Error('empty site');
    sim.site.updateIssue(
      first.key,
      { summary: 'rotated the token' },
      '557058:aa11bb22-cc33-4d44-8e55-ff6677889900',
    );
    const since = new Date(sim.site.now() - 60_000).toISOString();
    const job = await runJob(sim, store, { since });
    expect(job.jql).toMatch(/AND updated >= "\d{4}\/\d\d\/\d\d \d\d:\d\d" ORDER BY key ASC$/);
    expect(job.counters.issuesScanned).toBe(1);
    expect(job.counters.projectsScanned).toBe(3);
  });

  it('scans only the chosen projects and rejects unknown ones', async () => {
    const store = createMemoryStore();
    const job = await runJob(example(), store, { projects: ['PAY'] });
    expect(job.projects).toEqual(['PAY']);
    expect(job.counters.issuesScanned).toBe(8);
    const keys = (await incidentReport(store)).flatMap((i) => i.project_keys);
    expect(new Set(keys)).toEqual(new Set(['PAY']));
    const { client } = setup(example());
    expect(await startHistoricalJob({ id: 'x', projects: ['NOPE'] }, { client, now })).toEqual({
      ok: false,
      error: 'unknown or hidden projects: NOPE',
    });
    expect(await startHistoricalJob({ id: 'x', projects: ['bad key'] }, { client, now })).toEqual({
      ok: false,
      error: 'not project keys: bad key',
    });
  });

  it('asks Jira for no per-issue content when embedded copies are complete', async () => {
    const sim = example();
    const { http, client } = setup(sim);
    const started = await startHistoricalJob({ id: 'j' }, { client, now });
    if (!started.ok) throw new Error(started.error);
    let job = started.job;
    while (job.status === 'running') {
      job = (
        await historicalStep(job, {
          client,
          scanner,
          store: createMemoryStore(),
          baseUrl: sim.site.baseUrl,
          now,
        })
      ).job;
    }
    // The app's own estimate agrees with what the server charged.
    expect(http.stats().points).toBe(sim.stats().points);
    expect(http.stats().requests).toBe(sim.stats().requests);
    const endpoints = Object.keys(http.stats().byEndpoint).sort();
    expect(endpoints).toEqual([
      'GET /rest/api/3/field',
      'GET /rest/api/3/project/search',
      'GET /rest/api/3/project/{id}/components',
      'GET /rest/api/3/project/{id}/versions',
      'POST /rest/api/3/changelog/bulkfetch',
      'POST /rest/api/3/search/approximate-count',
      'POST /rest/api/3/search/jql',
    ]);
  });

  it('lists the issues again when the page token of a paused job has expired', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const sim = createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)), { now: () => clock });
    const { client } = setup(sim);
    const store = createMemoryStore();
    const started = await startHistoricalJob({ id: 'j' }, { client, now });
    if (!started.ok) throw new Error(started.error);
    const deps = { client, scanner, store, baseUrl: sim.site.baseUrl, now, pageSize: 5 };
    let job = started.job;
    while (job.phase !== 'issues' || job.cursor === undefined)
      job = (await historicalStep(job, deps)).job;
    expect(job.counters.issuesScanned).toBe(5);
    clock += 8 * 24 * 3600 * 1000; // paused for 8 days
    job = (await historicalStep(job, deps)).job;
    expect(job).toMatchObject({ status: 'running', doneInPage: 0 });
    expect(job.cursor).toBeUndefined();
    expect(job.counters.issuesScanned).toBe(0);
    expect(job.errors.at(-1)?.message).toContain('page token was refused');
    while (job.status === 'running') job = (await historicalStep(job, deps)).job;
    expect(job.counters.issuesScanned).toBe(24);
    expect(reportKeys(await incidentReport(store))).toEqual(
      directKeys(readJson(EXAMPLE_SITE), scanner),
    );
  });

  it('builds bounded, ordered JQL', () => {
    expect(historicalJql(['OPS', 'PAY'])).toBe('project in ("OPS", "PAY") ORDER BY key ASC');
    expect(historicalJql(['OPS'], '2026-03-01T10:20:00Z')).toBe(
      'project in ("OPS") AND updated >= "2026/03/01 10:05" ORDER BY key ASC',
    );
  });

  it('pauses, resumes and cancels with clear refusals', async () => {
    const { client } = setup(example());
    const started = await startHistoricalJob({ id: 'j' }, { client, now });
    if (!started.ok) throw new Error(started.error);
    const paused = controlJob(started.job, 'pause', now());
    expect(paused).toMatchObject({ ok: true, job: { status: 'paused' } });
    if (!paused.ok) return;
    // A paused job's step does nothing.
    const step = await historicalStep(paused.job, {
      client,
      scanner,
      store: createMemoryStore(),
      baseUrl: 'https://x',
      now,
    });
    expect(step.job).toBe(paused.job);
    expect(controlJob(paused.job, 'pause', now())).toEqual({
      ok: false,
      error: 'the scan is not running',
    });
    const cancelled = controlJob(paused.job, 'cancel', now());
    expect(cancelled).toMatchObject({ ok: true, job: { status: 'cancelled' } });
    if (!cancelled.ok) return;
    expect(controlJob(cancelled.job, 'resume', now())).toEqual({
      ok: false,
      error: 'the scan has already been cancelled',
    });
  });
});
