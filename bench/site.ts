/**
 * `npm run bench:site`: a historical scan of generated sites of growing size (default 5,000,
 * 20,000 and 50,000 issues) over HTTP, the Jira simulator in a child process. Prints issues per
 * second, points per issue and the scan process's peak heap for each size, side by side, so one
 * can see whether memory grows with the site. Not a test: figures vary with the machine.
 *
 * The incident store is the part that grows with findings by design (on Forge it is KVS, not
 * memory): `--store discard` (default) records into a store that keeps nothing, which measures the
 * scan pipeline alone; `--store memory` keeps everything, as the CLI does.
 *
 * Then what Forge bills and limits, per 1,000 issues: the real app on the local Forge runtime
 * (dev/harness) scans a generated site of `--forge-issues` issues (default 5,000; 0 skips it),
 * each Jira call taking 250 ms of virtual time as a product call might on Forge, and its Jira
 * points, KVS reads and writes (with 10 KB billing units) and invocations are counted.
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHarness } from '../dev/harness/harness.js';
import { generateSite, streamSite } from '../dev/site-gen/generate.js';
import { writeSite } from '../dev/site-gen/write.js';
import { DETECTORS } from '../src/detectors/index.js';
import { createScanner } from '../src/engine/scan.js';
import { createMemoryStore, type IncidentStore } from '../src/incidents/store.js';
import { createJiraClient } from '../src/jira/client.js';
import { createJiraHttp } from '../src/jira/http.js';
import { historicalStep, startHistoricalJob } from '../src/scan/historical.js';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '5000,20000,50000' },
    store: { type: 'string', default: 'discard' },
    seed: { type: 'string', default: 'bench-site' },
    'forge-issues': { type: 'string', default: '5000' },
  },
});
const forgeIssues = Number(values['forge-issues']);
const sizes = values.issues.split(',').map(Number);
if (
  sizes.some((n) => !Number.isInteger(n) || n <= 0) ||
  !['discard', 'memory'].includes(values.store) ||
  !Number.isInteger(forgeIssues) ||
  forgeIssues < 0
) {
  process.stderr.write(
    'usage: npm run bench:site -- [--issues 5000,20000] [--store discard|memory] [--forge-issues N]\n',
  );
  process.exit(2);
}

/** Keeps nothing: every rescan looks new. Enough for recordScan to run its full path. */
function discardStore(): IncidentStore {
  return {
    getIncident: () => Promise.resolve(undefined),
    putIncident: () => Promise.resolve(),
    getRevisedIncident: () => Promise.resolve(undefined),
    commitIncident: () => Promise.resolve(true),
    getScopeVersions: () => Promise.resolve(undefined),
    claimScopeVersions: () => Promise.resolve('0'),
    listIncidents: () => Promise.resolve({ items: [] }),
    getOccurrence: () => Promise.resolve(undefined),
    putOccurrence: () => Promise.resolve(),
    occurrencesOfIncident: () => Promise.resolve([]),
    occurrencePage: () => Promise.resolve({ items: [] }),
    occurrencesInScope: () => Promise.resolve([]),
    countIncidents: () => Promise.resolve({ count: 0, capped: false }),
  };
}

async function startServer(file: string): Promise<{ url: string; stop(): void }> {
  const script = fileURLToPath(new URL('./site-server.js', import.meta.url));
  const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const { url } = JSON.parse(line) as { url: string };
    return { url, stop: () => child.kill() };
  }
  throw new Error('the simulator did not start');
}

interface Row {
  issues: number;
  seconds: number;
  issuesPerSecond: number;
  pointsPerIssue: number;
  requests: number;
  findings: number;
  peakHeapMiB: number;
  baselineHeapMiB: number;
}

async function measure(issues: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-site-'));
  const file = join(dir, 'site.json');
  await writeSite(streamSite({ issues, seed: values.seed }), file, join(dir, 'truth.json'));
  const server = await startServer(file);
  try {
    const http = createJiraHttp({
      fetch: (path, init) => fetch(new URL(path, server.url), init),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      random: Math.random,
      now: Date.now,
    });
    const client = createJiraClient(http);
    const scanner = createScanner({
      detectors: DETECTORS,
      fingerprintKey: 'bench-site-key-0123456789',
    });
    const store = values.store === 'memory' ? createMemoryStore() : discardStore();
    const now = (): string => new Date().toISOString();
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const started = performance.now();
    const s = await startHistoricalJob({ id: 'bench' }, { client, now });
    if (!s.ok) throw new Error(s.error);
    let job = s.job;
    while (job.status === 'running') {
      job = (await historicalStep(job, { client, scanner, store, baseUrl: server.url, now })).job;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stats = http.stats();
    return {
      issues,
      seconds,
      issuesPerSecond: job.counters.issuesScanned / seconds,
      pointsPerIssue: stats.points / job.counters.issuesScanned,
      requests: stats.requests,
      findings: job.counters.findings,
      peakHeapMiB: peak / 2 ** 20,
      baselineHeapMiB: baseline / 2 ** 20,
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
for (const n of sizes) {
  process.stderr.write(`generating and scanning ${n} issues...\n`);
  rows.push(await measure(n));
}
const f = (x: number, d = 1): string => x.toFixed(d);
console.log(`store: ${values.store} (see --store); Node ${process.version}`);
console.log(
  'issues   seconds  issues/s  points/issue  requests  findings  peak heap MiB (baseline)',
);
for (const r of rows) {
  console.log(
    `${String(r.issues).padEnd(8)} ${f(r.seconds).padStart(7)}  ${f(r.issuesPerSecond, 0).padStart(8)}  ${f(r.pointsPerIssue, 3).padStart(12)}  ${String(r.requests).padStart(8)}  ${String(r.findings).padStart(8)}  ${f(r.peakHeapMiB)} (${f(r.baselineHeapMiB)})`,
  );
}
const first = rows[0];
const last = rows.at(-1);
if (first && last && last !== first) {
  console.log(
    `site ${f(last.issues / first.issues, 0)}x larger: peak heap ${f(last.peakHeapMiB / first.peakHeapMiB, 2)}x`,
  );
}

/** Virtual time each Jira call takes inside the app (a product call's latency on Forge, assumed). */
const JIRA_CALL_MS = 250;

/** The app's Forge bill for a historical scan of `issues` generated issues, per 1,000 issues. */
async function forgeCost(issues: number): Promise<void> {
  const { fixture } = generateSite({ issues, seed: values.seed });
  // The app's log lines are the platform's log stream, not this report.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    console.error(...args);
  };
  const h = await createHarness({ fixture, jiraLatencyMs: JIRA_CALL_MS });
  try {
    const started = Date.now();
    const job = await h.historicalScan();
    const s = h.stats(started);
    console.log = log;
    const per = (n: number): string => ((1000 * n) / job.counters.issuesScanned).toFixed(1);
    const scan = s.forge.byFunction['historical-scan-worker'];
    console.log('');
    console.log(
      `Forge cost per 1,000 issues: the app on the local Forge runtime, ${issues} issues, ` +
        `${JIRA_CALL_MS} ms per Jira call`,
    );
    console.log(`  Jira points          ${per(s.jiraPoints).padStart(9)}`);
    console.log(
      `  KVS reads            ${per(s.forge.kvsReads).padStart(9)}  (${per(s.forge.kvsReadUnits)} 10 KB units)`,
    );
    console.log(
      `  KVS writes           ${per(s.forge.kvsWrites).padStart(9)}  (${per(s.forge.kvsWriteUnits)} 10 KB units)`,
    );
    console.log(
      `  invocations          ${per(s.forge.invocations).padStart(9)}  (scan consumer ${per(scan?.invocations ?? 0)}, function time ${per(s.forge.virtualMs / 1000)} s)`,
    );
  } finally {
    console.log = log;
    h.close();
  }
}

if (forgeIssues > 0) {
  process.stderr.write(
    `scanning ${forgeIssues} issues with the app on the local Forge runtime...\n`,
  );
  await forgeCost(forgeIssues);
}
