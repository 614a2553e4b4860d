/**
 * Builds the core's ports for one invocation, from the Forge platform: KVS stores, the secret
 * store, Jira as the app, queues. Nothing tenant-specific outlives the invocation.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppDeps } from '../admin/context.js';
import type { DocumentStore } from '../admin/ports.js';
import type { JiraClient } from '../jira/client.js';
import { jiraAsApp } from './jira.js';
import {
  createKvsDocumentStore,
  createKvsIncidentStore,
  createKvsOutbox,
  createKvsSecretStore,
} from './kvs-store.js';
import { forgeQueues } from './queues.js';

const SITE_URL = 'cache:site-url';

async function siteUrl(docs: DocumentStore, jira: JiraClient): Promise<string> {
  const cached = await docs.get<string>(SITE_URL);
  if (cached) return cached;
  const url = await jira.siteUrl();
  await docs.set(SITE_URL, url);
  return url;
}

/** `maxJiraWaitMs`: the longest rate-limit wait worth sleeping through in this kind of function. */
export async function appDeps(maxJiraWaitMs: number): Promise<AppDeps> {
  const docs = createKvsDocumentStore();
  const asApp = jiraAsApp(maxJiraWaitMs);
  return {
    store: createKvsIncidentStore(),
    outbox: createKvsOutbox(),
    docs,
    secrets: createKvsSecretStore(),
    asApp,
    queues: forgeQueues,
    baseUrl: await siteUrl(docs, asApp),
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
  };
}
