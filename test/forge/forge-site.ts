/**
 * The Forge platform around the app's functions, for tests: KVS in memory, product calls to the
 * Jira simulator (as the app, or as the invoking user), queue pushes recorded.
 */
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { installForgeGlobals, type ForgeFetch } from '../../dev/forge-runtime/globals.js';
import { ENTITIES } from '../../src/forge/kvs-entities.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';

export function installForgeSite(accountId: string) {
  const sim = createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)));
  const pushes: { queueName: string; body: unknown }[] = [];
  const route: ForgeFetch = async (target, path, init) => {
    if (
      target.type === 'fpp' &&
      target.remote === 'stargate' &&
      path.startsWith('/webhook/queue/publish')
    ) {
      const req = JSON.parse(String(init?.body)) as {
        queueName: string;
        payload: { body: unknown }[];
      };
      for (const e of req.payload) pushes.push({ queueName: req.queueName, body: e.body });
      return new Response(null, { status: 201 });
    }
    if (target.type === 'fpp' && (target.remote === 'jira' || target.remote === undefined)) {
      const headers: Record<string, string> = {
        ...(init?.headers as Record<string, string> | undefined),
      };
      if (target.provider === 'user') headers['X-Sim-Account-Id'] = accountId;
      const r = await sim.handle({
        method: init?.method ?? 'GET',
        path,
        headers,
        ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      });
      return new Response(r.status === 204 ? null : r.body, {
        status: r.status,
        headers: r.headers,
      });
    }
    throw new Error(`no route for ${JSON.stringify(target)} ${path}`);
  };
  const globals = installForgeGlobals({ entities: ENTITIES, route, runtime: { aaid: accountId } });
  return { sim, pushes, globals };
}
