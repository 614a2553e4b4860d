// @vitest-environment happy-dom
// Historical scans: starting one (all or chosen projects, an optional date), the running scan's
// progress read every few seconds, pause/resume/cancel, and the past scans with their errors.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, fakeBackend, holdCalls, job, ok, project } from './fixtures';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  view: { getContext: vi.fn(), theme: { enable: vi.fn() } },
  router: { open: vi.fn() },
}));
vi.mock('@forge/bridge', () => bridge);

import { localMidnight, POLL_MS, ScanTab } from '../../static/admin/src/admin/ScanTab';
import type { HistoricalJob } from '../../static/admin/src/types';

const PROJECTS = [project('PAY'), project('OPS'), project('HR', false)];

function scanBackend(jobs: HistoricalJob[]) {
  let current = jobs;
  const put = (j: HistoricalJob) => {
    current = [j, ...current.filter((x) => x.id !== j.id)];
    return ok(j);
  };
  const b = fakeBackend({
    listScans: () => ok(current),
    listProjects: () => ok(PROJECTS),
    listRealtimeSkips: () => ok([]),
    startScan: (p) =>
      put(
        job({
          id: 'job-new',
          projects: (p.projects as string[] | undefined) ?? ['PAY', 'OPS'],
          ...(typeof p.since === 'string' ? { since: p.since } : {}),
          counters: { ...job({ id: 'x' }).counters, issuesScanned: 0, findings: 0 },
        }),
      ),
    controlScan: (p) => {
      const j = current.find((x) => x.id === p.jobId);
      if (!j) return fail('not-found', 'no such scan');
      const status =
        p.action === 'pause' ? 'paused' : p.action === 'resume' ? 'running' : 'cancelled';
      return put({ ...j, status });
    },
  });
  bridge.invoke.mockImplementation(b.invoke);
  return b;
}

const show = () => render(createElement(ScanTab));
const NOW = '2026-01-06T09:10:00.000Z';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('historical scan', () => {
  it('starts a scan of chosen projects since a date, then shows its progress', async () => {
    const b = scanBackend([]);
    const user = userEvent.setup();
    show();
    expect(await screen.findByText('No scan yet.')).toBeTruthy();
    expect(screen.getByLabelText(/All monitored projects \(2\)/)).toBeTruthy();
    await user.click(screen.getByLabelText('Chosen projects'));
    const list = screen.getByRole('list', { name: 'Projects to scan' });
    // Only monitored projects can be chosen.
    expect(within(list).getAllByRole('checkbox')).toHaveLength(2);
    const start = screen.getByRole('button', { name: 'Start scan' });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(list).getByLabelText(/PAY/));
    fireEvent.change(screen.getByLabelText('Only issues updated since (optional)'), {
      target: { value: '2026-01-01' },
    });
    await user.click(start);
    expect(await screen.findByText('Scan started.')).toBeTruthy();
    expect(b.payloads('startScan')).toEqual([
      { projects: ['PAY'], since: localMidnight('2026-01-01') },
    ]);
    const progress = screen.getByRole('progressbar', { name: 'Issues scanned' });
    expect(progress.getAttribute('aria-valuenow')).toBe('0');
    expect(progress.getAttribute('aria-valuemax')).toBe('160');
    // One scan at a time.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start scan' }).disabled).toBe(
      true,
    );
    expect(screen.getByText(/One scan at a time/)).toBeTruthy();
  });

  it('says the first scan is running, and "Scan started." only until it ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const b = scanBackend([]);
    b.on('getScan', (p) =>
      ok(job({ id: String(p.jobId), status: 'done', phase: 'done', finishedAt: NOW })),
    );
    show();
    expect(await screen.findByText('No scan yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start scan' }));
    await screen.findByText('Scan started.');
    const past = screen.getByRole('region', { name: 'Past scans' });
    expect(past.textContent).toContain('The first scan is running');
    expect(past.textContent).not.toContain('No scan yet');
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText('Scan started.')).toBeNull();
    expect(within(past).getByText('Finished')).toBeTruthy();
    expect(past.textContent).not.toContain('is running');
  });

  it('starts a scan of every monitored project with no payload beyond what was chosen', async () => {
    const b = scanBackend([]);
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Start scan' }));
    await screen.findByText('Scan started.');
    expect(b.payloads('startScan')).toEqual([{}]);
  });

  it('keeps Start off, saying why, while no project is monitored', async () => {
    const b = scanBackend([]);
    b.on('listProjects', () => ok([project('PAY', false)]));
    show();
    expect(await screen.findByLabelText(/All monitored projects \(0\)/)).toBeTruthy();
    const start = screen.getByRole<HTMLButtonElement>('button', { name: 'Start scan' });
    expect(start.disabled).toBe(true);
    const why = document.getElementById(start.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain('No project is monitored');
  });

  it("shows the server's refusal next to the form", async () => {
    const b = scanBackend([]);
    b.on('startScan', () => fail('conflict', 'no monitored project to scan'));
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Start scan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No monitored project to scan.');
  });

  it('reads the running scan every few seconds until it is done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const running = job({ id: 'job-1' });
    const b = scanBackend([running]);
    let reads = 0;
    b.on('getScan', (p) => {
      reads++;
      expect(p).toEqual({ jobId: 'job-1' });
      return ok(
        reads === 1
          ? job({ id: 'job-1', counters: { ...running.counters, issuesScanned: 120, findings: 9 } })
          : job({
              id: 'job-1',
              status: 'done',
              phase: 'done',
              finishedAt: '2026-01-06T09:10:00.000Z',
              counters: { ...running.counters, issuesScanned: 158, findings: 11 },
            }),
      );
    });
    show();
    const progress = await screen.findByRole('progressbar');
    expect(progress.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText(/40 of about 160 issues scanned, 3 findings/)).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(reads).toBe(1);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('120');
    expect(screen.getByText(/120 of about 160 issues scanned, 9 findings/)).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(reads).toBe(2);
    expect(screen.queryByRole('progressbar')).toBeNull();
    const row = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Finished')).toBeTruthy();
    expect(within(row).getByText('11')).toBeTruthy();
    // Done: no more reads.
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(reads).toBe(2);
  });

  it('keeps trying when a progress read fails, and says so', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const b = scanBackend([job({ id: 'job-1' })]);
    b.on('getScan', () => fail('unavailable', 'Jira answered 503'));
    show();
    await screen.findByRole('progressbar');
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(screen.getByText(/Could not refresh the progress \(Jira answered 503\)/)).toBeTruthy();
    b.on('getScan', () =>
      ok(job({ id: 'job-1', counters: { ...job({ id: 'x' }).counters, issuesScanned: 99 } })),
    );
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('99');
    expect(screen.queryByText(/Could not refresh/)).toBeNull();
  });

  it('pauses, resumes, and cancels after a confirmation', async () => {
    const b = scanBackend([job({ id: 'job-1' })]);
    const user = userEvent.setup();
    show();
    const pause = await screen.findByRole('button', { name: 'Pause' });
    const release = holdCalls(bridge.invoke, b, 'controlScan');
    await user.click(pause);
    // Waiting for the answer, it keeps focus (not disabled) and ignores another click.
    expect(document.activeElement).toBe(pause);
    expect(pause.getAttribute('aria-disabled')).toBe('true');
    expect((pause as HTMLButtonElement).disabled).toBe(false);
    await user.click(pause);
    release();
    const resume = await screen.findByRole('button', { name: 'Resume' });
    expect(document.activeElement).toBe(resume);
    expect(screen.getByRole('heading', { name: /Scan in progress/ }).textContent).toContain(
      'Paused',
    );
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel scan' }));
    await user.click(screen.getByRole('button', { name: 'Keep scanning' }));
    expect(b.payloads('controlScan')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Cancel scan' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the scan' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    // The section (and the button clicked) is gone: focus is on the result, not on the page.
    const result = screen.getByRole('status');
    expect(result.textContent).toBe(
      'Scan cancelled. Its findings so far are kept (see Past scans).',
    );
    expect(document.activeElement).toBe(result.parentElement);
    expect(b.payloads('controlScan')).toEqual([
      { jobId: 'job-1', action: 'pause' },
      { jobId: 'job-1', action: 'resume' },
      { jobId: 'job-1', action: 'cancel' },
    ]);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('lists past scans with their figures, errors and skips', async () => {
    scanBackend([
      job({
        id: 'job-2',
        status: 'failed',
        projects: ['PAY', 'OPS', 'HR', 'WEB'],
        since: '2025-12-01T00:00:00.000Z',
        finishedAt: '2026-01-06T09:30:00.000Z',
        errors: [{ at: '2026-01-06T09:29:00.000Z', message: 'Jira answered 500 on /search' }],
        skips: [
          {
            location: {
              projectKey: 'PAY',
              issueKey: 'PAY-9',
              field: 'attachment',
              attachmentId: '1',
              url: 'https://acme-example.atlassian.net/browse/PAY-9',
            },
            reason: 'attachment larger than 1 MB',
          },
        ],
        counters: { ...job({ id: 'x' }).counters, skipped: 1 },
      }),
      job({ id: 'job-1', status: 'done', projects: ['PAY'] }),
    ]);
    const user = userEvent.setup();
    show();
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const failed = within(rows[1] as HTMLElement);
    expect(failed.getByText('Failed')).toBeTruthy();
    expect(failed.getByText('4 projects')).toBeTruthy();
    expect(failed.getByText('40 / 160')).toBeTruthy();
    await user.click(failed.getByText('1 error, 1 skipped'));
    expect(failed.getByText(/Jira answered 500 on \/search/)).toBeTruthy();
    expect(failed.getByText('PAY-9: attachment larger than 1 MB')).toBeTruthy();
    const done = within(rows[2] as HTMLElement);
    expect(done.getByText('Finished')).toBeTruthy();
    expect(done.getByText('Everything')).toBeTruthy();
    expect(done.getByText('None')).toBeTruthy();
  });

  it('shows an error with a retry when the scans cannot be read', async () => {
    const b = scanBackend([]);
    b.on('listScans', () => fail('unavailable', 'storage is unavailable'));
    const user = userEvent.setup();
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the scans');
    b.on('listScans', () => ok([]));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No scan yet.')).toBeTruthy();
  });
});

describe('localMidnight', () => {
  it('is the start of the chosen day where the admin is', () => {
    const iso = localMidnight('2026-03-01');
    const d = new Date(iso);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2026, 2, 1, 0, 0,
    ]);
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('lists what real-time scanning skipped, and what it left to the background rescan', async () => {
    const b = scanBackend([]);
    b.on('listRealtimeSkips', () =>
      ok([
        {
          at: '2026-01-06T09:00:00.000Z',
          event: 'comment_upserted',
          location: {
            projectKey: 'OPS',
            issueKey: 'OPS-7',
            issueId: '10007',
            field: 'comment',
            commentId: '20001',
            url: 'https://example.atlassian.net/browse/OPS-7?focusedCommentId=20001',
          },
          reason:
            'custom-acme: custom detector not run: 30000 chars with its 980-instruction pattern is over what one text may take',
          code: 'over-budget',
          deferred: true,
        },
      ]),
    );
    show();
    const section = (await screen.findByRole('heading', { name: 'Skipped in real time' }))
      .parentElement as HTMLElement;
    const item = await within(section).findByRole('listitem');
    expect(item.textContent).toMatch(
      /OPS-7 \(comment\): custom-acme: custom detector not run: .* \(scanned again in the background\)$/,
    );
  });
});
