/**
 * The overview, the figures that lead to the filtered table, the export file, and a screenshot of
 * every page in Jira's light and dark themes (the local page follows `?theme=`, loading
 * Atlassian's token themes as Jira does), in the packaged Chromium over the real app on the local
 * runtime, after a historical scan.
 * Screenshots go to test-artifacts/screenshots/ (listed in the README), the exported files beside.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../dev/site-gen/generate.js';
import { ARTIFACTS, useBrowserApp } from './browser.js';

const artifacts = ARTIFACTS;
const shots = `${artifacts}screenshots/`;
const site = generateSite({ issues: 80, seed: 'overview-e2e' });
/** An app access rule on WEB; three OPS issues behind a security level only the admins are in. */
const BLOCKED = 'WEB';
const LEVELLED = ['OPS-1', 'OPS-2', 'OPS-3'];
const fixture = {
  ...site.fixture,
  // The app's user is in no group: it sees neither levelled issues nor restricted comments.
  app: { groups: [] },
  projects: site.fixture.projects.map((p) =>
    p.key === BLOCKED ? { ...p, appAccessBlocked: true } : p,
  ),
  issues: site.fixture.issues.map((i) =>
    LEVELLED.includes(i.key)
      ? { ...i, security: { name: 'Security team', groups: ['jira-admins-acme'] } }
      : i,
  ),
};
/** What the app can read: neither the blocked project's issues nor the levelled ones. */
const readable = fixture.issues.filter(
  (i) => !i.key.startsWith(`${BLOCKED}-`) && !LEVELLED.includes(i.key),
).length;
const app = useBrowserApp({ fixture });

interface Listed {
  id: string;
  severity: string;
  project_keys: string[];
}

/** Every incident the filter lists, through the admin resolver. */
async function listAll(filter: Record<string, string>): Promise<Listed[]> {
  const out: Listed[] = [];
  let cursor: string | undefined;
  do {
    const r = (await app.h.call('listIncidents', {
      filter,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    })) as { data: { items: Listed[]; cursor?: string } };
    out.push(...r.data.items);
    cursor = r.data.cursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await app.h.call('startScan', {});
  // The background queue runs the scan (expect.poll exists only inside a test).
  for (let waited = 0; ; waited += 250) {
    const r = (await app.h.call('listScans')) as { data: { status: string }[] };
    if (r.data[0]?.status === 'done') break;
    if (waited > 60_000) throw new Error(`the scan did not end: ${JSON.stringify(r.data[0])}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

const adminPage = (theme = 'light') => `/admin?theme=${theme}`;

/** A page at 1280 x 900, as the site admin. */
async function open(path: string): Promise<Page> {
  return app.open(path, { viewport: { width: 1280, height: 900 } });
}

describe('the overview in Chromium', () => {
  it('shows where the open risk is after a historical scan', async () => {
    const page = await open(adminPage());
    const severity = page.getByRole('region', { name: 'Open by severity' });
    await severity.waitFor({ timeout: 20_000 });
    const triggered = await listAll({ status: 'TRIGGERED' });
    expect(triggered.length).toBeGreaterThan(0);
    const headline = await page.locator('.overview-headline').innerText();
    expect(headline).toContain(`${String(triggered.length)} open incident`);
    // Per severity, the figures the table will show.
    for (const sev of ['critical', 'high', 'medium', 'low']) {
      const n = triggered.filter((i) => i.severity === sev).length;
      const figure = severity.getByRole('button', {
        name: `${String(n)} triggered incidents, severity ${sev}: show them`,
      });
      expect(await figure.count()).toBe(n > 0 ? 1 : 0);
    }
    // A real chart: 12 bars, an axis title, week labels (a group: its bars are links).
    const chart = page.getByRole('group', { name: /^Incidents found per week/ });
    expect(await chart.locator('rect.chart-bar').count()).toBe(12);
    expect(await chart.locator('text.chart-label').count()).toBe(13);
    const monitoring = await page.getByRole('region', { name: 'Monitoring' }).innerText();
    expect(monitoring).toContain(`${String(readable)} issues in 3 projects`);
    await page.close();
  }, 60_000);

  it('follows a bar of the chart to the incidents first seen that week', async () => {
    const page = await open(adminPage());
    const bar = page.getByRole('link', { name: /found: show them$/ }).last();
    await bar.waitFor({ timeout: 20_000 });
    const [, n] =
      /: (\d+) found: show them$/.exec((await bar.getAttribute('aria-label')) ?? '') ?? [];
    await bar.click();
    const panel = page.locator('#admin-panel-incidents');
    const from = panel.getByLabel('First seen from (UTC)');
    await expect.poll(async () => from.inputValue()).toMatch(/^\d{4}-\d\d-\d\d$/);
    const firstSeenFrom = await from.inputValue();
    const firstSeenTo = await panel.getByLabel('First seen until (UTC)').inputValue();
    // Monday to Sunday, and exactly the incidents the bar counts.
    expect(new Date(`${firstSeenFrom}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(Date.parse(firstSeenTo) - Date.parse(firstSeenFrom)).toBe(6 * 86_400_000);
    const wanted = await listAll({ firstSeenFrom, firstSeenTo });
    expect(wanted).toHaveLength(Number(n));
    await expect
      .poll(async () => panel.locator('table tbody tr').count(), { timeout: 20_000 })
      .toBe(Math.min(wanted.length, 25));
    await page.close();
  }, 60_000);

  it('says what Jira keeps from the app, and counts it on "Check coverage"', async () => {
    const page = await open(adminPage());
    const unread = page.getByRole('region', { name: 'What could not be read' });
    await unread.waitFor({ timeout: 20_000 });
    // Recorded at the start of the scan.
    await expect
      .poll(async () => (await unread.innerText()).replace(/\s+/g, ' '))
      .toContain(
        `1 project kept from apps by an app access rule (data security policy): ${BLOCKED}`,
      );
    await unread.getByRole('button', { name: 'Check coverage' }).click();
    await expect
      .poll(async () => (await unread.innerText()).replace(/\s+/g, ' '), { timeout: 20_000 })
      .toContain(`1 project hidden from the app · app access rule: ${BLOCKED}`);
    const text = (await unread.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(
      `${String(LEVELLED.length)} issues you see and the app does not, of which ${String(LEVELLED.length)} behind a security level`,
    );
    expect(text).toMatch(/\d+ comments? restricted to a group or role the app is not in/);
    expect(text).toContain('the least that is hidden');
    await page.screenshot({ path: `${shots}admin-overview-coverage-light.png`, fullPage: true });
    await page.close();
  }, 60_000);

  it('follows a figure to the incidents table with its filter applied, and exports it', async () => {
    const page = await open(adminPage());
    const projects = page.getByRole('region', { name: 'Open by project' });
    await projects.waitFor({ timeout: 20_000 });
    const figure = projects.getByRole('button', { name: /triggered incidents, project/ }).first();
    const label = (await figure.getAttribute('aria-label')) ?? '';
    const [, count, key] = /^(\d+) triggered incidents, project (\w+)/.exec(label) ?? [];
    await figure.click();
    const panel = page.locator('#admin-panel-incidents');
    await expect
      .poll(async () => panel.getByLabel('Project', { exact: true }).inputValue())
      .toBe(key);
    expect(await panel.getByLabel('Status', { exact: true }).inputValue()).toBe('TRIGGERED');
    const rows = panel.locator('table tbody tr');
    await expect
      .poll(async () => rows.count(), { timeout: 20_000 })
      .toBe(Math.min(Number(count), 25));
    expect((await rows.allInnerTexts()).every((t) => t.includes(key ?? '?'))).toBe(true);
    await page.screenshot({
      path: `${shots}admin-incidents-from-overview-light.png`,
      fullPage: true,
    });

    // The export holds what the filter selects: masked previews and fingerprints, no secret.
    const wanted = await listAll({ status: 'TRIGGERED', projectKey: key ?? '' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const file = `${artifacts}${download.suggestedFilename()}`;
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^secret-scanner-incidents-[\d-]+\.csv$/);
    const csv = readFileSync(file, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,detector,detector_name,family,secret_preview,secret_hash,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(wanted.map((i) => i.id).sort());
    for (const p of site.truth.planted) expect(csv).not.toContain(p.secret);
    await panel.getByText(/incidents? saved as secret-scanner-incidents-/).waitFor();

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const jsonFile = `${artifacts}${json.suggestedFilename()}`;
    await json.saveAs(jsonFile);
    const parsed = JSON.parse(readFileSync(jsonFile, 'utf8')) as { incidents: Listed[] };
    expect(parsed.incidents.map((i) => i.id).sort()).toEqual(wanted.map((i) => i.id).sort());
    await page.close();
  }, 60_000);
});

describe('every page in the light and dark themes', () => {
  // The page's background: Jira's surface token in each theme (white; #1F1F21 in dark).
  const SURFACE = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 33)' };

  for (const theme of ['light', 'dark'] as const) {
    it(`screenshots the admin tabs, an incident and the project page (${theme})`, async () => {
      const page = await open(adminPage(theme));
      await page.getByRole('region', { name: 'Open by severity' }).waitFor({ timeout: 20_000 });
      await expect
        .poll(async () => page.evaluate('getComputedStyle(document.body).backgroundColor'))
        .toBe(SURFACE[theme]);
      expect(await page.evaluate('document.documentElement.dataset.colorMode')).toBe(theme);
      await page.screenshot({ path: `${shots}admin-overview-${theme}.png`, fullPage: true });
      for (const [tab, ready] of [
        ['Incidents', '#admin-panel-incidents table tbody tr'],
        ['Perimeter', '#admin-panel-perimeter .switch'],
        ['Historical scan', '#admin-panel-scan table'],
        ['Settings', '#admin-panel-settings .detector-family'],
      ] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await page.locator(ready).first().waitFor({ timeout: 20_000 });
        const name = tab.toLowerCase().replace(/ /g, '-');
        // Settings lists every detector family: taller than Chromium can capture whole.
        await page.screenshot({
          path: `${shots}admin-${name}-${theme}.png`,
          fullPage: tab !== 'Settings',
        });
      }
      await page.getByRole('tab', { name: 'Incidents' }).click();
      await page.locator('#admin-panel-incidents table tbody tr button').first().click();
      await page
        .getByRole('link', { name: /Open in Jira/ })
        .first()
        .waitFor();
      await page.screenshot({ path: `${shots}admin-incident-${theme}.png`, fullPage: true });
      await page.close();

      const project = await open(`/project/PAY?theme=${theme}`);
      await project.getByRole('region', { name: 'Open by severity' }).waitFor({ timeout: 20_000 });
      expect(await project.getByRole('region', { name: 'Open by project' }).count()).toBe(0);
      await project.screenshot({ path: `${shots}project-overview-${theme}.png`, fullPage: true });
      await project.getByRole('tab', { name: 'Incidents' }).click();
      await project.locator('#project-panel-incidents table tbody tr').first().waitFor();
      await project.screenshot({ path: `${shots}project-incidents-${theme}.png`, fullPage: true });
      await project.close();
    }, 90_000);
  }
});
