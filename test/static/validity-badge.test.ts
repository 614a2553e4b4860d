// @vitest-environment happy-dom
// An incident's validity: a badge beside the severity in the list once a check answered, and in
// the incident view with the time of the check and, for a failed one, why.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBackend, incident, INCIDENT_ID, ME, occurrence, ok, OTHER_ID } from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn(() => Promise.resolve()) },
}));
vi.mock('@forge/bridge', () => bridge);

import { AdminIncidents } from '../../static/admin/src/admin/AdminIncidents';
import type { Incident } from '../../static/admin/src/types';

const VALID = incident({
  id: INCIDENT_ID,
  severity: 'critical',
  validity: 'valid',
  validity_checked_at: '2026-01-05T10:00:00.000Z',
});
const FAILED = incident({
  id: OTHER_ID,
  detector: { name: 'slack-bot-token', display_name: 'Slack bot token', family: 'slack' },
  secret_preview: 'xoxb-****9f',
  validity: 'failed_to_check',
  validity_checked_at: '2026-01-05T10:00:00.000Z',
  validity_reason: 'rate_limited',
});
const UNCHECKED = incident({
  id: 'c'.repeat(32),
  detector: { name: 'aws-access-key-id', display_name: 'AWS access key id', family: 'aws' },
  secret_preview: 'AKIA****XY',
});

function backend(items: Incident[]) {
  const b = fakeBackend({
    listProjects: () => ok([]),
    filterDetectors: () => ok([]),
    listIncidents: () => ok({ items }),
    getIncident: (p) =>
      ok({
        incident: items.find((i) => i.id === p.id),
        occurrences: [occurrence({ id: 'o1' })],
      }),
    checkValidity: (p) =>
      ok({
        ...items.find((i) => i.id === p.id),
        validity: 'invalid',
        validity_checked_at: '2026-01-06T10:00:00.000Z',
      }),
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('validity badge', () => {
  it('shows a check’s answer in the list, and nothing for an incident never checked', async () => {
    backend([VALID, FAILED, UNCHECKED]);
    render(createElement(AdminIncidents, { accountId: ME }));
    const rows = within(await screen.findByRole('table', { name: /incidents/i })).getAllByRole(
      'row',
    );
    const row = (preview: string) =>
      rows.find((r) => r.textContent.includes(preview)) as HTMLElement;
    expect(within(row('ghp_')).getByText('Valid')).toBeTruthy();
    expect(within(row('xoxb-')).getByText('Failed to check')).toBeTruthy();
    expect(within(row('AKIA')).queryByText(/Valid|Invalid|Failed to check|Not checked/)).toBeNull();
  });

  it('shows when it was checked and why a check failed in the incident view', async () => {
    backend([VALID, FAILED]);
    const user = userEvent.setup();
    render(createElement(AdminIncidents, { accountId: ME }));
    await user.click(await screen.findByRole('button', { name: /^Open Slack bot token/ }));
    await screen.findByRole('table', { name: 'Where the secret appears' });
    const term = screen.getAllByText('Validity', { selector: 'dt' })[0] as HTMLElement;
    const value = term.nextElementSibling as HTMLElement;
    expect(value.textContent).toMatch(
      /^Failed to check checked .+: the provider was rate limiting$/,
    );
    expect(
      within(value)
        .getByText(/2026|Jan/, { selector: 'time' })
        .getAttribute('datetime'),
    ).toBe('2026-01-05T10:00:00.000Z');
  });

  it('filters the list by validity', async () => {
    const b = backend([VALID, FAILED]);
    const user = userEvent.setup();
    render(createElement(AdminIncidents, { accountId: ME }));
    await screen.findByRole('table', { name: /incidents/i });
    await user.selectOptions(screen.getByLabelText('Validity'), 'valid');
    await waitFor(() => {
      expect(b.payloads('listIncidents').at(-1)?.filter).toEqual({
        sort: 'severity',
        validity: 'valid',
      });
    });
  });

  it('"Check now" asks the server and shows the new answer', async () => {
    const b = backend([VALID]);
    const user = userEvent.setup();
    render(createElement(AdminIncidents, { accountId: ME }));
    await user.click(await screen.findByRole('button', { name: /^Open GitHub/ }));
    await screen.findByRole('table', { name: 'Where the secret appears' });
    const value = () =>
      (screen.getAllByText('Validity', { selector: 'dt' })[0] as HTMLElement)
        .nextElementSibling as HTMLElement;
    expect(value().textContent).toMatch(/^Valid checked/);
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    await waitFor(() => {
      expect(value().textContent).toMatch(/^Invalid checked/);
    });
    expect(b.payloads('checkValidity')).toEqual([{ id: INCIDENT_ID }]);
  });
});
