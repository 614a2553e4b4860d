import { describe, expect, it } from 'vitest';
import { historyText, parseFixture, SiteError } from '../../../dev/jira-sim/fixture.js';
import { adf, exampleJson, syntheticJson, syntheticSite, testClock, USERS } from './sites.js';

type Obj = Record<string, unknown>;

describe('parseFixture', () => {
  it('accepts the shared example and the synthetic site', () => {
    const example = parseFixture(exampleJson());
    expect(example.ok ? example.site.issues().length : example.errors).toBe(24);
    const synthetic = parseFixture(syntheticJson());
    expect(synthetic.ok ? synthetic.site.issues().length : synthetic.errors).toBe(142);
  });

  it('reports every problem with its JSON path, as values', () => {
    const json = syntheticJson();
    const issues = json.issues as Obj[];
    const at = (i: number) =>
      issues[i] as Obj & { fields: Obj; comments: Obj[]; attachments: Obj[] };
    delete (at(0).comments[0] as Obj).id;
    at(1).id = at(2).id;
    at(3).key = 'NOPE-1';
    at(4).fields.description = 'plain text where ADF belongs';
    at(5).fields.customfield_10050 = { type: 'paragraph' };
    at(1).attachments[0] = {
      id: '80001',
      filename: 'a',
      mimeType: 'text/plain',
    };
    (at(0).comments[1] as Obj).author = { accountId: 'ghost' };
    at(6).fields.customfield_99999 = 'undeclared';
    const r = parseFixture(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'issues[0].comments[0].id: missing',
        `issues[2].id: duplicate issue id "${String(at(2).id)}" (first at issues[1].id)`,
        'issues[3].key: no project with key "NOPE"',
        'issues[4].fields.description: must be an ADF document or null',
        'issues[5].fields.customfield_10050: must be an ADF document (type "doc")',
        'issues[1].attachments[0]: needs exactly one of content and contentBase64',
        'issues[0].comments[1].author.accountId: unknown user "ghost"',
        'issues[6].fields.customfield_99999: not declared in fields[]',
      ]),
    );
  });

  it('rejects a non-object and missing top-level lists', () => {
    expect(parseFixture(null)).toEqual({ ok: false, errors: ['(root): must be an object'] });
    const r = parseFixture({ site: { baseUrl: 'https://x.atlassian.net', cloudId: 'c' } });
    expect(r.ok ? [] : r.errors).toEqual([
      'users: missing',
      'projects: missing',
      'issues: missing',
    ]);
  });
});

describe('SimSite mutations', () => {
  it('updateIssue records a history with the old text, bumps updated, skips no-ops', () => {
    const clock = testClock();
    const site = syntheticSite(clock.now);
    clock.advance(60_000);
    const { issue, history } = site.updateIssue(
      'OPS-4',
      { description: adf('new text'), summary: 'Ops issue 4', customfield_10051: 'ref-x' },
      USERS.admin,
    );
    expect(issue.fields.updated).toBe('2026-03-01T00:01:00.000+0000');
    expect(history?.items).toEqual([
      {
        field: 'description',
        fieldtype: 'jira',
        fieldId: 'description',
        from: null,
        fromString: 'Description of OPS-4',
        to: null,
        toString: 'new text',
      },
      {
        field: 'Customer reference',
        fieldtype: 'custom',
        fieldId: 'customfield_10051',
        from: null,
        fromString: 'ref-4',
        to: null,
        toString: 'ref-x',
      },
    ]);
    expect(issue.changelog.at(-1)).toBe(history);
    clock.advance(60_000);
    expect(
      site.updateIssue('OPS-4', { summary: 'Ops issue 4' }, USERS.admin).history,
    ).toBeUndefined();
    expect(issue.fields.updated).toBe('2026-03-01T00:01:00.000+0000');
  });

  it('refuses bad updates with the status Jira would answer', () => {
    const site = syntheticSite();
    const status = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof SiteError ? e.status : -1;
      }
      return 0;
    };
    expect(status(() => site.updateIssue('OPS-999', { summary: 'x' }, USERS.admin))).toBe(404);
    expect(status(() => site.updateIssue('OPS-1', { description: 'not adf' }, USERS.admin))).toBe(
      400,
    );
    expect(status(() => site.updateIssue('OPS-1', { created: 'x' }, USERS.admin))).toBe(400);
    expect(status(() => site.updateIssue('OPS-1', { summary: 'x' }, 'ghost'))).toBe(400);
  });

  it('creates, comments, edits, deletes, and never reuses ids', () => {
    const clock = testClock();
    const site = syntheticSite(clock.now);
    const { issue } = site.createIssue({
      project: 'PAY',
      fields: { summary: 'new', description: adf('d') },
      reporterAccountId: USERS.dev,
    });
    expect(issue.key).toBe('PAY-13');
    expect(issue.fields.project).toEqual({ id: '10001', key: 'PAY' });
    clock.advance(1000);
    const added = site.addComment(issue.key, adf('hello'), USERS.dev);
    expect(added.comment).toMatchObject({ id: '51002', created: '2026-03-01T00:00:01.000+0000' });
    expect(issue.fields.updated).toBe(added.comment.created);
    clock.advance(1000);
    const edited = site.editComment(issue.id, added.comment.id, adf('edited'), USERS.admin);
    expect(historyText(edited.previousBody)).toBe('hello');
    expect(edited.comment.updated).toBe('2026-03-01T00:00:02.000+0000');
    expect(issue.changelog).toEqual([]); // comment edits leave no history
    expect(site.deleteComment(issue.key, added.comment.id).comment.id).toBe('51002');
    expect(issue.comments).toEqual([]);
    site.deleteIssue(issue.key);
    expect(site.issue(issue.key)).toBeUndefined();
    expect(site.createIssue({ project: 'PAY', fields: { summary: 'again' } }).issue.key).toBe(
      'PAY-14',
    );
    expect(site.addComment('PAY-14', adf('x'), USERS.dev).comment.id).toBe('51003');
  });

  it('renders history values as plain text', () => {
    expect(historyText(null)).toBeNull();
    expect(historyText(['a', 'b'])).toBe('a b');
    expect(historyText(adf('line one', 'line two'))).toBe('line one\nline two');
    expect(historyText({ value: 'opt' })).toBe('opt');
    expect(historyText(3)).toBe('3');
  });
});
