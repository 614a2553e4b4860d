// @vitest-environment happy-dom
// The overview tab of both pages: figures that open the incidents table filtered to what they
// count, the weekly chart with its axes and a table for screen readers, the oldest open incidents,
// and the export buttons.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fakeBackend,
  incident,
  INCIDENT_ID,
  occurrence,
  ok,
  overview,
  project,
  type FakeBackend,
} from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn(() => Promise.resolve()) },
}));
vi.mock('@forge/bridge', () => bridge);

import { ApiError } from '../../static/admin/src/api';
import { App } from '../../static/admin/src/App';
import { ExportButtons } from '../../static/admin/src/incidents/ExportButtons';
import { niceScale } from '../../static/admin/src/overview/WeeklyChart';
import type { Coverage, IncidentExport, IncidentFilter } from '../../static/admin/src/types';

function onPage(moduleKey: string, projectKey?: string) {
  bridge.view.getContext.mockResolvedValue({
    moduleKey,
    accountId: '712020:99887766-5544-4332-a211-00ffeeddccbb',
    extension: projectKey ? { project: { key: projectKey } } : {},
  });
}

function serve(b: FakeBackend) {
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const adminBackend = () =>
  serve(
    fakeBackend({
      incidentOverview: () => ok(overview()),
      listProjects: () => ok([project('PAY'), project('OPS')]),
      filterDetectors: () => ok([]),
      listIncidents: () => ok({ items: [incident({ id: INCIDENT_ID })] }),
      getIncident: () =>
        ok({ incident: incident({ id: INCIDENT_ID }), occurrences: [occurrence({ id: 'o1' })] }),
    }),
  );

describe('the overview', () => {
  it('opens the incidents table filtered to exactly what a figure counts', async () => {
    onPage('secret-scanner-admin');
    const b = adminBackend();
    const user = userEvent.setup();
    render(createElement(App));
    const severity = within(await screen.findByRole('region', { name: 'Open by severity' }));
    expect(severity.getByText('Critical')).toBeTruthy();
    // Zero is plain text, not a link.
    const critical = severity.getByRole('row', { name: /Critical/ });
    expect(within(critical).getAllByRole('button')).toHaveLength(1);
    await user.click(
      severity.getByRole('button', { name: '1 triggered incidents, severity critical: show them' }),
    );
    // The incidents tab, filtered, with the filter visible in its controls.
    expect(screen.getByRole('tab', { name: 'Incidents' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)).toEqual({
        filter: { sort: 'severity', status: 'TRIGGERED', severity: 'critical' },
        limit: 25,
      });
    });
    const panel = document.getElementById('admin-panel-incidents') as HTMLElement;
    expect(within(panel).getByLabelText<HTMLSelectElement>('Severity').value).toBe('critical');
    expect(within(panel).getByLabelText<HTMLSelectElement>('Status').value).toBe('TRIGGERED');

    // Back to the overview: a project figure and a detector figure filter by those.
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    const projects = within(await screen.findByRole('region', { name: 'Open by project' }));
    await user.click(
      projects.getByRole('button', { name: '1 assigned incidents, project OPS: show them' }),
    );
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        status: 'ASSIGNED',
        projectKey: 'OPS',
      });
    });
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    const families = within(await screen.findByRole('region', { name: 'Open by detector family' }));
    expect(families.getByText('github').tagName).toBe('TH');
    await user.click(
      families.getByRole('button', {
        name: '2 triggered incidents found by GitHub personal access token: show them',
      }),
    );
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        status: 'TRIGGERED',
        detector: 'github-pat',
      });
    });
  });

  it('opens an oldest open incident itself', async () => {
    onPage('secret-scanner-admin');
    const b = adminBackend();
    const user = userEvent.setup();
    render(createElement(App));
    const oldest = within(await screen.findByRole('region', { name: 'Oldest open incidents' }));
    await user.click(oldest.getByRole('button', { name: 'GitHub personal access token' }));
    await waitFor(() => {
      expect(b.payloads('getIncident')).toEqual([{ id: INCIDENT_ID }]);
    });
  });

  it('draws found per week with axes, labels and the same figures as a table', async () => {
    onPage('secret-scanner-admin');
    adminBackend();
    render(createElement(App));
    const chart = within(
      await screen.findByRole('region', { name: 'Incidents found per week, last 12 weeks' }),
    );
    // Its bars are links, so the chart is a group (a picture would hide them).
    const img = chart.getByRole('group');
    expect(img.getAttribute('aria-label')).toBe(
      'Incidents found per week: 4 in 12 weeks, at most 3 in one week',
    );
    expect(img.querySelectorAll('rect.chart-bar')).toHaveLength(12);
    // The y axis counts 0 to 3 in whole incidents; every week is labelled on the x axis.
    const ticks = [...img.querySelectorAll('.chart-tick text')].map((t) => t.textContent);
    expect(ticks).toEqual(['0', '1', '2', '3']);
    expect(img.querySelectorAll('text.chart-label')).toHaveLength(13); // 12 weeks + the axis title
    const rows = chart.getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(13);
    expect(rows.at(-1)?.textContent).toContain('1');
  });

  it('opens the incidents first seen in a week from its bar, and a family from its total', async () => {
    onPage('secret-scanner-admin');
    const b = adminBackend();
    const user = userEvent.setup();
    render(createElement(App));
    const chart = within(
      await screen.findByRole('region', { name: 'Incidents found per week, last 12 weeks' }),
    );
    // Only weeks with findings are links: 3 found in the week of 23 November, 1 in the next.
    const bars = chart.getAllByRole('link');
    expect(bars).toHaveLength(2);
    await user.click(chart.getByRole('link', { name: /: 3 found: show them$/ }));
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        firstSeenFrom: '2026-11-23',
        firstSeenTo: '2026-11-29',
      });
    });
    const panel = document.getElementById('admin-panel-incidents') as HTMLElement;
    expect(within(panel).getByLabelText<HTMLInputElement>('First seen from (UTC)').value).toBe(
      '2026-11-23',
    );
    expect(within(panel).getByLabelText<HTMLInputElement>('First seen until (UTC)').value).toBe(
      '2026-11-29',
    );

    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    const families = within(await screen.findByRole('region', { name: 'Open by detector family' }));
    await user.click(
      families.getByRole('button', {
        name: '1 assigned incidents found by the github family: show them',
      }),
    );
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        status: 'ASSIGNED',
        family: 'github',
      });
    });
    expect(within(panel).getByLabelText<HTMLSelectElement>('Detector family').value).toBe('github');
  });

  it('says how much is monitored and what could not be read', async () => {
    onPage('secret-scanner-admin');
    adminBackend();
    render(createElement(App));
    const monitoring = await screen.findByRole('region', { name: 'Monitoring' });
    expect(monitoring.textContent).toContain('2 of the 3 the app can see');
    expect(monitoring.textContent).toContain('300 issues in 2 projects');
    expect(monitoring.textContent).toContain('Real-time changes scanned this week7');
    const unread = screen.getByRole('region', { name: 'What could not be read' });
    expect(unread.textContent).toContain('4 Attachments skipped as binary files');
    expect(unread.textContent).toContain('what the app may not see');
    expect(within(unread).getByRole('button', { name: 'Check coverage' })).toBeTruthy();
  });

  it('counts what Jira hides from the app, with reasons and how it was measured, and checks again', async () => {
    onPage('secret-scanner-admin');
    const checked = coverage();
    const b = adminBackend();
    b.on('incidentOverview', () =>
      ok(
        overview({
          hidden: {
            scan: { checkedAt: '2026-11-30T09:00:00.000Z', blocked: ['PAY'] },
            coverage: b.payloads('checkCoverage').length > 0 ? checked : null,
          },
        }),
      ),
    );
    b.on('checkCoverage', () => ok(checked));
    const user = userEvent.setup();
    render(createElement(App));
    const unread = within(await screen.findByRole('region', { name: 'What could not be read' }));
    const text = () =>
      screen
        .getByRole('region', { name: 'What could not be read' })
        .textContent.replace(/\s+/g, ' ');
    expect(text()).toContain('1 project kept from apps by an app access rule');
    expect(text()).toContain(': PAY. Nothing in it was scanned');
    const docs = unread.getByRole('link', { name: /What an app access rule blocks/ });
    expect(docs.getAttribute('href')).toContain('support.atlassian.com');
    await user.click(unread.getByRole('button', { name: 'Check coverage' }));
    await waitFor(() => {
      expect(text()).toContain('2 projects hidden from the app');
    });
    expect(b.payloads('checkCoverage')).toHaveLength(1);
    expect(text()).toContain('app access rule: PAY');
    expect(text()).toContain("the app's user may not browse: SEC");
    expect(text()).toContain(
      '3 issues you see and the app does not, of which 3 behind a security level',
    );
    expect(text()).toContain('in 2 projects');
    expect(text()).toContain('1 comment restricted to a group or role the app is not in');
    expect(text()).toContain('in the 50 issues compared');
    expect(text()).toContain('the least that is hidden');
  });

  it('says when a coverage check fails, and keeps the button', async () => {
    onPage('secret-scanner-admin');
    const b = adminBackend();
    b.on('checkCoverage', () => ({
      ok: false,
      error: { code: 'unavailable', message: 'Jira did not answer the app; try again in a moment' },
    }));
    const user = userEvent.setup();
    render(createElement(App));
    const unread = within(await screen.findByRole('region', { name: 'What could not be read' }));
    await user.click(unread.getByRole('button', { name: 'Check coverage' }));
    await unread.findByText(/Jira did not answer the app/);
    expect(unread.getByRole('button', { name: 'Check coverage' })).toBeTruthy();
  });

  it('on a project page: its own figures, no project breakdown, figures lead to its table', async () => {
    onPage('secret-scanner-project', 'PAY');
    const b = serve(
      fakeBackend({
        getProjectContext: () => ok({ projectKey: 'PAY' }),
        incidentOverview: () => ok(projectOverview()),
        filterDetectors: () => ok([]),
        listIncidents: () => ok({ items: [] }),
      }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    await screen.findByRole('region', { name: 'Open by severity' });
    expect(screen.queryByRole('region', { name: 'Open by project' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Monitoring' }).textContent).toContain('Monitored');
    // Its own coverage figures, and no button: checking coverage is for Jira admins.
    const unread = screen.getByRole('region', { name: 'What could not be read' });
    expect(unread.textContent).toContain(
      '2 issues here an administrator sees and the app does not',
    );
    expect(within(unread).queryByRole('button', { name: 'Check coverage' })).toBeNull();
    await user.click(
      screen.getByRole('button', { name: '1 triggered incidents, severity high: show them' }),
    );
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        status: 'TRIGGERED',
        severity: 'high',
      });
    });
    expect(b.calls.every((c) => !['listProjects', 'getOverview'].includes(c.name))).toBe(true);
  });
});

/** A coverage check of a site with hidden content (see test/dev/jira-sim/sites.ts). */
function coverage(): Coverage {
  return {
    checkedAt: '2026-11-30T10:00:00.000Z',
    hiddenProjects: ['SEC'],
    blockedProjects: ['PAY'],
    compared: [
      { key: 'DOC', adminIssues: 0, appIssues: 0, behindLevel: 0 },
      { key: 'OPS', adminIssues: 130, appIssues: 127, behindLevel: 3 },
    ],
    notCompared: 0,
    hiddenIssues: 3,
    behindLevel: 3,
    comments: { issuesSampled: 50, hidden: 1 },
  };
}

/** What a project page receives: no breakdown by project, nothing of the scan's other projects. */
function projectOverview() {
  const { byProject: _none, ...rest } = overview({
    scope: 'project',
    hidden: {
      scan: null,
      coverage: {
        checkedAt: '2026-11-30T10:00:00.000Z',
        blocked: false,
        project: { key: 'PAY', adminIssues: 12, appIssues: 10, behindLevel: 2 },
      },
    },
    monitoring: {
      monitored: true,
      realtimeEventsThisWeek: 2,
      lastScan: { status: 'done', startedAt: '2026-11-30T09:00:00.000Z' },
    },
  });
  return rest;
}

describe('the chart scale', () => {
  it('rounds the top of the y axis to 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(37)).toEqual({ top: 40, step: 10 });
    expect(niceScale(115)).toEqual({ top: 150, step: 50 });
  });
});

describe('export', () => {
  const file = (over: Partial<IncidentExport> = {}): IncidentExport => ({
    filename: 'secret-scanner-incidents-2026-12-06-08-00-00.csv',
    mimeType: 'text/csv',
    content: 'id\r\n',
    count: 12,
    truncated: false,
    ...over,
  });

  it('asks the server for the current filters and saves the file it builds', async () => {
    const filter: IncidentFilter = { status: 'TRIGGERED', projectKey: 'PAY' };
    const exportIncidents = vi.fn(() => Promise.resolve(file()));
    const save = vi.fn();
    const user = userEvent.setup();
    render(createElement(ExportButtons, { api: { exportIncidents }, filter, save }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(exportIncidents).toHaveBeenCalledWith(filter, 'csv');
    expect(save).toHaveBeenCalledWith(file());
    expect((await screen.findByRole('status')).textContent).toBe(
      '12 incidents saved as secret-scanner-incidents-2026-12-06-08-00-00.csv.',
    );
    // Focus stays on the button pressed.
    expect(document.activeElement?.textContent).toBe('Export CSV');
    exportIncidents.mockResolvedValueOnce(file({ filename: 'x.json', truncated: true }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(exportIncidents).toHaveBeenLastCalledWith(filter, 'json');
    expect((await screen.findByRole('status')).textContent).toContain(
      'the first 12: narrow the filters for the rest',
    );
  });

  it('shows a refusal in plain words', async () => {
    const exportIncidents = vi.fn(() =>
      Promise.reject(new ApiError('forbidden', 'only administrators of this project can see them')),
    );
    const user = userEvent.setup();
    render(createElement(ExportButtons, { api: { exportIncidents }, filter: {}, save: vi.fn() }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only administrators of this project can see them.',
    );
  });

  it('is offered on the incidents table with its filters', async () => {
    onPage('secret-scanner-admin');
    const b = adminBackend();
    b.on('exportIncidents', () => ok(file()));
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:local';
    };
    URL.revokeObjectURL = () => undefined;
    const user = userEvent.setup();
    render(createElement(App));
    await user.click(await screen.findByRole('tab', { name: 'Incidents' }));
    const panel = within(document.getElementById('admin-panel-incidents') as HTMLElement);
    await user.selectOptions(await panel.findByLabelText('Severity'), 'high');
    await user.click(panel.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => {
      expect(b.payloads('exportIncidents')).toEqual([
        { filter: { sort: 'severity', severity: 'high' }, format: 'csv' },
      ]);
    });
    expect(await created[0]?.text()).toBe('id\r\n');
  });
});
