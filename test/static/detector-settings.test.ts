// @vitest-environment happy-dom
// Detector settings at the size of the catalogue: families collapsed with their counts, a search
// that opens what it matches, a switch for a whole family, the generic ones explained first, and
// a save that makes only its own switch wait (issue 16 item 7).
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, detector, fakeBackend, ok } from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
}));
vi.mock('@forge/bridge', () => bridge);

import { ApiError } from '../../static/admin/src/api';
import { DetectorsSection } from '../../static/admin/src/admin/DetectorSettings';

const DETECTORS = [
  detector({ id: 'github-pat', name: 'GitHub PAT', family: 'github' }),
  detector({ id: 'github-oauth', name: 'GitHub OAuth token', family: 'github' }),
  detector({ id: 'github-app', name: 'GitHub app token', family: 'github', enabled: false }),
  detector({ id: 'slack-bot-token', name: 'Slack bot token', family: 'slack' }),
  detector({
    id: 'generic-password',
    name: 'Generic password',
    family: 'generic',
    generic: true,
    enabled: false,
  }),
];

type Change = readonly { id: string; enabled: boolean }[];

function show(save: (change: Change) => Promise<unknown>) {
  bridge.invoke.mockImplementation(fakeBackend({ listDetectors: () => ok(DETECTORS) }).invoke);
  render(createElement(DetectorsSection, { save }));
  return within(screen.getByRole('region', { name: 'Detectors' }));
}

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('detector settings', () => {
  it('lists families collapsed with their counts, generic detectors explained first', async () => {
    const section = show(() => Promise.resolve());
    const github = await section.findByRole('button', { name: /^github/ });
    expect(github.getAttribute('aria-expanded')).toBe('false');
    expect(github.textContent).toContain('3 detectors, 2 on');
    expect(section.getByRole('button', { name: /^slack/ }).textContent).toContain(
      '1 detector, 1 on',
    );
    // Only the generic switch shows while families are collapsed, under its explanation.
    expect(section.getAllByRole('switch').map((s) => s.getAttribute('aria-label'))).toEqual([
      'Generic password detector',
    ]);
    expect(section.getByRole('heading', { name: 'Generic detectors' })).toBeTruthy();
    expect(section.getByText(/off until you switch them on/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(github);
    expect(github.getAttribute('aria-expanded')).toBe('true');
    expect(section.getAllByRole('switch')).toHaveLength(4);
  });

  it('opens the families a search matches, showing only the matching detectors', async () => {
    const section = show(() => Promise.resolve());
    const user = userEvent.setup();
    await user.type(await section.findByLabelText('Search detectors'), 'oauth');
    expect(section.getAllByRole('switch').map((s) => s.getAttribute('aria-label'))).toEqual([
      'GitHub OAuth token detector',
    ]);
    expect(section.getByText(/1 match/)).toBeTruthy();
    expect(section.queryByRole('button', { name: /slack/ })).toBeNull();
    await user.clear(section.getByLabelText('Search detectors'));
    await user.type(section.getByLabelText('Search detectors'), 'nothing like it');
    expect(section.getByText('No detector matches.')).toBeTruthy();
  });

  it('turns a whole family on, then off, in one save each', async () => {
    const save = vi.fn<(c: Change) => Promise<unknown>>(() => Promise.resolve());
    const section = show(save);
    const user = userEvent.setup();
    await user.click(await section.findByRole('button', { name: 'Turn all on (github)' }));
    expect(save).toHaveBeenLastCalledWith([{ id: 'github-app', enabled: true }]);
    const off = await section.findByRole('button', { name: 'Turn all off (github)' });
    expect(section.getByRole('button', { name: /^github/ }).textContent).toContain('3 on');
    await user.click(off);
    expect(save).toHaveBeenLastCalledWith([
      { id: 'github-pat', enabled: false },
      { id: 'github-oauth', enabled: false },
      { id: 'github-app', enabled: false },
    ]);
    await waitFor(() => {
      expect(section.getByText(/^1 of 5 detectors on/)).toBeTruthy();
    });
  });

  it('makes only the switch being saved wait: the others stay usable, focus stays', async () => {
    const first = deferred<unknown>();
    const save = vi.fn<(c: Change) => Promise<unknown>>(() => first.promise);
    const section = show(save);
    const user = userEvent.setup();
    await user.click(await section.findByRole('button', { name: /^github/ }));
    const pat = section.getByRole('switch', { name: 'GitHub PAT detector' });
    await user.click(pat);
    // It shows its new position at once, waits, and keeps the focus.
    expect(pat.getAttribute('aria-checked')).toBe('false');
    expect(pat.getAttribute('aria-busy')).toBe('true');
    expect(document.activeElement).toBe(pat);
    // A second click while it saves does nothing.
    await user.click(pat);
    expect(save).toHaveBeenCalledTimes(1);
    // Every other switch is untouched and usable, and keeps showing on or off.
    const others = section.getAllByRole('switch').filter((s) => s !== pat);
    for (const s of others) {
      expect(s.hasAttribute('disabled')).toBe(false);
      expect(s.getAttribute('aria-busy')).toBeNull();
    }
    expect(others.map((s) => s.getAttribute('aria-checked'))).toEqual(['false', 'true', 'false']);
    const oauth = section.getByRole('switch', { name: 'GitHub OAuth token detector' });
    await user.click(oauth);
    expect(oauth.getAttribute('aria-checked')).toBe('false');
    // Saves go in order: the second waits for the first.
    expect(save).toHaveBeenCalledTimes(1);
    first.resolve({});
    await waitFor(() => {
      expect(save).toHaveBeenCalledTimes(2);
    });
    await waitFor(() => {
      expect(pat.getAttribute('aria-busy')).toBeNull();
    });
    expect(save.mock.calls.map((c) => c[0])).toEqual([
      [{ id: 'github-pat', enabled: false }],
      [{ id: 'github-oauth', enabled: false }],
    ]);
  });

  it('puts a switch back and says why when the server refuses', async () => {
    const save = vi.fn(() => Promise.reject(new ApiError('invalid', 'unknown detector "x"')));
    const section = show(save);
    const user = userEvent.setup();
    const generic = await section.findByRole('switch', { name: 'Generic password detector' });
    await user.click(generic);
    expect((await section.findByRole('alert')).textContent).toBe('Unknown detector "x".');
    expect(generic.getAttribute('aria-checked')).toBe('false');
    expect(generic.getAttribute('aria-busy')).toBeNull();
    expect(document.activeElement).toBe(generic);
  });
});
