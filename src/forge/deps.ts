/**
 * Builds the core's ports for one invocation, from the Forge platform: KVS stores, the secret
 * store, Jira as the app, queues. Nothing tenant-specific outlives the invocation.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { fetch as forgeFetch } from '@forge/api';
import { FIELDS_KEY, type AppDeps } from '../admin/context.js';
import { withOverviewTallies } from '../admin/overview.js';
import type { DocumentStore } from '../admin/ports.js';
import { SETTINGS_KEY } from '../admin/settings.js';
import type { JiraClient } from '../jira/client.js';
import { jiraAsApp } from './jira.js';
import { createKvsCountStore } from './kvs-counts.js';
import {
  createKvsDocumentStore,
  createKvsIncidentStore,
  createKvsOutbox,
  createKvsSecretStore,
  kvsRetry,
} from './kvs-store.js';
import { forgeQueues } from './queues.js';
import type { ValidityFetch } from '../validity/index.js';

/**
 * Egress to a checker's host through Forge's fetch: the platform refuses any host manifest.yml
 * does not declare. Whether a check runs at all is the admin's setting (off by default).
 */
const validityFetch: ValidityFetch = async (url, init) => {
  const res = await forgeFetch(url, {
    method: init.method,
    headers: { ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
    redirect: init.redirect,
  });
  return { status: res.status, headers: res.headers, text: () => res.text() };
};

const SITE_URL = 'cache:site-url';

async function siteUrl(docs: DocumentStore, jira: JiraClient): Promise<string> {
  const cached = await docs.get<string>(SITE_URL);
  if (cached) return cached;
  const url = await jira.siteUrl();
  await docs.set(SITE_URL, url);
  return url;
}

/**
 * `maxJiraWaitMs`: the longest Jira rate-limit wait worth sleeping through in this kind of
 * function; `kvsWaitMs`: how long from now KVS rate limits are waited out (see kvsRetry);
 * `busy: 'fail'`: a KVS rate limit met by the first read is not waited out, its KvsStoreError
 * goes up before anything is spent (a trigger then hands its change to a queue).
 */
export async function appDeps(
  maxJiraWaitMs: number,
  kvsWaitMs = 10_000,
  busy: 'wait' | 'fail' = 'wait',
): Promise<AppDeps> {
  const retry = kvsRetry(kvsWaitMs);
  const docs = createKvsDocumentStore(undefined, retry);
  const counts = createKvsCountStore(undefined, retry);
  // What nearly every invocation reads, in one request: a read unit each is what limits a burst.
  await docs.preload([SITE_URL, SETTINGS_KEY, FIELDS_KEY], { wait: busy === 'wait' });
  const asApp = jiraAsApp(maxJiraWaitMs);
  return {
    store: withOverviewTallies(createKvsIncidentStore(undefined, retry), counts),
    outbox: createKvsOutbox(undefined, retry),
    docs,
    counts,
    secrets: createKvsSecretStore(undefined, retry),
    asApp,
    queues: forgeQueues,
    baseUrl: await siteUrl(docs, asApp),
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    validity: { fetch: validityFetch, deadline: (ms) => AbortSignal.timeout(ms) },
  };
}
