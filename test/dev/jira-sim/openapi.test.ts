/**
 * Every endpoint the simulator serves answers with the shape Jira's OpenAPI document gives for
 * that operation, for the shared example site and the synthetic one; and the app's own requests
 * match the spec's request schemas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createJiraClient } from '../../../src/jira/client.js';
import { createJiraHttp, type JiraFetch } from '../../../src/jira/http.js';
import type { SimSite } from '../../../dev/jira-sim/fixture.js';
import { createJiraSimulator, type JiraSimulator } from '../../../dev/jira-sim/server.js';
import { asObj, call, list, type Obj } from './call.js';
import { describeErrors, specValidators, type SpecValidators } from './openapi.js';
import { exampleSite, syntheticSite } from './sites.js';

let spec: SpecValidators;
beforeAll(() => {
  spec = specValidators();
});

interface Case {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** The operation's path in the spec. */
  readonly template: string;
}

/** One request per endpoint and per object of the site, successes and refusals. */
function cases(site: SimSite): Case[] {
  const issues = site.issues();
  const keys = issues.map((i) => i.key);
  const projects = site.projects.map((p) => p.key);
  const out: Case[] = [
    {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: {
        jql: `project in (${projects.join(',')}) ORDER BY key`,
        fields: ['*all'],
        maxResults: 100,
        expand: 'names,schema',
      },
      template: '/rest/api/3/search/jql',
    },
    {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql: `project = ${projects[0] ?? ''}` },
      template: '/rest/api/3/search/jql',
    },
    {
      method: 'POST',
      path: '/rest/api/3/search/approximate-count',
      body: { jql: `project = ${projects[0] ?? ''}` },
      template: '/rest/api/3/search/approximate-count',
    },
    {
      method: 'POST',
      path: '/rest/api/3/changelog/bulkfetch',
      body: { issueIdsOrKeys: keys.slice(0, 1000), fieldIds: [], maxResults: 10 },
      template: '/rest/api/3/changelog/bulkfetch',
    },
    {
      method: 'POST',
      path: '/rest/api/3/changelog/bulkfetch',
      body: { issueIdsOrKeys: keys.slice(0, 1000) },
      template: '/rest/api/3/changelog/bulkfetch',
    },
    { method: 'GET', path: '/rest/api/3/field', template: '/rest/api/3/field' },
    {
      method: 'GET',
      path: `/rest/api/3/data-policy/project?ids=${site.projects.map((p) => p.id).join(',')}`,
      template: '/rest/api/3/data-policy/project',
    },
    {
      method: 'GET',
      path: '/rest/api/3/project/search?expand=description&maxResults=2',
      template: '/rest/api/3/project/search',
    },
    {
      method: 'GET',
      path: '/rest/api/3/project/search?startAt=2',
      template: '/rest/api/3/project/search',
    },
    {
      method: 'GET',
      path: '/rest/api/3/mypermissions?permissions=ADMINISTER,ADMINISTER_PROJECTS,BROWSE_PROJECTS',
      template: '/rest/api/3/mypermissions',
    },
    {
      method: 'GET',
      path: '/rest/api/3/mypermissions?permissions=NOPE',
      template: '/rest/api/3/mypermissions',
    },
    {
      method: 'GET',
      path: '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=NOPE',
      template: '/rest/api/3/mypermissions',
    },
  ];
  // User look-ups (the assignee picker): every user by a part of their name, and by id in bulk.
  const accountIds = site.users.map((u) => u.accountId);
  for (const u of site.users.slice(0, 3)) {
    out.push({
      method: 'GET',
      path: `/rest/api/3/user/search?query=${encodeURIComponent(u.displayName.slice(1, 4))}&maxResults=20`,
      template: '/rest/api/3/user/search',
    });
  }
  out.push(
    {
      method: 'GET',
      path: '/rest/api/3/user/search?query=nobody-has-this-name',
      template: '/rest/api/3/user/search',
    },
    { method: 'GET', path: '/rest/api/3/user/search', template: '/rest/api/3/user/search' },
    {
      method: 'GET',
      path: `/rest/api/3/user/bulk?${[...accountIds, 'unknown:0']
        .map((id) => `accountId=${encodeURIComponent(id)}`)
        .join('&')}&maxResults=2`,
      template: '/rest/api/3/user/bulk',
    },
    { method: 'GET', path: '/rest/api/3/user/bulk', template: '/rest/api/3/user/bulk' },
    // Who may be assigned an incident: by permission, in a project, by name or by id.
    ...[
      'permissions=ADMINISTER&query=a',
      `permissions=ADMINISTER_PROJECTS&projectKey=PAY&accountId=${encodeURIComponent(accountIds[0] ?? '')}`,
      'permissions=BROWSE_PROJECTS&projectKey=OPS&query=e&startAt=0&maxResults=1000',
      'permissions=NOPE&query=a',
      'permissions=BROWSE_PROJECTS&projectKey=NOPE&query=a',
    ].map((q) => ({
      method: 'GET' as const,
      path: `/rest/api/3/user/permission/search?${q}`,
      template: '/rest/api/3/user/permission/search',
    })),
    // The team group: chosen by name, kept by id.
    {
      method: 'GET',
      path: '/rest/api/3/groups/picker?query=a&maxResults=20',
      template: '/rest/api/3/groups/picker',
    },
    {
      method: 'GET',
      path: `/rest/api/3/group/bulk?${site
        .groups()
        .map((g) => `groupId=${g.groupId}`)
        .join('&')}&maxResults=50`,
      template: '/rest/api/3/group/bulk',
    },
  );
  for (const p of site.projects) {
    for (const path of [`${p.key}?expand=description`, p.id]) {
      out.push({
        method: 'GET',
        path: `/rest/api/3/project/${path}`,
        template: '/rest/api/3/project/{projectIdOrKey}',
      });
    }
  }
  out.push({
    method: 'GET',
    path: '/rest/api/3/project/NOPE',
    template: '/rest/api/3/project/{projectIdOrKey}',
  });
  for (const p of projects) {
    out.push({
      method: 'GET',
      path: `/rest/api/3/project/${p}/components`,
      template: '/rest/api/3/project/{projectIdOrKey}/components',
    });
    out.push({
      method: 'GET',
      path: `/rest/api/3/project/${p}/versions`,
      template: '/rest/api/3/project/{projectIdOrKey}/versions',
    });
  }
  for (const issue of issues) {
    out.push({
      method: 'GET',
      path: `/rest/api/3/issue/${issue.key}`,
      template: '/rest/api/3/issue/{issueIdOrKey}',
    });
    out.push({
      method: 'GET',
      path: `/rest/api/3/issue/${issue.id}/comment?maxResults=10`,
      template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    });
    out.push({
      method: 'GET',
      path: `/rest/api/3/issue/${issue.id}/worklog`,
      template: '/rest/api/3/issue/{issueIdOrKey}/worklog',
    });
    for (const c of issue.comments.slice(0, 3)) {
      out.push({
        method: 'GET',
        path: `/rest/api/3/issue/${issue.key}/comment/${c.id}`,
        template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
      });
    }
  }
  return out;
}

/** Runs a case; follows search and bulkfetch tokens so every page is checked. */
async function responses(
  sim: JiraSimulator,
  c: Case,
): Promise<{ status: number; json: unknown }[]> {
  const out: { status: number; json: unknown }[] = [];
  let body = c.body;
  for (;;) {
    const r = await call(sim, c.method, c.path, body);
    out.push({ status: r.status, json: r.json });
    const token = r.status === 200 ? asObj(r.json).nextPageToken : undefined;
    if (typeof token !== 'string') return out;
    body = { ...asObj(body), nextPageToken: token };
  }
}

/** IssueBean leaves `fields` free-form: check the embedded objects against their own schemas. */
function embeddedProblems(json: unknown): string[] {
  const issues = Array.isArray(asObj(json).issues) ? list(json, 'issues') : [asObj(json)];
  const bySchema: Record<string, string> = {
    comment: 'PageOfComments',
    worklog: 'PageOfWorklogs',
    project: 'Project',
    reporter: 'UserDetails',
  };
  const problems: string[] = [];
  for (const issue of issues) {
    const fields = asObj(issue.fields ?? {});
    const check = (schema: string, value: unknown, where: string) => {
      const validate = spec.schema(schema);
      if (!validate(value))
        problems.push(...describeErrors(validate.errors).map((e) => `${where}${e}`));
    };
    for (const [field, schema] of Object.entries(bySchema)) {
      if (fields[field] !== undefined)
        check(schema, fields[field], `${String(issue.key)}.${field}`);
    }
    for (const a of (fields.attachment as unknown[] | undefined) ?? [])
      check('Attachment', a, `${String(issue.key)}.attachment`);
  }
  return problems;
}

const SITES: [string, () => SimSite][] = [
  ['example', () => exampleSite()],
  ['synthetic', () => syntheticSite()],
];

describe.each(SITES)('OpenAPI response schemas: %s site', (_name, makeSite) => {
  it('every endpoint answers with its operation’s schema', async () => {
    const site = makeSite();
    const sim = createJiraSimulator(site);
    const checked = new Map<string, number>();
    for (const c of cases(site)) {
      for (const r of await responses(sim, c)) {
        // Spec operations without a body schema for an error status still answer Jira's error shape.
        const validate = (() => {
          try {
            return spec.response(c.method, c.template, r.status);
          } catch {
            expect(r.status).toBeGreaterThanOrEqual(400);
            return spec.schema('ErrorCollection');
          }
        })();
        const ok = validate(r.json);
        expect(
          ok ? [] : describeErrors(validate.errors),
          `${c.method} ${c.path} -> ${r.status}`,
        ).toEqual([]);
        if (r.status === 200 && c.template.match(/search\/jql|issue\/\{issueIdOrKey\}$/))
          expect(embeddedProblems(r.json), `${c.method} ${c.path} (embedded)`).toEqual([]);
        const key = `${c.method} ${c.template} ${r.status}`;
        checked.set(key, (checked.get(key) ?? 0) + 1);
      }
    }
    expect([...checked.keys()].sort()).toEqual(
      expect.arrayContaining([
        'GET /rest/api/3/field 200',
        'GET /rest/api/3/issue/{issueIdOrKey} 200',
        'GET /rest/api/3/issue/{issueIdOrKey}/comment 200',
        'GET /rest/api/3/issue/{issueIdOrKey}/comment/{id} 200',
        'GET /rest/api/3/issue/{issueIdOrKey}/worklog 200',
        'GET /rest/api/3/mypermissions 200',
        'GET /rest/api/3/mypermissions 400',
        'GET /rest/api/3/mypermissions 404',
        'GET /rest/api/3/project/search 200',
        'GET /rest/api/3/project/{projectIdOrKey} 200',
        'GET /rest/api/3/project/{projectIdOrKey} 404',
        'GET /rest/api/3/project/{projectIdOrKey}/components 200',
        'GET /rest/api/3/project/{projectIdOrKey}/versions 200',
        'GET /rest/api/3/user/bulk 200',
        'GET /rest/api/3/user/bulk 400',
        'GET /rest/api/3/user/permission/search 200',
        'GET /rest/api/3/user/permission/search 400',
        'GET /rest/api/3/user/search 200',
        'GET /rest/api/3/user/search 400',
        'POST /rest/api/3/changelog/bulkfetch 200',
        'POST /rest/api/3/search/approximate-count 200',
        'POST /rest/api/3/search/jql 200',
      ]),
    );
  });

  it('error answers follow ErrorCollection', async () => {
    const sim = createJiraSimulator(makeSite());
    const errorShape = spec.schema('ErrorCollection');
    const refusals: [string, string, unknown?][] = [
      ['GET', '/rest/api/3/issue/NOPE-1'],
      ['POST', '/rest/api/3/search/jql', { jql: 'ORDER BY key' }],
      ['POST', '/rest/api/3/search/jql', '{bad json'],
      ['GET', '/rest/api/3/unknown'],
      ['GET', '/rest/api/3/search/jql'],
      ['POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: [] }],
      ['GET', '/rest/api/3/issue/NOPE-1/worklog'],
      ['GET', '/rest/api/3/project/NOPE/components'],
      ['GET', '/rest/api/3/project/NOPE'],
    ];
    for (const [method, path, body] of refusals) {
      const r = await call(sim, method, path, body);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(
        errorShape(r.json) ? [] : describeErrors(errorShape.errors),
        `${method} ${path}`,
      ).toEqual([]);
    }
  });
});

describe('OpenAPI request schemas: what the app sends', () => {
  it('the app client’s request bodies match the spec', async () => {
    const site = syntheticSite();
    const sim = createJiraSimulator(site, { maxPageSize: 50 });
    const sent: { method: string; path: string; body: unknown }[] = [];
    const recording: JiraFetch = (path, init) => {
      if (init.body !== undefined)
        sent.push({ method: init.method, path, body: JSON.parse(init.body) });
      return sim.fetch(path, init);
    };
    const http = createJiraHttp({
      fetch: recording,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      now: () => 0,
    });
    const client = createJiraClient(http);
    let page = await client.searchPage({
      jql: 'project = OPS ORDER BY key',
      fields: ['summary', 'comment'],
    });
    while (page.nextPageToken) {
      page = await client.searchPage({
        jql: 'project = OPS ORDER BY key',
        fields: ['summary', 'comment'],
        nextPageToken: page.nextPageToken,
      });
    }
    await client.approximateCount('project = OPS');
    await client.changelogs(
      site.issues().map((i) => i.id),
      ['description', 'summary'],
    );
    expect(new Set(sent.map((s) => s.path))).toEqual(
      new Set([
        '/rest/api/3/search/jql',
        '/rest/api/3/search/approximate-count',
        '/rest/api/3/changelog/bulkfetch',
      ]),
    );
    for (const s of sent) {
      const validate = spec.request(s.method, s.path);
      expect(
        validate(s.body) ? [] : describeErrors(validate.errors),
        `${s.method} ${s.path}`,
      ).toEqual([]);
    }
  });
});

describe('the schema check can fail', () => {
  it('rejects wrong shapes', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const search = spec.response('POST', '/rest/api/3/search/jql', 200);
    const good = asObj(
      (
        await call(sim, 'POST', '/rest/api/3/search/jql', {
          jql: 'key = OPS-1',
          fields: ['comment'],
        })
      ).json,
    );
    expect(search(good)).toBe(true);
    const issue = list(good, 'issues')[0] as Obj;
    expect(search({ ...good, issues: [{ ...issue, key: 17 }] })).toBe(false);
    expect(search({ ...good, total: 1 })).toBe(false); // enhanced search has no total
    expect(search({ ...good, nextPageToken: null })).toBe(false); // omit it, do not send null

    const comment = spec.response('GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', 200);
    const c = asObj((await call(sim, 'GET', '/rest/api/3/issue/OPS-1/comment/50000')).json);
    expect(comment(c)).toBe(true);
    expect(comment({ ...c, author: { ...asObj(c.author), nickname: 'x' } })).toBe(false);
    expect(comment({ ...c, created: '2025-01-01 00:00' })).toBe(false);

    const projects = spec.response('GET', '/rest/api/3/project/search', 200);
    expect(projects({ values: [{ key: 'OPS', description: { type: 'doc' } }] })).toBe(false);
  });
});
