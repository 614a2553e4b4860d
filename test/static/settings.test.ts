// @vitest-environment happy-dom
// Settings: the incident API token is replaced but never shown, the connection test tells its
// result, detectors switch on and off (generic ones marked), custom detectors are tested live and
// saved, the team group is saved, and the notice can be copied.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detector, fail, fakeBackend, holdCalls, ok, settings, type FakeBackend } from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn() },
  permissions: { egress: { set: vi.fn(() => Promise.resolve({})) } },
}));
vi.mock('@forge/bridge', () => bridge);

import { SettingsTab } from '../../static/admin/src/admin/SettingsTab';
import type { PublicSettings } from '../../static/admin/src/types';

const NOTICE = 'This Jira site uses Secret Scanner for Jira to find credentials.';
const TOKEN = 'gg-token-Zq81mW3xY7vB2nK5';

function settingsBackend(initial: Partial<PublicSettings> = {}) {
  let current = settings(initial);
  const b = fakeBackend({
    getOverview: () => ok({ settings: current, jobs: [], pendingDeliveries: 3 }),
    listDetectors: () =>
      ok([
        detector({ id: 'github-pat', name: 'GitHub personal access token', family: 'GitHub' }),
        detector({
          id: 'generic-password',
          name: 'Generic password',
          family: 'Generic',
          category: 'generic',
          generic: true,
          enabled: false,
        }),
      ]),
    getNotice: () => ok({ text: NOTICE }),
    updateSettings: (p) => {
      const { detector: _d, ...rest } = p;
      current = { ...current, ...(rest as Partial<PublicSettings>) };
      return ok(current);
    },
    setIncidentApiToken: (p) => {
      current = { ...current, incidentApiTokenSet: p.token !== null };
      return ok({ incidentApiTokenSet: p.token !== null });
    },
    testIncidentApi: () => ok({ reachable: true }),
    testCustomDetector: (p) =>
      p.pattern === '('
        ? ok({ valid: false, error: 'not a valid RE2 pattern: missing closing )' })
        : String(p.text).includes('abcdefg')
          ? ok({
              valid: true,
              matches: [],
              dropped: [
                {
                  start: 0,
                  end: 21,
                  preview: 'ac********p',
                  filter: 'placeholder',
                  reason:
                    'the placeholder filter dropped it: it contains “abcdefg”, which marks example values',
                },
              ],
            })
          : ok({
              valid: true,
              matches: String(p.text).includes('acme_')
                ? [{ start: 6, end: 26, line: 1, column: 7, preview: 'acme_****42' }]
                : [],
            }),
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

const show = () => render(createElement(SettingsTab));

/** An incident API with its address and a token set. */
const TOKEN_SET = { incidentApiUrl: 'https://api.gitguardian.com', incidentApiTokenSet: true };

/** The settings tab shown, its incident API section found. */
async function showIncidentApi() {
  const user = userEvent.setup();
  show();
  return { user, api: within(await screen.findByRole('region', { name: 'Incident API' })) };
}
const section = (name: string) => screen.getByRole('region', { name });

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('incident API', () => {
  it('replaces the token without ever showing it', async () => {
    const b = settingsBackend(TOKEN_SET);
    const { user, api } = await showIncidentApi();
    expect(api.getByLabelText<HTMLInputElement>('Incident API URL').value).toBe(
      'https://api.gitguardian.com',
    );
    const field = api.getByLabelText<HTMLInputElement>('Replace the token');
    expect(field.type).toBe('password');
    expect(field.value).toBe('');
    expect(api.getByText(/A token is set\. .* never shown/)).toBeTruthy();
    await user.type(field, TOKEN);
    await user.click(api.getByRole('button', { name: 'Replace token' }));
    expect(await api.findByText('Token saved.')).toBeTruthy();
    expect(b.payloads('setIncidentApiToken')).toEqual([{ token: TOKEN }]);
    // Gone from the page as soon as it is saved: not in the field, not anywhere in the DOM.
    expect(field.value).toBe('');
    expect(document.body.innerHTML).not.toContain(TOKEN);
    expect(document.body.innerHTML).not.toContain('Zq81mW3x');

    await user.click(api.getByRole('button', { name: 'Remove token' }));
    expect(await api.findByText('Token removed.')).toBeTruthy();
    expect(b.payloads('setIncidentApiToken').at(-1)).toEqual({ token: null });
    expect(api.getByLabelText('Token')).toBeTruthy();
    expect(api.getByText('No token is set.')).toBeTruthy();
  });

  it('saves the address, and shows a refusal inline', async () => {
    const b = settingsBackend();
    const { user, api } = await showIncidentApi();
    await user.type(api.getByLabelText('Incident API URL'), 'https://incidents.example.com');
    await user.click(api.getByRole('button', { name: 'Save address' }));
    expect(await api.findByText('Address saved.')).toBeTruthy();
    expect(b.payloads('updateSettings')).toEqual([
      { incidentApiUrl: 'https://incidents.example.com' },
    ]);
    // A self-hosted host is allowed through Jira's consent first (customer-managed egress).
    expect(bridge.permissions.egress.set).toHaveBeenCalledWith({
      egresses: [
        expect.objectContaining({
          key: 'incident-api',
          configured: [{ domain: 'https://incidents.example.com', type: ['FETCH_BACKEND_SIDE'] }],
        }),
      ],
    });
    b.on('updateSettings', () =>
      fail('invalid', 'Incident API URL must be an https address (starting with https://)'),
    );
    await user.clear(api.getByLabelText('Incident API URL'));
    await user.type(api.getByLabelText('Incident API URL'), 'http://incidents.example.com');
    await user.click(api.getByRole('button', { name: 'Save address' }));
    expect((await api.findByRole('alert')).textContent).toBe(
      'Incident API URL must be an https address (starting with https://).',
    );
  });

  it('says the token was cleared when the address moved to another host', async () => {
    const b = settingsBackend(TOKEN_SET);
    // The server deletes the token of another origin in the same call.
    b.on('updateSettings', (p) =>
      ok(
        settings({ incidentApiUrl: p.incidentApiUrl as string | null, incidentApiTokenSet: false }),
      ),
    );
    const { user, api } = await showIncidentApi();
    const field = api.getByLabelText('Incident API URL');
    await user.clear(field);
    await user.type(field, 'https://gg.corp.example/api');
    await user.click(api.getByRole('button', { name: 'Save address' }));
    expect(
      await api.findByText(
        'Address saved. The token was cleared because the address is on another host: enter the token for gg.corp.example.',
      ),
    ).toBeTruthy();
    expect(api.getByText('No token is set.')).toBeTruthy();
    expect(api.getByLabelText('Token')).toBeTruthy();
    expect(api.queryByRole('button', { name: 'Remove token' })).toBeNull();
  });

  it('does not save an address whose host the admin refused to allow', async () => {
    const b = settingsBackend();
    bridge.permissions.egress.set.mockImplementationOnce(() =>
      Promise.reject(new Error('declined')),
    );
    const { user, api } = await showIncidentApi();
    await user.type(api.getByLabelText('Incident API URL'), 'https://gg.corp.example');
    await user.click(api.getByRole('button', { name: 'Save address' }));
    expect(
      await api.findByText(
        'Jira did not allow the app to reach gg.corp.example, so the address was not saved.',
      ),
    ).toBeTruthy();
    expect(b.payloads('updateSettings')).toEqual([]);
  });

  it('tests the connection and says what happened', async () => {
    const b = settingsBackend(TOKEN_SET);
    const { user, api } = await showIncidentApi();
    expect(api.getByText('3 incident updates waiting to be sent.')).toBeTruthy();
    await user.click(api.getByRole('button', { name: 'Test connection' }));
    expect(await api.findByText(/Connected/)).toBeTruthy();
    b.on('testIncidentApi', () =>
      ok({ reachable: false, kind: 'auth', message: 'the incident API refused the token (401)' }),
    );
    await user.click(api.getByRole('button', { name: 'Test connection' }));
    expect((await api.findByRole('alert')).textContent).toBe(
      'Not connected (the token was refused): The incident API refused the token (401).',
    );
    // The earlier "Connected" answered an earlier test: only the latest answer shows.
    expect(api.queryByText(/Connected/)).toBeNull();
    b.on('testIncidentApi', () => fail('invalid', 'set the incident API URL and token first'));
    await user.click(api.getByRole('button', { name: 'Test connection' }));
    expect((await api.findByRole('alert')).textContent).toBe(
      'Set the incident API URL and token first.',
    );
  });

  it('keeps only the latest action’s message: a new action or an edit clears the others', async () => {
    const b = settingsBackend(TOKEN_SET);
    const { user, api } = await showIncidentApi();
    await user.click(api.getByRole('button', { name: 'Test connection' }));
    await api.findByText(/Connected/);
    // A refused address: its error, and no "Connected" beside it.
    b.on('updateSettings', () =>
      fail('invalid', 'Incident API URL must be an https address (starting with https://)'),
    );
    const field = api.getByLabelText('Incident API URL');
    await user.clear(field);
    expect(api.queryByText(/Connected/)).toBeNull(); // an edit clears it already
    await user.click(api.getByRole('button', { name: 'Test connection' }));
    await api.findByText(/Connected/);
    await user.type(field, 'http://gg.example.com');
    await user.click(api.getByRole('button', { name: 'Save address' }));
    expect((await api.findByRole('alert')).textContent).toContain('must be an https address');
    expect(api.queryByText(/Connected/)).toBeNull();
    // Saving the token clears the address's error, and typing clears "Token saved.".
    await user.type(api.getByLabelText('Replace the token'), TOKEN);
    expect(api.queryByRole('alert')).toBeNull();
    await user.click(api.getByRole('button', { name: 'Replace token' }));
    await api.findByText('Token saved.');
    await user.type(field, '/v1');
    expect(api.queryByText('Token saved.')).toBeNull();
  });
});

describe('who can see incidents', () => {
  const G1 = '952d12c3-5b5b-4d04-bb32-44d383afc4b2';
  const G2 = '0b6f6d7e-1c2a-4e3b-9f00-aa11bb22cc33';
  const GROUPS = [
    { groupId: G1, name: 'security-team' },
    { groupId: G2, name: 'security-team-eu' },
  ];
  function teamBackend(initial: Partial<PublicSettings> = {}) {
    const b = settingsBackend(initial);
    let current = settings(initial);
    b.on('searchGroups', (p) =>
      ok(GROUPS.filter((g) => g.name.includes(String(p.query).toLowerCase()))),
    );
    // The server keeps the id and looks its name up.
    b.on('updateSettings', (p) => {
      const id = p.teamGroupId as string | null;
      current = {
        ...current,
        teamGroupId: id,
        teamGroupName: GROUPS.find((g) => g.groupId === id)?.name ?? null,
      };
      return ok(current);
    });
    return b;
  }

  it('finds the group by name, saves its id, shows its name, and removes it', async () => {
    const b = teamBackend();
    const user = userEvent.setup();
    show();
    const team = within(await screen.findByRole('region', { name: 'Who can see incidents' }));
    expect(team.getByText('No group is set: only administrators see incidents.')).toBeTruthy();
    await user.type(team.getByLabelText('Group name'), 'Security');
    await user.click(team.getByRole('button', { name: 'Find groups' }));
    await user.click(await team.findByRole('button', { name: 'Choose security-team-eu' }));
    expect(await team.findByText('Members of security-team-eu can see incidents.')).toBeTruthy();
    expect(team.getByText('security-team-eu', { selector: 'strong' })).toBeTruthy();
    await user.click(team.getByRole('button', { name: 'Remove group' }));
    expect(await team.findByText('No group set.')).toBeTruthy();
    expect(b.payloads('searchGroups')).toEqual([{ query: 'Security' }]);
    expect(b.payloads('updateSettings')).toEqual([{ teamGroupId: G2 }, { teamGroupId: null }]);
  });

  it('says when no group matches; an edit clears the last saved message', async () => {
    teamBackend();
    const user = userEvent.setup();
    show();
    const team = within(await screen.findByRole('region', { name: 'Who can see incidents' }));
    await user.type(team.getByLabelText('Group name'), 'nobody');
    await user.click(team.getByRole('button', { name: 'Find groups' }));
    expect(await team.findByText('No group’s name contains “nobody”.')).toBeTruthy();
    // A saved group's message goes with the next search.
    await user.clear(team.getByLabelText('Group name'));
    await user.type(team.getByLabelText('Group name'), 'security');
    await user.click(team.getByRole('button', { name: 'Find groups' }));
    await user.click(await team.findByRole('button', { name: 'Choose security-team' }));
    await team.findByText('Members of security-team can see incidents.');
    await user.type(team.getByLabelText('Group name'), '-eu');
    expect(team.queryByText('Members of security-team can see incidents.')).toBeNull();
  });

  it('asks to choose again a group saved by name, or one that no longer exists', async () => {
    teamBackend({ legacyTeamGroupName: 'All-incidents' });
    show();
    const team = within(await screen.findByRole('region', { name: 'Who can see incidents' }));
    expect(
      team.getByText(
        'An earlier version kept the group by name (All-incidents). Choose it again: until then only administrators see incidents.',
      ),
    ).toBeTruthy();
    cleanup();
    teamBackend({ teamGroupId: G1, teamGroupName: null });
    show();
    const gone = within(await screen.findByRole('region', { name: 'Who can see incidents' }));
    expect(
      gone.getByText('The group chosen before no longer exists in Jira: choose another.'),
    ).toBeTruthy();
  });
});

describe('detectors', () => {
  it('marks generic ones as off by default and switches one on', async () => {
    const b = settingsBackend();
    const user = userEvent.setup();
    show();
    const detectors = within(await screen.findByRole('region', { name: 'Detectors' }));
    await detectors.findByText('Generic password');
    expect(detectors.getByText(/off until you switch them on/)).toBeTruthy();
    expect(detectors.getByText('Generic, off by default')).toBeTruthy();
    expect(detectors.getByText('1 of 2 detectors on.')).toBeTruthy();
    const generic = detectors.getByRole('switch', { name: 'Generic password detector' });
    expect(generic.getAttribute('aria-checked')).toBe('false');
    await user.click(generic);
    await waitFor(() => {
      expect(generic.getAttribute('aria-checked')).toBe('true');
    });
    expect(b.payloads('updateSettings')).toEqual([
      { detector: { id: 'generic-password', enabled: true } },
    ]);
    await user.type(detectors.getByLabelText('Search detectors'), 'github');
    expect(detectors.getAllByRole('switch')).toHaveLength(1);
  });

  it('shows an error when the list cannot be read', async () => {
    const b = settingsBackend();
    b.on('listDetectors', () => fail('unavailable', 'try again later'));
    show();
    const detectors = within(await screen.findByRole('region', { name: 'Detectors' }));
    expect((await detectors.findByRole('alert')).textContent).toContain('Try again later.');
  });
});

describe('custom detectors', () => {
  it('says which filter dropped a match the pattern found', async () => {
    settingsBackend();
    const user = userEvent.setup();
    show();
    const custom = within(await screen.findByRole('region', { name: 'Custom detectors' }));
    await user.type(custom.getByLabelText('Name'), 'Acme key');
    await user.click(custom.getByLabelText('Pattern (RE2)'));
    await user.paste('acme_[a-z0-9]{16}');
    await user.type(custom.getByLabelText('Test text'), 'acme_abcdefghijklmnop');
    expect(
      await custom.findByText(
        /scanning finds nothing in the test text, though the pattern matches/,
      ),
    ).toBeTruthy();
    expect(
      custom.getByText(/The placeholder filter dropped it: it contains “abcdefg”/),
    ).toBeTruthy();
    expect(custom.getByText('ac********p')).toBeTruthy();
  });

  it('tests the pattern live as it is typed, then adds, edits and removes it', async () => {
    const b = settingsBackend();
    const user = userEvent.setup();
    show();
    const custom = within(await screen.findByRole('region', { name: 'Custom detectors' }));
    expect(custom.getByText('No custom detector yet.')).toBeTruthy();
    expect(custom.getByText('Type a name and a pattern to test them.')).toBeTruthy();
    await user.type(custom.getByLabelText('Name'), 'Acme key');
    // Pasted: user.type would read the brackets as key names.
    await user.click(custom.getByLabelText('Pattern (RE2)'));
    await user.paste('acme_[a-z0-9]{20}');
    await user.type(custom.getByLabelText('Test text'), 'token acme_k3j9x2m7q8w1z5v4ab42');
    expect(await custom.findByText('1 match (masked):')).toBeTruthy();
    expect(custom.getByText('acme_****42')).toBeTruthy();
    // Typing is debounced: one test for the final text, not one per key.
    expect(b.payloads('testCustomDetector')).toEqual([
      { name: 'Acme key', pattern: 'acme_[a-z0-9]{20}', text: 'token acme_k3j9x2m7q8w1z5v4ab42' },
    ]);
    await user.click(custom.getByRole('button', { name: 'Add detector' }));
    const added = await custom.findByText('Added Acme key.');
    // The button was disabled while saving: focus goes to the result, not to the page's body.
    await waitFor(() => {
      expect(document.activeElement?.contains(added)).toBe(true);
    });
    expect(b.payloads('updateSettings')).toEqual([
      { customDetectors: [{ name: 'Acme key', pattern: 'acme_[a-z0-9]{20}' }] },
    ]);
    const row = within(custom.getByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('acme_[a-z0-9]{20}')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Edit Acme key' }));
    // Editing another draft: "Added" answered the previous one.
    expect(custom.queryByText('Added Acme key.')).toBeNull();
    const pattern = custom.getByLabelText('Pattern (RE2)');
    await user.clear(pattern);
    await user.type(pattern, '(');
    expect(
      await custom.findByText('Pattern problem: Not a valid RE2 pattern: missing closing ).'),
    ).toBeTruthy();
    await user.clear(pattern);
    await user.paste('acme_[a-z0-9]{24}');
    await user.click(custom.getByRole('button', { name: 'Save changes' }));
    expect(await custom.findByText('Saved Acme key.')).toBeTruthy();
    expect(b.payloads('updateSettings').at(-1)).toEqual({
      customDetectors: [{ name: 'Acme key', pattern: 'acme_[a-z0-9]{24}' }],
    });

    await user.click(custom.getByRole('button', { name: 'Remove Acme key' }));
    const removed = await custom.findByText('Removed Acme key.');
    // Its row (and the button) are gone: focus goes to the result.
    await waitFor(() => {
      expect(document.activeElement?.contains(removed)).toBe(true);
    });
    expect(b.payloads('updateSettings').at(-1)).toEqual({ customDetectors: [] });
  });

  it("shows the server's refusal of a detector", async () => {
    const b = settingsBackend();
    b.on('updateSettings', () =>
      fail('invalid', 'custom detector "Acme key": pattern matches the empty string'),
    );
    const user = userEvent.setup();
    show();
    const custom = within(await screen.findByRole('region', { name: 'Custom detectors' }));
    await user.type(custom.getByLabelText('Name'), 'Acme key');
    await user.type(custom.getByLabelText('Pattern (RE2)'), 'a*');
    await user.click(custom.getByRole('button', { name: 'Add detector' }));
    expect((await custom.findByRole('alert')).textContent).toContain(
      'pattern matches the empty string',
    );
  });
});

describe('notify the people involved', () => {
  it('turns notifications on, focus staying on the switch while it saves', async () => {
    const b = settingsBackend();
    const user = userEvent.setup();
    show();
    const notify = within(
      await screen.findByRole('region', { name: 'Notify the people involved' }),
    );
    const toggle = notify.getByRole('switch', { name: 'Notify the people involved' });
    const release = holdCalls(bridge.invoke, b, 'updateSettings');
    await user.click(toggle);
    // Saving: it waits (disabled would drop focus in a browser).
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-busy')).toBe('true');
    expect((toggle as HTMLButtonElement).disabled).toBe(false);
    release();
    expect(await notify.findByText('Notifications are on.')).toBeTruthy();
    expect(document.activeElement).toBe(toggle);
    expect(b.payloads('updateSettings')).toEqual([{ notifyPeople: true }]);
  });
});

describe('notice', () => {
  it('shows the suggested notice and copies it', async () => {
    settingsBackend();
    const user = userEvent.setup();
    // After setup, which puts its own clipboard in place.
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show();
    const notice = within(await screen.findByRole('region', { name: 'Notice for your users' }));
    expect((await notice.findByLabelText<HTMLTextAreaElement>('Suggested notice')).value).toBe(
      NOTICE,
    );
    await user.click(notice.getByRole('button', { name: 'Copy notice' }));
    expect(await notice.findByText('Copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(NOTICE);
  });

  it('selects the text for a manual copy when the clipboard is blocked', async () => {
    settingsBackend();
    const user = userEvent.setup();
    // After setup, which puts its own clipboard in place.
    const writeText = vi.fn(() => Promise.reject(new Error('blocked')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show();
    const notice = within(await screen.findByRole('region', { name: 'Notice for your users' }));
    const area = await notice.findByLabelText('Suggested notice');
    await user.click(notice.getByRole('button', { name: 'Copy notice' }));
    expect(await notice.findByText(/press Ctrl\+C/)).toBeTruthy();
    expect(document.activeElement).toBe(area);
  });
});

describe('settings states', () => {
  it('shows loading, then an error with a retry when the settings cannot be read', async () => {
    const b: FakeBackend = settingsBackend();
    b.on('getOverview', () => fail('unavailable', 'storage is unavailable'));
    const user = userEvent.setup();
    show();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Loading settings…');
    const alert = (await screen.findAllByRole('alert'))[0] as HTMLElement;
    expect(alert.textContent).toContain('Could not load the settings');
    b.on('getOverview', () => ok({ settings: settings(), jobs: [], pendingDeliveries: 0 }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Incident API' })).toBeTruthy();
    expect(section('Who can see incidents')).toBeTruthy();
  });
});
