/**
 * The resolvers answer only their own names. @forge/resolver looks a functionKey up with `in` on
 * a plain object, so `constructor` or `toString` would reach Object.prototype: no access check,
 * and `constructor` hands the invocation context straight back. Run through the bundled app on
 * the local Forge runtime, the way the harness and the pages invoke resolvers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PAGE,
  bundleApp,
  createHarness,
  PROJECT_PAGE,
  type Harness,
} from '../../dev/harness/harness.js';
import { generateSite } from '../../dev/site-gen/generate.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    fixture: generateSite({ issues: 5, seed: 'resolver-names' }).fixture,
    appFile: await bundleApp(),
  });
}, 60_000);
afterAll(() => {
  h.close();
});

const INHERITED = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
];
const project = (): { extension: { project: { key: string } } } => ({
  extension: { project: { key: h.sim.site.projects[0]?.key ?? 'OPS' } },
});
const pages = [
  ['adminResolver', ADMIN_PAGE],
  ['projectResolver', PROJECT_PAGE],
] as const;

describe.each(pages)('%s', (_, page) => {
  const call = (functionKey: string, accountId?: string) =>
    h.runtime.resolver(
      page,
      functionKey,
      {},
      {
        ...(accountId !== undefined ? { accountId } : {}),
        ...(page === PROJECT_PAGE ? project() : {}),
      },
    );

  it.each(INHERITED)(
    'answers not-found to the inherited name %s, echoing no context',
    async (name) => {
      // As a site admin (who passes every check) and signed out (who passes none).
      for (const who of [h.admin, undefined]) {
        const r = await call(name, who);
        expect(r).toEqual({
          ok: false,
          error: { code: 'not-found', message: expect.any(String) as string },
        });
        const text = JSON.stringify(r);
        expect(text).not.toContain(h.admin);
        expect(text).not.toContain('ari:cloud'); // the installContext
        expect(text).not.toContain('context');
      }
    },
  );

  it('answers an unknown name the same way, without echoing hostile input unbounded', async () => {
    expect(await call('noSuchCall', h.admin)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no resolver noSuchCall' },
    });
    const r = (await call(`<img src=x onerror=alert(1)>${'a'.repeat(10_000)}`, h.admin)) as {
      error: { code: string; message: string };
    };
    expect(r.error.code).toBe('not-found');
    expect(r.error.message.length).toBeLessThan(100);
    expect(r.error.message).not.toContain('<');
  });

  it('still answers its own names', async () => {
    expect(await call('listIncidents', h.admin)).toMatchObject({ ok: true });
  });
});
