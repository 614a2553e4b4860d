/**
 * `npm run gen:burst -- --issues 1000 --out DIR [--pasted N] [--seed N]`: writes the burst
 * scenario as DIR/site.json (a fixture) and DIR/events.json (its ops, phases ten virtual minutes
 * apart), for `npm run harness -- --fixture DIR/site.json --events DIR/events.json --concurrency N`.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { burstScenario } from './scenario.js';

/** Virtual ms between the starts of two phases: each is long done by then at any concurrency. */
const PHASE_GAP_MS = 10 * 60_000;

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '1000' },
    pasted: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const issues = Number(values.issues);
if (!values.out || !Number.isInteger(issues) || issues < 1) {
  process.stderr.write(
    'usage: npm run gen:burst -- --issues N --out DIR [--pasted N] [--seed N]\n',
  );
  process.exit(2);
}
const scenario = burstScenario({
  issues,
  seed: Number(values.seed),
  ...(values.pasted ? { pasted: Number(values.pasted) } : {}),
});
const events = scenario.phases.flatMap((p, i) =>
  p.ops.map((op) => {
    const { atMs, ...rest } = op as { atMs: number };
    return { ...rest, atMs: atMs + i * PHASE_GAP_MS };
  }),
);
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'site.json'), JSON.stringify(scenario.site));
writeFileSync(join(values.out, 'events.json'), JSON.stringify(events));
process.stdout.write(`${join(values.out, 'site.json')}\n${join(values.out, 'events.json')}\n`);
