/**
 * Validity checks on the real app, bundled, on the local Forge runtime, its egress answered by the
 * provider simulator: with checks on, a historical scan gives the simulated-live secrets `valid`
 * and the revoked one `invalid`, every request going to a declared checker host; with checks off
 * the runtime's egress log stays empty; an undeclared host is refused by the allow-list.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, createHarness, type Harness } from '../../../dev/harness/harness.js';
import { createProviderSim } from '../../../dev/provider-sim/sim.js';
import { CHECKERS } from '../../../src/validity/index.js';
import { EXAMPLE_SITE, readJson } from '../../scan/fixture-direct.js';

// The example site's secrets of providers with a checker.
const GITHUB = ['ghp', 'kb8yAHaAUQrwYCmqDJRQXL1jwdNz190FcJTc'].join('_');
const SLACK = ['xoxb', '964567908429-9047250122581-0idZgrfhhKRDvjMFN8Euvw3p'].join('-');
const ANTHROPIC =
  'sk-ant-api03-1luyt9V5iNQ_f2GHINQWgnjcIjbAJYo1cLEx8W-q0uK0Llv5IY5EbcC5D2TNNw280S77XUudYBo25lmomT-HMA5Vxv56JAA';

let appFile: string;
beforeAll(async () => {
  appFile = await bundleApp();
}, 120_000);

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

async function scan(checkValidity: boolean) {
  const providerSim = createProviderSim();
  providerSim.set(GITHUB, 'live');
  providerSim.set(SLACK, 'live');
  providerSim.set(ANTHROPIC, 'revoked');
  h = await createHarness({
    fixture: readJson(EXAMPLE_SITE),
    appFile,
    seed: 5,
    providerSim,
    checkValidity,
  });
  await h.historicalScan();
  const incidents = await h.incidents();
  const of = (detector: string) => incidents.filter((i) => i.detector.name === detector);
  return { h, providerSim, incidents, of };
}

describe('validity checks on the local Forge runtime', () => {
  it('with checks on: live secrets valid and critical, the revoked one invalid', async () => {
    const { h, of, providerSim, incidents } = await scan(true);
    expect(of('github-pat')[0]).toMatchObject({ validity: 'valid', severity: 'critical' });
    expect(of('slack-bot-token')[0]).toMatchObject({ validity: 'valid', severity: 'critical' });
    expect(of('anthropic-api-key').map((i) => i.validity)).toContain('invalid');
    const hosts = new Set(CHECKERS.map((c) => c.host));
    expect(h.runtime.egressLog.length).toBeGreaterThan(0);
    for (const e of h.runtime.egressLog) {
      expect(e.allowed).toBe(true);
      expect(hosts.has(e.host), e.host).toBe(true);
    }
    // The secret went where each provider reads it, with nothing else attached.
    for (const r of providerSim.log) {
      expect(r.secretAt).not.toBe('missing');
      expect(r.extraHeaders).toEqual([]);
      expect(r.extraBody).toBe(false);
    }
    for (const s of [GITHUB, SLACK, ANTHROPIC]) expect(JSON.stringify(incidents)).not.toContain(s);
  }, 120_000);

  it('the daily re-check reads each place again: a token revoked since reads invalid', async () => {
    const { h, of, providerSim } = await scan(true);
    const sent = h.runtime.egressLog.length;
    providerSim.set(GITHUB, 'revoked');
    await h.checkRun();
    const after = await h.incidents();
    const github = after.filter((i) => i.detector.name === 'github-pat');
    expect(github).toMatchObject([{ validity: 'invalid', severity: 'high' }]);
    expect(after.find((i) => i.detector.name === 'slack-bot-token')?.validity).toBe('valid');
    // Only incidents still valid or failed_to_check were checked again.
    const rechecked = of('github-pat').length + of('slack-bot-token').length;
    expect(h.runtime.egressLog.length - sent).toBeGreaterThanOrEqual(rechecked);
    expect(h.runtime.stats()['validity-check-worker']?.invocations).toBeGreaterThan(0);
  }, 120_000);

  it('with checks off (the default): no egress at all', async () => {
    const { h, providerSim, incidents } = await scan(false);
    expect(incidents.length).toBeGreaterThan(0);
    await h.checkRun(); // the daily re-check finds checks off: no run
    expect(h.runtime.egressLog).toEqual([]);
    expect(providerSim.log).toEqual([]);
    for (const i of incidents) expect(i.validity).toBe('not_checked');
  }, 120_000);

  it('refuses an undeclared host', async () => {
    const { h } = await scan(false);
    const r = await fetch('https://undeclared.example/user', { headers: { authorization: 'x' } });
    expect(r.status).toBe(403);
    expect(h.runtime.egressLog).toEqual([
      { host: 'undeclared.example', allowed: false, functionKey: undefined },
    ]);
  }, 120_000);

  it('npm run harness -- --check-validity prints validity in its incidents', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const main = fileURLToPath(new URL('../../../dist/dev/harness/main.js', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'harness-validity-'));
    const live = join(dir, 'live.txt');
    writeFileSync(live, `${GITHUB}\n`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        main,
        '--fixture',
        EXAMPLE_SITE,
        '--historical-scan',
        '--check-validity',
        '--live-secrets',
        live,
      ],
      { maxBuffer: 64 * 2 ** 20 },
    );
    const out = JSON.parse(stdout) as {
      incidents: { detector: { name: string }; validity: string }[];
    };
    const of = (d: string) =>
      out.incidents.filter((i) => i.detector.name === d).map((i) => i.validity);
    expect(of('github-pat')).toEqual(['valid']);
    expect(of('slack-bot-token')).toEqual(['invalid']); // not listed as live: unknown to Slack
    expect(stdout).not.toContain(GITHUB);
  }, 120_000);
});
