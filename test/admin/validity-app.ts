/**
 * The app with validity checks over the provider simulator, for the tests of its handlers: the
 * example site's secrets of providers with a checker, Forge's egress rule, and a historical scan
 * with the given settings.
 */
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createProviderSim, type ProviderSim } from '../../dev/provider-sim/sim.js';
import { egressHost, hostAllowed, loadManifest } from '../../dev/forge-runtime/manifest.js';
import type { Incident } from '../../src/incidents/model.js';
import type { ValidityFetch } from '../../src/validity/index.js';
import { createApp, JANE } from './app-harness.js';

// The example site's secrets of providers with a checker.
export const GITHUB = ['ghp', 'kb8yAHaAUQrwYCmqDJRQXL1jwdNz190FcJTc'].join('_');
export const SLACK = ['xoxb', '964567908429-9047250122581-0idZgrfhhKRDvjMFN8Euvw3p'].join('-');
export const ANTHROPIC = [
  'sk-ant-api03-1luyt9V5iNQ_f2GHINQWgnjcIjbAJYo1cLEx8W-q0uK0Llv5IY5EbcC5D2TNNw280S77XUudYBo25lmomT-HMA5Vxv56JAA',
  'sk-ant-api03-jyE3XJbpWWyPdKL5rsNu8D3WwgPirqCSTHPkJ_xEfUf6VyfV9VMse3xsaKQHY2WTCl1B_W4qFEvnPtmaRNis2gmOkfoISAA',
];

export const declared = loadManifest(
  fileURLToPath(new URL('../../manifest.yml', import.meta.url)),
).egress.map(egressHost);

/** Forge's rule: a host manifest.yml does not declare gets a 403 and nothing is sent. */
export function egress(sim: ProviderSim): { fetch: ValidityFetch; hosts: string[] } {
  const hosts: string[] = [];
  return {
    hosts,
    fetch: (url, init) => {
      const host = new URL(url).hostname;
      hosts.push(host);
      if (!hostAllowed(host, declared))
        return Promise.resolve({
          status: 403,
          headers: new Headers(),
          text: () => Promise.resolve(''),
        });
      return sim.fetch(url, init);
    },
  };
}

export const never = (): AbortSignal => new AbortController().signal;

export async function scanWith(settingsPatch: unknown[]) {
  const sim = createProviderSim();
  sim.set(GITHUB, 'live');
  sim.set(SLACK, 'live');
  sim.set(ANTHROPIC[0] as string, 'revoked');
  sim.set(ANTHROPIC[1] as string, 'rate_limited');
  const e = egress(sim);
  const app = createApp(undefined, { validity: { fetch: e.fetch, deadline: never } });
  for (const p of settingsPatch)
    expect(await app.admin('updateSettings', JANE, p)).toMatchObject({ ok: true });
  await app.admin('startScan', JANE, {});
  await app.drainScans();
  const incidents: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.deps.store.listIncidents({}, 100, cursor);
    incidents.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const byDetector = (id: string) => incidents.filter((i) => i.detector.name === id);
  return { app, sim, hosts: e.hosts, incidents, byDetector };
}
