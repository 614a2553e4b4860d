// @vitest-environment happy-dom
// The incident view's "People notified" section: the records by name, and the Notify action.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentsApi } from '../../static/admin/src/api';
import { Notify } from '../../static/admin/src/incidents/Notify';
import { createNameCache } from '../../static/admin/src/incidents/names';
import type { NotificationRecord } from '../../static/admin/src/types';

vi.mock('@forge/bridge', () => ({}));

const JANE = '557058:aa11';
const record: NotificationRecord = {
  occurrence_id: 'o1',
  issue_key: 'OPS-1',
  at: '2026-11-02T10:00:00.000Z',
  by: JANE,
  to: { reporter: true, users: [JANE] },
  state: 'sent',
};

function api(answer: () => Promise<unknown>) {
  const notifyIncident = vi.fn(answer);
  const a = {
    notifyIncident,
    userNames: () => Promise.resolve([{ accountId: JANE, displayName: 'Jane Doe' }]),
  } as unknown as IncidentsApi;
  return { a, notifyIncident };
}

afterEach(cleanup);

describe('people notified', () => {
  it('lists who was notified by name, and notifies on request', async () => {
    const { a, notifyIncident } = api(() =>
      Promise.resolve({ sent: [record], skipped: [], notifications: [record] }),
    );
    render(
      createElement(Notify, {
        api: a,
        incidentId: 'i1',
        enabled: true,
        records: [],
        names: createNameCache(a),
        canAct: true,
      }),
    );
    expect(screen.getByText('Nobody was notified about this secret yet.')).toBeTruthy();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Notify the people involved' }));
    expect(notifyIncident).toHaveBeenCalledWith('i1');
    await screen.findByText(/Jira is emailing the people involved in 1 place\./);
    expect((await screen.findByText(/OPS-1: the reporter and Jane Doe/)).textContent).toContain(
      'sent by Jane Doe',
    );
  });

  it('offers no action when notifications are off or the incident is shared', () => {
    const { a } = api(() => Promise.reject(new Error('not called')));
    const props = { api: a, incidentId: 'i1', records: [record], names: createNameCache(a) };
    render(createElement(Notify, { ...props, enabled: false, canAct: true }));
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('heading', { name: 'People notified' })).toBeTruthy();
    cleanup();
    render(createElement(Notify, { ...props, enabled: true, canAct: false }));
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    const { container } = render(
      createElement(Notify, { ...props, records: [], enabled: false, canAct: true }),
    );
    expect(container.textContent).toBe('');
  });
});
