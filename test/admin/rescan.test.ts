/**
 * Custom detectors that do not fit in a trigger: the built-in findings are recorded at once, the
 * change goes to the rescan queue, and the consumer scans it whole (issue 15, item 3).
 */
import { describe, expect, it } from 'vitest';
import { textToAdf } from '../../dev/jira-sim/writes.js';
import { onIssueEvent, realtimeSkips, runRescanEvent } from '../../src/admin/events.js';
import { loadSettings, saveSettings } from '../../src/admin/settings.js';
import { createApp, JANE } from './app-harness.js';

const GITHUB = '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'; // valid CRC32
// Priced near the program-size limit (what it might cost), though its prefix makes it fast.
const slowPattern = (i: number): string => `zq${String(i).padStart(2, '0')}_[a-z0-9]{960}`;
const ACME = 'acme_9f3b2c7d1e8a4f60b5d2e1c3a7f9e2d4';
/** What the last slow detector finds: its prefix and 960 seeded random chars. */
const SLOW_19 = `zq19_${Array.from({ length: 960 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[(i * 7919 + ((i * i) % 31)) % 36]).join('')}`;

async function appWithCustomDetectors(count: number) {
  const app = createApp();
  const settings = await loadSettings(app.docs);
  await saveSettings(app.docs, {
    ...settings,
    customDetectors: [
      ...Array.from({ length: count }, (_, i) => ({ name: `Slow ${i}`, pattern: slowPattern(i) })),
      { name: 'Acme', pattern: 'acme_[0-9a-f]{32}' },
    ],
  });
  return app;
}

/** A long comment, as the issue's scenario: filler, an Acme key, a GitHub token at its end. */
function comment(app: ReturnType<typeof createApp>, text: string) {
  const { issue, comment: c } = app.sim.site.addComment('OPS-1', textToAdf(text), JANE);
  return {
    eventType: 'avi:jira:commented:issue',
    issue: { id: issue.id, key: issue.key, fields: { project: { key: 'OPS' } } },
    comment: { id: c.id },
  };
}

const detectorsOf = async (app: ReturnType<typeof createApp>) =>
  (await app.deps.store.listIncidents({}, 100)).items.map((i) => i.detector.name).sort();

describe('custom detectors over a trigger budget', () => {
  it('records the built-in finding at once and hands the custom detectors to the rescan queue', async () => {
    const app = await appWithCustomDetectors(20);
    const text = `${'lorem ipsum dolor '.repeat(1700)} ${SLOW_19} ${ACME} ${GITHUB}`;
    expect(text.length).toBeGreaterThan(30_000);
    const event = comment(app, text);

    const outcome = await onIssueEvent(app.deps, event);
    expect(outcome).toMatchObject({ kind: 'scanned', result: { deferred: true } });
    // The GitHub token is an incident already, and the custom detectors that fitted ran (the
    // small Acme one); the last slow one waits for the queue.
    expect(await detectorsOf(app)).toEqual(['custom-acme', 'github-pat']);
    expect(app.pushes.rescan).toHaveLength(1);
    const skips = await realtimeSkips(app.deps);
    expect(skips.length).toBeGreaterThan(0);
    expect(skips.every((s) => s.deferred === true && s.code === 'over-budget')).toBe(true);
    expect(skips[0]).toMatchObject({
      event: 'comment_upserted',
      location: { issueKey: 'OPS-1', field: 'comment' },
      reason: expect.stringMatching(/^custom-\S+: custom detector not run/) as unknown,
    });
    // Never the content: the queue carries ids, the skips carry places and counts.
    expect(JSON.stringify([app.pushes.rescan, skips])).not.toMatch(/ghp_|acme_9|zq19_/);

    const rescan = await runRescanEvent(app.deps, app.pushes.rescan[0]);
    expect(rescan).toMatchObject({ kind: 'scanned', result: { deferred: false, skipped: 0 } });
    expect(await detectorsOf(app)).toEqual(['custom-acme', 'custom-slow-19', 'github-pat']);
    // A second delivery of the same queue event changes nothing.
    expect(await runRescanEvent(app.deps, app.pushes.rescan[0])).toMatchObject({
      result: { appeared: 0, disappeared: 0 },
    });
  });

  it('does not take a cut scan as proof that a custom finding was removed', async () => {
    const app = await appWithCustomDetectors(0);
    const short = comment(app, `${ACME} and ${GITHUB}`);
    await onIssueEvent(app.deps, short);
    expect(await detectorsOf(app)).toEqual(['custom-acme', 'github-pat']);

    // The same comment edited to be long: now the Acme detector does not fit in the trigger.
    const settings = await loadSettings(app.deps.docs);
    await saveSettings(app.docs, {
      ...settings,
      customDetectors: [
        ...settings.customDetectors,
        ...Array.from({ length: 20 }, (_, i) => ({ name: `Slow ${i}`, pattern: slowPattern(i) })),
      ],
    });
    app.sim.site.editComment(
      'OPS-1',
      short.comment.id,
      textToAdf(`${ACME} and ${GITHUB} ${'lorem ipsum dolor '.repeat(1700)}`),
      JANE,
    );
    const appDeps = { ...app.deps, customWork: { trigger: 1e6 } };
    const r = await onIssueEvent(appDeps, short);
    expect(r).toMatchObject({ result: { deferred: true, disappeared: 0 } });
    const incidents = (await app.deps.store.listIncidents({}, 100)).items;
    expect(incidents.map((i) => [i.detector.name, i.presence]).sort()).toEqual([
      ['custom-acme', 'present'],
      ['github-pat', 'present'],
    ]);
  });

  it('records a skip, and queues nothing more, when even the consumer has no time for it', async () => {
    const app = await appWithCustomDetectors(2);
    const event = comment(app, `${ACME} ${'lorem '.repeat(100)}`);
    const tight = { ...app.deps, customWork: { trigger: 1, consumer: 1 } };
    await onIssueEvent(tight, event);
    expect(app.pushes.rescan).toHaveLength(1);
    const r = await runRescanEvent(tight, app.pushes.rescan[0]);
    expect(r).toMatchObject({ kind: 'scanned', result: { deferred: false, skipped: 3 } });
    expect(app.pushes.rescan).toHaveLength(1);
    const [latest] = await realtimeSkips(app.deps);
    expect(latest).not.toHaveProperty('deferred');
  });

  it('refuses a malformed queue event, saying why', async () => {
    const app = createApp();
    expect(await runRescanEvent(app.deps, { event: { type: 'issue_created' } })).toMatchObject({
      kind: 'skipped',
      reason: expect.stringMatching(/^unexpected rescan event/) as unknown,
    });
    expect((await runRescanEvent(app.deps, null)).kind).toBe('skipped');
  });

  it('tells the admin that a detector saved before the size limit is not run', async () => {
    const app = createApp();
    const settings = await loadSettings(app.docs);
    await saveSettings(app.docs, {
      ...settings,
      customDetectors: [
        { name: 'Acme', pattern: 'acme_[0-9a-f]{32}' },
        { name: 'Letters', pattern: String.raw`(?:\p{L}?){999}\d` },
      ],
    });
    const r = await app.admin('getOverview', JANE);
    expect(r).toMatchObject({
      ok: true,
      data: {
        settings: {
          customDetectorErrors: [
            {
              index: 1,
              error: expect.stringMatching(/^pattern compiles to 2001 instructions/) as unknown,
            },
          ],
        },
      },
    });
    await onIssueEvent(app.deps, comment(app, `${ACME} ${'lorem '.repeat(100)}1`));
    expect(await detectorsOf(app)).toEqual(['custom-acme']);
  });
});
