/**
 * An incident's places in words, in the packaged Chromium after a harness scan: field names (not
 * ids), history entries and comments with their author and date, and each issue's summary beside
 * its key, fetched as the viewer through the bridge's requestJira and masked where it holds the
 * secret. Screenshot: test-artifacts/admin-incident-places.png.
 */
import { describe, expect, it } from 'vitest';
import { placesSite } from '../incidents/places-site.js';
import { ARTIFACTS, useBrowserApp } from './browser.js';

const { fixture, token } = placesSite();
/** OPS-1's summary holds the secret too: the page must show it masked. */
const site = fixture as { issues: { key: string; fields: Record<string, unknown> }[] };
const ops1 = site.issues.find((i) => i.key === 'OPS-1');
const ops8 = site.issues.find((i) => i.key === 'OPS-8');
if (!ops1 || !ops8) throw new Error('the example site changed');
ops1.fields.summary = `Payments deploy used ${token}`;

const app = useBrowserApp({ fixture, historicalScan: true });

describe("an incident's places in Chromium", () => {
  it('reads as words, with summaries beside the keys and the secret masked', async () => {
    const page = await app.open('/admin');
    await page.getByRole('tab', { name: 'Incidents' }).click();
    const row = page.locator('#admin-panel-incidents tbody tr', { hasText: 'ghp_' }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.locator('button').first().click();
    const places = page.getByRole('table', { name: 'Where the secret appears' });
    await places.waitFor();
    const summary = String(ops8.fields.summary).trim();
    // Names and summaries arrive after the places: wait for the last of them.
    await expect
      .poll(async () => places.innerText(), { timeout: 20_000, interval: 250 })
      .toContain('Payments deploy used ghp_');
    await expect.poll(async () => places.innerText(), { timeout: 10_000 }).toContain(summary);
    const text = await places.innerText();
    for (const where of [
      'Customer reference (custom field)',
      'Description, old value, changed by Raj Patel on 30 Nov 2026',
      'Comment by Raj Patel on 30 Nov 2026',
      'Worklog by Mia Chen on 29 Nov 2026',
      'Summary',
    ])
      expect(text).toContain(where);
    expect(text).not.toContain('customfield_10042');
    expect(await page.locator('body').innerText()).not.toContain(token);
    await page.screenshot({ path: `${ARTIFACTS}admin-incident-places.png`, fullPage: true });
    await page.close();
  }, 90_000);
});
