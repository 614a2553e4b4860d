// The UI and the backend agree: every resolver the UI calls exists on the page it calls it from,
// the lists the UI offers are the backend's, the module keys and build folder are the manifest's,
// and the payloads the UI's client sends are accepted by the real resolvers (wired to the Jira
// simulator, as the Forge adapter wires them to the platform).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ADMIN_RESOLVERS, PROJECT_RESOLVERS } from '../../src/admin/resolvers.js';
import { IGNORE_REASONS } from '../../src/incidents/model.js';
import { createApp, JANE } from '../admin/app-harness.js';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn<(name: string, payload?: unknown) => Promise<unknown>>(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn() },
}));
vi.mock('@forge/bridge', () => bridge);

import { ADMIN_CALLS, adminApi, PROJECT_CALLS, projectApi } from '../../static/admin/src/api';
import { ADMIN_MODULE, PROJECT_MODULE } from '../../static/admin/src/App';
import { localMidnight } from '../../static/admin/src/admin/ScanTab';
import { IGNORE_REASON_LABELS } from '../../static/admin/src/format';
import viteConfig from '../../vite.config';

describe('UI ↔ resolvers contract', () => {
  it.each(ADMIN_CALLS)('admin page call %s is an admin resolver', (name) => {
    expect(Object.hasOwn(ADMIN_RESOLVERS, name)).toBe(true);
  });

  it.each(PROJECT_CALLS)('project page call %s is a project resolver', (name) => {
    expect(Object.hasOwn(PROJECT_RESOLVERS, name)).toBe(true);
  });

  it('the project page calls nothing only the admin page has', () => {
    // Every project call is also checked above; this keeps the lists from drifting apart silently.
    expect(PROJECT_CALLS.filter((n) => !Object.hasOwn(PROJECT_RESOLVERS, n))).toEqual([]);
    expect(Object.keys(PROJECT_RESOLVERS).sort()).toEqual([...PROJECT_CALLS].sort());
  });

  it('offers exactly the ignore reasons the backend accepts', () => {
    expect(Object.keys(IGNORE_REASON_LABELS).sort()).toEqual([...IGNORE_REASONS].sort());
  });

  it('uses the manifest module keys and builds into the admin-ui resource', () => {
    const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
      modules: Record<string, { key: string; resource: string }[]>;
      resources: { key: string; path: string }[];
    };
    const admin = manifest.modules['jira:adminPage']?.[0];
    const project = manifest.modules['jira:projectSettingsPage']?.[0];
    expect(admin?.key).toBe(ADMIN_MODULE);
    expect(project?.key).toBe(PROJECT_MODULE);
    expect(admin?.resource).toBe('admin-ui');
    expect(project?.resource).toBe('admin-ui');
    const resource = manifest.resources.find((r) => r.key === 'admin-ui');
    const config = viteConfig as { root: string; base: string; build: { outDir: string } };
    expect(resolve(config.root, config.build.outDir)).toBe(resolve(resource?.path ?? ''));
    // Forge serves the resource from its own path: asset URLs must be relative.
    expect(config.base).toBe('./');
  });
});

describe("the UI's client against the real resolvers", () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp();
  });
  const asAdmin = () => {
    bridge.invoke.mockImplementation((name, payload) => app.admin(name, JANE, payload));
  };
  const asProject = (key: string) => {
    bridge.invoke.mockImplementation((name, payload) => app.project(name, JANE, key, payload));
  };

  it('every admin payload is accepted', async () => {
    asAdmin();
    const overview = await adminApi.getOverview();
    expect(overview.settings.incidentApiTokenSet).toBe(false);
    const projects = await adminApi.listProjects();
    expect(projects.length).toBeGreaterThan(1);
    const [first, second] = projects;
    if (!first || !second) throw new Error('the example site has projects');

    const excluded = await adminApi.updateSettings({ excludedProjects: [second.key] });
    expect(excluded.excludedProjects).toEqual([second.key]);
    await adminApi.updateSettings({ excludedProjects: [] });
    const [team] = await adminApi.searchGroups('incidents');
    if (!team) throw new Error('the example site has an All-incidents group');
    const withTeam = await adminApi.updateSettings({ teamGroupId: team.groupId });
    expect(withTeam).toMatchObject({ teamGroupId: team.groupId, teamGroupName: 'All-incidents' });
    await adminApi.updateSettings({ incidentApiUrl: 'https://incidents.example.com' });
    expect((await adminApi.setIncidentApiToken('a-token-of-some-length')).incidentApiTokenSet).toBe(
      true,
    );
    // The overview tells that a token is set, never what it is.
    const after = await adminApi.getOverview();
    expect(after.settings.incidentApiTokenSet).toBe(true);
    expect(JSON.stringify(after)).not.toContain('a-token-of-some-length');
    expect((await adminApi.setIncidentApiToken(null)).incidentApiTokenSet).toBe(false);
    await expect(adminApi.testIncidentApi()).rejects.toMatchObject({ code: 'invalid' });

    const detectors = await adminApi.listDetectors();
    const generic = detectors.find((d) => d.generic);
    expect(generic?.enabled).toBe(false);
    await adminApi.updateSettings({ detector: { id: generic?.id ?? '', enabled: true } });
    expect((await adminApi.listDetectors()).find((d) => d.id === generic?.id)?.enabled).toBe(true);

    const secret = `acme_${'k7q2'.repeat(4)}`;
    const tested = await adminApi.testCustomDetector(
      'Acme key',
      'acme_[a-z0-9]{16}',
      `x\nk=${secret}`,
    );
    expect(tested).toMatchObject({ valid: true, matches: [{ line: 2 }] });
    expect(JSON.stringify(tested)).not.toContain(secret);
    expect(await adminApi.testCustomDetector('Bad', '(', '')).toMatchObject({ valid: false });
    await adminApi.updateSettings({
      customDetectors: [{ name: 'Acme key', pattern: 'acme_[a-z0-9]{16}' }],
    });

    const job = await adminApi.startScan({
      projects: [first.key],
      since: localMidnight('2020-01-01'),
    });
    expect(job.projects).toEqual([first.key]);
    expect((await adminApi.getScan(job.id)).id).toBe(job.id);
    expect((await adminApi.controlScan(job.id, 'pause')).status).toBe('paused');
    expect((await adminApi.controlScan(job.id, 'resume')).status).toBe('running');
    await expect(adminApi.startScan({})).rejects.toMatchObject({ code: 'conflict' });
    await app.drainScans();
    expect((await adminApi.listScans())[0]).toMatchObject({ id: job.id, status: 'done' });
    await adminApi.startScan({});
    await app.drainScans();

    const page = await adminApi.listIncidents({ filter: { status: 'TRIGGERED' }, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.cursor).toBeDefined();
    const next = await adminApi.listIncidents({
      filter: { status: 'TRIGGERED' },
      limit: 2,
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
    const one = page.items[0];
    if (!one) throw new Error('the example site has secrets');
    const detail = await adminApi.getIncident(one.id);
    expect(detail.occurrences.length).toBeGreaterThan(0);
    for (const o of detail.occurrences) expect(o.url).toMatch(/^https:\/\//);
    await adminApi.incidentAction(one.id, { type: 'assign', assigneeId: JANE });
    await adminApi.incidentAction(one.id, { type: 'unassign' });
    expect(
      (await adminApi.incidentAction(one.id, { type: 'ignore', reason: 'false_positive' })).status,
    ).toBe('IGNORED');
    await adminApi.incidentAction(one.id, { type: 'reopen' });
    expect((await adminApi.incidentAction(one.id, { type: 'resolve' })).status).toBe('RESOLVED');
    await expect(adminApi.incidentAction(one.id, { type: 'resolve' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await adminApi.getNotice()).text).toMatch(/never stored or shown/);

    // The assignee picker: people who can see the incident by name, then names by id; ids only
    // are stored.
    const found = await adminApi.searchAssignees([one.id], 'jane');
    expect(found).toEqual([{ accountId: JANE, displayName: 'Jane Doe' }]);
    expect(await adminApi.userNames([JANE])).toEqual(found);
    await adminApi.incidentAction(one.id, { type: 'reopen' });
    expect(
      (await adminApi.incidentAction(one.id, { type: 'assign', assigneeId: JANE })).assignee_id,
    ).toBe(JANE);
  });

  it('every project payload is accepted, and a stranger is told plainly', async () => {
    asAdmin();
    await adminApi.startScan({});
    await app.drainScans();
    asProject('PAY');
    expect(await projectApi.getProjectContext()).toEqual({ projectKey: 'PAY' });
    const page = await projectApi.listIncidents({ filter: { presence: 'present' }, limit: 25 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.project_keys.includes('PAY'))).toBe(true);
    const one = page.items[0];
    if (!one) throw new Error('PAY has secrets');
    const detail = await projectApi.getIncident(one.id);
    expect(detail.occurrences.every((o) => o.location.projectKey === 'PAY')).toBe(true);
    expect(
      (await projectApi.incidentAction(one.id, { type: 'ignore', reason: 'test_credential' }))
        .status,
    ).toBe('IGNORED');
    const detectors = await projectApi.filterDetectors();
    expect(detectors.length).toBeGreaterThan(10);
    expect(detectors.every((d) => d.id && d.name && d.family)).toBe(true);
    expect(await adminApi.filterDetectors()).toEqual(detectors);
    expect((await projectApi.searchAssignees([one.id], 'DOE')).map((u) => u.displayName)).toEqual([
      'Jane Doe',
    ]);
    expect(await projectApi.userNames([JANE])).toEqual([
      { accountId: JANE, displayName: 'Jane Doe' },
    ]);

    bridge.invoke.mockImplementation((name, payload) =>
      app.project(name, '712020:0f1e2d3c-4b5a-4697-8877-665544332211', 'PAY', payload),
    );
    await expect(projectApi.getProjectContext()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a failure of the bridge itself becomes an error the views can show', async () => {
    bridge.invoke.mockRejectedValue(new Error('bridge down'));
    await expect(adminApi.listScans()).rejects.toMatchObject({
      code: 'unavailable',
      message: 'the app could not be reached: bridge down',
    });
    bridge.invoke.mockResolvedValue({ unexpected: true });
    await expect(adminApi.listScans()).rejects.toMatchObject({ code: 'unavailable' });
  });
});
