import { PassThrough, Readable } from 'node:stream';
import { openFixtureSite } from '../../dev/jira-sim/fixture-site.js';
import { main } from '../../src/cli/main.js';
import type { ValidityFetch } from '../../src/validity/index.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with in-memory streams, the Jira simulator plugged in as `npm run scan-fixture` does. */
export async function runCli(
  argv: string[],
  stdin = '',
  env: NodeJS.ProcessEnv = {},
  fetch?: typeof globalThis.fetch,
  validityFetch?: ValidityFetch,
): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await main(argv, {
    stdin: Readable.from([stdin]),
    stdout: out,
    stderr: err,
    env: { JIRA_SECRET_SCANNER_KEY: 'cli-test-fingerprint-key', ...env },
    ...(fetch ? { fetch } : {}),
    ...(validityFetch ? { validityFetch } : {}),
    fixtureSite: openFixtureSite,
  });
  return {
    code,
    stdout: Buffer.concat(chunks.out).toString(),
    stderr: Buffer.concat(chunks.err).toString(),
  };
}
