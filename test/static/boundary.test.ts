// The UI bundle holds no backend code and reaches the platform through @forge/bridge only: the
// lint rule that says so fires where it must and stays quiet where it must not.
import { describe, expect, it } from 'vitest';
import { ruleIds as lint } from '../lint/lint-text.js';

const FILE = 'static/admin/src/format.ts';
const ruleIds = (text: string) => lint(FILE, text);

describe('Custom UI import boundary', () => {
  it('refuses backend code but takes its types', async () => {
    const value =
      "import { IGNORE_REASONS } from '../../../src/incidents/model.js';\nexport const x = IGNORE_REASONS;\n";
    const types =
      "import type { Incident } from '../../../src/incidents/model.js';\nexport type X = Incident;\n";
    expect(await ruleIds(value)).toContain('@typescript-eslint/no-restricted-imports');
    expect(await ruleIds(types)).toEqual([]);
  });

  it('allows @forge/bridge and no other Forge package', async () => {
    const bridge = "import { view } from '@forge/bridge';\nexport const x = view;\n";
    const api = "import api from '@forge/api';\nexport const x = api;\n";
    expect(await ruleIds(bridge)).toEqual([]);
    expect(await ruleIds(api)).toContain('@typescript-eslint/no-restricted-imports');
  });
});
