/**
 * `npm run bench:incidents`: one secret pasted into every issue of a site (an automation comment,
 * a shared webhook URL), recorded issue by issue as the historical scan does. Compares recounting
 * the incident from all its places on every change (what every incident did before) with moving
 * its counts by each change once it has more than 500 places. Prints stored places read and time
 * side by side; the in-memory store hides what each read costs on Forge's KVS (a query per 100).
 *
 *   npm run bench:incidents [-- --issues N]
 * @module
 */
import { parseArgs } from 'node:util';
import { recordScan } from '../src/incidents/record.js';
import { createMemoryStore, type IncidentStore } from '../src/incidents/store.js';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '5000' } } });
const issues = Number(values.issues);

async function run(recountLimit: number | undefined): Promise<{ reads: number; ms: number }> {
  const store = createMemoryStore();
  let reads = 0;
  const counting: IncidentStore = {
    ...store,
    occurrencesOfIncident: async (id) => {
      const list = await store.occurrencesOfIncident(id);
      reads += list.length;
      return list;
    },
  };
  const started = performance.now();
  for (let n = 1; n <= issues; n++) {
    const url = `https://x.atlassian.net/browse/OPS-${n}`;
    await recordScan(counting, {
      scope: `issue:${10_000 + n}`,
      covers: 'all',
      found: [
        {
          detector: 'slack-webhook-url',
          name: 'Slack webhook URL',
          family: 'slack',
          fingerprint: 'same-secret-everywhere',
          redacted: 'https://hooks.slack.com/services/T0…',
          severity: 'high',
          location: {
            projectKey: 'OPS',
            issueKey: `OPS-${n}`,
            issueId: String(10_000 + n),
            field: 'comment',
            commentId: String(n),
            url,
          },
          start: 10,
          end: 90,
          line: 1,
          column: 11,
        },
      ],
      kind: 'historical',
      now: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
      ...(recountLimit === undefined ? {} : { recountLimit }),
    });
  }
  return { reads, ms: performance.now() - started };
}

const recount = await run(Number.POSITIVE_INFINITY);
const moved = await run(undefined);
const f = (n: number): string => n.toLocaleString('en-US');
console.log(`one secret in ${f(issues)} issues, recorded issue by issue (in-memory store)`);
console.log(
  `  recount every change:   ${f(recount.reads)} places read, ${recount.ms.toFixed(0)} ms`,
);
console.log(`  counts moved (> 500):   ${f(moved.reads)} places read, ${moved.ms.toFixed(0)} ms`);
console.log(
  `  ratio: ${(recount.reads / Math.max(1, moved.reads)).toFixed(0)}x fewer reads, ${(recount.ms / moved.ms).toFixed(1)}x faster`,
);
