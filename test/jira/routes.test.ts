/**
 * Every Jira route the app can call is allowed by the manifest's scopes. Forge's linter checks this
 * for `requestJira(route\`...\`)` calls it can read, but our client builds its paths behind the
 * fetch port (src/forge/jira.ts passes them through `assumeTrustedRoute`), so the linter sees
 * none. Here each client method is called against a recording port; each request is matched to
 * its operation in the Jira REST spec (../shared) and the operation's `x-atlassian-oauth2-scopes`
 * are checked against manifest.yml with Forge's own rule (`getMissingScopes`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMissingScopes } from '@forge/manifest';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createJiraHttp } from '../../src/jira/http.js';
import { createUserJiraClient, type UserJiraClient } from '../../src/jira/users.js';
import { sharedPath } from '../shared-path.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Operation {
  'x-atlassian-oauth2-scopes'?: { state: string; scopes: string[] }[];
  security?: Record<string, string[]>[];
}
const spec = JSON.parse(
  readFileSync(sharedPath('reference/jira-platform-openapi-v3.json'), 'utf8'),
) as { paths: Record<string, Record<string, Operation>> };
const manifestScopes = (
  parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { permissions: { scopes: string[] } }
).permissions.scopes;

/**
 * One call of every client method. Typed against the client's interface, so a new method (and
 * with it, perhaps, a new endpoint) does not compile until it is listed here.
 */
const CALLS: { [K in keyof UserJiraClient]: (c: UserJiraClient) => Promise<unknown> } = {
  searchPage: (c) => c.searchPage({ jql: 'project = OPS', fields: ['summary'] }),
  approximateCount: (c) => c.approximateCount('project = OPS'),
  issue: (c) => c.issue('10001', ['summary']),
  comment: (c) => c.comment('10001', '10100'),
  comments: (c) => c.comments('10001'),
  worklog: (c) => c.worklog('10001', '10200'),
  worklogs: (c) => c.worklogs('10001'),
  changelogs: (c) => c.changelogs(['10001'], ['description']),
  fields: (c) => c.fields(),
  projects: (c) => c.projects(),
  project: (c) => c.project('OPS'),
  projectDataPolicies: (c) => c.projectDataPolicies(['10000']),
  components: (c) => c.components('OPS'),
  versions: (c) => c.versions('OPS'),
  attachmentHead: (c) => c.attachmentHead('10300', 1024),
  siteUrl: (c) => c.siteUrl(),
  userGroups: (c) => c.userGroups('557058:aa11'),
  searchGroups: (c) => c.searchGroups('sec', 20),
  groupsById: (c) => c.groupsById(['276f955c-63d7-42c8-9520-92d01dca0625']),
  myPermissions: (c) => c.myPermissions(['ADMINISTER_PROJECTS'], 'OPS'),
  usersWithPermissions: (c) =>
    c.usersWithPermissions({
      permissions: ['ADMINISTER_PROJECTS'],
      projectKey: 'OPS',
      query: 'ann',
      startAt: 0,
      maxResults: 1000,
    }),
  usersByIds: (c) => c.usersByIds(['557058:aa11']),
  notify: (c) =>
    c.notify('10001', {
      subject: 's',
      textBody: 't',
      htmlBody: 'h',
      to: { reporter: true, users: [] },
      restrict: { permissions: [{ key: 'BROWSE' }] },
    }),
};

/** `METHOD /path` of every request the client makes; Jira answers 404 so nothing pages on. */
async function requestsOfEveryMethod(): Promise<Map<keyof UserJiraClient, string[]>> {
  const out = new Map<keyof UserJiraClient, string[]>();
  for (const name of Object.keys(CALLS) as (keyof UserJiraClient)[]) {
    const seen: string[] = [];
    const client = createUserJiraClient(
      createJiraHttp({
        fetch: (path, init) => {
          seen.push(`${init.method} ${path}`);
          return Promise.resolve(new Response('', { status: 404 }));
        },
        sleep: () => Promise.resolve(),
        random: () => 0.5,
        now: () => 0,
      }),
    );
    await CALLS[name](client).catch(() => undefined);
    out.set(name, seen);
  }
  return out;
}

/** The spec's path template for a concrete path: the one with the most literal segments. */
function operationOf(method: string, path: string): { template: string; op: Operation } | string {
  const segments = (path.split('?')[0] ?? '').split('/');
  let best: { template: string; literals: number } | undefined;
  for (const template of Object.keys(spec.paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    if (!parts.every((p, i) => /^\{[^}]+\}$/.test(p) || p === segments[i])) continue;
    const literals = parts.filter((p) => !p.startsWith('{')).length;
    if (!best || literals > best.literals) best = { template, literals };
  }
  if (!best) return `${method} ${path}: no such path in the Jira REST spec`;
  const op = spec.paths[best.template]?.[method.toLowerCase()];
  if (!op) return `${method} ${best.template}: no such operation in the Jira REST spec`;
  return { template: best.template, op };
}

/** What `scopes` lack for `METHOD /path`; a route missing from the spec is an error too. */
async function missingFor(request: string, scopes: readonly string[]): Promise<string[]> {
  const [method = '', path = ''] = request.split(' ');
  const found = operationOf(method, path);
  if (typeof found === 'string') return [found];
  // The app data policy operations carry only `security` (OAuth2 read:jira-work); their reference
  // page lists that scope and a Forge requestJira sample, and says only Connect apps may not call
  // them (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-app-data-policies/).
  const fromSecurity = (found.op.security ?? []).flatMap((s) => s.OAuth2 ?? []);
  const declared =
    found.op['x-atlassian-oauth2-scopes'] ??
    (fromSecurity.length > 0 && found.template.startsWith('/rest/api/3/data-policy')
      ? [{ state: 'Current', scopes: fromSecurity }]
      : []);
  const of = (state: string): string[] =>
    declared.filter((d) => d.state === state).flatMap((d) => d.scopes);
  // No OAuth entry at all: not open to apps. An empty one (serverInfo): anyone may call it.
  if (!declared.some((d) => d.state === 'Current'))
    return [`${method} ${found.template}: not callable by apps`];
  return getMissingScopes([...scopes], { current: of('Current'), beta: of('Beta') });
}

/** Jira REST route literals in src/, a template's substitutions written `\0`. */
function routeLiteralsInSrc(dir = join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = join(dir, e.name);
    if (e.isDirectory()) return routeLiteralsInSrc(file);
    if (!e.name.endsWith('.ts')) return [];
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
        found.push(node.text);
      else if (ts.isTemplateExpression(node))
        found.push(node.head.text + node.templateSpans.map((s) => `\0${s.literal.text}`).join(''));
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found.filter((t) => t.startsWith('/rest/'));
  });
}

describe('Jira routes and the manifest scopes', () => {
  it('every route the client calls is in the spec and allowed by manifest.yml', async () => {
    const requests = await requestsOfEveryMethod();
    for (const [name, seen] of requests) expect(seen.length, `${name} made no request`).toBe(1);
    const all = [...requests.values()].flat();
    const missing = await Promise.all(
      all.map(async (r) => ({ request: r, missing: await missingFor(r, manifestScopes) })),
    );
    expect(missing.filter((m) => m.missing.length > 0)).toEqual([]);
  });

  it('catches a route whose scope the manifest lacks', async () => {
    // The user look-ups need read:jira-user; issue reads need read:jira-work; a write needs more.
    const withoutUser = manifestScopes.filter((s) => s !== 'read:jira-user');
    expect(await missingFor('GET /rest/api/3/user/search?query=a', withoutUser)).toEqual([
      'read:jira-user',
    ]);
    expect(await missingFor('GET /rest/api/3/issue/10001', ['storage:app'])).toEqual([
      'read:jira-work',
    ]);
    expect(await missingFor('DELETE /rest/api/3/issue/10001', manifestScopes)).toEqual([
      'write:jira-work',
    ]);
    expect(await missingFor('GET /rest/api/3/no/such/route', manifestScopes)).toEqual([
      'GET /rest/api/3/no/such/route: no such path in the Jira REST spec',
    ]);
  });

  it('no route is built outside the client: every route literal in src/ is one it calls', async () => {
    const called = [...(await requestsOfEveryMethod()).values()]
      .flat()
      .map((r) => r.split(' ')[1] ?? '');
    const literals = routeLiteralsInSrc();
    expect(literals.length).toBeGreaterThan(10);
    for (const literal of literals) {
      const escaped = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '.*');
      const pattern = new RegExp(`^${escaped}`);
      expect(
        called.some((c) => pattern.test(c)),
        `${literal} is not called by any client method`,
      ).toBe(true);
    }
  });
});
