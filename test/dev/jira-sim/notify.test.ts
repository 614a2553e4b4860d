// The simulator's `POST /issue/{id}/notify`: 204 and a record of each email queued, with its
// recipients; 400 for a body holding a secret or a masked preview, or an unknown recipient.
import { describe, expect, it } from 'vitest';
import { createJiraSimulator } from '../../../dev/jira-sim/server.js';
import { call } from './call.js';
import { syntheticSite, USERS } from './sites.js';

const GH = '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';
const body = (text: string, users: string[] = []) => ({
  subject: 'Secret found in OPS-1',
  textBody: text,
  htmlBody: `<p>${text}</p>`,
  to: { reporter: true, users: users.map((accountId) => ({ accountId })) },
  restrict: { permissions: [{ key: 'BROWSE' }] },
});

describe('the simulated notify endpoint', () => {
  it('queues the email for the reporter and the named users, and records it', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(
      sim,
      'POST',
      '/rest/api/3/issue/OPS-1/notify',
      body('Revoke it.', [USERS.lead]),
    );
    expect(r.status).toBe(204);
    expect(sim.notifications).toHaveLength(1);
    expect(sim.notifications[0]).toMatchObject({ issueKey: 'OPS-1', textBody: 'Revoke it.' });
    expect([...(sim.notifications[0]?.recipients ?? [])].sort()).toEqual(
      [USERS.dev, USERS.lead].sort(),
    );
  });

  it('refuses a body holding a secret or a masked preview, and an unknown recipient', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const post = (b: unknown) => call(sim, 'POST', '/rest/api/3/issue/OPS-1/notify', b);
    expect((await post(body(`the token ${GH}`))).status).toBe(400);
    expect((await post(body('the token ghp_****K5'))).status).toBe(400);
    expect((await post(body('Revoke it.', ['712020:nobody']))).status).toBe(400);
    expect((await post({ subject: 'x' })).status).toBe(400);
    expect((await call(sim, 'POST', '/rest/api/3/issue/NOPE-1/notify', body('x'))).status).toBe(
      404,
    );
    expect(sim.notifications).toEqual([]);
  });
});
