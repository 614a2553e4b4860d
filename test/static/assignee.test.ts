// @vitest-environment happy-dom
// Assigning an incident by name: the picker searches as the viewer types (once typing pauses),
// is used with the keyboard (arrows, Enter, Escape) or the mouse, says when it is searching, finds
// no one or fails; the assignee is shown by name in the incident and in the list, by id when the
// name cannot be found.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deferred,
  fail,
  fakeBackend,
  incident,
  INCIDENT_ID,
  ME,
  occurrence,
  ok,
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
import {
  ASSIGNABLE_NOBODY,
  ASSIGNABLE_NOBODY_SELECTED,
} from '../../static/admin/src/incidents/assignable';
import type { Incident } from '../../static/admin/src/types';

const MIA = '712020:99887766-5544-4332-a211-00ffeeddccbb';
const MIKE = '712020:11111111-2222-4333-8444-555555555555';
const PEOPLE = [
  { accountId: MIA, displayName: 'Mia Chen' },
  { accountId: MIKE, displayName: 'Mike Moreau' },
  { accountId: ME, displayName: 'Jane Doe' },
];

/** Milo matches "mi" but cannot see the incidents: the server never offers him. */
const MILO = { accountId: '712020:00000000-0000-4000-8000-000000000001', displayName: 'Milo Ruiz' };
const SEES: Record<string, string[]> = {
  [INCIDENT_ID]: [MIA, MIKE, ME],
  ['b'.repeat(32)]: [MIA, ME],
};

/** As the server answers: only people who can see every incident named. */
function assignees(p: Record<string, unknown>): Answer {
  const q = String(p.query).toLowerCase();
  const ids = p.ids as string[];
  return ok(
    [...PEOPLE, MILO].filter(
      (u) =>
        u.displayName.toLowerCase().includes(q) &&
        ids.every((id) => (SEES[id] ?? []).includes(u.accountId)),
    ),
  );
}

let backend: FakeBackend;

function serve(items: Incident[]) {
  let current = new Map(items.map((i) => [i.id, i]));
  const b = fakeBackend({
    listProjects: () => ok([]),
    listDetectors: () => ok([]),
    listIncidents: () => ok({ items: [...current.values()] }),
    getIncident: (p) => {
      const i = current.get(String(p.id));
      return i
        ? ok({ incident: i, occurrences: [occurrence({ id: 'o1' })] })
        : fail('not-found', 'no such incident');
    },
    incidentAction: (p) => {
      const i = current.get(String(p.id));
      if (!i) return fail('not-found', 'no such incident');
      const action = p.action as { type: string; assigneeId?: string };
      const { assignee_id: _a, ...rest } = i;
      const next: Incident =
        action.type === 'assign'
          ? { ...i, status: 'ASSIGNED', assignee_id: action.assigneeId ?? '' }
          : action.type === 'unassign'
            ? { ...rest, status: 'TRIGGERED' }
            : i;
      current = new Map(current).set(i.id, next);
      return ok(next);
    },
    searchAssignees: assignees,
    userNames: (p) => ok(PEOPLE.filter((u) => (p.accountIds as string[]).includes(u.accountId))),
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

async function openIncident() {
  const user = userEvent.setup();
  render(createElement(AdminIncidents, { accountId: ME }));
  await user.click(
    await screen.findByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }),
  );
  await screen.findByRole('table', { name: 'Where the secret appears' });
  return user;
}

const picker = () => screen.getByRole('combobox', { name: 'Assign to' });
/** What the picker tells screen readers (and shows in its popup). */
const status = () =>
  document.getElementById(picker().getAttribute('aria-describedby') ?? '')?.textContent;
const options = () =>
  within(screen.getByRole('listbox', { name: 'Assign to: matching people' })).getAllByRole(
    'option',
  );

beforeEach(() => {
  backend = serve([incident({ id: INCIDENT_ID })]);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the assignee picker', () => {
  it('finds people by part of their name and assigns with the keyboard', async () => {
    const user = await openIncident();
    const input = picker();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Assign' }).disabled).toBe(true);
    await user.type(input, 'mi');
    const [mia, mike] = await waitFor(() => {
      const found = options();
      expect(found).toHaveLength(2);
      return found;
    });
    // One search, for what was typed once typing paused.
    expect(backend.payloads('searchAssignees')).toEqual([{ ids: [INCIDENT_ID], query: 'mi' }]);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(
      screen.getByRole('listbox', { name: 'Assign to: matching people' }).id,
    );
    expect(mia?.textContent).toBe('Mia Chen');
    expect(mike?.textContent).toBe('Mike Moreau');
    // The account ids stay behind the names.
    expect(screen.getByRole('listbox').textContent).not.toContain(MIA);
    expect(status()).toBe('2 people match; use the arrow keys to choose.');

    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(mia?.id);
    expect(mia?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(mike?.id);
    await user.keyboard('{ArrowDown}'); // wraps around
    expect(input.getAttribute('aria-activedescendant')).toBe(mia?.id);
    await user.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(mike?.id);
    await user.keyboard('{Enter}');
    expect((input as HTMLInputElement).value).toBe('Mike Moreau');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    // Enter picked; it did not assign yet.
    expect(backend.payloads('incidentAction')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned to Mike Moreau.')).toBeTruthy();
    expect(backend.payloads('incidentAction')).toEqual([
      { id: INCIDENT_ID, action: { type: 'assign', assigneeId: MIKE } },
    ]);
    // The incident shows the name, not the id; the picker is empty again.
    const facts = screen.getByText('Assignee').nextElementSibling;
    expect(facts?.textContent).toBe('Mike Moreau');
    expect((picker() as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Unassign' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Assign to me' })).toBeTruthy();
  });

  it('picks with the mouse, and Enter in the field then assigns', async () => {
    const user = await openIncident();
    await user.type(picker(), 'chen');
    const [mia] = await waitFor(() => options());
    await user.click(mia as HTMLElement);
    expect((picker() as HTMLInputElement).value).toBe('Mia Chen');
    expect(document.activeElement).toBe(picker());
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Assigned to Mia Chen.')).toBeTruthy();
    expect(backend.payloads('incidentAction')).toEqual([
      { id: INCIDENT_ID, action: { type: 'assign', assigneeId: MIA } },
    ]);
  });

  it('closes on Escape, then clears; typing again forgets the earlier pick', async () => {
    const user = await openIncident();
    await user.type(picker(), 'mia');
    await waitFor(() => options());
    await user.keyboard('{ArrowDown}{Enter}');
    const assign = screen.getByRole<HTMLButtonElement>('button', { name: 'Assign' });
    expect(assign.disabled).toBe(false);
    await user.type(picker(), 'x');
    expect(assign.disabled).toBe(true);
    await waitFor(() => {
      expect(status()).toBe(ASSIGNABLE_NOBODY);
    });
    // Shown where the list would be.
    expect(screen.getAllByText(ASSIGNABLE_NOBODY)).toHaveLength(2);
    await user.keyboard('{Escape}');
    expect((picker() as HTMLInputElement).value).toBe('Mia Chenx');
    expect(screen.queryByText(ASSIGNABLE_NOBODY)).toBeNull();
    await user.keyboard('{Escape}');
    expect((picker() as HTMLInputElement).value).toBe('');
    expect(assign.disabled).toBe(true);
  });

  it('says it is searching, and shows a failed search in the server’s words', async () => {
    const answer = deferred<Answer>();
    backend.on('searchAssignees', () => answer.promise);
    const user = await openIncident();
    await user.type(picker(), 'mi');
    expect(status()).toBe('Searching…');
    answer.resolve(
      fail(
        'forbidden',
        'your Jira account may not look up people (it needs the Browse users and groups permission)',
      ),
    );
    await waitFor(() => {
      expect(status()).toBe(
        'Your Jira account may not look up people (it needs the Browse users and groups permission).',
      );
    });
    expect(screen.queryByRole('listbox')).toBeNull();
    // The incident itself is still there, with its other actions.
    expect(screen.getByRole('button', { name: 'Assign to me' })).toBeTruthy();
  });
});

describe('only people who can see the incidents', () => {
  it('are offered for the ticked rows, with a placeholder while searching and a reason when no one is', async () => {
    cleanup();
    backend = serve([
      incident({ id: INCIDENT_ID }),
      incident({ id: 'b'.repeat(32), secret_preview: 'x' }),
    ]);
    const gate = deferred<undefined>();
    backend.on('searchAssignees', (p) => gate.promise.then(() => assignees(p)));
    const user = userEvent.setup();
    render(createElement(AdminIncidents, { accountId: ME }));
    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    for (const row of rows) await user.click(within(row).getByRole('checkbox'));
    const bulk = screen.getByRole('combobox', { name: 'Assign selected to' });
    const said = () =>
      document.getElementById(bulk.getAttribute('aria-describedby') ?? '')?.textContent;
    await user.type(bulk, 'mi');
    // Where the list will be, while the server decides.
    expect(said()).toBe('Searching…');
    expect(screen.getAllByText('Searching…')).toHaveLength(2);
    gate.resolve(undefined);
    const listbox = await screen.findByRole('listbox', {
      name: 'Assign selected to: matching people',
    });
    await waitFor(() => {
      expect(
        within(listbox)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Mia Chen']);
    });
    // Both rows are named; Mike (who cannot see the second) and Milo (neither) are not offered.
    expect(backend.payloads('searchAssignees')).toEqual([
      { ids: [INCIDENT_ID, 'b'.repeat(32)], query: 'mi' },
    ]);
    await user.clear(bulk);
    await user.type(bulk, 'mike');
    await waitFor(() => {
      expect(said()).toBe(ASSIGNABLE_NOBODY_SELECTED);
    });
    expect(screen.getAllByText(ASSIGNABLE_NOBODY_SELECTED)).toHaveLength(2);
  });
});

describe('the assignee by name', () => {
  it('in the list and the incident, in one look-up per list', async () => {
    cleanup();
    backend = serve([
      incident({ id: INCIDENT_ID, status: 'ASSIGNED', assignee_id: MIA }),
      incident({ id: 'b'.repeat(32), status: 'ASSIGNED', assignee_id: ME, secret_preview: 'x' }),
      incident({ id: 'c'.repeat(32), status: 'ASSIGNED', assignee_id: MIA, secret_preview: 'y' }),
    ]);
    const user = userEvent.setup();
    render(createElement(AdminIncidents, { accountId: ME }));
    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    await waitFor(() => {
      expect(rows.map((r) => within(r).getAllByRole('cell')[7]?.textContent)).toEqual([
        'Assigned to Mia Chen',
        'Assigned to Jane Doe (you)',
        'Assigned to Mia Chen',
      ]);
    });
    expect(backend.payloads('userNames')).toEqual([{ accountIds: [ME, MIA].sort() }]);
    await user.click(
      screen.getByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }),
    );
    await waitFor(() => {
      expect(screen.getByText('Assignee').nextElementSibling?.textContent).toBe('Mia Chen');
    });
    // Known from the list: not asked again.
    expect(backend.payloads('userNames')).toHaveLength(1);
  });

  it('falls back to the account id when the name cannot be found', async () => {
    cleanup();
    backend = serve([incident({ id: INCIDENT_ID, status: 'ASSIGNED', assignee_id: MIKE })]);
    backend.on('userNames', () => fail('unavailable', 'Jira answered 503'));
    const user = userEvent.setup();
    render(createElement(AdminIncidents, { accountId: ME }));
    await screen.findByRole('table');
    await waitFor(() => {
      expect(backend.payloads('userNames')).toHaveLength(1);
    });
    expect(screen.getByText(`to ${MIKE}`, { exact: false })).toBeTruthy();
    // A failed look-up is asked again later, and then shows the name.
    backend.on('userNames', () => ok([{ accountId: MIKE, displayName: 'Mike Moreau' }]));
    await user.click(
      screen.getByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }),
    );
    await waitFor(() => {
      expect(screen.getByText('Assignee').nextElementSibling?.textContent).toBe('Mike Moreau');
    });
  });
});
