/**
 * `npm run harness -- --fixture FILE --historical-scan --format json [--fault-rate R]
 * [--events FILE [--concurrency N]] [--db FILE] [--seed N] [--check-validity [--live-secrets FILE]]`: runs the real
 * app on the local Forge runtime against the Jira simulator and prints one JSON object
 * `{"incidents": [...], "stats": {...}}`. With `--check-validity` the app's validity checks are on
 * and the checkers' hosts are answered by dev/provider-sim: the secrets listed in `--live-secrets`
 * (one a line) are live, every other one is unknown to its provider (invalid).
 * With `--concurrency N` the events are a burst: each op is written at its `atMs` (virtual ms from
 * the start) and up to N invocations run at once, under Forge's KVS and Jira's burst rate limits;
 * `stats.burst` then says how long it took on the virtual clock and how many ran at once.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createProviderSim } from '../provider-sim/sim.js';
import { createHarness } from './harness.js';

const USAGE = `usage: npm run harness -- --fixture FILE [--historical-scan] [--events FILE [--concurrency N]]
       [--fault-rate R] [--seed N] [--db FILE] [--incident-api] [--format json]
       [--check-validity [--live-secrets FILE]]`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        fixture: { type: 'string' },
        'historical-scan': { type: 'boolean' },
        events: { type: 'string' },
        concurrency: { type: 'string' },
        'fault-rate': { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        'incident-api': { type: 'boolean' },
        'check-validity': { type: 'boolean' },
        'live-secrets': { type: 'string' },
        format: { type: 'string' },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const fail = (m: string): number => {
    process.stderr.write(`harness: ${m}\n${USAGE}\n`);
    return 2;
  };
  if (!values.fixture) return fail('--fixture is required');
  if ((values.format ?? 'json') !== 'json') return fail('only --format json is supported');
  const faultRate = values['fault-rate'] === undefined ? 0 : Number(values['fault-rate']);
  if (!(faultRate >= 0 && faultRate <= 1)) return fail('--fault-rate must be between 0 and 1');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) return fail('--seed must be an integer');
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1))
    return fail('--concurrency must be a whole number, at least 1');
  if (concurrency !== undefined && !values.events) return fail('--concurrency needs --events');
  if (values['live-secrets'] && !values['check-validity'])
    return fail('--live-secrets needs --check-validity');
  let fixture: unknown;
  let ops: unknown[] = [];
  const providerSim = values['check-validity'] ? createProviderSim() : undefined;
  try {
    if (providerSim && values['live-secrets'])
      for (const line of readFileSync(values['live-secrets'], 'utf8').split('\n'))
        if (line.trim()) providerSim.set(line.trim(), 'live');
    fixture = JSON.parse(readFileSync(values.fixture, 'utf8'));
    if (values.events) {
      const parsed: unknown = JSON.parse(readFileSync(values.events, 'utf8'));
      if (!Array.isArray(parsed)) return fail('--events must hold a JSON array of ops');
      ops = parsed;
    }
  } catch (e) {
    return fail(`cannot read input: ${(e as Error).message}`);
  }
  const started = Date.now();
  // stdout carries the one JSON object and nothing else: the app's logs (the platform's log
  // stream) and anything a library prints go to stderr, whichever console method they use.
  const toStdout = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr);
  const harness = await createHarness({
    fixture,
    faultRate,
    seed,
    ...(values.db ? { dbPath: values.db } : {}),
    ...(values['incident-api'] ? { incidentApi: true } : {}),
    ...(providerSim ? { providerSim, checkValidity: true } : {}),
    ...(concurrency !== undefined ? { limits: true } : {}),
  });
  try {
    let issuesScanned = 0;
    if (values['historical-scan'])
      issuesScanned = (await harness.historicalScan()).counters.issuesScanned;
    const burst =
      concurrency === undefined
        ? undefined
        : await harness.replayConcurrently(ops, { concurrency, seed });
    if (ops.length > 0 && !burst) await harness.replay(ops);
    // The cost of the scan and the events, before the resolver calls that list the incidents.
    const stats = {
      ...harness.stats(started),
      issuesScanned,
      ...(burst
        ? {
            burst: {
              virtualMs: burst.endedAt - burst.startedAt,
              events: burst.triggers,
              maxInFlight: burst.maxInFlight,
            },
          }
        : {}),
    };
    const incidents = await harness.incidents();
    toStdout(`${JSON.stringify({ incidents, stats }, null, 2)}\n`);
    return 0;
  } finally {
    harness.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
