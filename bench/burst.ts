/**
 * `npm run bench:burst`: the burst scenario (dev/burst/scenario.ts: one secret pasted into 1,000
 * issues by a bulk edit, removed again, then a minute of edits, comments and deletions over 5,000
 * issues) on the local Forge runtime with Forge's KVS rate limits and Jira's burst limits on,
 * replayed with 1, 10 and 100 invocations at once. Prints, per concurrency, the events sustained
 * per second of virtual time, Jira requests and KVS operations per event, retries (KVS answers
 * refused with TOO_MANY_REQUESTS, invocations retried by the platform, changes handed to the
 * rescan queue), events dropped (a trigger out of retries) and the most invocations in flight; and whether the incidents are field by field
 * those of concurrency 1.
 *
 *   npm run bench:burst [-- --issues 5000 --pasted 1000 --concurrency 1,10,100 --fault-rate 0]
 * @module
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { burstScenario, comparable } from '../dev/burst/scenario.js';
import { bundleApp, createHarness } from '../dev/harness/harness.js';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '5000' },
    pasted: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '1,10,100' },
    'fault-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
  },
});
const issues = Number(values.issues);
const levels = values.concurrency.split(',').map(Number);
const faultRate = Number(values['fault-rate']);
const seed = Number(values.seed);
if (![issues, faultRate, seed, ...levels].every(Number.isFinite)) {
  process.stderr.write('usage: npm run bench:burst -- [--issues N] [--concurrency 1,10,100]\n');
  process.exit(2);
}

// The app's logs (one line per event) would drown the figures.
console.log = () => undefined;
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const scenario = burstScenario({ issues, pasted: Number(values.pasted), seed });
const appFile = await bundleApp();
const f = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

print(
  `burst: ${scenario.phases.map((p) => `${p.name} ${f(p.ops.length)} ops`).join(', ')}; ` +
    `${f(issues)} issues; fault rate ${String(faultRate)}`,
);
print(
  '| at once | events | virtual s | events/s | Jira req/event | KVS ops/event | KVS 429 | platform retries | to rescan queue | dropped | max in flight | same as 1 | wall s |',
);
print('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
let reference: unknown;
for (const concurrency of levels) {
  const started = Date.now();
  const h = await createHarness({ fixture: scenario.site, appFile, seed, faultRate, limits: true });
  let virtualMs = 0;
  let events = 0;
  let maxInFlight = 0;
  for (const phase of scenario.phases) {
    const r = await h.replayConcurrently(phase.ops, { concurrency, seed });
    virtualMs += r.endedAt - r.startedAt;
    events += r.triggers;
    maxInFlight = Math.max(maxInFlight, r.maxInFlight);
  }
  const stats = h.stats(started);
  const fn = Object.values(h.runtime.stats());
  const throttled = fn.reduce((n, s) => n + s.kvsThrottled, 0);
  // Events the platform gave up on (a trigger out of retries): changes lost.
  const dropped = fn.reduce((n, s) => n + s.dropped, 0);
  const kvsOps = stats.forge.kvsReads + stats.forge.kvsWrites;
  const rescans = stats.invocations['realtime-rescan-worker'] ?? 0;
  const incidents = comparable(await h.incidents());
  reference ??= incidents;
  h.close();
  print(
    `| ${String(concurrency)} | ${f(events)} | ${f(virtualMs / 1000, 1)} | ${f(events / (virtualMs / 1000), 1)} | ` +
      `${f(stats.jiraRequests / events, 2)} | ${f(kvsOps / events, 1)} | ${f(throttled)} | ` +
      `${f(stats.retries)} | ${f(rescans)} | ${f(dropped)} | ${String(maxInFlight)} | ` +
      `${isDeepStrictEqual(incidents, reference) ? 'yes' : 'NO'} | ${f((Date.now() - started) / 1000)} |`,
  );
}
