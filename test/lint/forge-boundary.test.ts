// The one dependency rule (DESIGN.md): only src/forge/ may import @forge/*. Enforced by lint; this
// proves the lint rule really fires where it must and stays quiet where it must not.
import { describe, expect, it } from 'vitest';
import { resolvedConfig, ruleIds as lint } from './lint-text.js';

const code = "import api from '@forge/api';\nexport const x = api;\n";
const ruleIds = (filePath: string, text = code) => lint(filePath, text);

describe('@forge/* import boundary', () => {
  it.each(['src/engine/scan.ts', 'src/cli/main.ts', 'src/detectors/aws.ts', 'bench/bench.ts'])(
    'is an error in %s',
    async (file) => {
      expect(await ruleIds(file)).toContain('no-restricted-imports');
    },
  );
  it('is switched off for src/forge/ only', async () => {
    // No file exists there yet to lint, so read the resolved config instead.
    const config = (await resolvedConfig('src/forge/index.ts')) as {
      rules: Record<string, unknown[]>;
    };
    expect(config.rules['no-restricted-imports']?.[0]).toBe(0);
  });
  it('keeps Node built-ins out of the platform-free core', async () => {
    const nodeImport = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    expect(await ruleIds('src/engine/scan.ts', nodeImport)).toContain('no-restricted-imports');
    expect(await ruleIds('src/cli/main.ts', nodeImport)).not.toContain('no-restricted-imports');
  });
  it('keeps dev/ tooling out of everything under src/, src/forge/ included', async () => {
    const devImport =
      "import { createJiraSimulator } from '../../dev/jira-sim/server.js';\nexport const s = createJiraSimulator;\n";
    const rule = '@typescript-eslint/no-restricted-imports';
    for (const file of ['src/cli/site-command.ts', 'src/forge/index.ts', 'src/engine/scan.ts'])
      expect(await ruleIds(file, devImport), file).toContain(rule);
    expect(await ruleIds('test/cli/cli-io.ts', devImport)).not.toContain(rule);
    expect(await ruleIds('bench/site.ts', devImport.replace('../../', '../'))).not.toContain(rule);
  });
});
