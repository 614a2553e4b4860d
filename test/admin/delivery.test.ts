import { describe, expect, it } from 'vitest';
import { createIncidentApiServer } from '../../dev/incident-api/server.js';
import { runDelivery } from '../../src/admin/delivery.js';
import { createApp, JANE } from './app-harness.js';

const TOKEN = 'gg-test-token-0123456789';

async function configuredApp() {
  const app = createApp();
  const server = createIncidentApiServer({ token: TOKEN });
  app.setIncidentApiFetch(server.fetch);
  await app.admin('updateSettings', JANE, { incidentApiUrl: 'https://gg.example.com' });
  await app.admin('setIncidentApiToken', JANE, { token: TOKEN });
  return { app, server };
}

describe('incident delivery', () => {
  it('stores nothing to send while no incident API is configured', async () => {
    const app = createApp();
    await app.admin('startScan', JANE, {});
    await app.drainScans();
    expect(await app.deps.outbox.count()).toBe(0);
    expect(app.pushes.delivery).toEqual([]);
  });

  it('sends every incident once, in its latest state, through an API that is down for a while', async () => {
    const { app, server } = await configuredApp();
    await app.admin('startScan', JANE, {});
    await app.drainScans();
    expect(await app.deps.outbox.count()).toBe(10);
    // Changes within 20 s share one queued delivery run: far fewer runs than incidents.
    expect(app.pushes.delivery.length).toBeGreaterThan(0);
    expect(app.pushes.delivery.length).toBeLessThan(4);

    server.setMode({ kind: 'unavailable', status: 503 });
    const fetch = (url: string, init: Parameters<typeof server.fetch>[1]) =>
      server.fetch(url, init);
    const down = await runDelivery(app.deps, fetch);
    expect(down).toMatchObject({ kind: 'requeued', delivered: 0 });
    expect(await app.deps.outbox.count()).toBe(10);

    // An admin acts meanwhile: the latest state is what arrives.
    const page = await app.deps.store.listIncidents({}, 1);
    const first = page.items[0];
    if (!first) throw new Error('no incident');
    await app.admin('incidentAction', JANE, {
      id: first.id,
      action: { type: 'ignore', reason: 'low_risk' },
    });

    server.setMode({ kind: 'normal' });
    app.advance(2 * 3600_000);
    const up = await runDelivery(app.deps, fetch);
    expect(up).toMatchObject({ kind: 'idle', delivered: 10 });
    expect(await app.deps.outbox.count()).toBe(0);
    const held = server.incidents();
    expect(held).toHaveLength(10);
    expect(held.find((i) => i.id === first.id)).toMatchObject({
      status: 'IGNORED',
      ignore_reason: 'low_risk',
    });
    expect(held.reduce((n, i) => n + i.occurrences.length, 0)).toBe(10);
  });

  it('tests the connection from the admin page, and says when the token is wrong', async () => {
    const { app, server } = await configuredApp();
    expect(await app.admin('testIncidentApi', JANE)).toEqual({
      ok: true,
      data: { reachable: true },
    });
    server.setMode({ kind: 'unauthorized' });
    expect(await app.admin('testIncidentApi', JANE)).toMatchObject({
      ok: true,
      data: { reachable: false, kind: 'auth' },
    });
  });
});
