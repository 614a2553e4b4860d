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

/** Runs a program of the CLI; resolves whatever the exit code (1 means secrets were found). */
function cli(
  program: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [program, ...args],
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
// scan-fixture is `npm run scan-fixture`: the command line with the dev tools' simulator.
const scanFixture = join(root, 'dist/dev/scan-fixture.js');
const cases: { name: string; program: string; args: () => string[]; format: string }[] = [
  { name: 'detectors', program: bin, args: () => ['detectors'], format: 'json' },
  { name: 'scan', program: bin, args: () => ['scan', note], format: 'json' },
  { name: 'scan', program: bin, args: () => ['scan', note], format: 'sarif' },
  {
    name: 'scan --input-format jsonl',
    program: bin,
    args: () => ['scan', '--input-format', 'jsonl', units],
    format: 'jsonl',
  },
  { name: 'scan-site', program: bin, args: () => ['scan-site', ...site()], format: 'json' },
  { name: 'scan-site', program: bin, args: () => ['scan-site', ...site()], format: 'sarif' },
  { name: 'scan-fixture', program: scanFixture, args: () => [EXAMPLE_SITE], format: 'json' },
  { name: 'scan-fixture', program: scanFixture, args: () => [EXAMPLE_SITE], format: 'sarif' },
];

describe('the CLI as a process', () => {
  it.each(cases)('$name --format $format prints only its document', async (c) => {
    const r = await cli(c.program, [...c.args(), '--format', c.format]);
    expect([0, 1], r.stderr).toContain(r.code);
    const doc = parsesAs(c.format, r.stdout);
    if (c.format === 'sarif') expect(doc).toMatchObject({ version: '2.1.0' });
    if (c.format === 'jsonl') expect(doc).toHaveLength(2);
    if (c.name.startsWith('scan-')) {
      expect(r.code).toBe(1); // the example site holds secrets: the document is not empty
      expect(r.stderr).not.toBe(''); // the progress and summary went to stderr
    }
  });

  it('the installed command does not carry the simulator: scan-fixture points to npm run', async () => {
    const r = await cli(bin, ['scan-fixture', EXAMPLE_SITE, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('npm run scan-fixture -- FILE');
  });
});
