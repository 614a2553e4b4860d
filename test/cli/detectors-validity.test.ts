import { describe, expect, it } from 'vitest';
import { CHECKERS } from '../../src/validity/index.js';
import { runCli } from './cli-io.js';

describe('detectors --format json', () => {
  it('names the validity check host of exactly the detectors that have a checker', async () => {
    const r = await runCli(['detectors', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; validityCheck?: { host: string } }[];
    const withCheck = Object.fromEntries(
      list.flatMap((d) => (d.validityCheck ? [[d.id, d.validityCheck.host]] : [])),
    );
    expect(withCheck).toEqual(
      Object.fromEntries(CHECKERS.flatMap((c) => c.detectors.map((d) => [d, c.host]))),
    );
    expect(list.find((d) => d.id === 'github-pat')?.validityCheck).toEqual({
      host: 'api.github.com',
    });
  });
});
