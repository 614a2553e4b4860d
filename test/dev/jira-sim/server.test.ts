import { describe, expect, it } from 'vitest';
import { createJiraClient } from '../../../src/jira/client.js';
import { createJiraHttp } from '../../../src/jira/http.js';
import { createJiraSimulator } from '../../../dev/jira-sim/server.js';
import { allIssueKeys, asObj, call, list, type Obj } from './call.js';
import { loadFixture } from '../../../dev/jira-sim/fixture.js';
import {
  adf,
  exampleJson,
  exampleSite,
  syntheticSite,
  SYNTHETIC,
  testClock,
  USERS,
} from './sites.js';

const SEARCH = '/rest/api/3/search/jql';

/** Pages search/jql to its end; returns every page. */
async function searchAll(
  sim: ReturnType<typeof createJiraSimulator>,
  body: Obj,
): Promise<{ pages: Obj[]; issues: Obj[] }> {
  const pages: Obj[] = [];
  let token: unknown;
  do {
    const r = await call(sim, 'POST', SEARCH, token ? { ...body, nextPageToken: token } : body);
    expect(r.status).toBe(200);
    pages.push(asObj(r.json));
    token = asObj(r.json).nextPageToken;
  } while (token !== undefined);
  return { pages, issues: pages.flatMap((p) => list(p, 'issues')) };
}

describe('search/jql', () => {
  it('pages until the token is missing: every issue once, in a stable order', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const jql = 'project in (OPS, PAY) ORDER BY key ASC';
    const { pages, issues } = await searchAll(sim, { jql, fields: ['summary'], maxResults: 40 });
    expect(pages.map((p) => list(p, 'issues').length)).toEqual([40, 40, 40, 22]);
    expect(pages.map((p) => p.isLast)).toEqual([false, false, false, true]);
    expect(pages.at(-1)).not.toHaveProperty('nextPageToken');
    const keys = issues.map((i) => i.key as string);
    expect(new Set(keys).size).toBe(142);
    expect(keys.slice(0, 2)).toEqual(['OPS-1', 'OPS-2']);
    expect(keys.at(-1)).toBe('PAY-12');
    const again = await searchAll(sim, { jql, fields: ['summary'], maxResults: 40 });
    expect(again.issues.map((i) => i.key)).toEqual(keys);
  });

  it('caps the page at maxPageSize and defaults to 50; default fields are none', async () => {
    const sim = createJiraSimulator(syntheticSite(), { maxPageSize: 30 });
    const big = await call(sim, 'POST', SEARCH, { jql: 'project = OPS', maxResults: 1000 });
    expect(list(big.json, 'issues')).toHaveLength(30);
    const dflt = await call(createJiraSimulator(syntheticSite()), 'POST', SEARCH, {
      jql: 'project = OPS',
    });
    const first = list(dflt.json, 'issues');
    expect(first).toHaveLength(50);
    expect(first[0]).toEqual({
      expand: expect.any(String) as unknown,
      id: expect.any(String) as unknown,
      key: 'OPS-85', // no ORDER BY: id order, and OPS-85 has the lowest id
      self: `https://synthetic.atlassian.net/rest/api/3/issue/${String(first[0]?.id)}`,
      fields: {},
    });
  });

  it('returns only the requested fields; *all, *navigable and -exclusions', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const fieldsOf = async (fields: string[]) =>
      Object.keys(
        asObj(
          list((await call(sim, 'POST', SEARCH, { jql: 'key = OPS-2', fields })).json, 'issues')[0]
            ?.fields,
        ),
      ).sort();
    expect(await fieldsOf(['summary', 'nonexistent'])).toEqual(['summary']);
    expect(await fieldsOf(['*all', '-comment', '-worklog'])).toEqual([
      'attachment',
      'created',
      'customfield_10050',
      'customfield_10051',
      'description',
      'environment',
      'labels',
      'project',
      'reporter',
      'summary',
      'updated',
    ]);
    expect(await fieldsOf(['*navigable'])).not.toContain('worklog');
    expect(await fieldsOf(['summary,labels'])).toEqual(['labels', 'summary']);
    const issue = list(
      (
        await call(sim, 'POST', SEARCH, {
          jql: 'key = OPS-2',
          fields: ['project', 'reporter', 'description'],
        })
      ).json,
      'issues',
    )[0];
    expect(issue?.fields).toEqual({
      project: {
        self: 'https://synthetic.atlassian.net/rest/api/3/project/10000',
        id: '10000',
        key: 'OPS',
        name: 'Operations',
      },
      reporter: expect.objectContaining({
        accountId: USERS.dev,
        displayName: 'Dev Eloper',
      }) as unknown,
      description: adf('Description of OPS-2'),
    });
  });

  it('embeds the first 20 comments and worklogs with the true total', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'POST', SEARCH, {
      jql: 'key = OPS-1',
      fields: ['comment', 'worklog'],
    });
    const fields = asObj(list(r.json, 'issues')[0]?.fields);
    const comment = asObj(fields.comment);
    expect(list(comment, 'comments')).toHaveLength(20);
    expect(comment).toMatchObject({
      total: 45,
      startAt: 0,
      maxResults: 20,
      self: expect.stringMatching(/\/comment$/) as unknown,
    });
    expect(list(comment, 'comments')[0]).toMatchObject({ id: '50000', body: adf('comment 0') });
    const worklog = asObj(fields.worklog);
    expect(worklog).toMatchObject({ startAt: 0, maxResults: 20, total: 30 });
    expect(list(worklog, 'worklogs')).toHaveLength(20);
    const small = createJiraSimulator(syntheticSite(), { embedLimit: 5 });
    const s = await call(small, 'GET', '/rest/api/3/issue/OPS-1?fields=comment');
    expect(list(asObj(asObj(s.json).fields).comment, 'comments')).toHaveLength(5);
  });

  it('lists attachment metadata with byte sizes and content URLs', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'GET', '/rest/api/3/issue/OPS-2?fields=attachment');
    const atts = asObj(asObj(r.json).fields).attachment as Obj[];
    expect(atts.map((a) => [a.id, a.filename, a.mimeType, a.size, a.content])).toEqual([
      [
        '80001',
        'app.env',
        'text/plain',
        17,
        'https://synthetic.atlassian.net/rest/api/3/attachment/content/80001',
      ],
      [
        '80002',
        'pixel.png',
        'image/png',
        8,
        'https://synthetic.atlassian.net/rest/api/3/attachment/content/80002',
      ],
      [
        '80003',
        'big.log',
        'text/plain',
        SYNTHETIC.bigAttachmentSize,
        'https://synthetic.atlassian.net/rest/api/3/attachment/content/80003',
      ],
    ]);
    expect(atts[2]).toMatchObject({
      created: '2025-01-01T05:00:00.000+0000',
      author: { accountId: USERS.lead },
    });
  });

  it('refuses bad tokens, unknown body fields, bad JSON and unbounded JQL with 400', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const first = await call(sim, 'POST', SEARCH, { jql: 'project = OPS', maxResults: 10 });
    const token = asObj(first.json).nextPageToken as string;
    const msg = async (body: unknown) => {
      const r = await call(sim, 'POST', SEARCH, body);
      expect(r.status).toBe(400);
      expect(asObj(r.json).errors).toEqual({});
      return (asObj(r.json).errorMessages as string[]).join();
    };
    expect(await msg({ jql: 'project = PAY', nextPageToken: token })).toMatch(
      /does not belong to this query/,
    );
    expect(await msg({ jql: 'project = OPS', nextPageToken: 'garbage' })).toMatch(/invalid/);
    expect(await msg({ jql: 'project = OPS', startAt: 10 })).toMatch(
      /Unrecognized field "startAt"/,
    );
    expect(await msg('{"jql": ')).toMatch(/Invalid request payload/);
    expect(await msg({ jql: 'ORDER BY key' })).toMatch(/Unbounded JQL/);
    expect(await msg({})).toMatch(/Unbounded JQL/);
    expect(await msg({ jql: 'project = OPS', maxResults: 0 })).toMatch(/maxResults/);
  });

  it('expires page tokens after 7 days', async () => {
    const clock = testClock();
    const sim = createJiraSimulator(syntheticSite(clock.now));
    const first = await call(sim, 'POST', SEARCH, { jql: 'project = OPS', maxResults: 10 });
    clock.advance(8 * 24 * 3600 * 1000);
    const next = await call(sim, 'POST', SEARCH, {
      jql: 'project = OPS',
      maxResults: 10,
      nextPageToken: asObj(first.json).nextPageToken,
    });
    expect(next.status).toBe(400);
    expect(asObj(next.json).errorMessages).toEqual(['The provided next page token has expired.']);
  });

  it('approximate-count counts what the JQL selects', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'POST', '/rest/api/3/search/approximate-count', {
      jql: 'project in (PAY, DOC)',
    });
    expect(r.json).toEqual({ count: 12 });
    expect(
      (await call(sim, 'POST', '/rest/api/3/search/approximate-count', { jql: '' })).status,
    ).toBe(400);
  });
});

describe('issue, comments, worklogs', () => {
  it('GET issue returns all fields by default and 404 for a missing or deleted issue', async () => {
    const site = syntheticSite();
    const sim = createJiraSimulator(site);
    const r = await call(sim, 'GET', '/rest/api/3/issue/PAY-1');
    expect(r.status).toBe(200);
    expect(Object.keys(asObj(asObj(r.json).fields))).toEqual(
      expect.arrayContaining([
        'summary',
        'description',
        'environment',
        'comment',
        'worklog',
        'attachment',
        'project',
      ]),
    );
    const byId = await call(
      sim,
      'GET',
      `/rest/api/3/issue/${String(asObj(r.json).id)}?fields=summary`,
    );
    expect(asObj(byId.json).fields).toEqual({ summary: 'Pay issue 1' });
    site.deleteIssue('PAY-1');
    for (const path of [
      '/rest/api/3/issue/PAY-1',
      '/rest/api/3/issue/NOPE-9',
      '/rest/api/3/issue/PAY-1/comment',
    ]) {
      const gone = await call(sim, 'GET', path);
      expect([gone.status, gone.json]).toEqual([
        404,
        {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
          errors: {},
        },
      ]);
    }
  });

  it('the comment endpoint pages all 45 comments, oldest first', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const ids: string[] = [];
    for (let startAt = 0; ;) {
      const r = await call(
        sim,
        'GET',
        `/rest/api/3/issue/OPS-1/comment?startAt=${startAt}&maxResults=20&orderBy=created`,
      );
      const page = asObj(r.json);
      expect(page).toMatchObject({ startAt, maxResults: 20, total: 45 });
      const comments = list(page, 'comments');
      ids.push(...comments.map((c) => c.id as string));
      startAt += comments.length;
      if (comments.length === 0 || startAt >= 45) break;
    }
    expect(ids).toEqual(Array.from({ length: 45 }, (_, i) => String(50000 + i)));
    const capped = await call(sim, 'GET', '/rest/api/3/issue/OPS-1/comment?maxResults=500');
    expect(asObj(capped.json).maxResults).toBe(100);
    const desc = await call(
      sim,
      'GET',
      '/rest/api/3/issue/OPS-1/comment?orderBy=-created&maxResults=1',
    );
    expect(list(desc.json, 'comments')[0]?.id).toBe('50044');
    expect((await call(sim, 'GET', '/rest/api/3/issue/OPS-1/comment?orderBy=updated')).status).toBe(
      400,
    );
    const one = await call(sim, 'GET', '/rest/api/3/issue/OPS-1/comment/50003');
    expect(one.json).toMatchObject({ id: '50003', body: adf('comment 3') });
    expect((await call(sim, 'GET', '/rest/api/3/issue/OPS-1/comment/1')).status).toBe(404);
  });

  it('restricted comments are visible to their group and the app only', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const idsAs = async (headers: Record<string, string>) =>
      list(
        (await call(sim, 'GET', '/rest/api/3/issue/OPS-3/comment', undefined, headers)).json,
        'comments',
      ).map((c) => c.id);
    expect(await idsAs({})).toEqual(['51000', '51001']);
    expect(await idsAs({ 'X-Sim-Account-Id': USERS.secops })).toEqual(['51000', '51001']);
    expect(await idsAs({ 'X-Sim-Account-Id': USERS.dev })).toEqual(['51000']);
    const hidden = await call(sim, 'GET', '/rest/api/3/issue/OPS-3/comment/51001', undefined, {
      'X-Sim-Account-Id': USERS.dev,
    });
    expect(hidden.status).toBe(404);
  });

  it('the worklog endpoint pages all worklogs', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'GET', '/rest/api/3/issue/OPS-1/worklog?startAt=25&maxResults=10');
    expect(asObj(r.json)).toMatchObject({ startAt: 25, maxResults: 10, total: 30 });
    expect(list(r.json, 'worklogs').map((w) => w.id)).toEqual([
      '60025',
      '60026',
      '60027',
      '60028',
      '60029',
    ]);
    expect(list(r.json, 'worklogs')[0]).toMatchObject({
      issueId: expect.any(String) as unknown,
      timeSpentSeconds: 46800,
      timeSpent: '1d 5h',
    });
    expect((await call(sim, 'GET', '/rest/api/3/issue/OPS-1/worklog?startAt=x')).status).toBe(404);
  });
});

describe('changelog/bulkfetch', () => {
  const BULK = '/rest/api/3/changelog/bulkfetch';

  it('keeps only items of the requested fields, drops emptied histories, oldest first', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(sim, 'POST', BULK, {
      issueIdsOrKeys: ['OPS-2', 'PAY-1', 'OPS-5'],
      fieldIds: ['description', 'summary'],
    });
    expect(r.status).toBe(200);
    expect(asObj(r.json)).not.toHaveProperty('nextPageToken');
    const logs = list(r.json, 'issueChangeLogs');
    const ops2 = logs.find((l) => l.issueId === asObj(sim.site.issue('OPS-2')).id);
    const histories = ops2?.changeHistories as Obj[];
    expect(histories).toHaveLength(SYNTHETIC.textHistories);
    expect(
      histories.every((h) => (h.items as Obj[]).every((i) => i.fieldId === 'description')),
    ).toBe(true);
    expect(histories[0]?.items).toEqual([
      {
        field: 'description',
        fieldtype: 'jira',
        fieldId: 'description',
        from: null,
        fromString: 'old 0',
        to: null,
        toString: 'new 0',
      },
    ]);
    const pay1 = logs.find((l) => l.issueId === sim.site.issue('PAY-1')?.id);
    expect((pay1?.changeHistories as Obj[]).map((h) => h.id)).toEqual(['71000', '71001', '71002']);
    expect(logs.map((l) => l.issueId)).not.toContain(sim.site.issue('OPS-5')?.id); // no history at all
  });

  it('pages by number of histories until the token is missing', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const seen: string[] = [];
    let token: unknown;
    let pages = 0;
    do {
      const body: Obj = { issueIdsOrKeys: ['OPS-2', 'PAY-1'], fieldIds: [], maxResults: 7 };
      if (token) body.nextPageToken = token;
      const r = await call(sim, 'POST', BULK, body);
      const histories = list(r.json, 'issueChangeLogs').flatMap((l) => l.changeHistories as Obj[]);
      expect(histories.length).toBeLessThanOrEqual(7);
      // Within a page histories are grouped by issue; across pages they run oldest first.
      seen.push(...histories.map((h) => `${h.created as string}/${h.id as string}`).sort());
      token = asObj(r.json).nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(4); // 28 histories, 7 a page
    expect(seen).toHaveLength(SYNTHETIC.histories + 3);
    expect(seen).toEqual([...seen].sort());
  });

  it('refuses 0 or >1000 issues, >10 fields, unknown body fields', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const status = async (body: unknown) => (await call(sim, 'POST', BULK, body)).status;
    expect(await status({ issueIdsOrKeys: [] })).toBe(400);
    expect(
      await status({ issueIdsOrKeys: Array.from({ length: 1001 }, (_, i) => `OPS-${i + 1}`) }),
    ).toBe(400);
    expect(
      await status({
        issueIdsOrKeys: ['OPS-1'],
        fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`),
      }),
    ).toBe(400);
    expect(await status({ issueIdsOrKeys: ['OPS-1'], maxResults: 0 })).toBe(400);
    expect(await status({ issueIdsOrKeys: ['OPS-1'], startAt: 0 })).toBe(400);
    expect(
      await status({ issueIdsOrKeys: Array.from({ length: 1000 }, (_, i) => `OPS-${i + 1}`) }),
    ).toBe(200);
  });
});

describe('projects, fields, attachments, permissions', () => {
  it('project search pages with PageBean and shows descriptions only with expand', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const r = await call(
      sim,
      'GET',
      '/rest/api/3/project/search?startAt=0&maxResults=2&orderBy=key',
    );
    expect(asObj(r.json)).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(list(r.json, 'values').map((p) => p.key)).toEqual(['DOC', 'OPS']);
    expect(list(r.json, 'values')[0]).not.toHaveProperty('description');
    expect(asObj(r.json).nextPage).toBe(
      'https://synthetic.atlassian.net/rest/api/3/project/search?startAt=2&maxResults=2&orderBy=key',
    );
    const rest = await call(
      sim,
      'GET',
      '/rest/api/3/project/search?expand=description&startAt=2&maxResults=500',
    );
    expect(asObj(rest.json)).toMatchObject({
      maxResults: 100,
      isLast: true,
      values: [{ key: 'PAY', description: '' }],
    });
  });

  it('components and versions per project, 404 for an unknown project', async () => {
    const sim = createJiraSimulator(syntheticSite());
    expect((await call(sim, 'GET', '/rest/api/3/project/OPS/components')).json).toEqual([
      expect.objectContaining({ id: '100', name: 'api', description: 'API', projectId: 10000 }),
    ]);
    expect((await call(sim, 'GET', '/rest/api/3/project/10000/versions')).json).toEqual([
      expect.objectContaining({ id: '200', name: '1.0', description: 'First' }),
    ]);
    expect((await call(sim, 'GET', '/rest/api/3/project/NOPE/versions')).status).toBe(404);
  });

  it('fields lists the system fields and the fixture custom fields', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const fields = (await call(sim, 'GET', '/rest/api/3/field')).json as Obj[];
    expect(fields.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'summary',
        'description',
        'environment',
        'labels',
        'comment',
        'attachment',
        'project',
        'updated',
        'created',
        'customfield_10050',
        'customfield_10051',
      ]),
    );
    expect(fields.find((f) => f.id === 'customfield_10050')).toMatchObject({
      name: 'Deployment notes',
      custom: true,
      clauseNames: ['cf[10050]', 'Deployment notes'],
      schema: { custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' },
    });
  });

  it('attachment content: 303 by default, 200, 206 with Content-Range, 416 and 400 for bad ranges', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const path = '/rest/api/3/attachment/content/80003';
    const redirect = await call(sim, 'GET', path);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toBe(`https://synthetic.atlassian.net${path}?redirect=false`);
    const full = await call(sim, 'GET', `${path}?redirect=false`);
    expect([full.status, full.bytes.length, full.headers['content-type']]).toEqual([
      200,
      3000,
      'text/plain',
    ]);
    const ranged = await call(sim, 'GET', `${path}?redirect=false`, undefined, {
      Range: 'bytes=0-1023',
    });
    expect([ranged.status, ranged.bytes.length, ranged.headers['content-range']]).toEqual([
      206,
      1024,
      'bytes 0-1023/3000',
    ]);
    const tail = await call(sim, 'GET', `${path}?redirect=false`, undefined, {
      Range: 'bytes=2990-9999',
    });
    expect([tail.status, tail.bytes.length, tail.headers['content-range']]).toEqual([
      206,
      10,
      'bytes 2990-2999/3000',
    ]);
    const suffix = await call(sim, 'GET', `${path}?redirect=false`, undefined, {
      Range: 'bytes=-5',
    });
    expect(suffix.headers['content-range']).toBe('bytes 2995-2999/3000');
    const beyond = await call(sim, 'GET', `${path}?redirect=false`, undefined, {
      Range: 'bytes=3000-3010',
    });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, 'bytes */3000']);
    expect(
      (await call(sim, 'GET', `${path}?redirect=false`, undefined, { Range: 'bytes=9-2' })).status,
    ).toBe(416);
    expect(
      (await call(sim, 'GET', `${path}?redirect=false`, undefined, { Range: 'lines=1-2' })).status,
    ).toBe(400);
    const png = await call(sim, 'GET', '/rest/api/3/attachment/content/80002?redirect=false');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await call(sim, 'GET', '/rest/api/3/attachment/content/1?redirect=false')).status).toBe(
      404,
    );
  });

  it("groups have ids, kept when given; BROWSE_PROJECTS follows a project's browseGroups", async () => {
    const json = exampleJson() as {
      projects: { key: string; browseGroups?: string[] }[];
      groups?: { name: string; groupId: string }[];
    };
    const PAY = json.projects.find((p) => p.key === 'PAY');
    if (!PAY) throw new Error('no PAY');
    PAY.browseGroups = ['jira-software-users'];
    const OPS = json.projects.find((p) => p.key === 'OPS');
    if (OPS) OPS.browseGroups = ['jira-admins-acme'];
    json.groups = [{ name: 'All-incidents', groupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2' }];
    const sim = createJiraSimulator(loadFixture(json));
    const MIA = '712020:99887766-5544-4332-a211-00ffeeddccbb'; // jira-software-users, All-incidents
    const browse = async (key: string) => {
      const r = await call(
        sim,
        'GET',
        `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=${key}`,
        undefined,
        { 'X-Sim-Account-Id': MIA },
      );
      return asObj(asObj(asObj(r.json).permissions).BROWSE_PROJECTS).havePermission;
    };
    expect(await browse('PAY')).toBe(true);
    expect(await browse('OPS')).toBe(false); // not in OPS's browse groups
    expect(await browse('WEB')).toBe(true); // no browseGroups: everyone
    const groups = (
      (await call(sim, 'GET', `/rest/api/3/user/groups?accountId=${encodeURIComponent(MIA)}`))
        .json as Obj[]
    ).map((g) => [g.name, g.groupId]);
    const derived = groups.find(([n]) => n === 'jira-software-users')?.[1];
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(groups).toEqual([
      ['jira-software-users', derived],
      ['All-incidents', '952d12c3-5b5b-4d04-bb32-44d383afc4b2'],
    ]);
    const picked = asObj((await call(sim, 'GET', '/rest/api/3/groups/picker?query=incid')).json);
    expect(picked.groups).toEqual([
      {
        name: 'All-incidents',
        html: 'All-incidents',
        groupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2',
        labels: [],
      },
    ]);
    const bulk = asObj(
      (
        await call(
          sim,
          'GET',
          '/rest/api/3/group/bulk?groupId=952d12c3-5b5b-4d04-bb32-44d383afc4b2&groupId=nope',
        )
      ).json,
    );
    expect(bulk.values).toEqual([
      { name: 'All-incidents', groupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2' },
    ]);
    // The shared example fixture still loads as it is, and a bad extension is reported.
    expect(() => loadFixture(exampleJson())).not.toThrow();
    expect(() => loadFixture({ ...json, groups: [{ name: 'x' }] })).toThrow(/groupId/);
  });

  it('mypermissions: ADMINISTER for site admins, ADMINISTER_PROJECTS per project, BROWSE for all', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const perms = async (accountId: string | undefined, query: string) => {
      const r = await call(
        sim,
        'GET',
        `/rest/api/3/mypermissions?${query}`,
        undefined,
        accountId ? { 'X-Sim-Account-Id': accountId } : {},
      );
      if (r.status !== 200) return r.status;
      return Object.fromEntries(
        Object.entries(asObj(asObj(r.json).permissions)).map(([k, v]) => [
          k,
          asObj(v).havePermission,
        ]),
      );
    };
    const all = 'permissions=ADMINISTER,ADMINISTER_PROJECTS,BROWSE_PROJECTS';
    expect(await perms(USERS.admin, all)).toEqual({
      ADMINISTER: true,
      ADMINISTER_PROJECTS: true,
      BROWSE_PROJECTS: true,
    });
    expect(await perms(USERS.dev, all)).toEqual({
      ADMINISTER: false,
      ADMINISTER_PROJECTS: false,
      BROWSE_PROJECTS: true,
    });
    expect(await perms(USERS.lead, `${all}&projectKey=PAY`)).toEqual({
      ADMINISTER: false,
      ADMINISTER_PROJECTS: true,
      BROWSE_PROJECTS: true,
    });
    expect(await perms(USERS.lead, `${all}&projectKey=OPS`)).toEqual({
      ADMINISTER: false,
      ADMINISTER_PROJECTS: false,
      BROWSE_PROJECTS: true,
    });
    expect(await perms(USERS.lead, all)).toMatchObject({ ADMINISTER_PROJECTS: true }); // in some project
    expect(await perms(undefined, all)).toEqual({
      ADMINISTER: false,
      ADMINISTER_PROJECTS: false,
      BROWSE_PROJECTS: true,
    });
    expect(await perms(USERS.dev, 'permissions=ADMINISTER,EAT_CAKE')).toBe(400);
    expect(await perms(USERS.dev, '')).toBe(400);
    expect(await perms(USERS.dev, `${all}&projectKey=NOPE`)).toBe(404);
    const r = await call(sim, 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(asObj(asObj(r.json).permissions).ADMINISTER).toEqual({
      id: '0',
      key: 'ADMINISTER',
      name: 'Administer Jira',
      type: 'GLOBAL',
      description: expect.any(String) as unknown,
      havePermission: false,
    });
  });

  it('the example fixture: Jane (siteAdmin) administers, Raj does not', async () => {
    const sim = createJiraSimulator(exampleSite());
    const admin = async (displayName: string) => {
      const auth = `Basic ${Buffer.from(`${displayName}:any`).toString('base64')}`;
      const r = await call(
        sim,
        'GET',
        '/rest/api/3/mypermissions?permissions=ADMINISTER',
        undefined,
        { Authorization: auth },
      );
      return asObj(asObj(asObj(r.json).permissions).ADMINISTER).havePermission;
    };
    expect(await admin('Jane Doe')).toBe(true);
    expect(await admin('Raj Patel')).toBe(false);
  });
});

describe('errors, auth and stats', () => {
  it('unknown route 404, wrong method 405, in Jira error shape', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const missing = await call(sim, 'GET', '/rest/api/3/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      errorMessages: ['null for uri: https://synthetic.atlassian.net/rest/api/3/nothing-here'],
      errors: {},
    });
    const wrong = await call(sim, 'GET', SEARCH);
    expect([wrong.status, wrong.headers.allow]).toEqual([405, 'POST']);
    expect(asObj(wrong.json).errors).toEqual({});
    expect((await call(sim, 'DELETE', '/rest/api/3/issue/OPS-1')).status).toBe(405);
  });

  it('with credentials, requests need matching Basic auth, else 401', async () => {
    const sim = createJiraSimulator(syntheticSite(), {
      credentials: { email: 'dev@example.com', token: 's3cret' },
    });
    const basic = (user: string, pass: string) => ({
      Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
    });
    const none = await call(sim, 'GET', '/rest/api/3/field');
    expect([none.status, none.json]).toEqual([
      401,
      { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} },
    ]);
    expect(
      (await call(sim, 'GET', '/rest/api/3/field', undefined, basic('dev@example.com', 'wrong')))
        .status,
    ).toBe(401);
    const ok = await call(
      sim,
      'GET',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER',
      undefined,
      basic('dev@example.com', 's3cret'),
    );
    expect(ok.status).toBe(200);
    // The email names Dev Eloper: a user, not the app, and not an admin.
    expect(asObj(asObj(asObj(ok.json).permissions).ADMINISTER).havePermission).toBe(false);
    expect(
      (
        await call(sim, 'GET', '/rest/api/3/field', undefined, {
          'X-Sim-Account-Id': 'ghost',
          ...basic('dev@example.com', 's3cret'),
        })
      ).status,
    ).toBe(401);
  });

  it('counts requests and points per endpoint like the app transport keys them', async () => {
    const sim = createJiraSimulator(syntheticSite());
    await call(sim, 'POST', SEARCH, { jql: 'project = OPS', maxResults: 30 });
    await call(sim, 'GET', '/rest/api/3/issue/OPS-1');
    await call(sim, 'GET', '/rest/api/3/issue/OPS-2');
    await call(sim, 'GET', '/rest/api/3/issue/OPS-1/comment');
    await call(sim, 'GET', '/rest/api/3/project/search');
    await call(sim, 'GET', '/rest/api/3/attachment/content/80001?redirect=false');
    await call(sim, 'GET', '/rest/api/3/issue/NOPE-1');
    expect(sim.stats()).toEqual({
      requests: 7,
      points: 31 + 2 + 2 + 1 + 4 + 2 + 1,
      byEndpoint: {
        'POST /rest/api/3/search/jql': { requests: 1, points: 31 },
        'GET /rest/api/3/issue/{id}': { requests: 3, points: 5 },
        'GET /rest/api/3/issue/{id}/comment': { requests: 1, points: 1 },
        'GET /rest/api/3/project/search': { requests: 1, points: 4 },
        'GET /rest/api/3/attachment/content/{id}': { requests: 1, points: 2 },
      },
    });
  });
});

describe('through the app', () => {
  it('the real fetch of Node reaches listen() on the loopback', async () => {
    const sim = createJiraSimulator(syntheticSite());
    const server = await sim.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}${SEARCH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jql: 'key = OPS-2', fields: ['summary'] }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { issues: Obj[] }).issues[0]?.fields).toEqual({
        summary: 'Ops issue 2',
      });
      const bytes = await fetch(
        `${server.url}/rest/api/3/attachment/content/80003?redirect=false`,
        { headers: { Range: 'bytes=0-99' } },
      );
      expect([bytes.status, (await bytes.arrayBuffer()).byteLength]).toEqual([206, 100]);
    } finally {
      await server.close();
    }
  });

  it('createJiraClient over sim.fetch pages everything', async () => {
    const sim = createJiraSimulator(syntheticSite(), { maxPageSize: 25 });
    const http = createJiraHttp({
      fetch: sim.fetch,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
      now: () => 0,
    });
    const client = createJiraClient(http);
    const seen = await allIssueKeys(client);
    expect(seen).toHaveLength(142);
    expect(new Set(seen).size).toBe(142);
    expect(await client.approximateCount('project = OPS')).toBe(130);
    expect(await client.comments('OPS-1')).toHaveLength(45);
    expect(await client.worklogs('OPS-1')).toHaveLength(30);
    const logs = await client.changelogs(
      ['OPS-2', 'PAY-1'],
      ['description', 'summary', 'customfield_10050'],
    );
    expect(logs.get(sim.site.issue('OPS-2')?.id ?? '')).toHaveLength(SYNTHETIC.textHistories);
    expect(logs.get(sim.site.issue('PAY-1')?.id ?? '')).toHaveLength(3);
    expect((await client.fields()).length).toBeGreaterThan(10);
    expect((await client.projects()).map((p) => p.key)).toEqual(['DOC', 'OPS', 'PAY']);
    expect(await client.components('OPS')).toHaveLength(1);
    expect(await client.versions('OPS')).toHaveLength(1);
    expect(new TextDecoder().decode(await client.attachmentHead('80001', 8))).toBe('API_TOKE');
    expect(await client.myPermissions(['BROWSE_PROJECTS', 'ADMINISTER'], 'OPS')).toEqual({
      BROWSE_PROJECTS: true,
      ADMINISTER: false,
    });
    expect(sim.stats().requests).toBe(http.stats().requests);
  });
});
