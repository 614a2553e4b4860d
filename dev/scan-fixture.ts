/**
 * `npm run scan-fixture -- FILE [options]`: the command line's `scan-fixture` with the Jira
 * simulator plugged in. The simulator is development tooling, so the installed
 * `jira-secret-scanner` does not carry it; this runs the same command line from a clone.
 * @module
 */
import { main } from '../src/cli/main.js';
import { openFixtureSite } from './jira-sim/fixture-site.js';

process.exitCode = await main(['scan-fixture', ...process.argv.slice(2)], {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  fixtureSite: openFixtureSite,
});
