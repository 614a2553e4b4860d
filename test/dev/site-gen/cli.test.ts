// The site generator's command line: argument errors exit 2, and the streamed files are exactly
// the fixture and truth generateSite makes in memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCli, run, truthPathFor } from '../../../dev/site-gen/cli.js';
import { generateSite } from '../../../dev/site-gen/generate.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'site-gen-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('parseCli', () => {
  it('reads the options, with defaults for the seed and the truth path', () => {
    expect(parseCli(['--issues', '10', '--out', 'site.json'])).toEqual({
      issues: 10,
      out: 'site.json',
      seed: '1',
      truth: 'site.truth.json',
    });
    expect(
      parseCli(['--issues', '0', '--out', 'a', '--seed', 'x', '--truth', 't', '--projects', '4']),
    ).toEqual({ issues: 0, out: 'a', seed: 'x', truth: 't', projects: 4 });
    expect(parseCli(['--help'])).toBe('help');
  });

  it('names the default truth file after the fixture', () => {
    expect(truthPathFor('/tmp/big.json')).toBe('/tmp/big.truth.json');
    expect(truthPathFor('site')).toBe('site.truth.json');
  });

  it.each([
    [[], /--issues is required/],
    [['--issues', '5'], /--out is required/],
    [['--issues', 'ten', '--out', 'a.json'], /--issues must be an integer/],
    [['--issues', '1.5', '--out', 'a.json'], /--issues must be an integer/],
    [['--issues', '5', '--out', 'a.json', '--projects', '0'], /--projects must be an integer >= 1/],
    [['--issues', '5', '--out', 'a.json', '--truth', 'a.json'], /must differ/],
    [['--issues', '5', '--out', 'a.json', 'extra'], /unexpected argument/],
    [['--issues', '5', '--out', 'a.json', '--bogus'], /bogus/],
    [['--issues'], /issues/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});

describe('run', () => {
  it('exits 2 with a clear message on bad arguments', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run(['--issues', '-1', '--out', 'x.json'])).toBe(2);
    expect(String(err.mock.calls[0]?.[0])).toMatch(/^site-gen: .*\n.*usage: site-gen --issues N/s);
  });

  it('writes the fixture and truth that generateSite makes, and a one-line summary', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = tempDir();
    const out = join(dir, 'site.json');
    expect(await run(['--issues', '80', '--out', out, '--seed', '9'])).toBe(0);
    const expected = generateSite({ issues: 80, seed: '9' });
    const fixture: unknown = JSON.parse(readFileSync(out, 'utf8'));
    const truth: unknown = JSON.parse(readFileSync(join(dir, 'site.truth.json'), 'utf8'));
    expect(fixture).toEqual(JSON.parse(JSON.stringify(expected.fixture)));
    expect(truth).toEqual(JSON.parse(JSON.stringify(expected.truth)));
    expect(err).toHaveBeenCalledTimes(1);
    const line = String(err.mock.calls[0]?.[0]);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/80 issues, 3 projects, \d+ planted occurrences of \d+ secrets/);
  });

  it('writes an empty site', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = tempDir();
    const out = join(dir, 'empty.json');
    const truthOut = join(dir, 'truth.json');
    expect(await run(['--issues', '0', '--out', out, '--truth', truthOut])).toBe(0);
    const fixture = JSON.parse(readFileSync(out, 'utf8')) as { issues: unknown[] };
    expect(fixture.issues).toEqual([]);
    const truth = JSON.parse(readFileSync(truthOut, 'utf8')) as { planted: unknown[] };
    // Project-level secrets are planted even without issues.
    expect(truth.planted.length).toBeGreaterThan(0);
  });

  it('fails (not 2) when the output cannot be written', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = join(tempDir(), 'missing-dir', 'site.json');
    await expect(run(['--issues', '3', '--out', out])).rejects.toThrow(/ENOENT/);
    expect(err).not.toHaveBeenCalled();
  });
});
