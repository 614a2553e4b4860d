/**
 * Rate limits (hourly points quota, per-endpoint burst) with an injected clock, injected faults
 * with a seeded random, latency, and the app's transport and client against all of them.
 */
import { describe, expect, it } from 'vitest';
import { createJiraClient } from '../../../src/jira/client.js';
import { createJiraHttp, JiraRateLimitError } from '../../../src/jira/http.js';
import { jiraBurstPerSecond } from '../../../dev/jira-sim/limits.js';
import { createJiraSimulator } from '../../../dev/jira-sim/server.js';
import { seededRandom } from '../../../dev/site-gen/prng.js';
import { allIssueKeys, asObj, call } from './call.js';
import { adf, SYNTHETIC, syntheticSite, testClock, USERS } from './sites.js';

const FIELD = '/rest/api/3/field';
const ISSUE = '/rest/api/3/issue/OPS-1';

describe('burst limit per endpoint and method', () => {
  it('answers 429 jira-burst-based with Retry-After and X-RateLimit-* once the bucket is empty', async () => {
    const clock = testClock();
    const sim = createJiraSimulator(syntheticSite(clock.now), {
      limits: { burstPerSecond: 3, clock: clock.now },
    });
    const first = await Promise.all([1, 2, 3].map(() => call(sim, 'GET', FIELD)));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = await call(sim, 'GET', FIELD);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({
      'retry-after': '1',
      'ratelimit-reason': 'jira-burst-based',
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      // One token comes back after 1/3 s.
      'x-ratelimit-reset': new Date(clock.now() + 334).toISOString(),
    });
    expect(asObj(refused.json).errorMessages).toEqual(['Rate limit exceeded.']);
    // Another endpoint has its own bucket.
    expect((await call(sim, 'GET', ISSUE)).status).toBe(200);
    clock.advance(340);
    expect((await call(sim, 'GET', FIELD)).status).toBe(200);
    expect((await call(sim, 'GET', FIELD)).status).toBe(429);
    clock.advance(1000); // refilled to the full bucket, never beyond
    const again = await Promise.all([1, 2, 3, 4].map(() => call(sim, 'GET', FIELD)));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    // Refused requests are counted, cost no points.
    expect(sim.stats().byEndpoint['GET /rest/api/3/field']).toEqual({
      requests: 10,
      points: 7,
      rateLimited: 3,
    });
    expect(sim.stats().byEndpoint['GET /rest/api/3/issue/{id}']).toEqual({
      requests: 1,
      points: 2,
    });
  });

  it('takes per-endpoint rates, such as Jira’s defaults', async () => {
    expect(jiraBurstPerSecond('GET /rest/api/3/field')).toBe(100);
    expect(jiraBurstPerSecond('DELETE /rest/api/3/issue/{id}')).toBe(50);
    expect(jiraBurstPerSecond('GET /rest/api/3/issue/{id}')).toBe(150);
    const clock = testClock();
    const sim = createJiraSimulator(syntheticSite(clock.now), {
      limits: {
        burstPerSecond: (e) => (e === 'GET /rest/api/3/field' ? 1 : jiraBurstPerSecond(e)),
        clock: clock.now,
      },
    });
    expect((await call(sim, 'GET', FIELD)).status).toBe(200);
    expect((await call(sim, 'GET', FIELD)).status).toBe(429);
    const many = await Promise.all(Array.from({ length: 150 }, () => call(sim, 'GET', ISSUE)));
    expect(many.every((r) => r.status === 200)).toBe(true);
    const over = await call(sim, 'GET', ISSUE);
    expect([over.status, over.headers['x-ratelimit-limit']]).toEqual([429, '150']);
  });
});

describe('hourly points quota', () => {
  it('stops every endpoint until the top of the UTC hour with jira-quota-tenant-based', async () => {
    const clock = testClock(Date.UTC(2026, 2, 1, 10, 30, 0, 500));
    const sim = createJiraSimulator(syntheticSite(clock.now), {
      limits: { pointsPerHour: 10, clock: clock.now },
    });
    // 6 points (1 + 5 issues), then 2 + 2.
    const search = await call(sim, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = OPS',
      maxResults: 5,
    });
    expect(search.status).toBe(200);
    expect(search.headers['x-ratelimit-nearlimit']).toBeUndefined();
    expect((await call(sim, 'GET', ISSUE)).headers['x-ratelimit-nearlimit']).toBeUndefined();
    // Under 20% left: NearLimit.
    const last = await call(sim, 'GET', ISSUE);
    expect([last.status, last.headers['x-ratelimit-nearlimit']]).toEqual([200, 'true']);
    const refused = await call(sim, 'GET', FIELD);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({
      'retry-after': '1800', // 29 min 59.5 s, rounded up
      'ratelimit-reason': 'jira-quota-tenant-based',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2026-03-01T11:00:00.000Z',
    });
    clock.advance(29 * 60_000);
    expect((await call(sim, 'GET', ISSUE)).status).toBe(429);

    // The app's transport does not retry a quota 429: it hands the wait to the caller.
    const http = createJiraHttp({
      fetch: sim.fetch,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      now: clock.now,
    });
    const error = await http.request('GET', FIELD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRateLimitError);
    expect([
      (error as JiraRateLimitError).kind,
      (error as JiraRateLimitError).retryAfterMs,
    ]).toEqual(['quota', 60_000]);

    clock.advance(60_000); // 11:00: a new window
    expect((await call(sim, 'GET', FIELD)).status).toBe(200);
    expect(sim.stats().byEndpoint['GET /rest/api/3/issue/{id}']?.rateLimited).toBe(1);
    expect(sim.stats().byEndpoint['GET /rest/api/3/field']).toEqual({
      requests: 3,
      points: 1,
      rateLimited: 2,
    });
  });
});

describe('injected faults', () => {
  it('fails about the given share with 429 or 503 and Retry-After: 0, changing nothing', async () => {
    const events: unknown[] = [];
    const site = syntheticSite();
    const sim = createJiraSimulator(site, {
      faults: { rate: 0.3, random: seededRandom(42) },
      onEvent: (e) => events.push(e),
    });
    const statuses: number[] = [];
    const N = 1000;
    for (let i = 0; i < N; i++) {
      const r = await call(
        sim,
        'POST',
        '/rest/api/3/issue/OPS-4/comment',
        { body: adf(`c${i}`) },
        { 'X-Sim-Account-Id': USERS.dev },
      );
      statuses.push(r.status);
      if (r.status !== 201) {
        expect(r.headers['retry-after']).toBe('0');
        if (r.status === 429) expect(r.headers['ratelimit-reason']).toBe('jira-burst-based');
      }
    }
    const failed = statuses.filter((s) => s !== 201);
    expect(failed.length).toBeGreaterThan(0.25 * N);
    expect(failed.length).toBeLessThan(0.35 * N);
    expect(new Set(failed)).toEqual(new Set([429, 503]));
    // A failed write left no trace: only the answered ones are on the site and sent as events.
    const ok = N - failed.length;
    expect(site.issue('OPS-4')?.comments).toHaveLength(ok);
    expect(events).toHaveLength(ok);
    expect(sim.stats().byEndpoint['POST /rest/api/3/issue/{id}/comment']).toEqual({
      requests: N,
      points: ok,
      faults: failed.length,
      rateLimited: failed.filter((s) => s === 429).length,
    });
  });

  it('the same seed gives the same faults', async () => {
    const run = async (): Promise<number[]> => {
      const sim = createJiraSimulator(syntheticSite(), {
        faults: { rate: 0.5, random: seededRandom(7) },
      });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await call(sim, 'GET', FIELD)).status);
      return out;
    };
    expect(await run()).toEqual(await run());
  });

  it('the app’s client pages a whole site correctly under fault rate 0.3', async () => {
    const sim = createJiraSimulator(syntheticSite(), {
      maxPageSize: 25,
      faults: { rate: 0.3, random: seededRandom(2026) },
    });
    const sleeps: number[] = [];
    const http = createJiraHttp({
      fetch: sim.fetch,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: seededRandom(1),
      now: () => 0,
      maxRetries: 10,
    });
    const client = createJiraClient(http);
    const seen = await allIssueKeys(client);
    expect(seen).toHaveLength(SYNTHETIC.opsIssues + SYNTHETIC.payIssues);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await client.comments('OPS-1')).toHaveLength(SYNTHETIC.comments);
    expect(await client.worklogs('OPS-1')).toHaveLength(SYNTHETIC.worklogs);
    const logs = await client.changelogs(['OPS-2'], ['description', 'customfield_10050']);
    expect(logs.get(sim.site.issue('OPS-2')?.id ?? '')).toHaveLength(SYNTHETIC.textHistories);
    expect((await client.projects()).map((p) => p.key)).toEqual(['DOC', 'OPS', 'PAY']);
    expect(new TextDecoder().decode(await client.attachmentHead('80001', 8))).toBe('API_TOKE');

    const simStats = sim.stats();
    const faults = Object.values(simStats.byEndpoint).reduce((n, e) => n + (e.faults ?? 0), 0);
    expect(faults).toBeGreaterThan(0);
    // Every fault was retried at once (Retry-After: 0), and both sides saw every attempt.
    expect(http.stats().requests).toBe(simStats.requests);
    expect(sleeps).toHaveLength(faults);
    expect(sleeps.every((ms) => ms === 0)).toBe(true);
  });
});

describe('latency', () => {
  it('delays each answer by latencyMs', async () => {
    const sim = createJiraSimulator(syntheticSite(), { latencyMs: 30 });
    const started = performance.now();
    expect((await call(sim, 'GET', FIELD)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
