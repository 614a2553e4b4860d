// @vitest-environment happy-dom
// Validity checks in Settings: off by default, the hosts that would receive a secret are listed
// with why, turning checks on and switching one provider off send the documented patches.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBackend, holdCalls, ok, settings } from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn() },
  permissions: { egress: { set: vi.fn(() => Promise.resolve({})) } },
}));
vi.mock('@forge/bridge', () => bridge);

import { SettingsTab } from '../../static/admin/src/admin/SettingsTab';
import type { PublicSettings, ValidityCheckerInfo } from '../../static/admin/src/types';

const checker = (provider: string, name: string, host: string): ValidityCheckerInfo => ({
  provider,
  name,
  host,
  why: `GET something on ${host} with the token`,
  docs: [`https://docs.${host}/`],
  detectors: [`${provider}-token`],
  enabled: false,
});

function backend() {
  let current: PublicSettings = settings({
    validityCheckers: [
      checker('github', 'GitHub', 'api.github.com'),
      checker('slack', 'Slack', 'slack.com'),
    ],
  });
  const b = fakeBackend({
    getOverview: () => ok({ settings: current, jobs: [], pendingDeliveries: 0 }),
    listDetectors: () => ok([]),
    getNotice: () => ok({ text: 'notice' }),
    updateSettings: (p) => {
      const v = (
        p as { validityChecks: { enabled?: boolean; provider?: { id: string; enabled: boolean } } }
      ).validityChecks;
      const enabled = v.enabled ?? current.validityChecks.enabled;
      const providers = v.provider
        ? { ...current.validityChecks.providers, [v.provider.id]: v.provider.enabled }
        : current.validityChecks.providers;
      current = {
        ...current,
        validityChecks: { ...current.validityChecks, enabled, providers },
        validityCheckers: (current.validityCheckers ?? []).map((c) => ({
          ...c,
          enabled: enabled && providers[c.provider] !== false,
        })),
      };
      return ok(current);
    },
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

/** The settings tab shown: its validity checks section and their main switch. */
async function showValidityChecks() {
  const user = userEvent.setup();
  render(createElement(SettingsTab));
  const section = await screen.findByRole('region', { name: 'Validity checks' });
  const main = within(section).getByRole('switch', {
    name: 'Check whether found secrets still work',
  });
  return { user, section, main };
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Settings: validity checks', () => {
  it('are off, list each host with why, and turn on, then one provider off', async () => {
    const b = backend();
    const { user, section, main } = await showValidityChecks();
    expect(main.getAttribute('aria-checked')).toBe('false');
    expect(within(section).getByText('Checks are off: no secret leaves the app.')).toBeTruthy();
    const table = within(section).getByRole('table', { name: /Hosts that receive a secret/ });
    expect(within(table).getByText('api.github.com')).toBeTruthy();
    expect(within(table).getByText('slack.com')).toBeTruthy();
    expect(within(table).getByText(/GET something on slack.com with the token/)).toBeTruthy();
    const slack = within(table).getByRole('switch', { name: 'Check Slack secrets' });
    expect((slack as HTMLButtonElement).disabled).toBe(true);

    await user.click(main);
    await waitFor(() => {
      expect(main.getAttribute('aria-checked')).toBe('true');
    });
    expect(b.calls.at(-1)).toEqual({
      name: 'updateSettings',
      payload: { validityChecks: { enabled: true } },
    });
    await waitFor(() => {
      expect(slack.getAttribute('aria-checked')).toBe('true');
    });
    await user.click(slack);
    await waitFor(() => {
      expect(slack.getAttribute('aria-checked')).toBe('false');
    });
    expect(b.calls.at(-1)).toEqual({
      name: 'updateSettings',
      payload: { validityChecks: { provider: { id: 'slack', enabled: false } } },
    });
    const github = within(table).getByRole('switch', { name: 'Check GitHub secrets' });
    expect(github.getAttribute('aria-checked')).toBe('true');
  });

  it('keep focus on the switch being saved, which waits while the others are off', async () => {
    const b = backend();
    const { user, section, main } = await showValidityChecks();
    await user.click(main);
    const slack = within(section).getByRole('switch', { name: 'Check Slack secrets' });
    await waitFor(() => {
      expect(slack.getAttribute('aria-checked')).toBe('true');
    });
    const release = holdCalls(bridge.invoke, b, 'updateSettings');
    await user.click(slack);
    expect(document.activeElement).toBe(slack);
    expect(slack.getAttribute('aria-busy')).toBe('true');
    expect((slack as HTMLButtonElement).disabled).toBe(false);
    expect((main as HTMLButtonElement).disabled).toBe(true);
    release();
    await waitFor(() => {
      expect(slack.getAttribute('aria-checked')).toBe('false');
    });
    expect(slack.getAttribute('aria-busy')).toBeNull();
    expect(document.activeElement).toBe(slack);
  });
});
