import { describe, expect, it } from 'vitest';
import {
  describePlace,
  placeDate,
  placeFieldIds,
  placePeople,
  type PlaceLocation,
  type PlaceNames,
} from '../../src/incidents/place.js';

const RAJ = '712020:raj';
const issue = { projectKey: 'PAY', issueKey: 'PAY-12', issueId: '10012' };
const names: PlaceNames = {
  fields: {
    customfield_10042: { name: 'Customer reference', custom: true },
    description: { name: 'Description', custom: false },
  },
  people: new Map([[RAJ, 'Raj Patel']]),
  components: { '110': 'api' },
  versions: { '210': '2026.4' },
};
const at = '2026-11-30T10:00:00.000+0000';

describe('describePlace', () => {
  it.each<[string, PlaceLocation, string, string]>([
    ['a system field', { ...issue, field: 'description' }, 'Description', 'Description'],
    ['the summary', { ...issue, field: 'summary' }, 'Summary', 'Summary'],
    [
      'a custom field',
      { ...issue, field: 'customfield_10042' },
      'Customer reference (custom field)',
      'Custom field customfield_10042',
    ],
    [
      'a comment',
      { ...issue, field: 'comment', commentId: '20901', authorId: RAJ, at },
      'Comment by Raj Patel on 30 Nov 2026',
      'Comment on 30 Nov 2026',
    ],
    [
      'a worklog',
      { ...issue, field: 'worklog', worklogId: '40901', authorId: RAJ, at },
      'Worklog by Raj Patel on 30 Nov 2026',
      'Worklog on 30 Nov 2026',
    ],
    [
      'an old value in the history',
      {
        ...issue,
        field: 'changelog',
        historyId: '30901',
        historyField: 'description',
        historyValue: 'from',
        authorId: RAJ,
        at,
      },
      'Description, old value, changed by Raj Patel on 30 Nov 2026',
      'Description, old value, changed on 30 Nov 2026',
    ],
    [
      'a new value of a custom field in the history',
      {
        ...issue,
        field: 'changelog',
        historyId: '20000203',
        historyField: 'customfield_10042',
        historyValue: 'to',
        authorId: RAJ,
        at,
      },
      'Customer reference (custom field), new value, changed by Raj Patel on 30 Nov 2026',
      'Custom field customfield_10042, new value, changed on 30 Nov 2026',
    ],
    [
      'an attachment',
      { ...issue, field: 'attachment', attachmentId: '50001' },
      'Attachment 50001',
      'Attachment 50001',
    ],
    [
      'a project description',
      { projectKey: 'PAY', field: 'project.description' },
      'Project PAY description',
      'Project PAY description',
    ],
    [
      'a component description',
      { projectKey: 'PAY', field: 'component', componentId: '110' },
      'Component api description',
      'Component 110 description',
    ],
    [
      'a version description',
      { projectKey: 'PAY', field: 'version', versionId: '210' },
      'Version 2026.4 description',
      'Version 210 description',
    ],
  ])('names %s, and falls back to ids without names', (_kind, location, named, bare) => {
    expect(describePlace(location, names)).toBe(named);
    expect(describePlace(location)).toBe(bare);
  });

  it('names an attachment by the file its link names, with who attached it and when', () => {
    const l: PlaceLocation = {
      ...issue,
      field: 'attachment',
      attachmentId: '50001',
      authorId: RAJ,
      at,
    };
    const url = 'https://acme.atlassian.net/secure/attachment/50001/app%20config.env';
    expect(describePlace(l, names, url)).toBe(
      'Attachment app config.env by Raj Patel on 30 Nov 2026',
    );
    expect(describePlace({ ...issue, field: 'attachment', attachmentId: '50001' }, {}, url)).toBe(
      'Attachment app config.env',
    );
    // A link that is not an attachment's (or not decodable) names none: the id stays.
    const bare = { ...issue, field: 'attachment' as const, attachmentId: '50001' };
    expect(describePlace(bare, names, 'https://acme.atlassian.net/browse/PAY-12')).toBe(
      'Attachment 50001',
    );
    expect(describePlace(bare, names, 'https://a/secure/attachment/1/%E0%A4%A')).toBe(
      'Attachment 50001',
    );
  });

  it('says which entry or comment it is when it was stored without author or date', () => {
    expect(describePlace({ ...issue, field: 'comment', commentId: '20901' }, names)).toBe(
      'Comment 20901',
    );
    expect(
      describePlace(
        {
          ...issue,
          field: 'changelog',
          historyId: '20000203',
          historyField: 'customfield_10042',
          historyValue: 'to',
        },
        names,
      ),
    ).toBe('Customer reference (custom field), new value, history entry 20000203');
  });

  it('leaves out a name Jira did not give and never reads inherited keys', () => {
    const l: PlaceLocation = { ...issue, field: 'comment', commentId: '1', authorId: 'gone', at };
    expect(describePlace(l, names)).toBe('Comment on 30 Nov 2026');
    expect(
      describePlace({ projectKey: 'PAY', field: 'component', componentId: 'toString' }, names),
    ).toBe('Component toString description');
  });
});

describe('place helpers', () => {
  it('formats dates in UTC whatever the offset, and refuses what is not one', () => {
    expect(placeDate('2026-11-30T23:30:00.000-0200')).toBe('1 Dec 2026');
    expect(placeDate('yesterday')).toBeUndefined();
  });

  it('lists the fields and the people the places name', () => {
    const places: PlaceLocation[] = [
      { ...issue, field: 'customfield_10042' },
      { ...issue, field: 'changelog', historyField: 'description', authorId: RAJ },
      { ...issue, field: 'comment', authorId: RAJ },
      { projectKey: 'PAY', field: 'project.description' },
      { projectKey: 'PAY', field: 'component', componentId: '1' },
    ];
    expect(placeFieldIds(places)).toEqual(['customfield_10042', 'description']);
    expect(placePeople(places)).toEqual([RAJ]);
  });
});
