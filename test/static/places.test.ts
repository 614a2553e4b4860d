// @vitest-environment happy-dom
// The incident view's places: in words (field, component and version names from the app, authors'
// names asked for, dates), and each issue's summary beside its key, fetched as the viewer through
// requestJira and shown only as the app masked it.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fakeBackend,
  incident,
  INCIDENT_ID,
  ME,
  occurrence,
  ok,
  type FakeBackend,
} from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  requestJira: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn(() => Promise.resolve()) },
}));
vi.mock('@forge/bridge', () => bridge);

import { adminApi } from '../../static/admin/src/api';
import { IncidentView } from '../../static/admin/src/incidents/IncidentView';
import { createNameCache } from '../../static/admin/src/incidents/names';

const RAJ = '712020:raj';
const TOKEN = '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';
const at = '2026-11-30T10:00:00.000+0000';
const issue = (key: string, id: string) => ({ projectKey: 'PAY', issueKey: key, issueId: id });

const PLACES = [
  occurrence({
    id: 'o1',
    location: { ...issue('PAY-12', '10012'), field: 'customfield_10042' },
    matches: [],
  }),
  occurrence({
    id: 'o2',
    location: {
      ...issue('PAY-12', '10012'),
      field: 'changelog',
      historyId: '30901',
      historyField: 'description',
      historyValue: 'from',
      authorId: RAJ,
      at,
    },
    matches: [],
  }),
  occurrence({
    id: 'o3',
    location: { ...issue('PAY-13', '10013'), field: 'comment', commentId: '9', authorId: RAJ, at },
    matches: [],
  }),
  occurrence({
    id: 'o4',
    location: { ...issue('PAY-14', '10014'), field: 'worklog', worklogId: '7', at },
    matches: [],
  }),
  occurrence({
    id: 'o5',
    location: { projectKey: 'PAY', field: 'component', componentId: '110' },
    matches: [],
  }),
];

/** What Jira shows the viewer: PAY-14 is hidden from them. */
const SUMMARIES: Record<string, string> = {
  '10012': 'Payments down',
  '10013': `Token ${TOKEN} leaked`,
};

let backend: FakeBackend;
beforeEach(() => {
  backend = fakeBackend({
    getIncident: () =>
      ok({
        incident: incident({ id: INCIDENT_ID }),
        occurrences: PLACES,
        names: {
          fields: { customfield_10042: { name: 'Customer reference', custom: true } },
          components: { '110': 'api' },
          versions: {},
        },
      }),
    userNames: () => ok([{ accountId: RAJ, displayName: 'Raj Patel' }]),
    // The app's answer: what it masked (the test checks what the page sent).
    maskSummaries: (p) =>
      ok(
        (p.summaries as { issueId: string; text: string }[]).map((s) => ({
          issueId: s.issueId,
          text: s.text.replace(TOKEN, 'ghp_********Tc'),
          masked: s.text.includes(TOKEN),
        })),
      ),
  });
  bridge.invoke.mockImplementation(backend.invoke);
  bridge.requestJira.mockImplementation((path: string) => {
    const id = /\/issue\/(\d+)\?fields=summary$/.exec(path)?.[1] ?? '';
    const summary = SUMMARIES[id];
    return Promise.resolve(
      summary === undefined
        ? new Response('{"errorMessages":["Issue does not exist"]}', { status: 404 })
        : new Response(JSON.stringify({ id, fields: { summary } }), { status: 200 }),
    );
  });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const show = () =>
  render(
    createElement(IncidentView, {
      api: adminApi,
      id: INCIDENT_ID,
      accountId: ME,
      names: createNameCache(adminApi),
      onBack: () => undefined,
      onChanged: () => undefined,
    }),
  );

const cellsOf = async () => {
  const t = await screen.findByRole('table', { name: 'Where the secret appears' });
  return within(t)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell'));
};

describe('incident view places', () => {
  it('says where each place is in words, with authors by name and dates', async () => {
    show();
    await waitFor(async () => {
      expect((await cellsOf()).map((c) => c[1]?.textContent)).toEqual([
        'Customer reference (custom field)',
        'Description, old value, changed by Raj Patel on 30 Nov 2026',
        'Comment by Raj Patel on 30 Nov 2026',
        'Worklog on 30 Nov 2026',
        'Component api description',
      ]);
    });
    // Authors are asked for once, by account id: names are never stored.
    expect(backend.payloads('userNames')).toEqual([{ accountIds: [RAJ] }]);
  });

  it("shows each issue's summary beside its key as the viewer sees it, masked by the app", async () => {
    show();
    await waitFor(async () => {
      expect((await cellsOf())[2]?.[0]?.textContent).toContain('Token ghp_********Tc leaked');
    });
    const keys = (await cellsOf()).map((c) => c[0]?.textContent);
    expect(keys[0]).toBe('PAY-12Payments down');
    // Hidden from the viewer: the key alone.
    expect(keys[3]).toBe('PAY-14');
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(screen.getByText(/a secret in the summary is masked/)).toBeTruthy();
    // One request per issue, as the viewer; one call to mask those Jira showed.
    expect(bridge.requestJira.mock.calls.map((c: unknown[]) => String(c[0])).sort()).toEqual([
      '/rest/api/3/issue/10012?fields=summary',
      '/rest/api/3/issue/10013?fields=summary',
      '/rest/api/3/issue/10014?fields=summary',
    ]);
    expect(backend.payloads('maskSummaries')).toEqual([
      {
        id: INCIDENT_ID,
        summaries: [
          { issueId: '10012', text: 'Payments down' },
          { issueId: '10013', text: `Token ${TOKEN} leaked` },
        ],
      },
    ]);
  });

  it('shows no summary when the app cannot mask it', async () => {
    backend.on('maskSummaries', () => ({
      ok: false,
      error: { code: 'unavailable', message: 'down' },
    }));
    show();
    await waitFor(() => {
      expect(backend.payloads('maskSummaries')).toHaveLength(1);
    });
    const keys = (await cellsOf()).map((c) => c[0]?.textContent);
    expect(keys.slice(0, 4)).toEqual(['PAY-12', 'PAY-12', 'PAY-13', 'PAY-14']);
    expect(document.body.textContent).not.toContain(TOKEN);
  });
});
