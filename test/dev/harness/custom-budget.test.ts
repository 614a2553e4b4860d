/**
 * The scenario of issue 15 (item 3) on the real app, bundled, on the local Forge runtime: custom
 * detectors that cost a lot per character and a 30,000-character comment ending with a GitHub
 * token. The trigger ends within its limit with the token recorded, the custom detectors it had
 * no time for go to the rescan queue, and nothing is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, createHarness, type Harness } from '../../../dev/harness/harness.js';
import { EXAMPLE_SITE, readJson } from '../../scan/fixture-direct.js';

const GITHUB = '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'; // valid CRC32
/** About 30 µs a character on re2js, just under the program-size limit. */
const HOSTILE = String.raw`(?:\p{L}?){490}\d`;
/** Priced like it (its size) though its literal prefix makes it fast. */
const priced = (i: number): string => `zq${String(i).padStart(2, '0')}_[a-z0-9]{960}`;

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ fixture: readJson(EXAMPLE_SITE), appFile: await bundleApp(), seed: 3 });
}, 60_000);
afterAll(() => {
  h.close();
});

const answer = (r: unknown) => r as { ok: boolean; data?: unknown; error?: { message: string } };

describe('custom detectors that would starve real-time scanning', () => {
  it('cannot be saved with a program over the size limit', async () => {
    const r = answer(
      await h.call('updateSettings', {
        customDetectors: Array.from({ length: 20 }, (_, i) => ({
          name: `Letters ${i}`,
          pattern: String.raw`(?:\p{L}?){999}\d`,
        })),
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/compiles to 2001 instructions, over the limit of 1000/);
  });

  it('leave the trigger in time: the token is recorded, the rest is scanned by the rescan queue', async () => {
    const saved = answer(
      await h.call('updateSettings', {
        customDetectors: [
          { name: 'Letters 1', pattern: HOSTILE },
          { name: 'Letters 2', pattern: HOSTILE },
          ...Array.from({ length: 18 }, (_, i) => ({ name: `Priced ${i}`, pattern: priced(i) })),
        ],
      }),
    );
    expect(saved.ok).toBe(true);
    const body = `${'lorem ipsum dolor '.repeat(1670)}deploy key ${GITHUB}`;
    expect(body.length).toBeGreaterThan(30_000);
    const author = h.admin;
    await h.replay([{ op: 'addComment', issue: 'OPS-1', body, author }]);

    const stats = h.runtime.stats();
    expect(stats['on-issue-event']).toMatchObject({ kills: 0, failures: 0 });
    expect(stats['realtime-rescan-worker']).toMatchObject({
      invocations: 1,
      kills: 0,
      failures: 0,
    });
    const incidents = await h.incidents();
    const token = incidents.find((i) => i.detector.name === 'github-pat');
    expect(token?.occurrences.map((o) => o.location.issueKey)).toContain('OPS-1');

    const skips = answer(await h.call('listRealtimeSkips', {}));
    expect(skips.ok).toBe(true);
    const list = skips.data as {
      deferred?: boolean;
      reason: string;
      location: { field: string };
    }[];
    // The trigger says which custom detectors it left to the queue; the consumer left none.
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => s.deferred === true && s.location.field === 'comment')).toBe(true);
    expect(list.map((s) => s.reason).join('\n')).toMatch(
      /custom-priced-17: custom detector not run/,
    );
    expect(JSON.stringify(list)).not.toContain(GITHUB);
  }, 60_000);
});
