/**
 * `npm start`'s server: the Custom UI build with the bridge shim, resolver calls answered by the
 * real app on the local runtime, queues running in the background.
 */
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
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

// Fixture text is whatever a site holds: these must show as text on the pages, never run.
const EVIL_NAME = '<script>alert(1)</script>"\'';
const EVIL_ACCOUNT = '"><img src=x onerror=alert(2)>';
const EVIL_PROJECT = '"><script>alert(3)</script>';

beforeAll(async () => {
  const site = generateSite({ issues: 60, seed: 'start' }).fixture;
  const fixture = {
    ...site,
    users: [...site.users, { accountId: EVIL_ACCOUNT, displayName: EVIL_NAME, groups: [] }],
    projects: site.projects.map((p, i) => (i === 0 ? { ...p, name: EVIL_PROJECT } : p)),
  };
  h = await createHarness({ fixture, appFile: await bundleApp() });
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

/** A raw request with Node's http module: Host and Origin are ours to set, unlike fetch's. */
function send(o: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string }> {
  const u = new URL(local.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method: o.method ?? 'GET',
        path: o.path,
        headers: o.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const port = (): string => new URL(local.url).port;
const JSON_TYPE = { 'content-type': 'application/json' };
const invocations = (): number =>
  Object.values(h.runtime.stats()).reduce((n, f) => n + f.invocations, 0);
/** A resolver call as the admin page makes it, with the given headers. */
const invokeWith = (headers: Record<string, string>) =>
  send({
    method: 'POST',
    path: '/__invoke',
    headers,
    body: JSON.stringify({
      moduleKey: 'secret-scanner-admin',
      accountId: h.admin,
      functionKey: 'listScans',
      payload: {},
    }),
  });

describe('npm start, against other sites and hostile fixtures', () => {
  it('shows fixture names, keys and account ids on the index page as text', async () => {
    const index = (await send({ path: '/' })).body;
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;');
    expect(index).toContain('&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(index).toContain(`/admin?as=${encodeURIComponent(EVIL_ACCOUNT)}`);
    expect(index).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
  });

  it('shows the chosen account id inside the page script as data', async () => {
    // `$\`` would make String.replace paste the page's own head back in.
    const as = '</script><script>alert(4)</script>$`';
    const admin = (await send({ path: `/admin?as=${encodeURIComponent(as)}` })).body;
    expect(admin).not.toContain('<script>alert(4)');
    expect(admin.match(/<!doctype/gi)).toHaveLength(1);
    const context = /const context = (.*);/.exec(admin)?.[1] ?? '';
    expect(JSON.parse(context)).toMatchObject({ accountId: as });
  });

  it('runs resolver calls sent as application/json only: no cross-site form or text/plain post', async () => {
    const before = invocations();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      expect((await invokeWith({ 'content-type': type })).status, type).toBe(415);
    }
    expect((await invokeWith({})).status).toBe(415);
    expect(invocations()).toBe(before);
    expect((await invokeWith({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(
      200,
    );
    expect((await send({ path: '/__invoke' })).status).toBe(405);
  });

  it("answers the bridge's requestJira as the page's user, reads only", async () => {
    const jira = (body: object, headers: Record<string, string> = JSON_TYPE) =>
      send({ method: 'POST', path: '/__jira', headers, body: JSON.stringify(body) });
    const issue = h.sim.site.issues()[0];
    const ask = {
      product: 'jira',
      method: 'GET',
      restPath: `/rest/api/3/issue/${issue?.id ?? ''}?fields=summary`,
    };
    const r = await jira({ ...ask, accountId: h.admin });
    expect(r.status, r.body).toBe(200);
    const answer = JSON.parse(r.body) as { status: number; body: string };
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ fields: { summary: issue?.fields.summary } });
    // The simulator knows who asks: an account it does not know is not let in.
    const stranger = JSON.parse((await jira({ ...ask, accountId: 'nobody' })).body) as {
      status: number;
    };
    expect(stranger.status).toBe(401);
    expect((await jira({ ...ask, accountId: h.admin, method: 'DELETE' })).status).toBe(403);
    expect((await jira({ ...ask, accountId: h.admin, restPath: '/secure/x' })).status).toBe(400);
    expect(
      (await jira({ ...ask, accountId: h.admin }, { 'content-type': 'text/plain' })).status,
    ).toBe(415);
  });

  it('answers only requests addressed to itself on loopback (no DNS rebinding)', async () => {
    const before = invocations();
    for (const host of [
      'evil.example',
      `evil.example:${port()}`,
      'localhost:1',
      `10.0.0.1:${port()}`,
    ]) {
      expect((await invokeWith({ ...JSON_TYPE, host })).status, host).toBe(421);
      expect((await send({ path: '/', headers: { host } })).status, host).toBe(421);
      expect((await send({ path: '/admin', headers: { host } })).status, host).toBe(421);
    }
    expect(invocations()).toBe(before);
    for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`, `[::1]:${port()}`]) {
      expect((await invokeWith({ ...JSON_TYPE, host })).status, host).toBe(200);
      expect((await send({ path: '/', headers: { host } })).status, host).toBe(200);
    }
  });

  it('cannot be framed by another site', async () => {
    for (const path of ['/', '/admin', '/project/OPS']) {
      const r = await fetch(`${local.url}${path}`);
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
    }
  });

  it('refuses requests from pages of another origin', async () => {
    const before = invocations();
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:1`,
      `https://127.0.0.1:${port()}`,
    ]) {
      expect((await invokeWith({ ...JSON_TYPE, origin })).status, origin).toBe(403);
      expect((await send({ path: '/admin', headers: { origin } })).status, origin).toBe(403);
    }
    expect(invocations()).toBe(before);
    expect((await invokeWith({ ...JSON_TYPE, origin: local.url })).status).toBe(200);
    expect(
      (
        await invokeWith({
          ...JSON_TYPE,
          host: `localhost:${port()}`,
          origin: `http://localhost:${port()}`,
        })
      ).status,
    ).toBe(200);
  });

  it('listens on loopback only', async () => {
    expect(new URL(local.url).hostname).toBe('127.0.0.1');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    if (!outside) return; // no other interface to try on this machine
    const r = await new Promise<string>((resolve) => {
      const req = request({ host: outside.address, port: port(), path: '/', timeout: 2000 }, () => {
        resolve('answered');
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        resolve(e.code ?? 'error');
      });
      req.on('timeout', () => {
        req.destroy();
        resolve('timeout');
      });
      req.end();
    });
    expect(r).not.toBe('answered');
  });
});
