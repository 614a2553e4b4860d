/**
 * Validity check runs: a queue consumer re-checks the incidents still `valid` or
 * `failed_to_check`, reading each place again from Jira; checkpointed, re-queued, within a per-run
 * budget and per-provider limits; nothing at all when checks are off.
 */
import { describe, expect, it } from 'vitest';
import {
  currentCheckRun,
  getCheckRun,
  restartStalledCheckRun,
  runCheckRunEvent,
  startCheckRun,
} from '../../src/admin/check-run.js';
import type { Incident } from '../../src/incidents/model.js';
import type { IncidentStore } from '../../src/incidents/store.js';
import { createApp } from './app-harness.js';
import { ANTHROPIC, GITHUB, scanWith } from './validity-app.js';

const ON = [{ validityChecks: { enabled: true } }];

async function all(store: IncidentStore): Promise<Incident[]> {
  const out: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listIncidents({}, 100, cursor);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

describe('check runs', () => {
  it('re-check valid and failed_to_check incidents across invocations, and leave the others', async () => {
    const { app, sim, hosts, byDetector } = await scanWith(ON);
    const before = (await all(app.deps.store)).filter(
      (i) => i.validity === 'valid' || i.validity === 'failed_to_check',
    );
    const revoked = byDetector('anthropic-api-key').find((i) => i.validity === 'invalid');
    expect(before.length).toBeGreaterThanOrEqual(3);
    // Since the scan: the GitHub token was revoked, Anthropic no longer rate-limits.
    sim.set(GITHUB, 'revoked');
    sim.set(ANTHROPIC[1] as string, 'live');
    const sent = hosts.length;
    const started = await startCheckRun(app.deps, { concurrency: 1 });
    if (!started.ok) throw new Error(started.error);
    // Three steps per invocation: the run spans several, each re-queuing the next.
    const invocations = await app.drainCheckRuns(3);
    expect(invocations).toBeGreaterThan(2);
    const run = await getCheckRun(app.deps, started.run.id);
    expect(run).toMatchObject({
      status: 'done',
      counters: { checked: before.length, deferred: 0 },
    });
    expect(hosts.length - sent).toBe(before.length);
    const after = await all(app.deps.store);
    const byId = (id: string) => after.find((i) => i.id === id);
    for (const i of before)
      expect((byId(i.id)?.validity_checked_at ?? '') > started.run.startedAt).toBe(true);
    expect(byDetector('github-pat').map((i) => byId(i.id)?.validity)).toEqual(['invalid']);
    expect(byDetector('slack-bot-token').map((i) => byId(i.id)?.validity)).toEqual(['valid']);
    expect(
      byDetector('anthropic-api-key')
        .map((i) => byId(i.id)?.validity)
        .sort(),
    ).toEqual(['invalid', 'valid']);
    // An invalid incident is not re-checked.
    expect(byId(revoked?.id ?? '')?.validity_checked_at).toBe(revoked?.validity_checked_at);
    // The snapshot's id pages are gone; no secret is stored.
    const stored = [...app.docs.data.keys()];
    expect(stored.filter((k) => k.includes(':ids:'))).toEqual([]);
    expect(JSON.stringify([after, [...app.docs.data.entries()]])).not.toContain(GITHUB);
  });

  it('keep to the per-run budget and the per-provider share, deferring the rest', async () => {
    const { app, hosts } = await scanWith(ON);
    const sent = hosts.length;
    const started = await startCheckRun(app.deps, { maxChecks: 2, perProvider: 1 });
    if (!started.ok) throw new Error(started.error);
    await app.drainCheckRuns();
    const run = await getCheckRun(app.deps, started.run.id);
    expect(run?.snapshot.total).toBe(2);
    const perHost = new Map<string, number>();
    for (const h of hosts.slice(sent)) perHost.set(h, (perHost.get(h) ?? 0) + 1);
    for (const n of perHost.values()) expect(n).toBe(1);
    expect((run?.counters.checked ?? 0) + (run?.counters.deferred ?? 0)).toBe(2);
  });

  it('stop sending to a provider that answers 429 for the rest of the run', async () => {
    const { app, sim, hosts } = await scanWith(ON);
    sim.set(ANTHROPIC[1] as string, 'rate_limited');
    const sent = hosts.length;
    const started = await startCheckRun(app.deps, { concurrency: 1 });
    if (!started.ok) throw new Error(started.error);
    await app.drainCheckRuns();
    const run = await getCheckRun(app.deps, started.run.id);
    expect(run?.rateLimited).toEqual(['anthropic']);
    expect(hosts.slice(sent).filter((h) => h === 'api.anthropic.com')).toHaveLength(1);
  });

  it('do nothing when checks are off, and a stale or duplicate event does nothing', async () => {
    const off = createApp();
    expect(await startCheckRun(off.deps)).toEqual({ ok: false, error: 'validity checks are off' });
    const { app, hosts } = await scanWith(ON);
    const started = await startCheckRun(app.deps);
    if (!started.ok) throw new Error(started.error);
    expect(await startCheckRun(app.deps)).toMatchObject({ ok: false });
    const sent = hosts.length;
    const [event] = app.pushes.checkRun;
    if (!event) throw new Error('no event');
    await app.drainCheckRuns();
    // The same event delivered again: its step is past.
    expect(await runCheckRunEvent(app.deps, event, { nowMs: () => 0, softDeadlineMs: 1 })).toEqual({
      kind: 'stopped',
    });
    expect((await currentCheckRun(app.deps))?.status).toBe('done');
    expect(hosts.length).toBeGreaterThan(sent);
    expect(await restartStalledCheckRun(app.deps, 0)).toBe(false);
  });
});
