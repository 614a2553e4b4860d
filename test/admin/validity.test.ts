/**
 * Validity checks through the app's own handlers: off by default (no egress at all), turned on by
 * an admin who reads which hosts receive a secret, per-provider switches, and a historical scan
 * with checks on gives the simulated-live secrets `valid` and the revoked one `invalid`. Egress
 * goes through the manifest's allow-list, as on Forge, to the provider simulator.
 */
import { describe, expect, it } from 'vitest';
import { createProviderSim } from '../../dev/provider-sim/sim.js';
import { hostAllowed } from '../../dev/forge-runtime/manifest.js';
import { applySettingsPatch, DEFAULT_SETTINGS } from '../../src/admin/settings.js';
import type { Incident } from '../../src/incidents/model.js';
import { CHECKERS, checkerFor } from '../../src/validity/index.js';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { seededRandom } from '../../dev/site-gen/prng.js';
import { githubToken } from '../../dev/site-gen/tokens.js';
import type { ForgeEvent } from '../../dev/jira-sim/events.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { onIssueEvent } from '../../src/admin/events.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';
import { createApp, JANE } from './app-harness.js';
import { ANTHROPIC, declared, egress, GITHUB, never, scanWith, SLACK } from './validity-app.js';

describe('validity checks in the app', () => {
  it('are off by default, and a scan then sends nothing anywhere', async () => {
    expect(DEFAULT_SETTINGS.validityChecks).toEqual({
      enabled: false,
      providers: {},
      keepIdentity: false,
    });
    const { hosts, sim, incidents } = await scanWith([]);
    expect(incidents.length).toBeGreaterThan(0);
    expect(hosts).toEqual([]);
    expect(sim.log).toEqual([]);
    for (const i of incidents) expect(i.validity).toBe('not_checked');
  });

  it('with checks on: live secrets are valid and critical, a revoked one invalid, a busy provider failed_to_check', async () => {
    const { byDetector, hosts, incidents, app } = await scanWith([
      { validityChecks: { enabled: true } },
    ]);
    expect(byDetector('github-pat')[0]).toMatchObject({ validity: 'valid', severity: 'critical' });
    expect(byDetector('slack-bot-token')[0]).toMatchObject({
      validity: 'valid',
      severity: 'critical',
    });
    const anthropic = byDetector('anthropic-api-key');
    expect(anthropic.map((i) => i.validity).sort()).toEqual(['failed_to_check', 'invalid']);
    expect(anthropic.find((i) => i.validity === 'failed_to_check')?.validity_reason).toBe(
      'rate_limited',
    );
    // Every other secret with a checker is one the simulated provider never issued: invalid. A
    // secret whose checker needs a partner (a PKCS#8 key: a GCP client_email) and was found
    // without one has nothing to check.
    for (const i of incidents) {
      const checker = checkerFor(i.detector.name);
      if (checker?.partner !== undefined && i.validity === 'no_checker') continue;
      if (checker) {
        expect(i.validity_checked_at).toBeDefined();
        expect(i.validity_details).toBeUndefined(); // identities are not kept unless asked
      } else expect(i.validity, i.detector.name).toBe('no_checker');
    }
    expect(byDetector('sendgrid-api-key')[0]?.validity).toBe('invalid');
    // The admin page lists them by validity.
    const listed = (await app.admin('listIncidents', JANE, { filter: { validity: 'valid' } })) as {
      ok: true;
      data: { items: Incident[] };
    };
    expect(listed.data.items.map((i) => i.detector.name).sort()).toEqual([
      'github-pat',
      'slack-bot-token',
    ]);
    // Only checker hosts were called, each declared in manifest.yml.
    expect(new Set(hosts)).toEqual(
      new Set(
        incidents.flatMap((i) =>
          i.validity_checked_at ? (checkerFor(i.detector.name)?.host ?? []) : [],
        ),
      ),
    );
    expect(hosts).toContain('api.github.com');
    // No secret is stored anywhere.
    const stored = JSON.stringify([incidents, [...app.docs.data.entries()]]);
    for (const s of [GITHUB, SLACK, ...ANTHROPIC]) expect(stored).not.toContain(s);
  });

  it('keeps the owner only when the admin says so, and a provider switched off is not called', async () => {
    const { byDetector, hosts } = await scanWith([
      { validityChecks: { enabled: true, keepIdentity: true } },
      { validityChecks: { provider: { id: 'anthropic', enabled: false } } },
    ]);
    expect(byDetector('github-pat')[0]).toMatchObject({
      validity: 'valid',
      validity_details: 'octocat',
    });
    for (const i of byDetector('anthropic-api-key')) expect(i.validity).toBe('not_checked');
    expect(hosts).not.toContain('api.anthropic.com');
  });

  it('shows the admin each checker host, why, and its switch', async () => {
    const app = createApp();
    const r = (await app.admin('getOverview', JANE)) as {
      ok: true;
      data: { settings: { validityCheckers: { host: string; why: string; enabled: boolean }[] } };
    };
    expect(r.data.settings.validityCheckers.map((c) => c.host)).toEqual(
      CHECKERS.map((c) => c.host),
    );
    for (const c of r.data.settings.validityCheckers) {
      expect(c.why).not.toBe('');
      expect(c.enabled).toBe(false);
    }
  });

  it('validates the switches', () => {
    expect(
      applySettingsPatch(DEFAULT_SETTINGS, {
        validityChecks: { provider: { id: 'nope', enabled: true } },
      }),
    ).toEqual({
      ok: false,
      error: 'no validity checker for "nope"',
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { validityChecks: { enabled: 'yes' } }).ok).toBe(
      false,
    );
    const off = applySettingsPatch(DEFAULT_SETTINGS, {
      validityChecks: { provider: { id: 'github', enabled: false } },
    });
    if (!off.ok) throw new Error(off.error);
    expect(off.value.validityChecks.providers).toEqual({ github: false });
    const on = applySettingsPatch(off.value, {
      validityChecks: { provider: { id: 'github', enabled: true } },
    });
    expect(on.ok && on.value.validityChecks.providers).toEqual({});
  });

  it('every checker host is declared as Forge egress, and an undeclared host is refused', async () => {
    for (const c of CHECKERS) expect(hostAllowed(c.host, declared), c.host).toBe(true);
    const sim = createProviderSim();
    const r = await egress(sim).fetch('https://evil.example/user', {
      method: 'GET',
      headers: {},
      redirect: 'manual',
    });
    expect(r.status).toBe(403);
    expect(sim.log).toEqual([]);
  });

  it('checks a secret pasted in a comment in real time, and sends nothing with checks off', async () => {
    for (const enabled of [true, false]) {
      const events: ForgeEvent[] = [];
      const jira = createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)), {
        onEvent: (e) => events.push(e),
      });
      const sim = createProviderSim();
      // Checksummed like a real one (the detector verifies it offline), and not in the fixture.
      const live = githubToken(seededRandom(12));
      sim.set(live, 'live');
      const e = egress(sim);
      const app = createApp(jira, { validity: { fetch: e.fetch, deadline: never } });
      await app.admin('updateSettings', JANE, { validityChecks: { enabled } });
      const body = {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `token ${live}` }] }],
      };
      const res = await jira.fetch('/rest/api/3/issue/OPS-1/comment', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Sim-Account-Id': JANE },
        body: JSON.stringify({ body }),
      });
      expect(res.status).toBe(201);
      expect(events).toHaveLength(1);
      expect(await onIssueEvent(app.deps, events[0])).toMatchObject({ kind: 'scanned' });
      const page = await app.deps.store.listIncidents({ detector: 'github-pat' }, 100);
      const pasted = page.items.find(
        (i) => i.status === 'TRIGGERED' && i.occurrences_count === 1 && i.last_seen === i.date,
      );
      if (enabled) {
        expect(page.items.some((i) => i.validity === 'valid' && i.severity === 'critical')).toBe(
          true,
        );
        expect(e.hosts).toEqual(['api.github.com']);
      } else {
        expect(pasted?.validity).toBe('not_checked');
        expect(e.hosts).toEqual([]);
      }
    }
  });

  it('"Check now" reads the place again, checks only that secret, and says when it is gone', async () => {
    const events: ForgeEvent[] = [];
    const jira = createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)), {
      onEvent: (e) => events.push(e),
    });
    const sim = createProviderSim();
    const token = githubToken(seededRandom(21));
    sim.set(token, 'live');
    const e = egress(sim);
    const app = createApp(jira, { validity: { fetch: e.fetch, deadline: never } });
    const body = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `token ${token}` }] }],
    };
    const as = { 'content-type': 'application/json', 'X-Sim-Account-Id': JANE };
    const posted = await jira.fetch('/rest/api/3/issue/OPS-1/comment', {
      method: 'POST',
      headers: as,
      body: JSON.stringify({ body }),
    });
    const commentId = (JSON.parse(await posted.text()) as { id: string }).id;
    // Checks off: "Check now" refuses and sends nothing.
    await onIssueEvent(app.deps, events[0]);
    const [incident] = (await app.deps.store.listIncidents({ detector: 'github-pat' }, 10)).items;
    if (!incident) throw new Error('no incident');
    expect(await app.admin('checkValidity', JANE, { id: incident.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(e.hosts).toEqual([]);

    await app.admin('updateSettings', JANE, { validityChecks: { enabled: true } });
    const live = (await app.admin('checkValidity', JANE, { id: incident.id })) as {
      ok: true;
      data: Incident;
    };
    expect(live.data).toMatchObject({ validity: 'valid', severity: 'critical' });
    sim.set(token, 'revoked');
    const revoked = (await app.admin('checkValidity', JANE, { id: incident.id })) as {
      ok: true;
      data: Incident;
    };
    expect(revoked.data).toMatchObject({ validity: 'invalid', severity: 'high' });
    // Only this incident's secret went out: the issue's other secrets were not sent.
    expect(e.hosts).toEqual(['api.github.com', 'api.github.com']);

    // Deleted in Jira (the event not yet handled): the place no longer holds it.
    await jira.fetch(`/rest/api/3/issue/OPS-1/comment/${commentId}`, {
      method: 'DELETE',
      headers: as,
    });
    const gone = (await app.admin('checkValidity', JANE, { id: incident.id })) as {
      ok: true;
      data: Incident;
    };
    expect(gone.data).toMatchObject({
      validity: 'failed_to_check',
      validity_reason: 'no_longer_present',
    });
    expect(e.hosts).toHaveLength(2);
    expect(JSON.stringify(await app.deps.store.getIncident(incident.id))).not.toContain(token);
  });
});
