// @vitest-environment happy-dom
// The admin page's incidents: loading, empty and error states, filters, cursor paging, the
// incident view with its occurrences and links, and actions (ignore with a reason) with errors.
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

const GITHUB = incident({ id: INCIDENT_ID });
const SLACK = incident({
  id: OTHER_ID,
  detector: { name: 'slack-bot-token', display_name: 'Slack bot token', family: 'Slack' },
  secret_preview: 'xoxb-****9f',
  severity: 'high',
  status: 'IGNORED',
  ignore_reason: 'test_credential',
  presence: 'removed',
  present_count: 0,
  occurrences_count: 1,
  project_keys: ['OPS', 'PAY'],
});

const OCCURRENCES = [
  occurrence({ id: 'o1' }),
  occurrence({
    id: 'o2',
    kind: 'realtime',
    presence: 'removed',
    removed_at: '2026-01-04T10:00:00.000Z',
    url: 'https://acme-example.atlassian.net/browse/PAY-13',
    location: {
      projectKey: 'PAY',
      issueKey: 'PAY-13',
      issueId: '10013',
      field: 'changelog',
      historyId: '20001',
      historyField: 'description',
      historyValue: 'from',
    },
  }),
  occurrence({
    id: 'o3',
    url: 'https://acme-example.atlassian.net/jira/software/projects/PAY/settings/details',
    location: { projectKey: 'PAY', field: 'project.description' },
  }),
  occurrence({
    id: 'o4',
    url: 'javascript:alert(1)',
    location: { projectKey: 'PAY', issueKey: 'PAY-14', field: 'attachment', attachmentId: '30001' },
  }),
];

let backend: FakeBackend;

function standardBackend(items: Incident[] = [GITHUB, SLACK]) {
  let current = new Map(items.map((i) => [i.id, i]));
  const b = fakeBackend({
    listProjects: () => ok([project('PAY'), project('OPS')]),
    filterDetectors: () =>
      ok([
        { id: 'github-pat', name: 'GitHub personal access token', family: 'github' },
        { id: 'slack-bot-token', name: 'Slack bot token', family: 'slack' },
      ]),
    listIncidents: () => ok({ items: [...current.values()] }),
    getIncident: (p) => {
      const i = current.get(String(p.id));
      return i
        ? ok({ incident: i, occurrences: OCCURRENCES })
        : fail('not-found', 'no such incident');
    },
    incidentAction: (p) => {
      const i = current.get(String(p.id));
      if (!i) return fail('not-found', 'no such incident');
      const action = p.action as { type: string; reason?: string; assigneeId?: string };
      const next: Incident =
        action.type === 'ignore'
          ? { ...i, status: 'IGNORED', ignore_reason: action.reason as 'false_positive' }
          : action.type === 'assign'
            ? { ...i, status: 'ASSIGNED', assignee_id: action.assigneeId ?? '' }
            : i;
      current = new Map(current).set(i.id, next);
      return ok(next);
    },
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

const show = () => render(createElement(AdminIncidents, { accountId: ME }));
const table = () => screen.getByRole('table', { name: /incidents/i });

beforeEach(() => {
  backend = standardBackend();
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('incident list', () => {
  it('shows a loading state, then the incidents with masked previews only', async () => {
    const answer = deferred<Answer>();
    backend.on('listIncidents', () => answer.promise);
    // Anything else the backend might hold must never reach the page.
    const leaky = { ...GITHUB, raw: 'ghp_THISISNOTSHOWNANYWHERE0123456789abcd' } as Incident;
    show();
    expect(screen.getByRole('status').textContent).toContain('Loading incidents');
    answer.resolve(ok({ items: [leaky, SLACK] }));
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = within(rows[1] as HTMLElement);
    expect(first.getByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }));
    expect(first.getByText('ghp_****Tc').tagName).toBe('CODE');
    expect(first.getByText('PAY')).toBeTruthy();
    expect(first.getByText('Triggered')).toBeTruthy();
    expect(first.getByText('Critical')).toBeTruthy();
    expect(first.getByText('Present')).toBeTruthy();
    const second = within(rows[2] as HTMLElement);
    expect(second.getByText('OPS, PAY')).toBeTruthy();
    expect(second.getByText('Ignored')).toBeTruthy();
    expect(second.getByText('Test credential')).toBeTruthy();
    expect(second.getByText('Removed')).toBeTruthy();
    expect(document.body.textContent).not.toContain('THISISNOTSHOWN');
    expect(document.body.textContent).toContain('2 incidents.');
  });

  it('says when there is nothing yet, and when nothing matches the filters', async () => {
    backend.on('listIncidents', () => ok({ items: [] }));
    const user = userEvent.setup();
    show();
    expect(await screen.findByText('No secrets found.')).toBeTruthy();
    expect(screen.getByText(/start a historical scan/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Status'), 'RESOLVED');
    expect(await screen.findByText('No incident matches these filters.')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[1] as HTMLElement);
    expect(await screen.findByText('No secrets found.')).toBeTruthy();
    expect(backend.payloads('listIncidents').map((p) => p.filter)).toEqual([
      { sort: 'severity' },
      { sort: 'severity', status: 'RESOLVED' },
      { sort: 'severity' },
    ]);
  });

  it("shows the server's error with a way to try again", async () => {
    backend.on('listIncidents', () =>
      fail('unavailable', 'Jira is rate-limiting the app; try again in 5 s'),
    );
    const user = userEvent.setup();
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load incidents');
    expect(alert.textContent).toContain('Jira is rate-limiting the app; try again in 5 s.');
    backend.on('listIncidents', () => ok({ items: [GITHUB] }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('ghp_****Tc')).toBeTruthy();
  });

  it('filters by status, project, detector, severity and presence', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    // The project and detector choices come from listProjects and filterDetectors once answered.
    await waitFor(() => {
      expect(screen.getByLabelText('Project').tagName).toBe('SELECT');
      expect(screen.getByLabelText('Detector').tagName).toBe('SELECT');
    });
    await user.selectOptions(screen.getByLabelText('Status'), 'IGNORED');
    await user.selectOptions(screen.getByLabelText('Project'), 'OPS');
    await user.selectOptions(screen.getByLabelText('Detector'), 'slack-bot-token');
    await user.selectOptions(screen.getByLabelText('Severity'), 'high');
    await user.selectOptions(screen.getByLabelText('Presence'), 'removed');
    await waitFor(() => {
      expect(backend.payloads('listIncidents').at(-1)).toEqual({
        filter: {
          sort: 'severity',
          status: 'IGNORED',
          projectKey: 'OPS',
          detector: 'slack-bot-token',
          severity: 'high',
          presence: 'removed',
        },
        limit: 25,
      });
    });
    await user.selectOptions(screen.getByLabelText('Status'), '');
    await waitFor(() => {
      expect(backend.payloads('listIncidents').at(-1)?.filter).not.toHaveProperty('status');
    });
  });

  it('sorts by severity first, by any column from its header, keeping focus on the header', async () => {
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    const header = (name: RegExp) => screen.getByRole('columnheader', { name });
    // What needs attention first: the most severe, then the most recently seen.
    expect(backend.payloads('listIncidents')[0]?.filter).toEqual({ sort: 'severity' });
    expect(header(/Severity/).getAttribute('aria-sort')).toBe('descending');
    expect(header(/Last seen/).hasAttribute('aria-sort')).toBe(false);
    await user.click(within(header(/Last seen/)).getByRole('button'));
    await waitFor(() => {
      expect(backend.payloads('listIncidents').at(-1)).toEqual({
        filter: { sort: 'last_seen' },
        limit: 25,
      });
    });
    await waitFor(() => {
      expect(header(/Last seen/).getAttribute('aria-sort')).toBe('descending');
    });
    // The header's button keeps focus through the reload (it is replaced while loading).
    await waitFor(() => {
      expect(document.activeElement).toBe(within(header(/Last seen/)).getByRole('button'));
    });
    // Again: the same sort reversed.
    await user.click(within(header(/Last seen/)).getByRole('button'));
    await waitFor(() => {
      expect(header(/Last seen/).getAttribute('aria-sort')).toBe('ascending');
    });
    expect(backend.payloads('listIncidents').at(-1)?.filter).toEqual({
      sort: 'last_seen',
      order: 'oldest',
    });
    expect(screen.getByRole('table', { name: /sorted by last seen, reversed/ })).toBeTruthy();
    for (const [name, sort] of [
      [/Status/, 'status'],
      [/Detector/, 'detector'],
      [/Projects/, 'project'],
      [/Occurrences/, 'occurrences'],
      [/First seen/, 'first_seen'],
    ] as const) {
      await user.click(
        within(await screen.findByRole('columnheader', { name })).getByRole('button'),
      );
      await waitFor(() => {
        expect(backend.payloads('listIncidents').at(-1)?.filter).toEqual({ sort });
      });
    }
    // The order is not a filter: "Clear filters" stays off until a filter is set, and keeps it.
    await screen.findByRole('table');
    const clear = screen.getByRole('button', { name: 'Clear filters' });
    expect((clear as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText('Status'), 'TRIGGERED');
    await waitFor(() => {
      expect((clear as HTMLButtonElement).disabled).toBe(false);
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(backend.payloads('listIncidents').at(-1)?.filter).toEqual({ sort: 'first_seen' });
    });
  });

  it('shows the total for the current filters, and searches by issue key, detector or preview', async () => {
    backend.on('listIncidents', (p) => {
      const f = p.filter as { search?: string };
      return f.search
        ? ok({ items: [SLACK], total: { count: 1, capped: false } })
        : ok({ items: [GITHUB, SLACK], cursor: '2', total: { count: 115, capped: false } });
    });
    const user = userEvent.setup();
    show();
    expect(await screen.findByText('Showing 2 of 115 incidents.')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '  PAY-12 {Enter}');
    await waitFor(() => {
      expect(backend.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        search: 'pay-12',
      });
    });
    expect(await screen.findByText('1 incident matches these filters.')).toBeTruthy();
    expect(within(table()).getAllByRole('row')).toHaveLength(2);
    backend.on('listIncidents', () => ok({ items: [], total: { count: 0, capped: false } }));
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing{Enter}');
    expect(await screen.findByText('No incident matches these filters.')).toBeTruthy();
  });

  it('says "more than" when the total was counted only so far', async () => {
    backend.on('listIncidents', () =>
      ok({ items: [GITHUB], cursor: '1', total: { count: 1000, capped: true } }),
    );
    show();
    expect(await screen.findByText('Showing 1 of more than 1,000 incidents.')).toBeTruthy();
  });

  it('loads more with the cursor and stops on the last page', async () => {
    const page2 = incident({ id: 'c'.repeat(32), secret_preview: 'AKIA****XY' });
    backend.on('listIncidents', (p) =>
      p.cursor === '2' ? ok({ items: [page2] }) : ok({ items: [GITHUB, SLACK], cursor: '2' }),
    );
    const user = userEvent.setup();
    show();
    await screen.findByRole('table');
    expect(screen.getByText(/^Showing 2,/).textContent).toBe('Showing 2, sorted by severity.');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('AKIA****XY')).toBeTruthy();
    expect(within(table()).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    // Focus goes to the first new row (the button that was used is gone).
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Open GitHub personal access token AKIA****XY',
      );
    });
    expect(backend.payloads('listIncidents').at(-1)).toEqual({
      filter: { sort: 'severity' },
      limit: 25,
      cursor: '2',
    });
  });

  it('offers to start again when the cursor has expired', async () => {
    backend.on('listIncidents', (p) =>
      p.cursor
        ? fail('invalid', 'the cursor is not valid any more: start from the first page')
        : ok({ items: [GITHUB], cursor: 'old' }),
    );
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not valid any more');
    await user.click(screen.getByRole('button', { name: 'Start again from the first page' }));
    await waitFor(() => {
      expect(backend.payloads('listIncidents').at(-1)).toEqual({
        filter: { sort: 'severity' },
        limit: 25,
      });
    });
  });
});

describe('incident view', () => {
  async function openGithub() {
    const user = userEvent.setup();
    show();
    await user.click(
      await screen.findByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }),
    );
    await screen.findByRole('table', { name: 'Where the secret appears' });
    return user;
  }

  it('lists every place with its location and a link that opens Jira in a new tab', async () => {
    const user = await openGithub();
    expect(backend.payloads('getIncident')).toEqual([{ id: INCIDENT_ID }]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'GitHub personal access token ghp_****Tc',
    );
    const rows = within(
      screen.getByRole('table', { name: 'Where the secret appears' }),
    ).getAllByRole('row');
    expect(rows).toHaveLength(5);
    const cells = rows.slice(1).map((r) => within(r).getAllByRole('cell'));
    expect(cells.map((c) => c[0]?.textContent)).toEqual([
      'PAY-12',
      'PAY-13',
      'Project PAY',
      'PAY-14',
    ]);
    expect(cells.map((c) => c[1]?.textContent)).toEqual([
      'Comment 10100 line 3',
      'Description, old value, history entry 20001 line 3',
      'Project PAY description line 3',
      'Attachment 30001 line 3',
    ]);
    expect(cells.map((c) => c[2]?.textContent.replace(/ since .*/, ''))).toEqual([
      'Present',
      'Removed',
      'Present',
      'Present',
    ]);
    expect(cells[1]?.[2]?.textContent).toMatch(/^Removed since /);
    expect(cells.map((c) => c[3]?.textContent)).toEqual([
      'Historical scan',
      'Real-time scan',
      'Historical scan',
      'Historical scan',
    ]);
    const [, comment, , , attachment] = rows.map((r) => within(r));
    // Not a web address: no link at all.
    expect(attachment?.queryByRole('link')).toBeNull();

    const link = comment?.getByRole('link', { name: /Open in Jira/ });
    expect(link?.getAttribute('href')).toBe(
      'https://acme-example.atlassian.net/browse/PAY-12?focusedCommentId=10100',
    );
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(link?.textContent).toContain('opens a new tab');
    await user.click(link as HTMLElement);
    expect(bridge.router.open).toHaveBeenCalledWith(
      'https://acme-example.atlassian.net/browse/PAY-12?focusedCommentId=10100',
    );
  });

  it("names a paired secret's partner by its masked preview, and no partner otherwise", async () => {
    backend = standardBackend([
      {
        ...GITHUB,
        partner: { kind: 'aws-access-key-id', name: 'AWS access key ID', preview: 'AK********L' },
      },
      SLACK,
    ]);
    await openGithub();
    const facts = screen.getByText('Works with').nextElementSibling;
    expect(facts?.textContent).toBe('AWS access key ID AK********L');
    cleanup();
    backend = standardBackend();
    await openGithub();
    expect(screen.queryByText('Works with')).toBeNull();
  });

  it('loads more places with the cursor when an incident has more than one page of them', async () => {
    const [first, ...rest] = OCCURRENCES;
    backend.on('getIncident', (p) =>
      p.cursor === 'page-2'
        ? ok({ incident: GITHUB, occurrences: rest })
        : ok({ incident: GITHUB, occurrences: [first], cursor: 'page-2' }),
    );
    const user = await openGithub();
    const rows = () =>
      within(screen.getByRole('table', { name: 'Where the secret appears' })).getAllByRole('row');
    expect(rows()).toHaveLength(2);
    expect(screen.getByText(/^Showing the first/).textContent).toBe('Showing the first 1 place.');
    await user.click(screen.getByRole('button', { name: 'Load more places' }));
    await waitFor(() => {
      expect(rows()).toHaveLength(5);
    });
    expect(backend.payloads('getIncident').at(-1)).toEqual({ id: INCIDENT_ID, cursor: 'page-2' });
    expect(screen.queryByRole('button', { name: 'Load more places' })).toBeNull();
    // The button is gone with the last page: the first new row has focus.
    expect(document.activeElement).toBe(rows()[2]);
    expect(screen.getByRole('heading', { name: 'Occurrences (4)' })).toBeTruthy();
  });

  it('ignores with a chosen reason, and the list shows the change', async () => {
    const user = await openGithub();
    const ignore = screen.getByRole('button', { name: 'Ignore' });
    expect((ignore as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText('Reason to ignore'), 'false_positive');
    await user.click(ignore);
    expect(await screen.findByText('Ignored: false positive.')).toBeTruthy();
    expect(backend.payloads('incidentAction')).toEqual([
      { id: INCIDENT_ID, action: { type: 'ignore', reason: 'false_positive' } },
    ]);
    // An ignored incident can be reopened or resolved, not ignored again or assigned.
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ignore' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Assign' })).toBeNull();

    await user.click(screen.getByRole('button', { name: /Back to incidents/ }));
    const row = within(table()).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Ignored')).toBeTruthy();
    expect(within(row).getByText('False positive')).toBeTruthy();
    // Focus returns to where the incident was opened from.
    expect(document.activeElement?.textContent).toBe('GitHub personal access token');
  });

  it('assigns to the viewer', async () => {
    const user = await openGithub();
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('Assigned to you.')).toBeTruthy();
    expect(backend.payloads('incidentAction')).toEqual([
      { id: INCIDENT_ID, action: { type: 'assign', assigneeId: ME } },
    ]);
    expect(screen.getByRole('button', { name: 'Unassign' })).toBeTruthy();
  });

  it("shows an action's error next to the actions and keeps the incident", async () => {
    backend.on('incidentAction', () => fail('conflict', 'the incident is already resolved'));
    const user = await openGithub();
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The incident is already resolved.');
    expect(alert.closest('section')?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Where the secret appears' })).toBeTruthy();
  });

  it('says so when the incident cannot be loaded', async () => {
    backend.on('getIncident', () => fail('not-found', 'no such incident'));
    const user = userEvent.setup();
    show();
    await user.click(
      await screen.findByRole('button', { name: 'Open GitHub personal access token ghp_****Tc' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('No such incident.');
  });
});
