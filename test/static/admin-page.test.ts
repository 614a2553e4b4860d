// @vitest-environment happy-dom
// The admin page as a whole: a non-admin sees one access message (not one per tab), and while no
// project is monitored every tab says so until a project is included again.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, fakeBackend, ok, project, settings } from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn(() => Promise.resolve()) },
}));
vi.mock('@forge/bridge', () => bridge);

import { AdminPage } from '../../static/admin/src/admin/AdminPage';

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the admin page', () => {
  it('shows a non-admin one access message and no tabs', async () => {
    const b = fakeBackend({
      listProjects: () => fail('forbidden', 'only Jira administrators can use this page'),
    });
    bridge.invoke.mockImplementation(b.invoke);
    render(createElement(AdminPage, {}));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Only Jira administrators can use this page.');
    expect(screen.getAllByText('You don’t have access')).toHaveLength(1);
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('warns on every tab while no project is monitored, until one is included', async () => {
    let excluded = ['OPS', 'PAY'];
    const projects = () => ['OPS', 'PAY'].map((k) => project(k, !excluded.includes(k)));
    const b = fakeBackend({
      listProjects: () => ok(projects()),
      getOverview: () =>
        ok({ settings: settings({ excludedProjects: excluded }), jobs: [], pendingDeliveries: 0 }),
      listIncidents: () => ok({ items: [] }),
      filterDetectors: () => ok([]),
      updateSettings: (p) => {
        excluded = p.excludedProjects as string[];
        return ok(settings({ excludedProjects: excluded }));
      },
    });
    bridge.invoke.mockImplementation(b.invoke);
    const user = userEvent.setup();
    render(createElement(AdminPage, {}));
    const warning = await screen.findByText(/No project is monitored/);
    expect(warning).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Perimeter' }));
    expect(screen.getByText(/No project is monitored/)).toBeTruthy();
    await user.click(await screen.findByRole('switch', { name: 'Monitor PAY' }));
    await waitFor(() => {
      expect(screen.queryByText(/No project is monitored/)).toBeNull();
    });
  });
});
