/**
 * The Notify action in a real browser (the packaged Chromium, see browser.ts), over the real app
 * on the local runtime and the Jira simulator: an admin turns notifications on, opens an incident
 * found in one issue, reads what to do about it, and Notify sends exactly one notification, which
 * the simulator records (it refuses one holding a secret or a masked preview). Screenshots go to
 * test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../dev/site-gen/generate.js';
import { ARTIFACTS, useBrowserApp } from './browser.js';

const app = useBrowserApp({
  fixture: generateSite({ issues: 40, seed: 'e2e-notify' }).fixture,
  historicalScan: true,
});

interface Listed {
  id: string;
  occurrences_count: number;
  secret_preview: string;
  detector: { display_name: string };
}
interface Detail {
  guidance?: { url: string };
  occurrences: { presence: string; location: { issueId?: string; issueKey?: string } }[];
}

/** An incident of the first page whose only place is in an issue, still there. */
async function incidentInOneIssue(): Promise<Listed> {
  const page = (await app.h.call('listIncidents', {})) as { data: { items: Listed[] } };
  for (const i of page.data.items) {
    if (i.occurrences_count !== 1) continue;
    const d = (await app.h.call('getIncident', { id: i.id })) as { data: Detail };
    const [o] = d.data.occurrences;
    if (o?.presence === 'present' && o.location.issueId !== undefined && d.data.guidance) return i;
  }
  throw new Error('no incident with a single place in an issue on the first page');
}

describe('notifying the people involved, in Chromium', () => {
  it('sends exactly one notification through Jira when an admin uses Notify', async () => {
    const incident = await incidentInOneIssue();
    const page = await app.open('/admin');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Notify the people involved' }).click();
    await page.getByText('Notifications are on.').waitFor();

    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page
      .getByRole('button', {
        name: `Open ${incident.detector.display_name} ${incident.secret_preview}`,
      })
      .click();
    await page.getByRole('heading', { name: 'What to do' }).waitFor();
    const link = page.getByRole('link', { name: /The provider's instructions/ });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    expect(app.h.sim.notifications).toHaveLength(0);

    await page.getByRole('button', { name: 'Notify the people involved' }).click();
    await page.getByText('Jira is emailing the people involved in 1 place.').waitFor();
    await page.getByText(/: the reporter/).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}admin-incident-notified.png`, fullPage: true });
    expect(app.h.sim.notifications).toHaveLength(1);
    const [sent] = app.h.sim.notifications;
    expect(sent?.textBody).toContain(incident.detector.display_name);
    expect(`${sent?.subject} ${sent?.textBody} ${sent?.htmlBody}`).not.toContain(
      incident.secret_preview,
    );

    // Again: the place was notified already, so nothing more is sent.
    await page.getByRole('button', { name: 'Notify the people involved' }).click();
    await page.getByText(/Nobody new to notify/).waitFor();
    expect(app.h.sim.notifications).toHaveLength(1);
    await page.close();
  }, 90_000);
});
