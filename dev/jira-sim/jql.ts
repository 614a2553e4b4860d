/**
 * The JQL subset the scanner sends, parsed strictly: anything else is a 400 that says what the
 * simulator does not support, instead of a silent wrong answer.
 *
 *   query   := [clause (AND clause)*] [ORDER BY sort (, sort)*]      (at most 7 sort keys)
 *   clause  := project (= | IN) value(s)                             keys, ids or names
 *            | (key | issuekey | id | issue) (= | IN) value(s)       keys or ids
 *            | (updated | created) (>= | > | <= | <) date            UTC
 *            | level IS [NOT] (EMPTY | NULL)                         issue security level set or not
 *   date    := "yyyy/MM/dd HH:mm" | "yyyy-MM-dd HH:mm" | yyyy/MM/dd | yyyy-MM-dd | -15m (m h d w)
 *   sort    := (key | issuekey | id | updated | created) [ASC | DESC]  (ASC when omitted)
 *
 * A query with no clause (empty, or only ORDER BY) is unbounded: 400, as on enhanced search.
 * Without ORDER BY, and after the last sort key, issues come in id order, so paging is stable.
 * @module
 */
import { splitKey, type IssueDef, type SimSite } from './fixture.js';
import { parseJiraTime, timeOf } from './time.js';

export type DateOp = '>=' | '>' | '<=' | '<';

/** An absolute instant (ms), or a period relative to now (negative ms = in the past). */
export type DateValue = { readonly absolute: number } | { readonly relative: number };

export type Clause =
  | { readonly field: 'project'; readonly values: readonly string[] }
  | { readonly field: 'issue'; readonly name: string; readonly values: readonly string[] }
  | {
      readonly field: 'updated' | 'created';
      readonly op: DateOp;
      readonly at: DateValue;
    }
  | { readonly field: 'level'; readonly empty: boolean };

export type SortField = 'key' | 'id' | 'updated' | 'created';

export interface SortKey {
  readonly field: SortField;
  readonly dir: 'ASC' | 'DESC';
}

export interface JqlQuery {
  readonly clauses: readonly Clause[];
  readonly orderBy: readonly SortKey[];
}

export type JqlResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const MAX_SORT_KEYS = 7;

interface Token {
  readonly kind: 'word' | 'string' | 'op' | '(' | ')' | ',' | 'end';
  readonly text: string;
  /** 0-based offset in the query. */
  readonly pos: number;
}

class JqlError extends Error {
  constructor(message: string, pos?: number) {
    super(
      pos === undefined
        ? `Error in the JQL Query: ${message}`
        : `Error in the JQL Query: ${message} (line 1, character ${pos + 1})`,
    );
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, pos: i });
      i++;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text.charAt(j) !== c; j++) {
        if (text.charAt(j) === '\\' && j + 1 < text.length) j++;
        value += text.charAt(j);
      }
      if (j >= text.length) throw new JqlError('The quoted string has not been completed.', i);
      tokens.push({ kind: 'string', text: value, pos: i });
      i = j + 1;
    } else if ('=!<>~'.includes(c)) {
      const two = text.slice(i, i + 2);
      const op = ['>=', '<=', '!=', '!~'].includes(two) ? two : c;
      if (op === '!') throw new JqlError("Unexpected character '!'.", i);
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
    } else {
      const m = /^[^\s()=,!<>~"']+/.exec(text.slice(i));
      const word = m?.[0] ?? c;
      tokens.push({ kind: 'word', text: word, pos: i });
      i += word.length;
    }
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

const ISSUE_FIELDS = new Set(['key', 'issuekey', 'id', 'issue']);
const DATE_FIELDS = new Set(['updated', 'created']);
const PERIOD_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

function parseDate(text: string, field: string): DateValue {
  const rel = /^-(\d+)([mhdw])$/.exec(text);
  if (rel) return { relative: -Number(rel[1]) * (PERIOD_MS[rel[2] ?? 'm'] ?? 0) };
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  const sep = text.charAt(4);
  if (m && text.charAt(7) === sep) {
    const iso = `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}T${m[4] ?? '00'}:${m[5] ?? '00'}:00.000Z`;
    const ms = parseJiraTime(iso);
    if (ms !== undefined && Number(m[4] ?? 0) < 24 && Number(m[5] ?? 0) < 60)
      return { absolute: ms };
  }
  throw new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] ?? { kind: 'end', text: '', pos: 0 };
  }
  private take(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }
  private isWord(t: Token, word: string): boolean {
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }
  private describe(t: Token): string {
    return t.kind === 'end' ? 'EOF' : `'${t.text}'`;
  }

  parse(): JqlQuery {
    const clauses: Clause[] = [];
    if (!this.isWord(this.peek(), 'order') && this.peek().kind !== 'end') {
      clauses.push(this.clause());
      for (;;) {
        const t = this.peek();
        if (this.isWord(t, 'and')) {
          this.take();
          clauses.push(this.clause());
        } else if (this.isWord(t, 'or')) {
          throw new JqlError("the simulator supports only 'AND' between clauses, not 'OR'.", t.pos);
        } else break;
      }
    }
    const orderBy: SortKey[] = [];
    const t = this.peek();
    if (this.isWord(t, 'order')) {
      this.take();
      const by = this.take();
      if (!this.isWord(by, 'by'))
        throw new JqlError(`Expecting 'by' but got ${this.describe(by)}.`, by.pos);
      orderBy.push(this.sortKey());
      while (this.peek().kind === ',') {
        this.take();
        orderBy.push(this.sortKey());
      }
      if (orderBy.length > MAX_SORT_KEYS)
        throw new JqlError(`The ORDER BY clause can contain at most ${MAX_SORT_KEYS} fields.`);
    } else if (t.kind !== 'end') {
      throw new JqlError(`Expecting either 'OR' or 'AND' but got ${this.describe(t)}.`, t.pos);
    }
    const end = this.peek();
    if (end.kind !== 'end')
      throw new JqlError(
        `Expecting ',' or the end of the query but got ${this.describe(end)}.`,
        end.pos,
      );
    return { clauses, orderBy };
  }

  private clause(): Clause {
    const f = this.take();
    if (f.kind === '(' || this.isWord(f, 'not'))
      throw new JqlError(`the simulator does not support ${this.describe(f)} in JQL.`, f.pos);
    if (f.kind !== 'word' && f.kind !== 'string')
      throw new JqlError(`Expecting a field name but got ${this.describe(f)}.`, f.pos);
    const name = f.text.toLowerCase();
    if (name === 'level') return this.levelClause();
    const op = this.take();
    const opText = op.kind === 'word' ? op.text.toUpperCase() : op.text;
    if (op.kind !== 'op' && opText !== 'IN')
      throw new JqlError(
        `Expecting operator but got ${this.describe(op)}. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`,
        op.pos,
      );
    if (name === 'project' || ISSUE_FIELDS.has(name)) {
      if (opText !== '=' && opText !== 'IN')
        throw new JqlError(
          `the simulator supports only '=' and 'IN' for field '${f.text}'.`,
          op.pos,
        );
      const values = opText === 'IN' ? this.valueList() : [this.value()];
      return name === 'project'
        ? { field: 'project', values }
        : { field: 'issue', name: f.text, values };
    }
    if (DATE_FIELDS.has(name)) {
      if (!['>=', '>', '<=', '<'].includes(opText))
        throw new JqlError(
          `the simulator supports only '>=', '>', '<=' and '<' for field '${f.text}'.`,
          op.pos,
        );
      const at = parseDate(this.value(), f.text);
      return { field: name as 'updated' | 'created', op: opText as DateOp, at };
    }
    throw new JqlError(
      `the simulator does not support field '${f.text}' (supported: project, key, issuekey, id, updated, created, level).`,
      f.pos,
    );
  }

  /** `level IS [NOT] EMPTY`: whether an issue security level is set. */
  private levelClause(): Clause {
    const is = this.take();
    if (!this.isWord(is, 'is'))
      throw new JqlError(
        `the simulator supports only 'IS EMPTY' and 'IS NOT EMPTY' for field 'level'.`,
        is.pos,
      );
    const not = this.isWord(this.peek(), 'not');
    if (not) this.take();
    const v = this.take();
    if (!this.isWord(v, 'empty') && !this.isWord(v, 'null'))
      throw new JqlError(`Expecting EMPTY or NULL but got ${this.describe(v)}.`, v.pos);
    return { field: 'level', empty: !not };
  }

  private value(): string {
    const t = this.take();
    if (t.kind !== 'word' && t.kind !== 'string')
      throw new JqlError(`Expecting a value but got ${this.describe(t)}.`, t.pos);
    return t.text;
  }

  private valueList(): string[] {
    const open = this.take();
    if (open.kind !== '(')
      throw new JqlError(`Expecting '(' but got ${this.describe(open)}.`, open.pos);
    const values = [this.value()];
    while (this.peek().kind === ',') {
      this.take();
      values.push(this.value());
    }
    const close = this.take();
    if (close.kind !== ')')
      throw new JqlError(`Expecting ')' but got ${this.describe(close)}.`, close.pos);
    return values;
  }

  private sortKey(): SortKey {
    const f = this.take();
    const name = f.text.toLowerCase();
    const field: SortField | undefined =
      name === 'key' || name === 'issuekey'
        ? 'key'
        : name === 'id' || name === 'updated' || name === 'created'
          ? name
          : undefined;
    if (f.kind !== 'word' || field === undefined)
      throw new JqlError(
        `the simulator cannot order by ${this.describe(f)} (supported: key, id, updated, created).`,
        f.pos,
      );
    const d = this.peek();
    if (this.isWord(d, 'asc') || this.isWord(d, 'desc')) {
      this.take();
      return { field, dir: d.text.toUpperCase() as 'ASC' | 'DESC' };
    }
    return { field, dir: 'ASC' };
  }
}

/** Syntax only: no site needed. An unbounded query is an error here. */
export function parseJql(text: string): JqlResult<JqlQuery> {
  try {
    const query = new Parser(tokenize(text)).parse();
    if (query.clauses.length === 0) return { ok: false, error: UNBOUNDED };
    return { ok: true, value: query };
  } catch (e) {
    if (e instanceof JqlError) return { ok: false, error: e.message };
    throw e;
  }
}

export interface BoundQuery {
  matches(issue: IssueDef): boolean;
  compare(a: IssueDef, b: IssueDef): number;
}

const time = (issue: IssueDef, field: 'updated' | 'created'): number => timeOf(issue.fields[field]);

function compareBy(field: SortField, a: IssueDef, b: IssueDef): number {
  switch (field) {
    case 'id':
      return Number(a.id) - Number(b.id);
    case 'key': {
      const [pa, na] = splitKey(a.key);
      const [pb, nb] = splitKey(b.key);
      return pa < pb ? -1 : pa > pb ? 1 : na - nb;
    }
    default:
      return time(a, field) - time(b, field);
  }
}

/**
 * Resolves names against the site (Jira answers 400 for a project or issue key that does not
 * exist) and returns the filter and order. `now` resolves relative dates like `-15m`.
 */
export function bindJql(query: JqlQuery, site: SimSite, now: number): JqlResult<BoundQuery> {
  const tests: ((issue: IssueDef) => boolean)[] = [];
  for (const c of query.clauses) {
    if (c.field === 'project') {
      const ids = new Set<string>();
      for (const v of c.values) {
        const p =
          site.project(v) ?? site.projects.find((x) => x.name.toLowerCase() === v.toLowerCase());
        if (!p)
          return { ok: false, error: `The value '${v}' does not exist for the field 'project'.` };
        ids.add(p.id);
      }
      tests.push((issue) => ids.has(issue.fields.project.id));
    } else if (c.field === 'issue') {
      const ids = new Set<string>();
      for (const v of c.values) {
        if (/^\d+$/.test(v)) {
          ids.add(v); // an id that matches nothing is no error
        } else if (/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(v)) {
          const issue = site.issue(v);
          if (!issue)
            return {
              ok: false,
              error: `An issue with key '${v.toUpperCase()}' does not exist for field '${c.name}'.`,
            };
          ids.add(issue.id);
        } else {
          return { ok: false, error: `The issue key '${v}' for field '${c.name}' is invalid.` };
        }
      }
      tests.push((issue) => ids.has(issue.id));
    } else if (c.field === 'level') {
      const empty = c.empty;
      tests.push((issue) => (issue.security === undefined) === empty);
    } else {
      const at = 'absolute' in c.at ? c.at.absolute : now + c.at.relative;
      const field = c.field;
      const cmp: Record<DateOp, (t: number) => boolean> = {
        '>=': (t) => t >= at,
        '>': (t) => t > at,
        '<=': (t) => t <= at,
        '<': (t) => t < at,
      };
      const test = cmp[c.op];
      tests.push((issue) => test(time(issue, field)));
    }
  }
  const order: SortKey[] = [...query.orderBy, { field: 'id', dir: 'ASC' }];
  return {
    ok: true,
    value: {
      matches: (issue) => tests.every((t) => t(issue)),
      compare: (a, b) => {
        for (const k of order) {
          const d = compareBy(k.field, a, b);
          if (d !== 0) return k.dir === 'ASC' ? d : -d;
        }
        return 0;
      },
    },
  };
}

/** Parse and bind in one step, as the search endpoints need. */
export function compileJql(text: string, site: SimSite, now: number): JqlResult<BoundQuery> {
  const parsed = parseJql(text);
  return parsed.ok ? bindJql(parsed.value, site, now) : parsed;
}
