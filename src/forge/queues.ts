/**
 * `@forge/events` queues behind the core's Queues port. Keys match manifest.yml's consumers.
 * @module
 */
import { Queue } from '@forge/events';
import type { Queues } from '../admin/context.js';

export const SCAN_QUEUE = 'historical-scan';
export const DELIVERY_QUEUE = 'incident-delivery';
export const RESCAN_QUEUE = 'realtime-rescan';
export const CHECK_RUN_QUEUE = 'validity-check';

const scan = new Queue({ key: SCAN_QUEUE });
const delivery = new Queue({ key: DELIVERY_QUEUE });
const rescan = new Queue({ key: RESCAN_QUEUE });
const checkRun = new Queue({ key: CHECK_RUN_QUEUE });

/** The platform takes delays of 0 to 900 s. */
const delay = (s = 0): number => Math.min(900, Math.max(0, Math.round(s)));

export const forgeQueues: Queues = {
  async pushScan(jobId, step, delaySeconds) {
    await scan.push({ body: { jobId, step }, delayInSeconds: delay(delaySeconds) });
  },
  async pushDelivery(delaySeconds) {
    await delivery.push({ body: { run: 'delivery' }, delayInSeconds: delay(delaySeconds) });
  },
  async pushRescan(event, uncounted) {
    // Ids only: the consumer reads the content from Jira again (runRescanEvent).
    await rescan.push({ body: { event, ...(uncounted ? { uncounted: true } : {}) } });
  },
  async pushCheckRun(runId, step, delaySeconds) {
    await checkRun.push({ body: { runId, step }, delayInSeconds: delay(delaySeconds) });
  },
};
