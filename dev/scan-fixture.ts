/**
 * `npm run scan-fixture -- FILE [options]`: the command line's `scan-fixture` with the Jira
 * simulator plugged in. The simulator is development tooling, so the installed
 * `jira-secret-scanner` does not carry it; this runs the same command line from a clone. Its
 * `--check-validity` goes to the provider simulator, never to a real provider.
 * @module
 */
import { main } from '../src/cli/main.js';
import { openFixtureSite } from './jira-sim/fixture-site.js';
import { createProviderSim } from './provider-sim/sim.js';

process.exitCode = await main(['scan-fixture', ...process.argv.slice(2)], {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  fixtureSite: openFixtureSite,
  // --check-validity on a fixture never reaches a real provider: the simulator knows no secret
  // (each check reads invalid), which shows what would be sent, and to which host.
  validityFetch: createProviderSim().fetch,
});
