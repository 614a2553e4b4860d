/**
 * Child process of `npm run bench:site`: serves a site fixture with the Jira simulator on
 * loopback, so the scan being measured does not share its memory with the site it reads. Prints
 * `{"url": ...}` on one line when ready; `GET /__stats` answers the simulator's counts.
 * @module
 */
import { readFileSync } from 'node:fs';
import { loadFixture } from '../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../dev/jira-sim/server.js';
import { listenLoopback } from '../dev/loopback.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: site-server FIXTURE\n');
  process.exit(2);
}
const sim = createJiraSimulator(loadFixture(JSON.parse(readFileSync(file, 'utf8'))));
const server = await listenLoopback(async (req) =>
  req.path === '/__stats'
    ? {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sim.stats()),
      }
    : sim.handle(req),
);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
