/**
 * The example site with one secret planted in every kind of issue place: a custom field, a
 * comment, a worklog and an old value in the history, each written by a named fixture user on a
 * known day. The secret is the example site's own GitHub token (OPS-8's description), so every
 * place belongs to one incident.
 */
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';

export const RAJ = '712020:0f1e2d3c-4b5a-4697-8877-665544332211';
export const MIA = '712020:99887766-5544-4332-a211-00ffeeddccbb';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface Site {
  issues: { key: string; fields: Record<string, unknown>; [k: string]: unknown }[];
}

export function placesSite(): { fixture: unknown; token: string } {
  const site = readJson(EXAMPLE_SITE) as Site;
  const token = /ghp_[A-Za-z0-9]{36}/.exec(JSON.stringify(site))?.[0];
  const issue = site.issues.find((i) => i.key === 'OPS-1');
  if (!token || !issue) throw new Error('the example site changed: no GitHub token or OPS-1');
  issue.fields.customfield_10042 = `customer token ${token}`;
  issue.comments = [
    {
      id: '20901',
      author: { accountId: RAJ },
      body: adf(`try ${token}`),
      created: '2026-11-30T09:00:00.000+0000',
    },
  ];
  issue.worklogs = [
    {
      id: '40901',
      author: { accountId: MIA },
      comment: adf(`deployed with ${token}`),
      started: '2026-11-29T08:00:00.000+0000',
      created: '2026-11-29T17:00:00.000+0000',
      timeSpentSeconds: 3600,
    },
  ];
  issue.changelog = [
    {
      id: '30901',
      author: { accountId: RAJ },
      created: '2026-11-30T10:00:00.000+0000',
      items: [
        {
          field: 'description',
          fieldtype: 'jira',
          fieldId: 'description',
          from: null,
          fromString: `old text with ${token}`,
          to: null,
          toString: 'cleaned up',
        },
      ],
    },
  ];
  return { fixture: site, token };
}
