// Assignees' names (userNames) on both pages, checked like every other resolver and asked of Jira
// as the caller (the picker, searchAssignees, is in assignees.test.ts); and the project page's
// list of detectors to filter by.
import { describe, expect, it } from 'vitest';
import { createApp, JANE, MIA, RAJ } from './app-harness.js';

/** An app whose team group is All-incidents, so Mia may use PAY's project page. */
async function withTeam() {
  const app = createApp();
  expect(
    await app.admin('updateSettings', JANE, {
      teamGroupId: app.sim.site.groupId('All-incidents'),
    }),
  ).toMatchObject({ ok: true });
  return app;
}

describe('userNames', () => {
  it('let in whoever the page lets in, and no one else', async () => {
    const app = await withTeam();
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    expect(await app.admin('userNames', MIA, { accountIds: [JANE] })).toMatchObject(forbidden);
    expect(await app.admin('userNames', undefined, { accountIds: [JANE] })).toMatchObject(
      forbidden,
    );
    expect(await app.project('userNames', RAJ, 'PAY', { accountIds: [JANE] })).toMatchObject(
      forbidden,
    );
    expect(await app.project('userNames', MIA, 'PAY', { accountIds: [JANE] })).toEqual({
      ok: true,
      data: [{ accountId: JANE, displayName: 'Jane Doe' }],
    });
  });

  it('name accounts by id, leaving out those Jira does not know', async () => {
    const app = await withTeam();
    expect(
      await app.project('userNames', MIA, 'PAY', {
        accountIds: [MIA, 'unknown:0000', JANE, MIA],
      }),
    ).toEqual({
      ok: true,
      data: [
        { accountId: MIA, displayName: 'Mia Chen' },
        { accountId: JANE, displayName: 'Jane Doe' },
      ],
    });
  });

  it('refuse a bad payload with a clear message', async () => {
    const app = createApp();
    const invalid = (message: string) => ({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining(message) as string },
    });
    expect(await app.admin('userNames', JANE, { accountIds: [] })).toMatchObject(
      invalid('People must be at least 1 item'),
    );
    const tooMany = Array.from({ length: 51 }, (_, i) => `557058:${i}`);
    expect(await app.admin('userNames', JANE, { accountIds: tooMany })).toMatchObject(
      invalid('People must be at most 50 items'),
    );
    expect(await app.project('userNames', JANE, 'PAY', { accountIds: [''] })).toMatchObject(
      invalid('People, item 1: not an account id'),
    );
    // Nothing reached Jira's user endpoints.
    const byEndpoint = app.sim.stats().byEndpoint;
    expect(byEndpoint['GET /rest/api/3/user/bulk']).toBeUndefined();
  });

  it('say plainly when Jira does not let the caller look people up', async () => {
    const { sim } = createApp();
    // Jira's answer to a user without the "Browse users and groups" permission.
    const denied = createApp({
      ...sim,
      fetch: (path, init) =>
        path.startsWith('/rest/api/3/user/bulk')
          ? Promise.resolve({
              status: 403,
              headers: { get: () => null },
              text: () => Promise.resolve('{"errorMessages":["Forbidden"],"errors":{}}'),
              arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
            })
          : sim.fetch(path, init),
    });
    expect(await denied.admin('userNames', JANE, { accountIds: [RAJ] })).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'your Jira account may not look up people (it needs the Browse users and groups permission)',
      },
    });
  });
});

describe("the incidents' detector filter", () => {
  it('offers every built-in detector and the custom ones, on both pages, without any pattern', async () => {
    const app = await withTeam();
    const all = (await app.admin('listDetectors', JANE)) as {
      data: { id: string; name: string; family: string; enabled: boolean; generic: boolean }[];
    };
    const normal = all.data.find((d) => !d.generic);
    if (!normal) throw new Error('the catalogue has specific detectors');
    expect(
      await app.admin('updateSettings', JANE, {
        detector: { id: normal.id, enabled: false },
        customDetectors: [{ name: 'Acme key', pattern: 'acme_[a-z0-9]{16}' }],
      }),
    ).toMatchObject({ ok: true });

    const listed = await app.project('filterDetectors', MIA, 'PAY');
    if (!listed.ok) throw new Error('filterDetectors failed');
    const choices = listed.data as { id: string; name: string; family: string }[];
    // A detector switched off may still have incidents: it stays a choice.
    expect(choices.map((d) => d.id)).toEqual([...all.data.map((d) => d.id), 'custom-acme-key']);
    expect(choices.at(-1)).toEqual({ id: 'custom-acme-key', name: 'Acme key', family: 'custom' });
    for (const c of choices) expect(Object.keys(c).sort()).toEqual(['family', 'id', 'name']);
    expect(JSON.stringify(choices)).not.toContain('acme_[a-z0-9]');
    expect(await app.admin('filterDetectors', JANE)).toEqual(listed);

    expect(await app.project('filterDetectors', RAJ, 'PAY')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
