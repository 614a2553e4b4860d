/**
 * Every function manifest.yml names. Each is a few lines: build the ports, call the core, turn
 * the outcome into what the platform expects (an InvocationError to be retried later, a status
 * code for scheduled triggers). No secret or Jira text is ever logged.
 * @module
 */
import { fetch as forgeFetch, privacy } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { makeResolver } from '@forge/resolver';
import { runDelivery, scheduleDelivery } from '../admin/delivery.js';
import {
  onIssueEvent,
  runRescanEvent,
  toAppChange,
  type IssueEventOutcome,
} from '../admin/events.js';
import type { AppDeps } from '../admin/context.js';
import { restartStalledJobs, runScanEvent } from '../admin/jobs.js';
import { restartStalledCheckRun, runCheckRunEvent, startCheckRun } from '../admin/check-run.js';
import { onInstalled, onPreUninstall } from '../admin/lifecycle.js';
import { backfillSortedLists } from '../admin/sorted-lists.js';
import { healOverview } from '../admin/overview.js';
import { reportPersonalData } from '../admin/privacy.js';
import {
  ADMIN_RESOLVERS,
  callAdmin,
  callProject,
  PROJECT_RESOLVERS,
  type ResolverDeps,
} from '../admin/resolvers.js';
import type { IncidentApiFetch } from '../incidents/incident-api.js';
import { JiraRateLimitError } from '../jira/http.js';
import { isRetryableStoreError } from '../incidents/store.js';
import { appDeps } from './deps.js';
import { jiraAsApp, jiraAsUser } from './jira.js';
import { forgeQueues } from './queues.js';

/** Seconds a consumer may run (manifest timeoutSeconds) and how long before it we stop. */
export const CONSUMER_TIMEOUT_S = 900;
const CONSUMER_MARGIN_S = 120;

const log = (what: string, detail: Record<string, unknown>): void => {
  console.log(JSON.stringify({ what, ...detail }));
};

const retryLater = (e: JiraRateLimitError): InvocationError =>
  new InvocationError({
    retryAfter: Math.min(900, Math.max(1, Math.ceil(e.retryAfterMs / 1000))),
    retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
  });

/** A rescan the store kept refusing (KVS rate limit) is delivered again after this long. */
const STORE_RETRY_S = 30;

/**
 * Runs one real-time change: logs its outcome; a Jira rate limit, or a store that kept refusing
 * for `kvsWaitMs`, becomes a platform retry, unless `handOver` takes the change (true).
 */
async function realtime(
  what: string,
  kvsWaitMs: number,
  run: (deps: AppDeps) => Promise<IssueEventOutcome>,
  handOver?: () => Promise<boolean>,
): Promise<InvocationError | undefined> {
  try {
    // Triggers run for 25 s: a longer Jira wait becomes a platform retry.
    // A trigger that finds KVS at its rate limit from the start hands its change over at once: a
    // consumer has the time to wait, and the trigger would spend reads it might not get to use.
    const outcome = await run(await appDeps(5000, kvsWaitMs, handOver ? 'fail' : 'wait'));
    log(what, {
      outcome: outcome.kind,
      ...(outcome.kind === 'scanned' ? outcome.result : { reason: outcome.reason }),
    });
    return undefined;
  } catch (e) {
    if (e instanceof JiraRateLimitError) return retryLater(e);
    if (isRetryableStoreError(e) && handOver && (await handOver())) {
      log(what, { outcome: 'queued', reason: e instanceof Error ? e.name : 'store' });
      return undefined;
    }
    if (isRetryableStoreError(e))
      return new InvocationError({
        retryAfter: STORE_RETRY_S,
        retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      });
    throw e;
  }
}

/**
 * avi:jira:created|updated|deleted:issue, avi:jira:commented:issue, avi:jira:deleted:comment,
 * avi:jira:created|updated|deleted:worklog, avi:jira:updated|softdeleted|restored|deleted:project,
 * avi:jira:created|updated|deleted:component, avi:jira:created|updated|deleted:version.
 */
export const onIssueEventTrigger = (event: unknown): Promise<InvocationError | undefined> =>
  // KVS rate limits are waited out for 12 of the trigger's 25 s, then the change is queued. So is
  // a change whose trigger the store refused before it began (loading what it runs with): the
  // platform retries a trigger 4 times and then drops it, the queue's consumer for 24 hours.
  realtime(
    'issue-event',
    12_000,
    (deps) => onIssueEvent(deps, event),
    async () => {
      const mapped = await toAppChange(event, jiraAsApp(5000));
      // Failed before onIssueEvent could hand it on: not counted yet.
      if (mapped.ok) await forgeQueues.pushRescan(mapped.event, true);
      return mapped.ok;
    },
  );

/**
 * Queue `realtime-rescan`: a change whose custom detectors did not fit in its trigger's budget,
 * scanned again whole with a consumer's (900 s).
 */
export const rescanConsumer = (event: { body: unknown }): Promise<InvocationError | undefined> =>
  realtime('realtime-rescan', 120_000, (deps) => runRescanEvent(deps, event.body));

/** avi:forge:installed:app and avi:forge:upgraded:app. */
export async function onLifecycleTrigger(): Promise<void> {
  const deps = await appDeps(5000);
  await onInstalled(deps);
  // An upgrade may find incidents stored before the sorted lists: the watchdog finishes the job.
  const r = await backfillSortedLists(deps, Date.now, Date.now() + 10_000);
  log('sorted-lists', { ...r });
}

export async function onPreUninstallTrigger(): Promise<void> {
  const removed = await onPreUninstall(await appDeps(5000));
  log('pre-uninstall', { removedSecrets: removed.length });
}

/** Queue `historical-scan`: one bounded stretch of a job, then it re-queues itself. */
export async function historicalScanConsumer(event: { body: unknown }): Promise<void> {
  const body = event.body as { jobId?: unknown; step?: unknown };
  if (typeof body.jobId !== 'string' || typeof body.step !== 'number') {
    log('historical-scan', { outcome: 'bad-event' });
    return;
  }
  const started = Date.now();
  const outcome = await runScanEvent(
    await appDeps(60_000),
    { jobId: body.jobId, step: body.step },
    { nowMs: Date.now, softDeadlineMs: started + (CONSUMER_TIMEOUT_S - CONSUMER_MARGIN_S) * 1000 },
  );
  log('historical-scan', { jobId: body.jobId, outcome: outcome.kind });
}

/** Queue `validity-check`: one bounded stretch of a check run, then it re-queues itself. */
export async function validityCheckConsumer(event: { body: unknown }): Promise<void> {
  const body = event.body as { runId?: unknown; step?: unknown };
  if (typeof body.runId !== 'string' || typeof body.step !== 'number') {
    log('validity-check', { outcome: 'bad-event' });
    return;
  }
  const started = Date.now();
  const outcome = await runCheckRunEvent(
    await appDeps(60_000),
    { runId: body.runId, step: body.step },
    { nowMs: Date.now, softDeadlineMs: started + (CONSUMER_TIMEOUT_S - CONSUMER_MARGIN_S) * 1000 },
  );
  log('validity-check', { runId: body.runId, outcome: outcome.kind });
}

/** Daily: re-check the incidents still valid or failed_to_check (when checks are on). */
export async function validityRecheckScheduled(): Promise<{ statusCode: number }> {
  const r = await startCheckRun(await appDeps(5000));
  log('validity-recheck', r.ok ? { runId: r.run.id } : { skipped: r.error });
  return { statusCode: 204 };
}

/** Egress through Forge's fetch (the manifest's allow-list, or hosts an admin added). */
const incidentFetch: IncidentApiFetch = async (url, init) => {
  const res = await forgeFetch(url, init);
  return { status: res.status, headers: res.headers, text: () => res.text() };
};

/** Queue `incident-delivery`: delivers what the outbox holds, re-queues while anything is pending. */
export async function deliveryConsumer(): Promise<void> {
  const outcome = await runDelivery(await appDeps(5000), incidentFetch);
  log('incident-delivery', { ...outcome });
}

/** Hourly: make sure nothing stays in the outbox without a delivery run queued. */
export async function outboxRetryScheduled(): Promise<{ statusCode: number }> {
  const deps = await appDeps(5000);
  if ((await deps.outbox.count()) > 0) await scheduleDelivery(deps, 0);
  return { statusCode: 204 };
}

/** Hourly: restart a running job whose chain of events broke, and recount the overview. */
export async function watchdogScheduled(): Promise<{ statusCode: number }> {
  const deps = await appDeps(5000);
  const restarted = await restartStalledJobs(deps, 30 * 60 * 1000);
  const checkRun = await restartStalledCheckRun(deps, 30 * 60 * 1000);
  // Tallies an invocation that died between its write and its move left wrong are counted again
  // once no move can be on its way (see src/admin/overview.ts).
  const recounted = await healOverview(deps);
  log('watchdog', { restarted: restarted.length, checkRunRestarted: checkRun, recounted });
  const sorted = await backfillSortedLists(deps, Date.now, Date.now() + 10_000);
  if (sorted.read > 0) log('sorted-lists', { ...sorted });
  return { statusCode: 204 };
}

/** Weekly: report stored account ids; erase those the platform marks closed. */
export async function personalDataScheduled(): Promise<{ statusCode: number }> {
  const r = await reportPersonalData(await appDeps(5000), (accounts) =>
    privacy.reportPersonalData(accounts),
  );
  log('personal-data', r);
  return { statusCode: 204 };
}

async function resolverDeps(): Promise<ResolverDeps> {
  return {
    ...(await appDeps(2000)),
    asUser: jiraAsUser(),
    incidentApiFetch: incidentFetch,
    // Names and messages only: our errors never carry Jira text or secrets.
    logError: (resolver, e) => {
      log('resolver-error', {
        resolver,
        error: e instanceof Error ? `${e.name}: ${e.message}` : 'unknown',
      });
    },
  };
}

interface ResolverRequest {
  payload: unknown;
  context: { accountId?: string; extension?: { project?: { key?: unknown } } };
}

/** What the platform hands a resolver function: the call, and who makes it. */
type ResolverInvocation = (
  request: { call: { functionKey: string; payload?: unknown }; context: unknown },
  backend?: Record<string, unknown>,
) => Promise<unknown>;

/** Repeats a name back only when short and plain: never the caller's markup or a whole payload. */
const noResolver = (name: unknown) => ({
  ok: false,
  error: {
    code: 'not-found',
    message:
      typeof name === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(name)
        ? `no resolver ${name}`
        : 'no such resolver',
  },
});

/**
 * One resolver function answering exactly `names`. @forge/resolver looks a
 * functionKey up with `in` on a plain object, so `constructor` or `toString` would run Object's
 * own methods with no access check (`constructor` returns the context it is given): those, and
 * any other unknown name, answer not-found before it is asked.
 */
function ownNamesOnly(
  names: readonly string[],
  call: (name: string, request: ResolverRequest) => Promise<unknown>,
): ResolverInvocation {
  const table = Object.create(null) as Record<string, (r: ResolverRequest) => Promise<unknown>>;
  for (const name of names) table[name] = (request) => call(name, request);
  // makeResolver is a named export: it behaves the same under every CommonJS/ESM interop.
  const resolver = makeResolver(table as never) as ResolverInvocation;
  return async (request, backend) => {
    const name: unknown = request.call.functionKey;
    if (typeof name !== 'string' || !Object.hasOwn(table, name)) return noResolver(name);
    return resolver(request, backend);
  };
}

export const adminResolver = ownNamesOnly(
  Object.keys(ADMIN_RESOLVERS),
  async (name, { payload, context }) =>
    callAdmin(name, { accountId: context.accountId, payload }, await resolverDeps()),
);

export const projectResolver = ownNamesOnly(
  Object.keys(PROJECT_RESOLVERS),
  async (name, { payload, context }) => {
    const key = context.extension?.project?.key;
    return callProject(
      name,
      {
        accountId: context.accountId,
        payload,
        projectKey: typeof key === 'string' ? key : undefined,
      },
      await resolverDeps(),
    );
  },
);
