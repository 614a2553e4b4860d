/**
 * The incident list as a triage tool, in Chromium over the real app on the local runtime: the
 * total of the current filters, severity first, search, bulk ignore with a confirmation, and
 * where focus goes after each action (`document.activeElement`), and who the assignee picker
 * offers (only people who can see the incident; a forged assignment is refused). Every view is checked with
 * axe-core and fails on any violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../dev/site-gen/generate.js';
import { ASSIGNABLE_NOBODY } from '../../static/admin/src/incidents/assignable.js';
import { useBrowserApp } from './browser.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const app = useBrowserApp({
  fixture: generateSite({ issues: 80, seed: 'triage' }).fixture,
  historicalScan: true,
});

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core on the page as it is now; any violation fails the test, named. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  // Strings, not functions: this file is type-checked without the DOM's types.
  if (!(await page.evaluate<boolean>("'axe' in window")))
    await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate<AxeResult>('axe.run()');
  const found = result.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(found, `${view}: ${found.join('\n')}`).toEqual([]);
}

interface Focused {
  readonly tag: string;
  readonly label: string;
  readonly text: string;
}

/** What has focus: its tag, its aria-label and its text. */
const focused = (page: Page) =>
  page.evaluate<Focused>(`(() => {
    const el = document.activeElement;
    return {
      tag: el ? el.tagName : '',
      label: (el && el.getAttribute('aria-label')) || '',
      text: el ? el.textContent.trim() : '',
    };
  })()`);

interface ListAnswer {
  data: {
    items: { id: string; severity: string; status: string }[];
    total: { count: number; capped: boolean };
  };
}

const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** The incidents tab's panel (the overview's tables sit in the DOM too, hidden, once visited). */
const INCIDENTS = '[id$="-panel-incidents"]';
const ROWS = `${INCIDENTS} tbody tr`;

async function openAdmin(): Promise<Page> {
  const page = await app.open('/admin', { viewport: { width: 1280, height: 900 } });
  await page.getByRole('heading', { name: 'Secret Scanner' }).waitFor();
  const tab = page.getByRole('tab', { name: 'Incidents' });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.locator(ROWS).first().waitFor({ timeout: 20_000 });
  return page;
}

describe('the incident list in Chromium', () => {
  it('has an accessibility check that fails on a violation', async () => {
    const page = await openAdmin();
    await page.evaluate(`document.body.append(document.createElement('img'))`);
    const failed = await expectAccessible(page, 'planted violation').then(
      () => '',
      (e: unknown) => String(e),
    );
    expect(failed).toContain('image-alt');
    await page.close();
  }, 60_000);

  it('shows the total, sorts by severity first, searches, and is accessible', async () => {
    const server = (await app.h.call('listIncidents', {
      filter: { sort: 'severity' },
    })) as ListAnswer;
    const total = server.data.total.count;
    expect(total).toBeGreaterThan(25); // enough for a second page
    const page = await openAdmin();
    await page.getByText(`Showing 25 of ${total.toLocaleString('en-US')} incidents.`).waitFor();
    // Severity first: the ranks of the rows shown never go up.
    const severities = await page
      .locator(`${INCIDENTS} tbody tr td:nth-child(9) .lozenge`)
      .allInnerTexts();
    const ranks = severities.map((s) => RANK[s.toLowerCase()] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(RANK[server.data.items[0]?.severity ?? '']);
    await expectAccessible(page, 'incident list');

    // Search by detector name: every row shown is that detector, and the total follows.
    const detector = (
      await page.locator(`${INCIDENTS} tbody tr td:nth-child(2) button`).first().innerText()
    )
      .trim()
      .slice(0, 6);
    await page.getByRole('searchbox', { name: 'Search' }).fill(detector);
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    const found = (await app.h.call('listIncidents', {
      filter: { sort: 'severity', search: detector },
    })) as ListAnswer;
    const n = found.data.total.count;
    await page
      .getByText(
        n > 25
          ? `Showing 25 of ${n.toLocaleString('en-US')} incidents that match these filters.`
          : `${n} incident${n === 1 ? ' matches' : 's match'} these filters.`,
      )
      .waitFor();
    await expectAccessible(page, 'searched list');
    await page.close();
  }, 120_000);

  it('ignores ticked rows after a confirmation, each row answering, focus following', async () => {
    const page = await openAdmin();
    await page.getByLabel('Status', { exact: true }).selectOption('TRIGGERED');
    await page.getByText(/match these filters/).waitFor();
    const rows = page.locator(ROWS);
    const ids: string[] = [];
    for (const n of [0, 1]) {
      await rows.nth(n).getByRole('checkbox').check();
      const label =
        (await rows.nth(n).locator('td:nth-child(2) button').getAttribute('aria-label')) ?? '';
      ids.push(label);
    }
    const bar = page.getByRole('group', { name: 'Act on the selected incidents' });
    await bar.getByText('2 incidents selected').waitFor();
    await bar.getByLabel('Reason to ignore the selected').selectOption('test_credential');
    await bar.getByRole('button', { name: 'Ignore', exact: true }).click();
    // The confirmation takes focus; nothing has changed yet.
    await page.getByText(/Ignore 2 incidents as “Test credential”\?/).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Confirm' });
    await expectAccessible(page, 'bulk confirmation');
    const before = (await app.h.call('listIncidents', {
      filter: { status: 'IGNORED' },
      limit: 100,
    })) as ListAnswer;
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('2 changed.').waitFor();
    // The outcome has focus, and each row says what happened to it.
    expect((await focused(page)).text).toBe('2 changed.');
    for (const n of [0, 1])
      expect(await rows.nth(n).innerText()).toContain('Ignored: test credential.');
    const after = (await app.h.call('listIncidents', {
      filter: { status: 'IGNORED' },
      limit: 100,
    })) as ListAnswer;
    expect(after.data.items.length).toBe(before.data.items.length + 2);
    await expectAccessible(page, 'bulk outcome');
    await page.close();
  }, 120_000);

  it('keeps focus on the sort header, moves it to the first new row, and to an action result', async () => {
    const page = await openAdmin();
    const header = page.getByRole('columnheader', { name: /Last seen/ });
    await header.getByRole('button').click();
    await expect.poll(async () => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Last seen/);
    // Load more: focus on the first row that was added.
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(async () => page.locator(ROWS).count()).toBeGreaterThan(25);
    const first = await page
      .locator(ROWS)
      .nth(25)
      .locator('td:nth-child(2) button')
      .getAttribute('aria-label');
    await expect.poll(async () => (await focused(page)).label).toBe(first);
    // An incident: Resolve is replaced by Reopen, and focus goes to the result.
    await page.getByLabel('Status', { exact: true }).selectOption('TRIGGERED');
    await page.getByText(/match these filters/).waitFor();
    await page.locator(ROWS).first().locator('td:nth-child(2) button').click();
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    await expectAccessible(page, 'incident view');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Resolved.').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Resolved.');
    await expectAccessible(page, 'incident view after an action');
    await page.close();
  }, 120_000);

  it('offers as assignees only people who can see the incident, and refuses a forged one', async () => {
    // No team group is chosen: Jira's admins, and each project's one admin, see its incidents.
    const { users, projects } = app.h.sim.site;
    const administers = (id: string) => projects.filter((p) => p.admins?.includes(id));
    const first = (name: string) => name.split(' ')[0] ?? name;
    const allowedWords = users
      .filter((u) => u.siteAdmin || administers(u.accountId).length > 0)
      .flatMap((u) => u.displayName.toLowerCase().split(' '));
    const admin = users.find((u) => u.accountId === app.h.admin);
    // Jira knows them, but they see no incident, and their name finds no one who does.
    const outsider = users.find(
      (u) =>
        !u.siteAdmin &&
        administers(u.accountId).length === 0 &&
        !allowedWords.some((w) => w.startsWith(first(u.displayName).toLowerCase())),
    );
    if (!admin || !outsider) throw new Error('the generated site has an admin and others');
    const page = await openAdmin();
    await page.getByLabel('Status', { exact: true }).selectOption('TRIGGERED');
    await page.getByText(/match these filters/).waitFor();
    await page.locator(ROWS).first().locator('td:nth-child(2) button').click();
    const picker = page.getByRole('combobox', { name: 'Assign to' });
    await picker.fill(first(outsider.displayName));
    await page.getByText(ASSIGNABLE_NOBODY).first().waitFor();
    const list = page.getByRole('listbox', {
      name: 'Assign to: matching people',
      includeHidden: true,
    });
    expect(await list.getByRole('option', { includeHidden: true }).count()).toBe(0);
    await expectAccessible(page, 'assignee picker with no one to offer');
    await picker.fill(first(admin.displayName));
    const offered = page.getByRole('option', { name: admin.displayName });
    await offered.waitFor();
    await expectAccessible(page, 'assignee picker');
    await offered.click();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(`Assigned to ${admin.displayName}.`).waitFor();

    // The one incident assigned in this file; its project's admin is offered too.
    const assigned = (await app.h.call('listIncidents', {
      filter: { status: 'ASSIGNED' },
    })) as { data: { items: { id: string; project_keys: string[] }[] } };
    expect(assigned.data.items).toHaveLength(1);
    const { id, project_keys: keys } = assigned.data.items[0] ?? { id: '', project_keys: [] };
    const projectAdmin = users.find((u) =>
      keys.every((k) => administers(u.accountId).some((p) => p.key === k)),
    );
    if (keys.length === 1) {
      if (!projectAdmin) throw new Error(`no one administers ${keys[0] ?? ''}`);
      await picker.fill(projectAdmin.displayName);
      await page.getByRole('option', { name: projectAdmin.displayName }).waitFor();
    }

    // A page that sends the outsider anyway (what a tampered page could send through the bridge).
    const forged = await page.evaluate<{ ok: boolean; error?: { message: string } }>(
      `window.__bridge.callBridge('invoke', { functionKey: 'incidentAction', payload: ${JSON.stringify(
        { id, action: { type: 'assign', assigneeId: outsider.accountId } },
      )} })`,
    );
    expect(forged).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: expect.stringMatching(
          new RegExp(
            `^${outsider.displayName} cannot see this incident: make them an admin of ${keys[0] ?? ''}`,
          ),
        ) as string,
      },
    });
    const after = (await app.h.call('getIncident', { id })) as {
      data: { incident: { assignee_id?: string } };
    };
    expect(after.data.incident.assignee_id).toBe(admin.accountId);
    await page.close();
  }, 120_000);

  it('fits a 768 px frame: no sideways scroll of the page, dates on one line', async () => {
    const page = await openAdmin();
    await page.setViewportSize({ width: 768, height: 900 });
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // One line: a date's box is no taller than its line.
    const tall = await page.evaluate<number>(`[...document.querySelectorAll('tbody td.date time')]
      .filter((t) => t.getBoundingClientRect().height > parseFloat(getComputedStyle(t).lineHeight) * 1.5)
      .length`);
    expect(tall).toBe(0);
    await expectAccessible(page, 'incident list at 768 px');
    await page.close();
  }, 60_000);

  it('has no accessibility violation on the other tabs and the project page', async () => {
    const page = await openAdmin();
    for (const name of ['Historical scan', 'Perimeter', 'Settings']) {
      const tab = page.getByRole('tab', { name });
      if ((await tab.count()) === 0) continue;
      await tab.click();
      await page.waitForLoadState('networkidle');
      await page
        .getByRole('status')
        .filter({ hasText: /Loading/ })
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await expectAccessible(page, `${name} tab`);
    }
    await page.goto(`${app.url}/project/WEB?as=${encodeURIComponent(app.h.admin)}`);
    await page.getByRole('heading', { name: 'Secret findings in WEB' }).waitFor();
    await expectAccessible(page, 'project overview');
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.locator(ROWS).first().waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'project page');
    await page.close();
  }, 120_000);
});
