/**
 * The Custom UI in a real browser (the Chromium shipped in the `@sparticuz/chromium` npm package,
 * driven by playwright-core; see browser.ts), served by `npm start`'s server over the real app on
 * the local runtime: as an admin, start a historical scan and see incidents; as a user without
 * rights, see the access message.
 * Screenshots go to test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../dev/site-gen/generate.js';
import { ARTIFACTS, packageVersion, useBrowserApp } from './browser.js';

const app = useBrowserApp({ fixture: generateSite({ issues: 80, seed: 'e2e' }).fixture });
/** The incidents table's rows (the overview's tables are in another tab panel). */
const ROWS = '#admin-panel-incidents table tbody tr';

describe('the admin and project pages in Chromium', () => {
  it('runs the Chromium that npm ci installed, not one the machine happens to have', () => {
    expect(app.browser.version().split('.')[0]).toBe(packageVersion().split('.')[0]);
  });

  it('lets an admin start a historical scan and see its incidents', async () => {
    const page = await app.open('/admin');
    await page.getByRole('heading', { name: 'Secret Scanner' }).waitFor();
    await page.getByRole('tab', { name: 'Historical scan' }).click();
    await page.getByRole('button', { name: 'Start scan' }).click();
    // The background queue runs the scan; the page shows its progress, then it is done.
    await expect
      .poll(
        async () => {
          const r = (await app.h.call('listScans')) as { data: { status: string }[] };
          return r.data[0]?.status;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe('done');
    await page.screenshot({ path: `${ARTIFACTS}admin-scan.png`, fullPage: true });
    // No reload: the page sees the scan end and shows the new incidents.
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await expect
      .poll(async () => page.locator(ROWS).count(), { timeout: 20_000, interval: 250 })
      .toBeGreaterThan(2);
    await page.screenshot({ path: `${ARTIFACTS}admin-incidents.png`, fullPage: true });
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/\*{4}/); // masked previews only

    // Filter by project, open the first incident, ignore it with a reason.
    const incidents = page.locator('#admin-panel-incidents');
    await incidents.getByLabel('Project', { exact: true }).selectOption('PAY');
    await incidents.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(
        async () => (await page.locator(ROWS).allInnerTexts()).every((t) => t.includes('PAY')),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await page.locator(ROWS).first().locator('button').first().click();
    await page
      .getByRole('link', { name: /Open in Jira/ })
      .first()
      .waitFor();
    // An incident filtered by PAY has a place in PAY (a shared secret may list others first;
    // an attachment's link is not a /browse/ URL): each link names its issue.
    const links = await page.getByRole('link', { name: /Open in Jira/ }).all();
    const names = await Promise.all(links.map(async (l) => (await l.textContent()) ?? ''));
    expect(
      names.some((n) => /\(PAY-\d+, /.test(n)),
      names.join(' | '),
    ).toBe(true);
    const hrefs = await Promise.all(links.map(async (l) => (await l.getAttribute('href')) ?? ''));
    expect(
      hrefs.every((h) => h.startsWith('https://')),
      hrefs.join(' '),
    ).toBe(true);
    await page.getByLabel('Reason to ignore').selectOption('test_credential');
    await page.getByRole('button', { name: 'Ignore' }).click();
    await page.getByText('Ignored: ', { exact: false }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}admin-incident-ignored.png`, fullPage: true });
    await page.close();
  }, 90_000);

  it('lets an admin assign an incident by picking a person by name', async () => {
    // Someone who can see incidents (and so may be assigned one): a member of the team group.
    await app.h.call('updateSettings', { teamGroupId: app.h.sim.site.groupId('All-incidents') });
    const person = app.h.sim.site.users.find(
      (u) => u.accountId !== app.h.admin && u.groups.includes('All-incidents'),
    );
    if (!person) throw new Error('the site has a team member besides the admin');
    const page = await app.open('/admin');
    // The overview opens first; the incidents are the next tab.
    await page.getByRole('tab', { name: 'Incidents' }).click();
    const incidents = page.locator('#admin-panel-incidents');
    await incidents.getByLabel('Status', { exact: true }).selectOption('TRIGGERED');
    await expect
      .poll(async () => page.locator(ROWS).count(), { timeout: 20_000, interval: 250 })
      .toBeGreaterThan(0);
    await page.locator(ROWS).first().locator('button').first().click();
    const picker = page.getByRole('combobox', { name: 'Assign to' });
    // The start of the name, in another case: the simulator searches like Jira.
    await picker.fill(person.displayName.slice(0, 4).toUpperCase());
    await page.getByRole('option', { name: person.displayName }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}admin-assignee-picker.png` });
    await page.getByRole('option', { name: person.displayName }).click();
    await expect.poll(async () => picker.inputValue()).toBe(person.displayName);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(`Assigned to ${person.displayName}.`).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}admin-incident-assigned.png`, fullPage: true });
    // Stored by account id; shown by name, in the incident and in the list.
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain(person.displayName);
    expect(facts).not.toContain(person.accountId);
    const assigned = (await app.h.call('listIncidents', { filter: { status: 'ASSIGNED' } })) as {
      data: { items: { assignee_id?: string }[] };
    };
    expect(assigned.data.items.map((i) => i.assignee_id)).toContain(person.accountId);
    await page.getByRole('button', { name: /Back to incidents/ }).click();
    await incidents.getByLabel('Status', { exact: true }).selectOption('ASSIGNED');
    await expect
      .poll(async () => (await page.locator(ROWS).allInnerTexts()).join('\n'), {
        timeout: 10_000,
      })
      .toContain(`to ${person.displayName}`);
    await page.close();
  }, 60_000);

  it('lets an admin change the perimeter, set the incident API and add a detector, focus staying put', async () => {
    const page = await app.open('/admin');
    /** The focused element's accessible label, else its text. */
    const focused = () =>
      page.evaluate<string>(
        "(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim()",
      );
    await page.getByRole('tab', { name: 'Perimeter' }).click();
    const ops = page.getByRole('switch', { name: 'Monitor OPS' });
    await ops.click();
    // The switch keeps focus while its change is saved, and after.
    expect(await focused()).toBe('Monitor OPS');
    await page.getByText('OPS is no longer monitored.').waitFor();
    expect(await ops.getAttribute('aria-checked')).toBe('false');
    expect(await focused()).toBe('Monitor OPS');
    await page.screenshot({ path: `${ARTIFACTS}admin-perimeter.png`, fullPage: true });
    const settings = (await app.h.call('getOverview')) as {
      data: { settings: { excludedProjects: string[] } };
    };
    expect(settings.data.settings.excludedProjects).toEqual(['OPS']);

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Incident API URL').fill('https://api.gitguardian.com');
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('Address saved.').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}admin-settings.png`, fullPage: true });
    const after = (await app.h.call('getOverview')) as {
      data: { settings: { incidentApiUrl: string } };
    };
    expect(after.data.settings.incidentApiUrl).toBe('https://api.gitguardian.com');

    // A custom detector: once added, focus is on the result (the button was off while saving).
    const custom = page.getByRole('region', { name: 'Custom detectors' });
    await custom.getByLabel('Name', { exact: true }).fill('Acme key');
    await custom.getByLabel('Pattern (RE2)').fill('acme_[a-z0-9]{16}');
    await custom.getByRole('button', { name: 'Add detector' }).click();
    await custom.getByText('Added Acme key.').waitFor();
    await expect.poll(focused).toBe('Added Acme key.');
    await custom.getByRole('cell', { name: 'Acme key', exact: true }).waitFor();
    await page.close();
  }, 60_000);

  it('shows a member of the team only the incidents of the project page they are on', async () => {
    await app.h.call('updateSettings', { teamGroupId: app.h.sim.site.groupId('All-incidents') });
    const member = app.h.sim.site.users.find(
      (u) => !u.siteAdmin && u.groups.includes('All-incidents'),
    );
    if (!member) throw new Error('no team member in the site');
    const page = await app.open('/project/WEB', { as: member.accountId });
    await page.getByRole('heading', { name: 'Secret findings in WEB' }).waitFor();
    await page.getByRole('tab', { name: 'Incidents' }).click();
    const projectRows = '#project-panel-incidents table tbody tr';
    await expect
      .poll(async () => page.locator(projectRows).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const rows = await page.locator(projectRows).allInnerTexts();
    expect(rows.every((t) => t.includes('WEB'))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}project-team.png`, fullPage: true });
    await page.close();
  }, 60_000);

  it('shows a user without rights the access message on a project page', async () => {
    const user = app.h.sim.site.users.find(
      (u) => !u.siteAdmin && !u.groups.some((g) => g.startsWith('jira-admins')),
    );
    if (!user) throw new Error('no plain user in the site');
    const page = await app.open('/project/OPS', { as: user.accountId });
    await page
      .getByText('only administrators of this project', { exact: false })
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTIFACTS}project-denied.png`, fullPage: true });
    await page.close();
  }, 60_000);
});
