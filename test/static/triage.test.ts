// @vitest-environment happy-dom
// The incident list as a triage tool: bulk actions on ticked rows (confirmation, each row's own
// answer, focus), filters that wait for their choices without changing shape, and assignees
// shown by name with a placeholder while the names load.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deferred,
  fakeBackend,
  incident,
  INCIDENT_ID,
  ME,
  ok,
  OTHER_ID,
  project,
  type Answer,
  type FakeBackend,
} from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn(() => Promise.resolve()) },
}));
vi.mock('@forge/bridge', () => bridge);

import { AdminIncidents } from '../../static/admin/src/admin/AdminIncidents';
import type { Incident } from '../../static/admin/src/types';

const THIRD_ID = 'c'.repeat(32);
const ITEMS = [
  incident({ id: INCIDENT_ID }),
  incident({ id: OTHER_ID, secret_preview: 'ghp_****Xy', severity: 'high' }),
  incident({ id: THIRD_ID, secret_preview: 'ghp_****Zz', severity: 'low' }),
];

let backend: FakeBackend;

beforeEach(() => {
  backend = fakeBackend({
    listProjects: () => ok([project('PAY')]),
    filterDetectors: () => ok([]),
    listIncidents: () => ok({ items: ITEMS, total: { count: 3, capped: false } }),
    // The server refuses the second row (another project holds it), changes the others.
    bulkIncidentAction: (p) => {
      const { ids, action } = p as { ids: string[]; action: { type: string; reason?: string } };
      return ok({
        results: ids.map((id) =>
          id === OTHER_ID
            ? {
                id,
                ok: false,
                error: { code: 'forbidden', message: 'this secret also appears in other projects' },
              }
            : {
                id,
                ok: true,
                incident: {
                  ...ITEMS.find((i) => i.id === id),
                  status: 'IGNORED',
                  ignore_reason: action.reason,
                } as Incident,
              },
        ),
      });
    },
  });
  bridge.invoke.mockImplementation(backend.invoke);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const show = () => render(createElement(AdminIncidents, { accountId: ME }));
const rows = async () =>
  within(await screen.findByRole('table'))
    .getAllByRole('row')
    .slice(1);

describe('bulk actions', () => {
  it('ignore the ticked rows with a reason, after a confirmation, each row saying what happened', async () => {
    const user = userEvent.setup();
    show();
    const [first, second] = await rows();
    expect(screen.queryByRole('group', { name: 'Act on the selected incidents' })).toBeNull();
    await user.click(within(first as HTMLElement).getByRole('checkbox'));
    await user.click(within(second as HTMLElement).getByRole('checkbox'));
    const bar = screen.getByRole('group', { name: 'Act on the selected incidents' });
    expect(within(bar).getByText('2 incidents selected')).toBeTruthy();
    await user.selectOptions(
      within(bar).getByLabelText('Reason to ignore the selected'),
      'test_credential',
    );
    await user.click(within(bar).getByRole('button', { name: 'Ignore' }));
    // Nothing is sent before the confirmation, which takes focus.
    expect(backend.payloads('bulkIncidentAction')).toEqual([]);
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByText(/Ignore 2 incidents as “Test credential”\?/)).toBeTruthy();
    await user.click(confirm);
    expect(backend.payloads('bulkIncidentAction')).toEqual([
      { ids: [INCIDENT_ID, OTHER_ID], action: { type: 'ignore', reason: 'test_credential' } },
    ]);
    // The outcome takes focus; each row says its own answer.
    const outcome = await screen.findByText('1 changed, 1 not changed (each row says why).');
    expect(document.activeElement).toBe(outcome);
    const [a, b, c] = await rows();
    expect(within(a as HTMLElement).getByText('Ignored')).toBeTruthy();
    expect(a?.textContent).toContain('Ignored: test credential.');
    expect(b?.textContent).toContain('Not changed: This secret also appears in other projects.');
    expect(within(b as HTMLElement).getByText('Triggered')).toBeTruthy();
    expect(c?.textContent).not.toContain('changed');
    // The selection is cleared.
    expect(screen.queryByRole('group', { name: 'Act on the selected incidents' })).toBeNull();
  });

  it('cancel returns focus to the button that asked, and selects every row shown at once', async () => {
    const user = userEvent.setup();
    show();
    await rows();
    await user.click(screen.getByRole('checkbox', { name: 'Select every incident shown' }));
    const bar = screen.getByRole('group', { name: 'Act on the selected incidents' });
    expect(within(bar).getByText('3 incidents selected')).toBeTruthy();
    const resolve = within(bar).getByRole('button', { name: 'Resolve' });
    await user.click(resolve);
    expect(screen.getByText(/Resolve 3 incidents\?/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
    expect(document.activeElement).toBe(resolve);
    expect(backend.payloads('bulkIncidentAction')).toEqual([]);
    await user.click(within(bar).getByRole('button', { name: 'Assign to me' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(backend.payloads('bulkIncidentAction')).toEqual([
      { ids: [INCIDENT_ID, OTHER_ID, THIRD_ID], action: { type: 'assign', assigneeId: ME } },
    ]);
  });

  it('a new filter clears the selection', async () => {
    const user = userEvent.setup();
    show();
    const [first] = await rows();
    await user.click(within(first as HTMLElement).getByRole('checkbox'));
    await user.selectOptions(screen.getByLabelText('Status'), 'TRIGGERED');
    await rows();
    await waitFor(() => {
      expect(screen.queryByRole('group', { name: 'Act on the selected incidents' })).toBeNull();
    });
  });
});

describe('while choices and names load', () => {
  it('the project and detector filters are waiting selects of the same shape', async () => {
    const projects = deferred<Answer>();
    backend.on('listProjects', () => projects.promise);
    show();
    await rows();
    const waiting = screen.getByLabelText('Project');
    expect(waiting.tagName).toBe('SELECT');
    expect((waiting as HTMLSelectElement).disabled).toBe(true);
    expect(waiting.textContent).toBe('Loading…');
    projects.resolve(ok([project('PAY'), project('OPS')]));
    await waitFor(() => {
      expect(screen.getByLabelText<HTMLSelectElement>('Project').disabled).toBe(false);
    });
    expect(screen.getByLabelText('Project').tagName).toBe('SELECT');
  });

  it('an assignee shows a placeholder until the name arrives, never the account id', async () => {
    const names = deferred<Answer>();
    backend.on('userNames', () => names.promise);
    backend.on('listIncidents', () =>
      ok({ items: [incident({ id: INCIDENT_ID, status: 'ASSIGNED', assignee_id: 'acc-mia' })] }),
    );
    show();
    const [row] = await rows();
    expect(row?.textContent).not.toContain('acc-mia');
    expect(within(row as HTMLElement).getByText('Loading the name')).toBeTruthy();
    names.resolve(ok([{ accountId: 'acc-mia', displayName: 'Mia Chen' }]));
    await waitFor(() => {
      expect(row?.textContent).toContain('to Mia Chen');
    });
  });
});

describe('lozenges', () => {
  it('give severity, status and presence colours of their own (one meaning per colour)', async () => {
    const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
    const statuses = ['TRIGGERED', 'ASSIGNED', 'RESOLVED', 'IGNORED'] as const;
    backend.on('listIncidents', () =>
      ok({
        items: severities.flatMap((severity, s) =>
          statuses.map((status, t) =>
            incident({
              id: `${s}${t}`.padStart(32, '0'),
              severity,
              status,
              presence: t % 2 ? 'removed' : 'present',
            }),
          ),
        ),
      }),
    );
    show();
    await rows();
    const tones = (labels: readonly string[]) =>
      new Set(
        [...document.querySelectorAll('tbody .lozenge')]
          .filter((l) => labels.includes(l.textContent))
          .map((l) => [...l.classList].filter((c) => c !== 'lozenge').join(' ')),
      );
    const severity = tones(['Critical', 'High', 'Medium', 'Low', 'Info']);
    const status = tones(['Triggered', 'Assigned', 'Resolved', 'Ignored']);
    const coloured = (set: Set<string>) => [...set].filter((c) => !c.includes('neutral'));
    // No colour (other than grey) says two things.
    for (const c of coloured(status)) expect(severity.has(c)).toBe(false);
    expect(coloured(severity).length).toBeGreaterThan(0);
    expect(coloured(status).length).toBe(3);
    // Critical alone is filled; presence is words, not a third lozenge.
    expect(document.querySelectorAll('tbody .lozenge-bold')).toHaveLength(statuses.length);
    expect(tones(['Present', 'Removed']).size).toBe(0);
  });
});

describe('focus after an incident action', () => {
  it('goes to the result message when the button used is gone (Resolve becomes Reopen)', async () => {
    backend.on('getIncident', () => ok({ incident: ITEMS[0], occurrences: [] }));
    backend.on('incidentAction', () => ok({ ...ITEMS[0], status: 'RESOLVED' }));
    const user = userEvent.setup();
    show();
    await rows();
    await user.click(
      screen.getByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    await screen.findByText('Resolved.');
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Resolved.');
    });
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
  });
});
