// @vitest-environment happy-dom
// The perimeter: one switch per project, search, bulk include/exclude of the selected or shown
// projects, each saved as the full excluded list; errors, empty and loading states.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deferred,
  fail,
  fakeBackend,
  ok,
  project,
  settings,
  type Answer,
  type FakeBackend,
} from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn() },
}));
vi.mock('@forge/bridge', () => bridge);

import { PerimeterTab } from '../../static/admin/src/admin/PerimeterTab';

let backend: FakeBackend;

/** A backend that keeps the excluded list as the real one does (sorted, unique). */
function perimeterBackend(keys: string[], excluded: string[]) {
  let current = [...excluded].sort();
  const b = fakeBackend({
    getOverview: () =>
      ok({ settings: settings({ excludedProjects: current }), jobs: [], pendingDeliveries: 0 }),
    listProjects: () => ok(keys.map((k) => project(k, !current.includes(k)))),
    updateSettings: (p) => {
      current = [...new Set(p.excludedProjects as string[])].sort();
      return ok(settings({ excludedProjects: current }));
    },
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

const show = () => render(createElement(PerimeterTab));
const switchOf = (key: string) => screen.getByRole('switch', { name: `Monitor ${key}` });

beforeEach(() => {
  backend = perimeterBackend(['PAY', 'OPS', 'HR', 'WEB'], ['HR', 'GONE']);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('perimeter', () => {
  it('lists the projects with their monitored switch', async () => {
    const answer = deferred<Answer>();
    backend.on('listProjects', () => answer.promise);
    show();
    expect(screen.getByRole('status').textContent).toContain('Loading projects');
    answer.resolve(ok(['PAY', 'OPS', 'HR', 'WEB'].map((k) => project(k, k !== 'HR'))));
    await screen.findByRole('table');
    expect(screen.getByText('3 of 4 projects monitored.')).toBeTruthy();
    expect(switchOf('PAY').getAttribute('aria-checked')).toBe('true');
    expect(switchOf('HR').getAttribute('aria-checked')).toBe('false');
    // Sorted by key.
    const keys = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    expect(keys).toEqual(['HR', 'OPS', 'PAY', 'WEB']);
  });

  it('a switch saves the whole excluded list, keeping keys of projects gone since', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    await user.click(switchOf('OPS'));
    expect(await screen.findByText('OPS is no longer monitored.')).toBeTruthy();
    expect(backend.payloads('updateSettings')).toEqual([
      { excludedProjects: ['GONE', 'HR', 'OPS'] },
    ]);
    expect(switchOf('OPS').getAttribute('aria-checked')).toBe('false');
    await user.click(switchOf('HR'));
    expect(await screen.findByText('HR is monitored.')).toBeTruthy();
    expect(backend.payloads('updateSettings').at(-1)).toEqual({
      excludedProjects: ['GONE', 'OPS'],
    });
  });

  it('keeps focus on a switch while its change is saved and after', async () => {
    const answer = deferred<Answer>();
    backend.on('updateSettings', () => answer.promise);
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    const ops = switchOf('OPS');
    await user.click(ops);
    // Saving: the switch waits (not disabled, which would drop focus); the others are off.
    expect(document.activeElement).toBe(ops);
    expect(ops.getAttribute('aria-busy')).toBe('true');
    expect((ops as HTMLButtonElement).disabled).toBe(false);
    expect((switchOf('PAY') as HTMLButtonElement).disabled).toBe(true);
    await user.click(ops); // a second click while saving does nothing
    expect(backend.payloads('updateSettings')).toHaveLength(1);
    answer.resolve(ok(settings({ excludedProjects: ['GONE', 'HR', 'OPS'] })));
    expect(await screen.findByText('OPS is no longer monitored.')).toBeTruthy();
    expect(switchOf('OPS').getAttribute('aria-checked')).toBe('false');
    expect(switchOf('OPS').getAttribute('aria-busy')).toBeNull();
    expect(document.activeElement).toBe(switchOf('OPS'));
  });

  it('clears the last outcome when a new change is asked for', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    await user.click(switchOf('OPS'));
    await screen.findByText('OPS is no longer monitored.');
    await user.click(screen.getByRole('button', { name: 'Include all 4 shown' }));
    expect(screen.queryByText('OPS is no longer monitored.')).toBeNull();
  });

  it('searches, then excludes all the projects shown', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Search projects'), 'pay');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Exclude all 1 shown' }));
    // A change to several projects waits for a confirmation, which has focus.
    expect(backend.payloads('updateSettings')).toEqual([]);
    expect(screen.getByText(/Stop monitoring all 1 shown \(1 project\)\?/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Exclude' }));
    await user.click(screen.getByRole('button', { name: 'Exclude' }));
    const done = await screen.findByText('Excluded all 1 shown.');
    // The result takes focus (the buttons are disabled while saving).
    await waitFor(() => {
      expect(document.activeElement?.contains(done)).toBe(true);
    });
    expect(backend.payloads('updateSettings')).toEqual([
      { excludedProjects: ['GONE', 'HR', 'PAY'] },
    ]);
    await user.clear(screen.getByLabelText('Search projects'));
    await user.type(screen.getByLabelText('Search projects'), 'nothing-like-it');
    expect(screen.getByText('No project matches “nothing-like-it”.')).toBeTruthy();
  });

  it('includes the selected projects, with select-all for the shown ones', async () => {
    const user = userEvent.setup();
    backend = perimeterBackend(['PAY', 'OPS', 'HR', 'WEB'], ['HR', 'WEB', 'OPS']);
    show();
    await screen.findByRole('table');
    await user.click(screen.getByRole('checkbox', { name: 'Select HR' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select WEB' }));
    await user.click(screen.getByRole('button', { name: 'Include 2 selected' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(backend.payloads('updateSettings')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Include 2 selected' }));
    await user.click(screen.getByRole('button', { name: 'Include' }));
    expect(await screen.findByText('Included 2 selected.')).toBeTruthy();
    expect(backend.payloads('updateSettings')).toEqual([{ excludedProjects: ['OPS'] }]);
    // The selection is cleared after a save.
    expect(screen.getByRole('button', { name: 'Include all 4 shown' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown projects' }));
    await user.click(screen.getByRole('button', { name: 'Exclude 4 selected' }));
    await user.click(screen.getByRole('button', { name: 'Exclude' }));
    expect(backend.payloads('updateSettings').at(-1)).toEqual({
      excludedProjects: ['HR', 'OPS', 'PAY', 'WEB'],
    });
    expect(await screen.findByText('0 of 4 projects monitored.')).toBeTruthy();
  });

  it("shows a save's error and leaves the switch as it was", async () => {
    backend.on('updateSettings', () =>
      fail('invalid', 'Excluded projects, item 1: not a Jira project key'),
    );
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    await user.click(switchOf('PAY'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Excluded projects, item 1: not a Jira project key.',
    );
    expect(switchOf('PAY').getAttribute('aria-checked')).toBe('true');
  });

  it('says so when the site has no project, and when the list cannot be read', async () => {
    backend.on('listProjects', () => ok([]));
    show();
    expect(await screen.findByText('No projects on this site yet.')).toBeTruthy();
    cleanup();
    backend.on('listProjects', () => fail('unavailable', 'Jira answered 502'));
    show();
    expect((await screen.findByRole('alert')).textContent).toContain('Jira answered 502.');
  });
});
