/**
 * The deployable bundle: src/forge/index.ts bundled into one CommonJS file the way Forge bundles
 * functions (webpack in Forge; esbuild here, same target), loaded from a folder with no
 * node_modules, and run: a custom detector on re2js and a real-time scan with the built-in
 * detectors, against the Jira simulator and an in-memory KVS.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp } from '../../dev/harness/harness.js';
import { installForgeSite } from './forge-site.js';

const JANE = '557058:aa11bb22-cc33-4d44-8e55-ff6677889900';
const GH = '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';
const out = mkdtempSync(join(tmpdir(), 'forge-bundle-'));

type Handler = (...args: unknown[]) => Promise<unknown>;
let bundle: Record<string, Handler>;
let site: ReturnType<typeof installForgeSite>;

beforeAll(async () => {
  await bundleApp(out);
  site = installForgeSite(JANE);
  bundle = createRequire(join(out, 'package.json'))('./index.cjs') as Record<string, Handler>;
}, 60_000);
afterAll(() => {
  site.globals.uninstall();
});

const invoke = (resolver: string, functionKey: string, payload: unknown) =>
  bundle[resolver]?.(
    { call: { functionKey, payload }, context: {} },
    { principal: { accountId: JANE } },
  );

describe('the deployable bundle', () => {
  it('is one file with nothing beside it to load', () => {
    expect(readdirSync(out)).toEqual(['index.cjs']);
    expect(statSync(join(out, 'index.cjs')).size).toBeGreaterThan(100_000);
  });

  it('runs a custom detector on the pure-JS RE2 engine', async () => {
    const r = await invoke('adminResolver', 'testCustomDetector', {
      name: 'Acme key',
      pattern: 'acme_[a-z0-9]{32}',
      text: `token: acme_${'c3'.repeat(16)}`,
    });
    expect(r).toMatchObject({ ok: true, data: { valid: true, matches: [{ line: 1 }] } });
  });

  it('scans a new comment with the built-in detectors and stores the incident in KVS', async () => {
    const { comment, issue } = site.sim.site.addComment(
      'OPS-2',
      {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `use ${GH}` }] }],
      },
      JANE,
    );
    const result = await bundle.onIssueEventTrigger?.({
      eventType: 'avi:jira:commented:issue',
      issue: { id: issue.id, key: issue.key, fields: { project: { key: 'OPS' } } },
      comment: { id: comment.id },
    });
    expect(result).toBeUndefined();
    const list = (await invoke('adminResolver', 'listIncidents', {})) as {
      ok: boolean;
      data: { items: { detector: { name: string }; secret_preview: string }[] };
    };
    expect(list.ok).toBe(true);
    expect(list.data.items.map((i) => i.detector.name)).toEqual(['github-pat']);
    expect(JSON.stringify(list)).not.toContain(GH);
    // What reached KVS: every call's body, none holding the token.
    const sent = site.globals.kvs.calls.map((c) => JSON.stringify(c));
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.join('\n')).not.toContain(GH.slice(4));
  });

  it('refuses a caller who is not a Jira admin, from the built output too', async () => {
    const r = await bundle.adminResolver?.(
      { call: { functionKey: 'getOverview', payload: {} }, context: {} },
      { principal: undefined },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
