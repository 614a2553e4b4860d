/**
 * `npm start`'s server: the Custom UI build with the bridge shim, resolver calls answered by the
 * real app on the local runtime, queues running in the background.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, createHarness, type Harness } from '../../../dev/harness/harness.js';
import { startLocal } from '../../../dev/harness/start.js';
import { generateSite } from '../../../dev/site-gen/generate.js';

// The runtime guards the global fetch (the app's egress): the test's own requests use Node's.
const fetch = globalThis.fetch;
const build = fileURLToPath(new URL('../../../static/admin/build/index.html', import.meta.url));
let h: Harness;
let local: { url: string; close(): Promise<void> };

beforeAll(async () => {
  h = await createHarness({
    fixture: generateSite({ issues: 60, seed: 'start' }).fixture,
    appFile: await bundleApp(),
  });
  local = await startLocal(h, 0);
}, 60_000);
afterAll(async () => {
  await local.close();
  h.close();
});

const invoke = async (functionKey: string, payload: unknown = {}, extra: object = {}) => {
  const r = await fetch(`${local.url}/__invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      moduleKey: 'secret-scanner-admin',
      accountId: h.admin,
      functionKey,
      payload,
      ...extra,
    }),
  });
  return (await r.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
};

describe('npm start', () => {
  it('lists a page per fixture user and serves the admin page with the bridge shim', async () => {
    expect(existsSync(build), 'run npm run build first').toBe(true);
    const index = await (await fetch(`${local.url}/`)).text();
    expect(index).toContain(`/admin?as=${encodeURIComponent(h.admin)}`);
    const admin = await (await fetch(`${local.url}/admin`)).text();
    expect(admin).toContain('window.__bridge');
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(admin)?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${local.url}/${asset ?? ''}`)).status).toBe(200);
    expect((await fetch(`${local.url}/assets/../../package.json`)).status).toBe(404);
  });

  it('answers resolver calls with the real app, and runs the scan it starts in the background', async () => {
    const started = await invoke('startScan');
    expect(started).toMatchObject({ ok: true, data: { status: 'running' } });
    let status = 'running';
    for (let i = 0; i < 100 && status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const scans = (await invoke('listScans')) as { data: { status: string }[] };
      status = scans.data[0]?.status ?? 'none';
    }
    expect(status).toBe('done');
    const before = (await invoke('listIncidents', { limit: 100 })) as {
      data: { items: unknown[] };
    };
    expect(before.data.items.length).toBeGreaterThan(0);
    // npm run dev: a rebuilt app is loaded; the stored incidents are still there.
    h.reload(await bundleApp());
    const after = (await invoke('listIncidents', { limit: 100 })) as { data: { items: unknown[] } };
    expect(after.data.items).toEqual(before.data.items);
    // The project page, as someone who may not see it.
    const raj = h.sim.site.users.find(
      (u) => !u.siteAdmin && !u.groups.some((g) => g.startsWith('jira-admins')),
    );
    if (!raj) throw new Error('no plain user');
    const denied = await invoke(
      'listIncidents',
      {},
      { moduleKey: 'secret-scanner-project', accountId: raj.accountId, projectKey: 'OPS' },
    );
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
