/**
 * Forge's own linter, the rules `forge lint` and `forge deploy` apply, run offline: `@forge/lint`'s
 * client-side mode over every source file under src/ and the parsed manifest.yml. `forge lint`
 * itself needs an Atlassian login; its rules do not. What the login would fetch is given locally:
 * the Jira REST spec from ../shared (for the route/scope rule), empty specs for the other products
 * (the app calls none), and feature flags that are all off.
 *
 * The linter reads manifest.yml and tsconfig.json from the working folder, so each run changes
 * into the folder it lints (vitest runs this file in its own process).
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StatsigReader, type StatsigService } from '@forge/cli-shared';
import { lint, type LintResult } from '@forge/lint';
import type { ManifestSchema } from '@forge/manifest';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { sharedPath } from '../shared-path.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as ManifestSchema;

/** Feature flags as a logged-out CLI without network sees them: every gate off, no config. */
class FlagsOff extends StatsigReader {
  checkGate(): Promise<boolean> {
    return Promise.resolve(false);
  }
  getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const noPaths = join(mkdtempSync(join(tmpdir(), 'forge-lint-')), 'no-paths.json');
writeFileSync(noPaths, '{"paths":{}}');
const swaggers = {
  USE_LOCAL_SWAGGER: '1',
  LOCAL_JIRA_SWAGGER: sharedPath('reference/jira-platform-openapi-v3.json'),
  LOCAL_JSM_SWAGGER: noPaths,
  LOCAL_JSW_SWAGGER: noPaths,
  LOCAL_CONF_SWAGGER: noPaths,
  LOCAL_CONF_V2_SWAGGER: noPaths,
  LOCAL_BB_SWAGGER: noPaths,
};

/** Runs Forge's client-side linters in `dir` (a repository root) on `files` (relative to it). */
async function forgeLint(dir: string, files: string[], m: ManifestSchema): Promise<LintResult[]> {
  const cwd = process.cwd();
  const env = { ...process.env };
  Object.assign(process.env, swaggers);
  process.chdir(dir);
  try {
    const log: string[] = [];
    return await lint(
      files,
      m,
      'development',
      { info: (line: string) => log.push(line) },
      new FlagsOff() as unknown as StatsigService,
      { linter: { mode: 'client-side' } },
    );
  } finally {
    process.chdir(cwd);
    process.env = env;
  }
}

interface Problem {
  file: string;
  class: string;
  reference: string;
  message: string;
}
const problems = (results: LintResult[]): Problem[] =>
  results.flatMap((r) =>
    [...r.errors, ...r.warnings, ...r.approvals].map((p) => ({
      file: r.file,
      class: p.class,
      reference: p.reference,
      message: p.message,
    })),
  );

describe("Forge's linter (@forge/lint, client-side, offline)", () => {
  it('finds nothing in the app: no error, warning or approval', async () => {
    const files = sourceFiles('src');
    const results = await forgeLint(root, files, manifest);
    expect(problems(results)).toEqual([]);
    // It read the sources, not only the manifest: it skips a TypeScript file that tsconfig.json's
    // `include` globs do not list (a bare folder name lists no file to it).
    const linted = new Set(results.map((r) => r.file));
    expect(linted).toContain('manifest.yml');
    expect(linted).toContain('src/forge/index.ts');
    expect(files.filter((f) => !linted.has(f))).toEqual([]);
  }, 120_000);

  it('fires on a manifest without read:jira-work, and on a handler the code does not export', async () => {
    // The same app in another folder, with a manifest that lost a scope and names a missing export.
    const dir = mkdtempSync(join(tmpdir(), 'forge-lint-negative-'));
    for (const name of ['src', 'static', 'tsconfig.json', 'package.json', 'node_modules'])
      symlinkSync(join(root, name), join(dir, name));
    const broken = structuredClone(manifest);
    const scopes = broken.permissions?.scopes as string[];
    broken.permissions = {
      ...broken.permissions,
      scopes: scopes.filter((s) => s !== 'read:jira-work'),
    };
    const fn = broken.modules?.function?.[0];
    if (!fn) throw new Error('the manifest has functions');
    fn.handler = 'forge/index.noSuchExport';
    writeFileSync(join(dir, 'manifest.yml'), stringify(broken));

    const found = problems(await forgeLint(dir, ['src/forge/index.ts'], broken));
    const jiraEvents = (manifest.modules?.trigger ?? [])
      .flatMap((t) => t.events as string[])
      .filter((e) => e.startsWith('avi:jira:'));
    const scopeErrors = found.filter((p) => p.reference === 'permission-scope-required');
    expect(scopeErrors.every((p) => p.class === 'error' && p.file === 'manifest.yml')).toBe(true);
    expect(scopeErrors.map((p) => /'(avi:jira:[^']+)'/.exec(p.message)?.[1]).sort()).toEqual(
      [...jiraEvents].sort(),
    );
    const handler = found.filter((p) => relative('.', p.file) === 'src/forge/index.ts');
    expect(handler.map((p) => p.message).join('\n')).toContain('noSuchExport');
  }, 120_000);
});
