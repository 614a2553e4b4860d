/**
 * Every command with a machine format, run as the installed bin in its own process: stdout holds
 * the document and nothing else (the in-process tests give the CLI its own stdout stream, so they
 * would not see a stray console.log from the core or the simulator), progress goes to stderr.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/jira-secret-scanner.js');
const creds = { email: 'jane@acme.example', token: 'api-token-123' };
const GH = 'token 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 in a note\n';
const dir = mkdtempSync(join(tmpdir(), 'cli-stdout-'));
const note = join(dir, 'note.txt');
const units = join(dir, 'units.jsonl');
writeFileSync(note, GH);
writeFileSync(units, `${JSON.stringify({ id: 'a', text: GH })}\n{"id": "b", "text": "nothing"}\n`);

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)), {
    credentials: creds,
  }).listen();
});
afterAll(() => server.close());

/** Runs the bin; resolves whatever the exit code (1 means secrets were found). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        env: { ...process.env, JIRA_SECRET_SCANNER_KEY: 'cli-stdout-test-key' },
        maxBuffer: 64 * 2 ** 20,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

const parsesAs = (format: string, stdout: string): unknown =>
  format === 'jsonl'
    ? stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown)
    : JSON.parse(stdout);

const site = (): string[] => ['--site', server.url, '--email', creds.email, '--token', creds.token];
const cases: [string, () => string[], string][] = [
  ['detectors', () => ['detectors'], 'json'],
  ['scan', () => ['scan', note], 'json'],
  ['scan', () => ['scan', note], 'sarif'],
  ['scan --input-format jsonl', () => ['scan', '--input-format', 'jsonl', units], 'jsonl'],
  ['scan-fixture', () => ['scan-fixture', EXAMPLE_SITE], 'json'],
  ['scan-fixture', () => ['scan-fixture', EXAMPLE_SITE], 'sarif'],
  ['scan-site', () => ['scan-site', ...site()], 'json'],
  ['scan-site', () => ['scan-site', ...site()], 'sarif'],
];

describe('the CLI as a process', () => {
  it.each(cases)('%s --format %s prints only its document', async (_name, args, format) => {
    const r = await cli([...args(), '--format', format]);
    expect([0, 1], r.stderr).toContain(r.code);
    const doc = parsesAs(format, r.stdout);
    if (format === 'sarif') expect(doc).toMatchObject({ version: '2.1.0' });
    if (format === 'jsonl') expect(doc).toHaveLength(2);
    if (args()[0]?.startsWith('scan-')) {
      expect(r.code).toBe(1); // the example site holds secrets: the document is not empty
      expect(r.stderr).not.toBe(''); // the progress and summary went to stderr
    }
  });
});
