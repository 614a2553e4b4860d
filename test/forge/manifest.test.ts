/**
 * manifest.yml: valid for Forge's own validator, and in step with the code both ways: every
 * function it names is exported, queues and entities match the code, scopes are the smallest set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate, validateTriggerScopes } from '@forge/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADMIN_RESOLVERS, PROJECT_RESOLVERS } from '../../src/admin/resolvers.js';
import { ENTITIES } from '../../src/forge/kvs-entities.js';
import { installForgeSite } from './forge-site.js';
import { CHECKERS } from '../../src/validity/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifestPath = `${root}manifest.yml`;
interface Manifest {
  app: { storage: { entities: unknown } };
  modules: Record<
    string,
    {
      key: string;
      function?: string;
      handler?: string;
      queue?: string;
      events?: string[];
      filter?: { ignoreSelf?: boolean };
      timeoutSeconds?: number;
      resolver?: { function: string };
      resource?: string;
    }[]
  >;
  resources: { key: string; path: string }[];
  permissions: { scopes: string[]; external: { fetch: { backend: { address: string }[] } } };
}
const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const functions = new Map((manifest.modules.function ?? []).map((f) => [f.key, f]));

let exported: Record<string, unknown>;
let site: ReturnType<typeof installForgeSite>;
beforeAll(async () => {
  site = installForgeSite('557058:aa11bb22-cc33-4d44-8e55-ff6677889900');
  exported = await import('../../src/forge/index.js');
});
afterAll(() => {
  site.globals.uninstall();
});

describe('manifest.yml', () => {
  it("passes @forge/manifest's own validation", async () => {
    for (const r of manifest.resources) {
      expect(existsSync(`${root}${r.path}/index.html`), `${r.path}: run npm run build first`).toBe(
        true,
      );
    }
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('names only functions the code exports, and every function is used', () => {
    for (const f of functions.values()) {
      const [file, name] = (f.handler ?? '').split('.');
      expect(file).toBe('forge/index');
      expect(typeof exported[name ?? ''], `${f.key} -> ${f.handler ?? ''}`).toBe('function');
    }
    const used = Object.entries(manifest.modules)
      .filter(([type]) => type !== 'function')
      .flatMap(([, list]) => list.map((m) => m.function ?? m.resolver?.function))
      .filter((k): k is string => k !== undefined);
    expect(new Set(used)).toEqual(new Set(functions.keys()));
  });

  it('has the triggers, queues and time limits the code relies on', async () => {
    const { SCAN_QUEUE, DELIVERY_QUEUE, RESCAN_QUEUE, CHECK_RUN_QUEUE } =
      await import('../../src/forge/queues.js');
    const [content] = manifest.modules.trigger ?? [];
    expect(content?.events?.sort()).toEqual(
      [
        'avi:jira:commented:issue',
        'avi:jira:created:issue',
        'avi:jira:deleted:comment',
        'avi:jira:deleted:issue',
        'avi:jira:updated:issue',
        'avi:jira:created:worklog',
        'avi:jira:updated:worklog',
        'avi:jira:deleted:worklog',
        'avi:jira:updated:project',
        'avi:jira:softdeleted:project',
        'avi:jira:restored:project',
        'avi:jira:deleted:project',
        'avi:jira:created:component',
        'avi:jira:updated:component',
        'avi:jira:deleted:component',
        'avi:jira:created:version',
        'avi:jira:updated:version',
        'avi:jira:deleted:version',
      ].sort(),
    );
    expect(content?.filter?.ignoreSelf).toBe(true);
    const queues = new Map(
      (manifest.modules.consumer ?? []).map((c) => [
        c.queue ?? '',
        functions.get(c.function ?? ''),
      ]),
    );
    expect([...queues.keys()].sort()).toEqual(
      [SCAN_QUEUE, DELIVERY_QUEUE, RESCAN_QUEUE, CHECK_RUN_QUEUE].sort(),
    );
    // A check run checkpoints and re-queues before the same limit as the historical scan.
    expect(queues.get(CHECK_RUN_QUEUE)?.timeoutSeconds).toBe(exported.CONSUMER_TIMEOUT_S);
    // Daily re-checks of incidents still valid or failed_to_check.
    const recheck = (manifest.modules.scheduledTrigger ?? []).find(
      (t) => t.key === 'validity-recheck',
    );
    expect((recheck as { interval?: string } | undefined)?.interval).toBe('day');
    expect(
      typeof exported[functions.get(recheck?.function ?? '')?.handler?.split('.')[1] ?? ''],
    ).toBe('function');
    expect(queues.get(SCAN_QUEUE)?.timeoutSeconds).toBe(exported.CONSUMER_TIMEOUT_S);
    // The rescan consumer spends CUSTOM_WORK.consumer: about half of a 900 s invocation.
    expect(queues.get(RESCAN_QUEUE)?.timeoutSeconds).toBe(900);
  });

  it('subscribes only to product events Forge knows, each with a scope it asks for', async () => {
    // The validator passes a misspelled event (it has no scope to miss): check the names here.
    const events = (manifest.modules.trigger ?? []).flatMap((t) => t.events ?? []);
    for (const event of events.filter((e) => e.startsWith('avi:jira:'))) {
      const r = await validateTriggerScopes(event, manifest.permissions.scopes);
      expect(r.requiredScopes, `${event} is a known product event`).not.toBeNull();
      expect(r.missingScopes, event).toEqual([]);
    }
  });

  it('declares exactly the storage entities the KVS adapters query', () => {
    expect(manifest.app.storage.entities).toEqual(JSON.parse(JSON.stringify(ENTITIES)));
  });

  it('asks for the smallest set of scopes, and as fixed egress the incident API and the validity checkers only', () => {
    expect(manifest.permissions.scopes.sort()).toEqual([
      'read:jira-user',
      'read:jira-work',
      'send:notification:jira',
      'storage:app',
    ]);
    // Notifications use the scope that only sends them: the app can change no Jira content.
    expect(manifest.permissions.scopes.filter((s) => /^(write|delete|manage):/.test(s))).toEqual(
      [],
    );
    expect(manifest.permissions.external.fetch.backend.map((b) => b.address)).toEqual([
      'https://api.gitguardian.com',
      ...CHECKERS.map((c) => `https://${c.host}`),
    ]);
  });

  it('wires each page to a resolver that answers every call the page can make', async () => {
    const pages = {
      'jira:adminPage': ADMIN_RESOLVERS,
      'jira:projectSettingsPage': PROJECT_RESOLVERS,
    };
    for (const [type, table] of Object.entries(pages)) {
      const [page] = manifest.modules[type] ?? [];
      const fn = functions.get(page?.resolver?.function ?? '');
      const handler = exported[(fn?.handler ?? '').split('.')[1] ?? ''] as (
        ...a: unknown[]
      ) => Promise<unknown>;
      for (const name of Object.keys(table)) {
        // Each name is defined: an undefined one would throw "Resolver has no definition".
        const r = await handler(
          { call: { functionKey: name, payload: {} }, context: {} },
          { principal: undefined },
        );
        expect(r, `${type} ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      // Any other name, inherited ones included, is answered like an unknown one.
      for (const name of ['noSuchCall', 'constructor'])
        expect(
          await handler({ call: { functionKey: name, payload: {} }, context: {} }, {}),
        ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });
});
