import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_CAP,
  attachmentUnit,
  issueUnits,
  projectUnits,
  type FieldMeta,
} from '../../src/content/issue-units.js';

const C = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const fields: FieldMeta[] = [
  { id: 'summary', schema: { type: 'string' } },
  { id: 'description', schema: { type: 'string' } },
  { id: 'environment', schema: { type: 'string' } },
  { id: 'labels', schema: { type: 'array', items: 'string' } },
  { id: 'customfield_10040', schema: { type: 'string', custom: `${C}textarea` } },
  { id: 'customfield_10041', schema: { type: 'string', custom: `${C}url` } },
  { id: 'customfield_10042', schema: { type: 'option', custom: `${C}select` } },
  { id: 'customfield_10043', schema: { type: 'option-with-child', custom: `${C}cascadingselect` } },
  { id: 'customfield_10044', schema: { type: 'array', custom: `${C}multiselect` } },
  { id: 'customfield_10045', schema: { type: 'number', custom: `${C}float` } },
  { id: 'assignee', schema: { type: 'user' } },
];
const doc = (text: string): unknown => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const ctx = { baseUrl: 'https://acme.atlassian.net/', fields };

describe('issueUnits', () => {
  const issue = {
    id: '10001',
    key: 'OPS-1',
    fields: {
      project: { id: '10000', key: 'OPS' },
      summary: 'deploy broke',
      description: doc('desc text'),
      environment: null,
      labels: ['prod', 'hotfix'],
      customfield_10040: doc('notes'),
      customfield_10041: 'https://x.test',
      customfield_10042: { id: '1', value: 'opt' },
      customfield_10043: { id: '2', value: 'parent', child: { id: '3', value: 'child' } },
      customfield_10044: [
        { id: '4', value: 'a' },
        { id: '5', value: 'b' },
      ],
      customfield_10045: 42,
      assignee: { accountId: 'abc' },
    },
    comments: [{ id: '20001', body: doc('comment text') }],
    worklogs: [{ id: '40001', comment: doc('worklog text') }],
    changelog: [
      {
        id: '30001',
        items: [
          {
            field: 'description',
            fieldId: 'description',
            fromString: 'old text',
            toString: 'new text',
          },
          { field: 'assignee', fieldId: 'assignee', fromString: 'Jane', toString: 'Sam' },
        ],
      },
    ],
  };
  const { units, skipped } = issueUnits(issue, ctx);
  const by = (field: string): string[] =>
    units.filter((u) => u.location.field === field).map((u) => u.text);

  it('reads every text-bearing field by schema, and nothing else', () => {
    expect(by('summary')).toEqual(['deploy broke']);
    expect(by('description')).toEqual(['desc text']);
    expect(by('environment')).toEqual([]);
    expect(by('labels')).toEqual(['prod', 'hotfix']);
    expect(by('customfield_10040')).toEqual(['notes']);
    expect(by('customfield_10041')).toEqual(['https://x.test']);
    expect(by('customfield_10042')).toEqual(['opt']);
    expect(by('customfield_10043')).toEqual(['parent', 'child']);
    expect(by('customfield_10044')).toEqual(['a', 'b']);
    expect(by('customfield_10045')).toEqual([]);
    expect(by('assignee')).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it('locates comments, worklogs and history entries with URLs that open them', () => {
    const comment = units.find((u) => u.location.field === 'comment');
    expect(comment?.location).toMatchObject({
      projectKey: 'OPS',
      issueKey: 'OPS-1',
      issueId: '10001',
      commentId: '20001',
      url: 'https://acme.atlassian.net/browse/OPS-1?focusedCommentId=20001',
    });
    expect(units.find((u) => u.location.field === 'worklog')?.location.url).toBe(
      'https://acme.atlassian.net/browse/OPS-1?focusedWorklogId=40001',
    );
    const history = units.filter((u) => u.location.field === 'changelog');
    expect(
      history.map((u) => [
        u.text,
        u.location.historyId,
        u.location.historyField,
        u.location.historyValue,
      ]),
    ).toEqual([
      ['old text', '30001', 'description', 'from'],
      ['new text', '30001', 'description', 'to'],
    ]);
  });

  it('records malformed ADF instead of dropping it silently', () => {
    const r = issueUnits(
      {
        id: '1',
        key: 'OPS-2',
        fields: { description: { type: 'doc', content: [{ type: 'text', text: 5 }] } },
      },
      ctx,
    );
    expect(r.skipped[0]?.reason).toMatch(/^ADF: text node without a string text/);
  });
});

describe('attachmentUnit', () => {
  const issue = { id: '10001', key: 'OPS-1', projectKey: 'OPS' };
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('reads text attachments and points at the file', () => {
    const r = attachmentUnit(
      issue,
      { id: '50001', filename: 'app.env', mimeType: 'application/octet-stream', size: 9 },
      enc('TOKEN=abc'),
      'https://acme.atlassian.net',
    );
    expect(r.unit?.text).toBe('TOKEN=abc');
    expect(r.unit?.location.url).toBe('https://acme.atlassian.net/secure/attachment/50001/app.env');
  });
  it('skips binary attachments with a reason', () => {
    const png = attachmentUnit(
      issue,
      { id: '2', filename: 'shot.png', mimeType: 'image/png', size: 3 },
      new Uint8Array([1, 2, 3]),
      'https://a',
    );
    expect(png.skipped?.reason).toBe('binary type image/png');
    const nul = attachmentUnit(
      issue,
      { id: '3', filename: 'x.log', mimeType: 'text/plain', size: 3 },
      new Uint8Array([65, 0, 66]),
      'https://a',
    );
    expect(nul.skipped?.reason).toMatch(/NUL/);
  });
  it('reports what lies past the size cap', () => {
    const big = new Uint8Array(ATTACHMENT_CAP + 10).fill(65);
    const r = attachmentUnit(
      issue,
      { id: '4', filename: 'big.log', mimeType: 'text/plain', size: 5_000_000 },
      big,
      'https://a',
    );
    expect(r.unit?.text.length).toBe(ATTACHMENT_CAP);
    expect(r.truncated?.reason).toMatch(/only the first 1048576 of 5000000 bytes/);
  });
});

describe('projectUnits', () => {
  it('reads the description, component and version descriptions', () => {
    const units = projectUnits(
      {
        id: '10000',
        key: 'OPS',
        description: 'project doc',
        components: [
          { id: '100', description: 'component doc' },
          { id: '101', description: null },
        ],
        versions: [{ id: '200', description: 'version doc' }],
      },
      'https://acme.atlassian.net',
    );
    expect(
      units.map((u) => [u.location.field, u.text, u.location.componentId ?? u.location.versionId]),
    ).toEqual([
      ['project.description', 'project doc', undefined],
      ['component', 'component doc', '100'],
      ['version', 'version doc', '200'],
    ]);
    expect(units[2]?.location.url).toBe('https://acme.atlassian.net/projects/OPS/versions/200');
  });
});
