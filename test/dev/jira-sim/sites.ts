/**
 * Sites for the simulator's tests: the shared example fixture (read in place from ../shared) and a
 * synthetic one big enough to page, truncate and filter (45 comments, 30 worklogs, histories on
 * several fields, text and binary attachments, a restricted comment, a project admin).
 */
import { readFileSync } from 'node:fs';
import { loadFixture, type SimSite } from '../../../dev/jira-sim/fixture.js';
import { formatJiraTime } from '../../../dev/jira-sim/time.js';
import { sharedPath } from '../../shared-path.js';

export { sharedPath };

export function exampleJson(): unknown {
  return JSON.parse(readFileSync(sharedPath('fixtures/example-site.json'), 'utf8'));
}

/** A settable clock starting at 2026-03-01T00:00Z. */
export function testClock(start = Date.UTC(2026, 2, 1)): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}

export const adf = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

export const USERS = {
  admin: '557058:00000000-0000-4000-8000-000000000001',
  dev: '712020:00000000-0000-4000-8000-000000000002',
  lead: '712020:00000000-0000-4000-8000-000000000003',
  secops: '712020:00000000-0000-4000-8000-000000000004',
} as const;

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);
const ts = (hours: number): string => formatJiraTime(T0 + hours * HOUR);

/** Counts of the synthetic site, for assertions. */
export const SYNTHETIC = {
  opsIssues: 130,
  payIssues: 12,
  /** OPS-1 */
  comments: 45,
  worklogs: 30,
  /** OPS-2: histories, of which `textHistories` touch description or customfield_10050. */
  histories: 25,
  /** 1 in 5 histories changes only `status`. */
  textHistories: 20,
  bigAttachmentSize: 3000,
} as const;

export function syntheticJson(): Record<string, unknown> {
  const issues: Record<string, unknown>[] = [];
  const user = (accountId: string) => ({ accountId });
  // Ids are a permutation of key order, so ORDER BY id and ORDER BY key differ.
  const opsId = (n: number) => String(20000 + ((n * 37) % 131));
  for (let n = 1; n <= SYNTHETIC.opsIssues; n++) {
    issues.push({
      id: opsId(n),
      key: `OPS-${n}`,
      fields: {
        summary: `Ops issue ${n}`,
        description: adf(`Description of OPS-${n}`),
        environment: null,
        labels: n % 2 ? ['ops'] : [],
        created: ts(n),
        // updated order differs from both key and id order
        updated: ts(1000 + ((n * 53) % 97)),
        reporter: user(USERS.dev),
        project: { id: '10000', key: 'OPS' },
        customfield_10050: n % 3 ? null : adf(`Deploy notes ${n}`),
        customfield_10051: `ref-${n}`,
      },
      comments: [],
      changelog: [],
      worklogs: [],
      attachments: [],
    });
  }
  for (let n = 1; n <= SYNTHETIC.payIssues; n++) {
    issues.push({
      id: String(30000 + n),
      key: `PAY-${n}`,
      fields: {
        summary: `Pay issue ${n}`,
        description: null,
        environment: adf(`env ${n}`),
        created: ts(n),
        updated: ts(2000 + n),
        reporter: user(USERS.lead),
      },
    });
  }
  const ops1 = issues[0] as { comments: unknown[]; worklogs: unknown[] };
  for (let i = 0; i < SYNTHETIC.comments; i++) {
    ops1.comments.push({
      id: String(50000 + i),
      author: user(i % 2 ? USERS.dev : USERS.admin),
      body: adf(`comment ${i}`),
      created: ts(100 + i),
      updated: ts(100 + i),
    });
  }
  for (let i = 0; i < SYNTHETIC.worklogs; i++) {
    ops1.worklogs.push({
      id: String(60000 + i),
      author: user(USERS.dev),
      comment: i % 4 ? adf(`worked ${i}`) : null,
      started: ts(200 + i),
      timeSpentSeconds: 1800 * (i + 1),
    });
  }
  const ops2 = issues[1] as { changelog: unknown[]; attachments: unknown[] };
  for (let i = 0; i < SYNTHETIC.histories; i++) {
    const statusOnly = i % 5 === 4;
    ops2.changelog.push({
      id: String(70000 + i),
      author: user(USERS.admin),
      created: ts(300 + i),
      items: statusOnly
        ? [
            {
              field: 'status',
              fieldtype: 'jira',
              fieldId: 'status',
              from: '1',
              fromString: 'To Do',
              to: '3',
              toString: 'In Progress',
            },
          ]
        : [
            {
              field: 'description',
              fieldtype: 'jira',
              fieldId: 'description',
              from: null,
              fromString: `old ${i}`,
              to: null,
              toString: `new ${i}`,
            },
            {
              field: 'Deployment notes',
              fieldtype: 'custom',
              fieldId: 'customfield_10050',
              from: null,
              fromString: null,
              to: null,
              toString: `notes ${i}`,
            },
            {
              field: 'labels',
              fieldtype: 'jira',
              fieldId: 'labels',
              from: null,
              fromString: '',
              to: null,
              toString: 'x',
            },
          ],
    });
  }
  ops2.attachments.push(
    { id: '80001', filename: 'app.env', mimeType: 'text/plain', content: 'API_TOKEN=abc123\n' },
    { id: '80002', filename: 'pixel.png', mimeType: 'image/png', contentBase64: 'iVBORw0KGgo=' },
    {
      id: '80003',
      filename: 'big.log',
      mimeType: 'text/plain',
      content: 'x'.repeat(SYNTHETIC.bigAttachmentSize),
      created: ts(5),
      author: user(USERS.lead),
    },
  );
  // OPS-3: a comment only the secops group (and the app) may read.
  (issues[2] as { comments: unknown[] }).comments.push(
    {
      id: '51000',
      author: user(USERS.admin),
      body: adf('public'),
      created: ts(10),
      updated: ts(10),
    },
    {
      id: '51001',
      author: user(USERS.secops),
      body: adf('restricted'),
      created: ts(11),
      updated: ts(11),
      visibility: { type: 'group', value: 'secops' },
    },
  );
  // PAY-1: histories interleaved in time with OPS-2's, for bulkfetch ordering.
  (issues[SYNTHETIC.opsIssues] as Record<string, unknown>).changelog = [0, 1, 2].map((i) => ({
    id: String(71000 + i),
    author: user(USERS.lead),
    created: ts(300 + i * 10 + 0.5),
    items: [
      {
        field: 'summary',
        fieldtype: 'jira',
        fieldId: 'summary',
        from: null,
        fromString: `s${i}`,
        to: null,
        toString: `s${i + 1}`,
      },
    ],
  }));

  return {
    site: {
      baseUrl: 'https://synthetic.atlassian.net',
      cloudId: '00000000-0000-4000-8000-00000000c10d',
    },
    users: [
      {
        accountId: USERS.admin,
        displayName: 'Ada Admin',
        emailAddress: 'ada@example.com',
        groups: ['jira-admins-synthetic'],
        siteAdmin: false,
      },
      {
        accountId: USERS.dev,
        displayName: 'Dev Eloper',
        emailAddress: 'dev@example.com',
        groups: ['jira-software-users'],
        siteAdmin: false,
      },
      {
        accountId: USERS.lead,
        displayName: 'Lee Lead',
        groups: ['jira-software-users'],
        siteAdmin: false,
      },
      {
        accountId: USERS.secops,
        displayName: 'Sec Ops',
        groups: ['jira-software-users', 'secops'],
        siteAdmin: false,
      },
    ],
    fields: [
      {
        id: 'customfield_10050',
        name: 'Deployment notes',
        custom: true,
        schema: {
          type: 'string',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
          customId: 10050,
        },
      },
      {
        id: 'customfield_10051',
        name: 'Customer reference',
        custom: true,
        schema: {
          type: 'string',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
          customId: 10051,
        },
      },
    ],
    projects: [
      {
        id: '10000',
        key: 'OPS',
        name: 'Operations',
        description: 'Ops docs',
        components: [{ id: '100', name: 'api', description: 'API' }],
        versions: [{ id: '200', name: '1.0', description: 'First' }],
      },
      {
        id: '10001',
        key: 'PAY',
        name: 'Payments',
        components: [],
        versions: [],
        admins: [USERS.lead],
      },
      {
        id: '10002',
        key: 'DOC',
        name: 'Docs',
        description: 'No issues here',
        components: [],
        versions: [],
      },
    ],
    issues,
  };
}

export function syntheticSite(now?: () => number): SimSite {
  return loadFixture(syntheticJson(), now ? { now } : {});
}

export function exampleSite(now?: () => number): SimSite {
  return loadFixture(exampleJson(), now ? { now } : {});
}

/** What the app may not read on the hidden-content site, for assertions. */
export const HIDDEN = {
  /** PAY: an app access rule keeps its content from apps. */
  blockedProject: 'PAY',
  /** OPS issues behind the "Security team" level (secops and the admins; the app is in no group). */
  securedIssues: ['OPS-4', 'OPS-5', 'OPS-6'],
  /** OPS-3's comment restricted to secops. */
  restrictedComments: 1,
  /** OPS-7, updated last: a comment restricted to a role (the admin has it, the app never). */
  roleComment: 'OPS-7',
  /** Only secops may browse SEC: the app's project list leaves it out. */
  unbrowsableProject: 'SEC',
} as const;

/**
 * The synthetic site with content hidden from the app: an app access rule on PAY, three OPS
 * issues behind a security level only secops is in, a project only secops may browse, and the app
 * user in no group (so OPS-3's secops comment is hidden from it too).
 */
export function hiddenContentJson(): Record<string, unknown> {
  const json = syntheticJson();
  const projects = json.projects as Record<string, unknown>[];
  const issues = json.issues as Record<string, unknown>[];
  return {
    ...json,
    app: { groups: [] },
    projects: [
      ...projects.map((p) =>
        p.key === HIDDEN.blockedProject ? { ...p, appAccessBlocked: true } : p,
      ),
      {
        id: '10003',
        key: HIDDEN.unbrowsableProject,
        name: 'Security',
        components: [],
        versions: [],
        browseGroups: ['secops'],
      },
    ],
    issues: [
      ...issues.map((i) =>
        (HIDDEN.securedIssues as readonly unknown[]).includes(i.key)
          ? {
              ...i,
              security: { name: 'Security team', groups: ['secops', 'jira-admins-synthetic'] },
            }
          : i.key === HIDDEN.roleComment
            ? {
                ...i,
                fields: { ...(i.fields as object), updated: ts(9000) },
                comments: [
                  {
                    id: '52000',
                    author: { accountId: USERS.admin },
                    body: adf('administrators only'),
                    created: ts(9000),
                    updated: ts(9000),
                    visibility: { type: 'role', value: 'Administrators' },
                  },
                ],
              }
            : i,
      ),
      {
        id: '40001',
        key: 'SEC-1',
        fields: {
          summary: 'Security issue',
          created: '2025-01-01T00:00:00.000+0000',
          updated: '2025-01-01T00:00:00.000+0000',
        },
      },
    ],
  };
}
