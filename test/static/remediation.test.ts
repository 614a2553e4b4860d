// @vitest-environment happy-dom
// The incident view's "What to do" section: the family's steps, the provider's page (opened
// through the host), and the note when Jira still shows the secret only in the issue history.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({ router: { open: vi.fn(() => Promise.resolve()) } }));
vi.mock('@forge/bridge', () => bridge);

import { Remediation } from '../../static/admin/src/incidents/Remediation';

const GUIDANCE = {
  steps: 'Delete the token in GitHub under Settings > Developer settings.',
  url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
};

afterEach(cleanup);

describe('remediation section', () => {
  it("shows the steps and opens the provider's page through the host", async () => {
    render(createElement(Remediation, { guidance: GUIDANCE }));
    expect(screen.getByRole('heading', { name: 'What to do' })).toBeTruthy();
    expect(screen.getByText(GUIDANCE.steps)).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
    const link = screen.getByRole('link', { name: /The provider's instructions/ });
    expect(link.getAttribute('href')).toBe(GUIDANCE.url);
    await userEvent.setup().click(link);
    expect(bridge.router.open).toHaveBeenCalledWith(GUIDANCE.url);
    expect(screen.getByText('docs.github.com')).toBeTruthy();
  });

  it('says when the secret is only left in the issue history', () => {
    render(
      createElement(Remediation, {
        guidance: {
          ...GUIDANCE,
          history_note: 'still visible in the issue history; Jira keeps old values',
        },
      }),
    );
    expect(screen.getByRole('note').textContent).toContain(
      'still visible in the issue history; Jira keeps old values',
    );
  });

  it('shows nothing without guidance, and no link for a URL that is not http(s)', () => {
    const { container } = render(createElement(Remediation, { guidance: undefined }));
    expect(container.textContent).toBe('');
    cleanup();
    render(createElement(Remediation, { guidance: { ...GUIDANCE, url: 'javascript:alert(1)' } }));
    expect(screen.queryByRole('link')).toBeNull();
  });
});
