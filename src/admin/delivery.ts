/**
 * Forwarding incidents to the incident API from the app: changes go to the outbox first (only
 * when an API is configured), a delivery run is queued at most once per short window, and each
 * run delivers what is due and re-queues itself while anything is pending.
 * @module
 */
import { deliverDue, enqueue } from '../incidents/deliver.js';
import { createIncidentApi, type IncidentApiFetch } from '../incidents/incident-api.js';
import { INCIDENT_API_TOKEN, type AppDeps } from './context.js';
import { loadSettings } from './settings.js';

const SCHEDULED = 'delivery-scheduled-until';
/** Changes within this window share one delivery run. */
const COALESCE_SECONDS = 20;

async function configured(deps: Pick<AppDeps, 'docs' | 'secrets'>) {
  const settings = await loadSettings(deps.docs);
  const token = settings.incidentApiUrl ? await deps.secrets.get(INCIDENT_API_TOKEN) : undefined;
  return settings.incidentApiUrl && token ? { url: settings.incidentApiUrl, token } : undefined;
}

/** Stores incident changes for delivery and makes sure a delivery run is queued. */
export async function enqueueIncidents(
  deps: AppDeps,
  incidentIds: readonly string[],
): Promise<void> {
  if (incidentIds.length === 0 || !(await configured(deps))) return;
  await enqueue(deps.outbox, incidentIds, deps.now(), deps.newId);
  await scheduleDelivery(deps, COALESCE_SECONDS);
}

export async function scheduleDelivery(deps: AppDeps, delaySeconds: number): Promise<void> {
  const until = await deps.docs.get<string>(SCHEDULED);
  const now = Date.parse(deps.now());
  if (until && Date.parse(until) > now) return;
  await deps.docs.set(SCHEDULED, new Date(now + delaySeconds * 1000).toISOString());
  await deps.queues.pushDelivery(delaySeconds);
}

/** Every stored incident into the outbox: after the API is first configured or changed. */
export async function enqueueAll(deps: AppDeps): Promise<number> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listIncidents({}, 100, cursor);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.cursor;
  } while (cursor);
  await enqueueIncidents(deps, ids);
  return ids.length;
}

export type DeliveryOutcome =
  | { readonly kind: 'not-configured' }
  | { readonly kind: 'idle'; readonly delivered: number }
  | {
      readonly kind: 'requeued';
      readonly delivered: number;
      readonly delaySeconds: number;
      readonly error?: string;
    };

/** One delivery run (the outbox consumer). */
export async function runDelivery(
  deps: AppDeps,
  fetch: IncidentApiFetch,
): Promise<DeliveryOutcome> {
  await deps.docs.delete(SCHEDULED);
  const api = await configured(deps);
  if (!api) return { kind: 'not-configured' };
  const client = createIncidentApi({
    fetch,
    baseUrl: api.url,
    token: api.token,
    siteUrl: deps.baseUrl,
  });
  const r = await deliverDue({
    outbox: deps.outbox,
    store: deps.store,
    api: client,
    now: deps.now,
    batchSize: 50,
    random: Math.random,
  });
  if (r.pending === 0) return { kind: 'idle', delivered: r.delivered };
  const wait = r.nextAttemptAt
    ? Math.ceil((Date.parse(r.nextAttemptAt) - Date.parse(deps.now())) / 1000)
    : 0;
  const delaySeconds = Math.min(900, Math.max(COALESCE_SECONDS, wait));
  await deps.docs.set(
    SCHEDULED,
    new Date(Date.parse(deps.now()) + delaySeconds * 1000).toISOString(),
  );
  await deps.queues.pushDelivery(delaySeconds);
  return {
    kind: 'requeued',
    delivered: r.delivered,
    delaySeconds,
    ...(r.error ? { error: r.error } : {}),
  };
}
