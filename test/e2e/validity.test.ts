/**
 * "Check now" in a real browser (the packaged Chromium, see browser.ts) over the real app on the
 * local runtime, its checker egress answered by the provider simulator: an incident a historical
 * scan found `valid` reads `Invalid` once its token is revoked and the admin clicks "Check now".
 * Screenshots go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, createHarness, type Harness } from '../../dev/harness/harness.js';
import { startLocal } from '../../dev/harness/start.js';
import { createProviderSim } from '../../dev/provider-sim/sim.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';
import { launchChromium } from './browser.js';

// The example site's GitHub token.
const GITHUB = ['ghp', 'kb8yAHaAUQrwYCmqDJRQXL1jwdNz190FcJTc'].join('_');

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const providerSim = createProviderSim();
let h: Harness;
let local: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  providerSim.set(GITHUB, 'live');
  h = await createHarness({
    fixture: readJson(EXAMPLE_SITE),
    appFile: await bundleApp(),
    providerSim,
    checkValidity: true,
  });
  await h.historicalScan();
  local = await startLocal(h, 0);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await local.close();
  h.close();
});

describe('validity in Chromium', () => {
  it('"Check now" updates the badge of an incident whose token was revoked since the scan', async () => {
    const page = await browser.newPage();
    await page.goto(`${local.url}/admin?as=${encodeURIComponent(h.admin)}`);
    await page.getByRole('heading', { name: 'Secret Scanner' }).waitFor();
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page
      .getByRole('button', { name: /^Open GitHub personal access token \(classic\)/ })
      .first()
      .click();
    const badge = page.locator('dt:has-text("Validity") + dd').first();
    await expect.poll(async () => badge.innerText(), { timeout: 10_000 }).toMatch(/^valid\b/i);
    const sent = providerSim.log.length;
    providerSim.set(GITHUB, 'revoked');
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('Validity checked.').waitFor();
    await expect.poll(async () => badge.innerText(), { timeout: 10_000 }).toMatch(/^invalid\b/i);
    await page.screenshot({ path: `${artifacts}admin-check-now.png`, fullPage: true });
    // One request, to GitHub, for this incident only.
    expect(providerSim.log.slice(sent).map((l) => l.host)).toEqual(['api.github.com']);
    expect(await page.locator('body').innerText()).not.toContain(GITHUB);
    await page.close();
  }, 90_000);
});
