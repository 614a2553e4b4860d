// The Forge globals: KVS calls in both shapes @forge/kvs sends reach the emulation, other
// platform calls go to the harness's route, and uninstalling restores what was there.
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultRuntime,
  installForgeGlobals,
  type ForgeFetch,
  type ForgeGlobals,
} from '../../../dev/forge-runtime/globals.js';

const g = globalThis as Record<string, unknown>;
let installed: ForgeGlobals[] = [];
const install = (...args: Parameters<typeof installForgeGlobals>): ForgeGlobals => {
  const f = installForgeGlobals(...args);
  installed.push(f);
  return f;
};
afterEach(() => {
  for (const f of installed.reverse()) f.uninstall();
  installed = [];
});

const body = (o: unknown): { method: string; body: string } => ({
  method: 'POST',
  body: JSON.stringify(o),
});

describe('installForgeGlobals', () => {
  it('defines __forge_fetch__ and __forge_runtime__, and removes them again', () => {
    expect('__forge_fetch__' in g).toBe(false);
    const forge = install();
    expect(g.__forge_fetch__).toBe(forge.fetch);
    expect(g.__forge_runtime__).toBe(forge.runtime);
    forge.uninstall();
    expect('__forge_fetch__' in g).toBe(false);
    expect('__forge_runtime__' in g).toBe(false);
  });

  it('restores the previous globals, and leaves a later install alone', () => {
    const outer = install();
    const inner = install({ runtime: { aaid: 'acc-1' } });
    expect(g.__forge_runtime__).toMatchObject({ aaid: 'acc-1' });
    outer.uninstall(); // not the current one: nothing changes
    expect(g.__forge_fetch__).toBe(inner.fetch);
    inner.uninstall();
    expect(g.__forge_fetch__).toBe(outer.fetch);
  });

  it('routes both KVS call shapes to the emulation', async () => {
    const forge = install();
    const fetch = g.__forge_fetch__ as ForgeFetch;
    const set = await fetch(
      { type: 'kvs', provider: 'app', remote: 'kvs' },
      '/api/v1/set',
      body({ key: 'k', value: 1 }),
    );
    expect(set.status).toBe(204);
    // With runtime.kvs.{url,host}, @forge/kvs sends {type:'kvs'} with bearer and host headers.
    const get = await fetch({ type: 'kvs' }, '/api/v1/get', {
      ...body({ key: 'k' }),
      headers: { Authorization: 'Bearer t', Host: 'kvs.local' },
    });
    expect(await get.json()).toMatchObject({ key: 'k', value: 1 });
    expect(forge.kvs.calls.map((c) => c.path)).toEqual(['/api/v1/set', '/api/v1/get']);
  });

  it('sends other calls to the route, or rejects them clearly', async () => {
    const seen: string[] = [];
    install({
      route: (target, path) => {
        seen.push(`${target.type} ${path}`);
        return Promise.resolve(new Response('{}', { status: 200 }));
      },
    });
    const fetch = g.__forge_fetch__ as ForgeFetch;
    expect((await fetch({ type: 'fpp', remote: 'jira' }, '/rest/api/3/myself')).status).toBe(200);
    expect(seen).toEqual(['fpp /rest/api/3/myself']);
    install();
    const bare = g.__forge_fetch__ as ForgeFetch;
    await expect(bare({ type: 'sql' }, '/api/v1/execute')).rejects.toThrow(/no route for sql/);
  });

  it('gives a runtime with what @forge/api reads', () => {
    const runtime = defaultRuntime();
    expect(runtime.appContext.permissions.scopes).toContain('storage:app');
    expect(runtime.lambdaContext.getRemainingTimeInMillis()).toBeGreaterThan(0);
    runtime.metrics.timing('x').measure().stop();
    runtime.metrics.counter('x').incr();
    expect(defaultRuntime({ contextAri: 'ari:cloud:jira::site/abc' }).contextAri).toBe(
      'ari:cloud:jira::site/abc',
    );
  });
});
