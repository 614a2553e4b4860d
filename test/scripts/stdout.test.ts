/**
 * The npm scripts print on stdout the document they promise and nothing else, so
 * `npm run -s harness -- ... --format json | jq .` works: the build they start (tsc, Vite) and
 * the programs' progress and logs go to stderr. Runs after every other test (vitest.config.ts):
 * `npm run harness` rebuilds dist/ and the UI.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../shared-path.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('npm run -s harness', () => {
  it('prints only the JSON document on stdout, build output included elsewhere', async () => {
    const { stdout, stderr } = await run(
      'npm',
      [
        'run',
        '-s',
        'harness',
        '--',
        '--fixture',
        sharedPath('fixtures/example-site.json'),
        '--historical-scan',
        '--format',
        'json',
      ],
      { cwd: root, maxBuffer: 64 * 2 ** 20 },
    );
    const doc = JSON.parse(stdout) as { incidents: unknown[]; stats: { issuesScanned: number } };
    expect(doc.incidents.length).toBeGreaterThan(0);
    expect(doc.stats.issuesScanned).toBeGreaterThan(0);
    // The build ran and said so, on stderr; so did the app's own log lines.
    expect(stderr).toContain('built in');
    expect(stderr).toContain('"what":"historical-scan"');
  }, 180_000);
});

describe('every npm script that builds first', () => {
  it('sends the build output to stderr', () => {
    const building = Object.entries(scripts).filter(
      ([name, cmd]) => /\bnpm run build(?![:\w])/.test(cmd) && !['prepare', 'test'].includes(name),
    );
    expect(building.map(([name]) => name)).toEqual(
      expect.arrayContaining(['harness', 'eval', 'bench', 'bench:site', 'gen:site']),
    );
    for (const [name, cmd] of building)
      expect(cmd, name).toMatch(/^npm run build >&2 && [^&|;]+$|^npm run build >&2 && \(.+\)$/);
  });
});

describe('the programs behind the scripts', () => {
  it('gen:site writes its files and prints nothing on stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gen-site-')), 'site.json');
    const { stdout, stderr } = await run(process.execPath, [
      join(root, 'dist/dev/site-gen/main.js'),
      '--issues',
      '30',
      '--out',
      out,
    ]);
    expect(stdout).toBe('');
    expect(stderr).not.toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { issues: unknown[] }).issues).toHaveLength(
      30,
    );
  });

  it('bench:site prints its tables on stdout and its progress on stderr', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(root, 'dist/bench/site.js'), '--issues', '40,80', '--forge-issues', '60'],
      { cwd: root },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^store: discard/);
    expect(lines[1]).toMatch(/^issues\s+seconds/);
    expect(lines.slice(2, 4).map((l) => l.split(/\s+/)[0])).toEqual(['40', '80']);
    expect(lines[4]).toMatch(/^site 2x larger/);
    expect(lines[5]).toBe('');
    expect(lines[6]).toMatch(/^Forge cost per 1,000 issues: .* 60 issues/);
    expect(lines.slice(7).map((l) => l.trim().split(/\s{2,}/)[0])).toEqual([
      'Jira points',
      'KVS reads',
      'KVS writes',
      'invocations',
    ]);
    expect(stderr).toContain('generating and scanning 40 issues');
    // The app's own log lines went to stderr too.
    expect(stderr).toContain('"what":"historical-scan"');
  });
});
