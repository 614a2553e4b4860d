/**
 * The app's core handlers wired to the Jira simulator and memory stores: what the Forge adapter
 * does with the platform, done in plain Node for tests.
 */
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator, type JiraSimulator } from '../../dev/jira-sim/server.js';
import type { AppDeps } from '../../src/admin/context.js';
import { runScanEvent } from '../../src/admin/jobs.js';
import { runCheckRunEvent } from '../../src/admin/check-run.js';
import {
  createMemoryCountStore,
  createMemoryDocumentStore,
  createMemorySecretStore,
} from '../../src/admin/ports.js';
import type { Invocation, ResolverDeps } from '../../src/admin/resolvers.js';
import { callAdmin, callProject } from '../../src/admin/resolvers.js';
import type { IncidentApiFetch } from '../../src/incidents/incident-api.js';
import { withOverviewTallies } from '../../src/admin/overview.js';
import { createMemoryOutbox } from '../../src/incidents/outbox.js';
import { createMemoryStore } from '../../src/incidents/store.js';
import { createJiraClient, type JiraClient } from '../../src/jira/client.js';
import { createJiraHttp, type JiraFetch, type JiraHttp } from '../../src/jira/http.js';
import { createUserJiraClient, type UserJiraClient } from '../../src/jira/users.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';

export const JANE = '557058:aa11bb22-cc33-4d44-8e55-ff6677889900'; // site admin, All-incidents
export const RAJ = '712020:0f1e2d3c-4b5a-4697-8877-665544332211'; // plain user
export const MIA = '712020:99887766-5544-4332-a211-00ffeeddccbb'; // All-incidents

export function createApp(
  sim: JiraSimulator = createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE))),
  /** Ports a test adds (validity egress). */
  extra: Pick<AppDeps, 'validity'> = {},
) {
  let clock = Date.UTC(2026, 0, 1);
  let ids = 0;
  const as = (accountId?: string): JiraFetch =>
    accountId
      ? (path, init) =>
          sim.fetch(path, { ...init, headers: { ...init.headers, 'X-Sim-Account-Id': accountId } })
      : sim.fetch;
  const http = (accountId?: string): JiraHttp =>
    createJiraHttp({
      fetch: as(accountId),
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      now: () => clock,
    });
  const jira = (accountId?: string): JiraClient => createJiraClient(http(accountId));
  const jiraAsUser = (accountId?: string): UserJiraClient => createUserJiraClient(http(accountId));
  const pushes = {
    scan: [] as { jobId: string; step: number; delaySeconds: number }[],
    delivery: [] as number[],
    rescan: [] as unknown[],
    checkRun: [] as { runId: string; step: number; delaySeconds: number }[],
  };
  const docs = createMemoryDocumentStore();
  const secrets = createMemorySecretStore();
  const counts = createMemoryCountStore();
  const deps: AppDeps = {
    store: withOverviewTallies(createMemoryStore(), counts),
    outbox: createMemoryOutbox(),
    docs,
    counts,
    secrets,
    asApp: jira(),
    queues: {
      pushScan: (jobId, step, delaySeconds = 0) => {
        pushes.scan.push({ jobId, step, delaySeconds });
        return Promise.resolve();
      },
      pushDelivery: (delaySeconds = 0) => {
        pushes.delivery.push(delaySeconds);
        return Promise.resolve();
      },
      // As the queue carries it: JSON.
      pushRescan: (event, uncounted) => {
        pushes.rescan.push(
          JSON.parse(JSON.stringify({ event, ...(uncounted ? { uncounted } : {}) })),
        );
        return Promise.resolve();
      },
      pushCheckRun: (runId, step, delaySeconds = 0) => {
        pushes.checkRun.push({ runId, step, delaySeconds });
        return Promise.resolve();
      },
    },
    baseUrl: sim.site.baseUrl,
    now: () => new Date((clock += 1000)).toISOString(),
    // The shape randomUUID gives on Forge: resolvers accept no other job id.
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    randomBytes: (n) => new Uint8Array(n).map((_, i) => (i * 37 + 11) % 256),
    ...extra,
  };
  let incidentApiFetch: IncidentApiFetch = () =>
    Promise.reject(new Error('no incident API in this test'));
  /** What the resolvers wrote to the app's logs (the message as the Forge adapter logs it). */
  const logged: { resolver: string; message: string }[] = [];
  const resolverDeps = (accountId?: string): ResolverDeps => ({
    ...deps,
    asUser: jiraAsUser(accountId),
    incidentApiFetch: (url, init) => incidentApiFetch(url, init),
    logError: (resolver, e) => {
      logged.push({ resolver, message: e instanceof Error ? `${e.name}: ${e.message}` : '' });
    },
  });
  return {
    sim,
    deps,
    docs,
    secrets,
    pushes,
    logged,
    advance: (ms: number) => (clock += ms),
    setIncidentApiFetch: (f: IncidentApiFetch) => {
      incidentApiFetch = f;
    },
    admin: (name: string, accountId: string | undefined, payload: unknown = {}) =>
      callAdmin(name, { accountId, payload } satisfies Invocation, resolverDeps(accountId)),
    project: (
      name: string,
      accountId: string | undefined,
      projectKey: string,
      payload: unknown = {},
    ) => callProject(name, { accountId, payload, projectKey }, resolverDeps(accountId)),
    /** Runs queued scan events until none is left (each invocation as long as it likes). */
    async drainScans(stepsPerInvocation = Infinity) {
      let invocations = 0;
      for (let e = pushes.scan.shift(); e; e = pushes.scan.shift()) {
        invocations++;
        let steps = 0;
        await runScanEvent(deps, e, {
          nowMs: () => steps++,
          softDeadlineMs: stepsPerInvocation,
        });
      }
      return invocations;
    },
    /** Runs queued check-run events until none is left; returns the invocations. */
    async drainCheckRuns(stepsPerInvocation = Infinity) {
      let invocations = 0;
      for (let e = pushes.checkRun.shift(); e; e = pushes.checkRun.shift()) {
        invocations++;
        let steps = 0;
        await runCheckRunEvent(deps, e, {
          nowMs: () => steps++,
          softDeadlineMs: stepsPerInvocation,
        });
      }
      return invocations;
    },
  };
}
