/**
 * The provider simulator over loopback HTTP answers as in process: the host is the first path
 * segment, the credential is read where the provider reads it, and the log holds no secret.
 */
import { describe, expect, it } from 'vitest';
import { createProviderSim } from '../../../dev/provider-sim/sim.js';

describe('provider simulator over loopback', () => {
  it('answers a live and an unknown token as GitHub documents, and logs no secret', async () => {
    const sim = createProviderSim();
    sim.set('ghp_loopbackLive', 'live');
    const server = await sim.listen();
    try {
      const ask = (token: string) =>
        fetch(`${server.url}/api.github.com/user`, {
          headers: { authorization: `Bearer ${token}` },
        });
      const live = await ask('ghp_loopbackLive');
      expect(live.status).toBe(200);
      expect(((await live.json()) as { login: string }).login).toBe('octocat');
      const dead = await ask('ghp_neverIssued');
      expect(dead.status).toBe(401);
      expect(((await dead.json()) as { message: string }).message).toBe('Bad credentials');
      const nowhere = await fetch(`${server.url}/api.github.com/nope`);
      expect(nowhere.status).toBe(404);
      expect(JSON.stringify(sim.log)).not.toContain('ghp_');
      expect(sim.log.map((e) => e.state)).toEqual(['live', 'revoked', 'no-route']);
    } finally {
      await server.close();
    }
  });

  it('reads a Telegram token from the path and masks it in its log', async () => {
    const sim = createProviderSim();
    sim.set('123:AAsecret', 'live');
    const r = await sim.handle({
      method: 'GET',
      url: 'https://api.telegram.org/bot123:AAsecret/getMe',
      headers: {},
    });
    expect(r.status).toBe(200);
    expect(sim.log[0]?.path).toBe('/bot<secret>/getMe');
  });
});
