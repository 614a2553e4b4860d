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

describe('the incident API token and a new address', () => {
  /** Every request the app sends anywhere, with the token it carried. */
  function recording() {
    const sent: { origin: string; auth: string | undefined }[] = [];
    const server = createIncidentApiServer({ token: TOKEN });
    const fetch: Parameters<typeof runDelivery>[1] = (url, init) => {
      sent.push({ origin: new URL(url).origin, auth: init.headers.Authorization });
      return server.fetch(url, init);
    };
    return { sent, fetch };
  }

  it('is deleted when the address moves to another host, and nothing carries it there', async () => {
    const { app } = await configuredApp();
    const { sent, fetch } = recording();
    app.setIncidentApiFetch(fetch);
    await app.admin('startScan', JANE, {});
    await app.drainScans();
    const queued = app.pushes.delivery.length;

    const moved = await app.admin('updateSettings', JANE, {
      incidentApiUrl: 'https://other.example.net/x',
    });
    expect(moved).toMatchObject({
      ok: true,
      data: { incidentApiUrl: 'https://other.example.net/x', incidentApiTokenSet: false },
    });
    expect(await app.secrets.get('incident-api-token')).toBeUndefined();
    // No re-delivery to the new host until its own token is set.
    expect(app.pushes.delivery).toHaveLength(queued);
    expect(await app.admin('testIncidentApi', JANE)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await runDelivery(app.deps, fetch)).toEqual({ kind: 'not-configured' });
    expect(sent.filter((r) => r.auth?.includes(TOKEN))).toEqual([]);
    expect(sent.filter((r) => r.origin === 'https://other.example.net')).toEqual([]);

    // A token for the new host starts the re-delivery of every incident.
    expect(
      await app.admin('setIncidentApiToken', JANE, { token: 'token-for-the-new-host' }),
    ).toMatchObject({ ok: true, data: { incidentApiTokenSet: true } });
    expect(await app.deps.outbox.count()).toBe(10);
  });

  it('is deleted when forwarding stops, and kept when only the path changes', async () => {
    const { app } = await configuredApp();
    expect(
      await app.admin('updateSettings', JANE, { incidentApiUrl: 'https://gg.example.com/v2/' }),
    ).toMatchObject({ ok: true, data: { incidentApiTokenSet: true } });
    expect(await app.secrets.get('incident-api-token')).toBe(TOKEN);
    // Another port or scheme is another origin.
    expect(
      await app.admin('updateSettings', JANE, { incidentApiUrl: 'https://gg.example.com:8443/v2' }),
    ).toMatchObject({ ok: true, data: { incidentApiTokenSet: false } });
    await app.admin('setIncidentApiToken', JANE, { token: TOKEN });
    expect(await app.admin('updateSettings', JANE, { incidentApiUrl: null })).toMatchObject({
      ok: true,
      data: { incidentApiUrl: null, incidentApiTokenSet: false },
    });
    expect(await app.secrets.get('incident-api-token')).toBeUndefined();
    // Other settings leave it alone.
    await app.admin('updateSettings', JANE, { incidentApiUrl: 'https://gg.example.com' });
    await app.admin('setIncidentApiToken', JANE, { token: TOKEN });
    expect(await app.admin('updateSettings', JANE, { excludedProjects: ['PAY'] })).toMatchObject({
      ok: true,
      data: { incidentApiTokenSet: true },
    });
  });
});
