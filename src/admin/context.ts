/**
 * What every handler of the app needs, as ports: storage, Jira as the app and as the calling user,
 * the queues, time and ids. The Forge adapter builds one per invocation; tests and the harness
 * build theirs from memory stores and the Jira simulator.
 * @module
 */
import { isTextField, type FieldMeta } from '../content/issue-units.js';
import {
  createWorkBudget,
  CUSTOM_WORK_PER_TEXT,
  type Scanner,
  type ScannerOptions,
  type WorkBudget,
} from '../engine/scan.js';
import { makeFingerprinter } from '../engine/fingerprint.js';
import type { OutboxStore } from '../incidents/outbox.js';
import type { IncidentStore } from '../incidents/store.js';
import type { JiraClient } from '../jira/client.js';
import type { ChangeEvent } from '../scan/realtime.js';
import type { CountStore, DocumentStore, SecretStore } from './ports.js';
import { createValiditySession, type CheckPorts, type ValiditySession } from '../validity/index.js';
import { isProviderChecked, loadSettings, scannerFor, type Settings } from './settings.js';

export interface Queues {
  /** Next step of a historical scan job; `step` lets a consumer drop a stale duplicate. */
  pushScan(jobId: string, step: number, delaySeconds?: number): Promise<void>;
  /** A delivery run of the outbox. */
  pushDelivery(delaySeconds?: number): Promise<void>;
  /**
   * A real-time change whose custom detectors did not fit in its trigger: scanned again whole.
   * `uncounted`: handed on before it was counted among the week's events; the rescan counts it.
   */
  pushRescan(event: ChangeEvent, uncounted?: boolean): Promise<void>;
  /** Next stretch of a validity check run; `step` lets a consumer drop a stale duplicate. */
  pushCheckRun(runId: string, step: number, delaySeconds?: number): Promise<void>;
}

export interface AppDeps {
  readonly store: IncidentStore;
  readonly outbox: OutboxStore;
  readonly docs: DocumentStore;
  /** Counts that concurrent invocations move: the overview's tallies, events per week. */
  readonly counts: CountStore;
  readonly secrets: SecretStore;
  /** Jira as the app (reads content). */
  readonly asApp: JiraClient;
  readonly queues: Queues;
  /** The site's browser URL, for occurrence links. */
  readonly baseUrl: string;
  /** ISO time. */
  readonly now: () => string;
  readonly newId: () => string;
  /** Random bytes for keys (the fingerprint key). */
  readonly randomBytes: (n: number) => Uint8Array;
  /** Custom-detector budgets other than CUSTOM_WORK's. */
  readonly customWork?: Partial<Record<keyof typeof CUSTOM_WORK, number>>;
  /**
   * Egress to the checkers' hosts and a timer for their timeouts. Absent: no check can run,
   * whatever the settings say (the CLI's default, most tests).
   */
  readonly validity?: CheckPorts;
}

/**
 * The validity session of one run when the admin turned checks on; undefined otherwise, so a
 * scan with checks off has nothing to send a secret to.
 */
export async function validitySessionOf(
  deps: Pick<AppDeps, 'validity' | 'now' | 'secrets' | 'randomBytes'>,
  settings: Settings,
): Promise<ValiditySession | undefined> {
  if (!deps.validity || !settings.validityChecks.enabled) return undefined;
  return createValiditySession({
    ...deps.validity,
    now: deps.now,
    fingerprint: makeFingerprinter(await fingerprintKey(deps)),
    isProviderEnabled: (p) => isProviderChecked(settings, p),
    keepIdentity: settings.validityChecks.keepIdentity,
  });
}

export const FINGERPRINT_KEY = 'fingerprint-key';
export const INCIDENT_API_TOKEN = 'incident-api-token';

/** The per-installation fingerprint key, created on first need if the install event was missed. */
export async function fingerprintKey(
  deps: Pick<AppDeps, 'secrets' | 'randomBytes'>,
): Promise<string> {
  const existing = await deps.secrets.get(FINGERPRINT_KEY);
  if (existing) return existing;
  const key = [...deps.randomBytes(32)].map((b) => b.toString(16).padStart(2, '0')).join('');
  await deps.secrets.set(FINGERPRINT_KEY, key);
  return key;
}

export async function scannerOf(
  deps: Pick<AppDeps, 'secrets' | 'randomBytes'>,
  settings: Settings,
  customWork?: ScannerOptions['customWork'],
): Promise<Scanner> {
  return scannerFor(settings, await fingerprintKey(deps), customWork);
}

/**
 * Custom-detector work (see customWork in src/engine/custom-detector.ts, about 30 ns a unit at
 * worst) one invocation may spend: a trigger has 25 s in all, so a few seconds of it; a queue
 * consumer has 900 s, so about half of it, leaving room for Jira and storage.
 */
export const CUSTOM_WORK = { trigger: 2e8, consumer: 1.5e10 } as const;

/** Each run's budget: CUSTOM_WORK unless the deps say otherwise (tests, the harness). */
export function customWorkOf(
  deps: Pick<AppDeps, 'customWork'>,
  run: keyof typeof CUSTOM_WORK,
): { perText: number; pool: WorkBudget } {
  const limit = deps.customWork?.[run] ?? CUSTOM_WORK[run];
  return { perText: Math.min(limit, CUSTOM_WORK_PER_TEXT), pool: createWorkBudget(limit) };
}

export const FIELDS_KEY = 'cache:fields';
const FIELDS_TTL_MS = 60 * 60 * 1000;

/** The site's text fields, cached for an hour (a new custom field is seen within the hour). */
export async function textFields(
  deps: Pick<AppDeps, 'docs' | 'asApp' | 'now'>,
): Promise<FieldMeta[]> {
  const cached = await deps.docs.get<{ at: string; fields: FieldMeta[] }>(FIELDS_KEY);
  if (cached && Date.parse(deps.now()) - Date.parse(cached.at) < FIELDS_TTL_MS)
    return cached.fields;
  // Only text fields are kept: a site may have hundreds of fields.
  const fields = (await deps.asApp.fields()).flatMap((f): FieldMeta[] => {
    if (typeof f.id !== 'string') return [];
    const s = f.schema as FieldMeta['schema'] | undefined;
    const meta = s ? { id: f.id, schema: s } : { id: f.id };
    return isTextField(meta) ? [meta] : [];
  });
  await deps.docs.set(FIELDS_KEY, { at: deps.now(), fields });
  return fields;
}

export { loadSettings };
