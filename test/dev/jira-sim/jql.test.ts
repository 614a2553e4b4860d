import { describe, expect, it } from 'vitest';
import { compileJql, parseJql, UNBOUNDED } from '../../../dev/jira-sim/jql.js';
import { syntheticSite } from './sites.js';

const site = syntheticSite();
const NOW = Date.UTC(2025, 0, 6); // 120 h after the synthetic site's T0

function keys(jql: string): string[] {
  const r = compileJql(jql, site, NOW);
  if (!r.ok) throw new Error(r.error);
  const q = r.value;
  return site
    .issues()
    .filter((i) => q.matches(i))
    .sort((a, b) => q.compare(a, b))
    .map((i) => i.key);
}

function error(jql: string): string {
  const r = compileJql(jql, site, NOW);
  return r.ok ? '(no error)' : r.error;
}

describe('JQL subset', () => {
  it('selects by project key, id, name; quoted or not; IN lists', () => {
    expect(keys('project = PAY')).toHaveLength(12);
    expect(keys('project = "pay"')).toHaveLength(12);
    expect(keys("project in (OPS, '10001')")).toHaveLength(142);
    expect(keys('project = Payments')).toHaveLength(12);
    expect(keys('PROJECT IN (DOC)')).toEqual([]);
  });

  it('selects by key and id, and combines clauses with AND', () => {
    expect(keys('key = OPS-7')).toEqual(['OPS-7']);
    expect(keys('issuekey in (ops-2, PAY-3) ORDER BY key DESC')).toEqual(['PAY-3', 'OPS-2']);
    const ops1 = site.issue('OPS-1');
    expect(keys(`id in (${ops1?.id ?? ''}, 99999)`)).toEqual(['OPS-1']);
    expect(keys('project = OPS AND key in (OPS-1, PAY-1)')).toEqual(['OPS-1']);
  });

  it('filters by updated in both date formats (UTC, minute precision) and relative periods', () => {
    // PAY-n updated at 2025-01-01 00:00 + (2000 + n) hours; n=12 is 2025-03-25T20:00Z.
    expect(keys('project = PAY AND updated >= "2025/03/25 20:00"')).toEqual(['PAY-12']);
    expect(keys('project = PAY AND updated >= "2025-03-25 19:59"')).toEqual(['PAY-12']);
    expect(keys('project = PAY AND updated > "2025-03-25 20:00"')).toEqual([]);
    expect(keys('project = PAY AND updated < "2025/03/25 15:00"')).toHaveLength(6);
    expect(keys('project = PAY AND updated <= 2025-03-26')).toHaveLength(12);
    expect(keys('project = OPS AND created >= -1d')).toHaveLength(35); // OPS-96..OPS-130
    expect(keys('project = OPS AND created < -24h')).toHaveLength(95);
  });

  it('orders by key (project, then number), id, updated, created; id breaks ties', () => {
    expect(keys('project in (OPS, PAY) ORDER BY key ASC').slice(0, 3)).toEqual([
      'OPS-1',
      'OPS-2',
      'OPS-3',
    ]);
    expect(keys('project in (OPS, PAY) ORDER BY key').slice(8, 11)).toEqual([
      'OPS-9',
      'OPS-10',
      'OPS-11',
    ]);
    expect(keys('project in (OPS, PAY) order by key desc')[0]).toBe('PAY-12');
    const byId = keys('project = OPS ORDER BY id');
    const ids = byId.map((k) => Number(site.issue(k)?.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(byId).not.toEqual(keys('project = OPS ORDER BY key'));
    const byUpdated = keys('project = OPS ORDER BY updated DESC, key ASC');
    const times = byUpdated.map((k) => site.issue(k)?.fields.updated ?? '');
    expect(times).toEqual([...times].sort().reverse());
    expect(keys('project = PAY ORDER BY created DESC')[0]).toBe('PAY-12');
  });

  it('refuses unbounded queries like enhanced search', () => {
    expect(error('')).toBe(UNBOUNDED);
    expect(error('   ')).toBe(UNBOUNDED);
    expect(error('ORDER BY key DESC')).toBe(UNBOUNDED);
  });

  it('answers clear errors for everything outside the subset', () => {
    expect(error('project = OPS OR project = PAY')).toMatch(/only 'AND'.*character 15/);
    expect(error('status = Done')).toMatch(/does not support field 'status'/);
    expect(error('project != OPS')).toMatch(/only '=' and 'IN'/);
    expect(error('updated = "2025/01/01"')).toMatch(/only '>=', '>', '<=' and '<'/);
    expect(error('updated >= "01/02/2025"')).toMatch(
      /Date value '01\/02\/2025' for field 'updated' is invalid/,
    );
    expect(error('updated >= "2025/13/01"')).toMatch(/is invalid/);
    expect(error('project = OPS ORDER BY summary')).toMatch(/cannot order by 'summary'/);
    expect(
      error('project = OPS ORDER BY key, id, created, updated, key, id, created, updated'),
    ).toMatch(/at most 7 fields/);
    expect(error('project = "OPS')).toMatch(/quoted string has not been completed/);
    expect(error('project = OPS project')).toMatch(
      /Expecting either 'OR' or 'AND' but got 'project'/,
    );
    expect(error('project in (OPS')).toMatch(/Expecting '\)' but got EOF/);
    expect(error('(project = OPS)')).toMatch(/does not support '\('/);
    expect(error('project OPS')).toMatch(/Expecting operator but got 'OPS'/);
  });

  it('answers 400-style errors for names that do not exist, as Jira does', () => {
    expect(error('project = NOPE')).toBe(
      "The value 'NOPE' does not exist for the field 'project'.",
    );
    expect(error('key = OPS-999')).toBe(
      "An issue with key 'OPS-999' does not exist for field 'key'.",
    );
    expect(error('issuekey = banana')).toBe(
      "The issue key 'banana' for field 'issuekey' is invalid.",
    );
  });

  it('parses without a site', () => {
    expect(
      parseJql('project in (A, "B") AND updated >= "2026/03/01 10:15" ORDER BY updated ASC, key'),
    ).toEqual({
      ok: true,
      value: {
        clauses: [
          { field: 'project', values: ['A', 'B'] },
          { field: 'updated', op: '>=', at: { absolute: Date.UTC(2026, 2, 1, 10, 15) } },
        ],
        orderBy: [
          { field: 'updated', dir: 'ASC' },
          { field: 'key', dir: 'ASC' },
        ],
      },
    });
  });
});
