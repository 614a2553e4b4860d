/**
 * "Check now" in a real browser (the packaged Chromium, see browser.ts) over the real app on the
 * local runtime, its checker egress answered by the provider simulator: an incident a historical
 * scan found `valid` reads `Invalid` once its token is revoked and the admin clicks "Check now".
 * Screenshots go to test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { createProviderSim } from '../../dev/provider-sim/sim.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';
import { ARTIFACTS, useBrowserApp } from './browser.js';

// The example site's GitHub token.
const GITHUB = ['ghp', 'kb8yAHaAUQrwYCmqDJRQXL1jwdNz190FcJTc'].join('_');

const providerSim = createProviderSim();
providerSim.set(GITHUB, 'live');
const app = useBrowserApp({
  fixture: readJson(EXAMPLE_SITE),
  providerSim,
  checkValidity: true,
  historicalScan: true,
});

describe('validity in Chromium', () => {
  it('"Check now" updates the badge of an incident whose token was revoked since the scan', async () => {
    const page = await app.open('/admin');
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
    await page.screenshot({ path: `${ARTIFACTS}admin-check-now.png`, fullPage: true });
    // One request, to GitHub, for this incident only.
    expect(providerSim.log.slice(sent).map((l) => l.host)).toEqual(['api.github.com']);
    expect(await page.locator('body').innerText()).not.toContain(GITHUB);
    await page.close();
  }, 90_000);
});
