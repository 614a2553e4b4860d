// @vitest-environment happy-dom
// The page a Custom UI shows: chosen by the module key, the project page with its own resolvers,
// the access message when the server says no, and keyboard navigation between the admin tabs.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  emptyOverview,
  fail,
  fakeBackend,
  incident,
  INCIDENT_ID,
  occurrence,
  ok,
  project,
  settings,
  type FakeBackend,
} from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn(() => Promise.resolve()) },
}));
vi.mock('@forge/bridge', () => bridge);

import { App } from '../../static/admin/src/App';

function onPage(moduleKey: string, projectKey?: string) {
  bridge.view.getContext.mockResolvedValue({
    moduleKey,
    accountId: '712020:99887766-5544-4332-a211-00ffeeddccbb',
    extension: projectKey ? { project: { key: projectKey, id: '10000', type: 'software' } } : {},
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

describe('project page', () => {
  it("shows the project's incidents through the project resolvers, without a project filter", async () => {
    onPage('secret-scanner-project', 'PAY');
    const b = serve(
      fakeBackend({
        getProjectContext: () => ok({ projectKey: 'PAY' }),
        filterDetectors: () => ok([]),
        listIncidents: () => ok({ items: [incident({ id: INCIDENT_ID })] }),
        getIncident: () =>
          ok({ incident: incident({ id: INCIDENT_ID }), occurrences: [occurrence({ id: 'o1' })] }),
        incidentAction: () => ok(incident({ id: INCIDENT_ID, status: 'RESOLVED' })),
      }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    expect(await screen.findByRole('heading', { name: 'Secret findings in PAY' })).toBeTruthy();
    // The overview comes first; the incidents are one tab away.
    await user.click(await screen.findByRole('tab', { name: 'Incidents' }));
    await screen.findByText('ghp_****Tc');
    expect(screen.queryByLabelText('Project')).toBeNull();
    expect(screen.getByLabelText('Status')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Open GitHub/ }));
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    expect(await screen.findByText('Resolved.')).toBeTruthy();
    expect(b.calls.map((c) => c.name).sort()).toEqual([
      'filterDetectors',
      'getIncident',
      'getProjectContext',
      'incidentAction',
      'incidentOverview',
      'listIncidents',
    ]);
    expect(b.payloads('listIncidents')).toEqual([{ filter: { sort: 'severity' }, limit: 25 }]);
  });

  it('offers no action on an incident other projects share, and says why', async () => {
    onPage('secret-scanner-project', 'PAY');
    const shared = { ...incident({ id: INCIDENT_ID }), shared_with_other_projects: true };
    const b = serve(
      fakeBackend({
        getProjectContext: () => ok({ projectKey: 'PAY' }),
        filterDetectors: () => ok([]),
        listIncidents: () => ok({ items: [shared] }),
        getIncident: () => ok({ incident: shared, occurrences: [occurrence({ id: 'o1' })] }),
      }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    await user.click(await screen.findByRole('tab', { name: 'Incidents' }));
    await user.click(await screen.findByRole('button', { name: /^Open GitHub/ }));
    const actions = within(await screen.findByRole('region', { name: 'Actions' }));
    expect(
      actions.getByText(
        'Actions are not available on this page: this secret also appears in other projects, so a Jira administrator handles it from the app’s admin page.',
      ),
    ).toBeTruthy();
    for (const name of ['Resolve', 'Ignore', 'Assign', 'Assign to me', 'Reopen'])
      expect(actions.queryByRole('button', { name })).toBeNull();
    expect(actions.queryByLabelText('Assign to')).toBeNull();
    expect(screen.getByText('PAY (and other projects)')).toBeTruthy();
    expect(b.payloads('incidentAction')).toEqual([]);
  });

  it('filters by a detector chosen from a list grouped by family', async () => {
    onPage('secret-scanner-project', 'PAY');
    const b = serve(
      fakeBackend({
        getProjectContext: () => ok({ projectKey: 'PAY' }),
        filterDetectors: () =>
          ok([
            { id: 'slack-bot-token', name: 'Slack bot token', family: 'Slack' },
            { id: 'github-pat', name: 'GitHub personal access token', family: 'GitHub' },
            { id: 'github-oauth', name: 'GitHub OAuth token', family: 'GitHub' },
            { id: 'custom-acme-key', name: 'Acme key', family: 'custom' },
          ]),
        listIncidents: () => ok({ items: [incident({ id: INCIDENT_ID })] }),
      }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    await screen.findByText('ghp_****Tc');
    const select = await waitFor(() => {
      const el = screen.getByLabelText('Detector');
      expect(el.tagName).toBe('SELECT');
      return el as HTMLSelectElement;
    });
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.textContent),
    ]);
    expect(groups).toEqual([
      ['custom', ['Acme key']],
      ['GitHub', ['GitHub OAuth token', 'GitHub personal access token']],
      ['Slack', ['Slack bot token']],
    ]);
    expect(select.options[0]?.textContent).toBe('Any');
    await user.selectOptions(select, 'github-pat');
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)).toEqual({
        filter: { sort: 'severity', detector: 'github-pat' },
        limit: 25,
      });
    });
    await user.selectOptions(select, '');
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)).toEqual({
        filter: { sort: 'severity' },
        limit: 25,
      });
    });
  });

  it('keeps a typed detector filter when the list of detectors cannot be read', async () => {
    onPage('secret-scanner-project', 'PAY');
    const b = serve(
      fakeBackend({
        getProjectContext: () => ok({ projectKey: 'PAY' }),
        filterDetectors: () => fail('unavailable', 'Jira answered 503'),
        listIncidents: () => ok({ items: [] }),
      }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    await screen.findByText('No secrets found in this project.');
    await waitFor(() => {
      expect(b.payloads('filterDetectors')).toHaveLength(1);
    });
    const input = screen.getByLabelText('Detector');
    expect(input.tagName).toBe('INPUT');
    await user.type(input, 'github-pat{Enter}');
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        detector: 'github-pat',
      });
    });
  });

  it('says plainly who may see the incidents when the server says no', async () => {
    onPage('secret-scanner-project', 'PAY');
    const b = serve(
      fakeBackend({
        getProjectContext: () =>
          fail(
            'forbidden',
            'only administrators of this project, or the team allowed to see incidents, can see them',
          ),
      }),
    );
    render(createElement(App));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You don’t have access');
    expect(alert.textContent).toContain(
      'Only administrators of this project, or the team allowed to see incidents, can see them.',
    );
    expect(alert.textContent).toContain('Ask a Jira administrator');
    expect(b.calls.map((c) => c.name)).toEqual(['getProjectContext']);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows other errors with a retry', async () => {
    onPage('secret-scanner-project', 'PAY');
    const b = serve(
      fakeBackend({ getProjectContext: () => fail('unavailable', 'Jira answered 503') }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load this project');
    b.on('getProjectContext', () => ok({ projectKey: 'PAY' }));
    b.on('listIncidents', () => ok({ items: [] }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No secrets found in this project.')).toBeTruthy();
  });

  it('a forbidden answer later (rights removed meanwhile) is shown as an access message', async () => {
    onPage('secret-scanner-project', 'PAY');
    serve(
      fakeBackend({
        getProjectContext: () => ok({ projectKey: 'PAY' }),
        incidentOverview: () =>
          fail('forbidden', 'only administrators of this project can see them'),
        listIncidents: () => fail('forbidden', 'only administrators of this project can see them'),
      }),
    );
    render(createElement(App));
    expect((await screen.findByRole('alert')).textContent).toContain('You don’t have access');
  });
});

describe('admin page', () => {
  it('opens on the overview tab; arrow keys move between tabs, each loading its data', async () => {
    onPage('secret-scanner-admin');
    const b = serve(
      fakeBackend({
        listProjects: () => ok([project('PAY')]),
        filterDetectors: () => ok([]),
        listIncidents: () => ok({ items: [] }),
        incidentOverview: () => ok(emptyOverview),
        getOverview: () => ok({ settings: settings(), jobs: [], pendingDeliveries: 0 }),
      }),
    );
    const user = userEvent.setup();
    render(createElement(App));
    expect(await screen.findByRole('heading', { name: 'Secret Scanner' })).toBeTruthy();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Overview',
      'Incidents',
      'Perimeter',
      'Historical scan',
      'Settings',
    ]);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('region', { name: 'Open by severity' })).toBeTruthy();
    expect(b.calls.some((c) => c.name === 'getOverview')).toBe(false);
    expect(b.calls.some((c) => c.name === 'listIncidents')).toBe(false);

    tabs[0]?.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(await screen.findByText('No secrets found.')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[2]);
    expect(tabs[2]?.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[2]?.id);
    expect(await within(panel).findByText('PAY project')).toBeTruthy();
    expect(b.calls.some((c) => c.name === 'getOverview')).toBe(true);

    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tabs[4]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[0]);
    await user.keyboard('{ArrowRight}');
    // The incidents tab kept its state: no second load.
    await waitFor(() => {
      expect(b.payloads('listIncidents')).toHaveLength(1);
    });
  });
});

describe('page choice', () => {
  it('refuses a module it does not know', async () => {
    onPage('someone-else');
    render(createElement(App));
    expect((await screen.findByRole('alert')).textContent).toContain('not part of Secret Scanner');
  });

  it('shows an error when the context cannot be read', async () => {
    bridge.view.getContext.mockRejectedValue(new Error('no bridge'));
    render(createElement(App));
    expect((await screen.findByRole('alert')).textContent).toContain('no bridge');
  });
});
