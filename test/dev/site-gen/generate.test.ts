// The site generator: deterministic, covers every location kind, and its truth is exactly what the
// real engine finds when it reads the fixture the way the scanner does (all comments, worklogs and
// history, since this is not over HTTP).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
import {
  attachmentUnit,
  issueUnits,
  projectUnits,
  type FieldMeta,
  type ScanUnit,
  type UnitSkip,
} from '../../../src/content/issue-units.js';
import { DETECTORS } from '../../../src/detectors/index.js';
import { createScanner } from '../../../src/engine/scan.js';
import { scanUnits } from '../../../src/scan/scan-issue.js';
import type { AdfNode } from '../../../dev/site-gen/adf.js';
import { generateSite } from '../../../dev/site-gen/generate.js';
import {
  locationKey,
  type FixtureIssue,
  type SiteFixture,
  type Truth,
  type TruthLocation,
} from '../../../dev/site-gen/types.js';

const scanner = createScanner({ detectors: DETECTORS, fingerprintKey: 'site-gen-test-key-000001' });
const SYSTEM_FIELDS: readonly FieldMeta[] = ['summary', 'description', 'environment', 'labels'].map(
  (id) => ({ id }),
);

const small = generateSite({ issues: 300, seed: 1 });

function attachmentBytes(a: FixtureIssue['attachments'][number]): Uint8Array {
  return 'content' in a
    ? new TextEncoder().encode(a.content)
    : Buffer.from(a.contentBase64, 'base64');
}

/** Every unit of the site, built the way the scanner builds them. */
function unitsOf(fixture: SiteFixture): { units: ScanUnit[]; skipped: UnitSkip[] } {
  const baseUrl = fixture.site.baseUrl;
  const ctx = { baseUrl, fields: [...SYSTEM_FIELDS, ...fixture.fields] };
  const units: ScanUnit[] = [];
  const skipped: UnitSkip[] = [];
  for (const p of fixture.projects) units.push(...projectUnits(p, baseUrl));
  for (const issue of fixture.issues) {
    const r = issueUnits(
      {
        id: issue.id,
        key: issue.key,
        fields: issue.fields,
        comments: issue.comments,
        worklogs: issue.worklogs,
        changelog: issue.changelog,
      },
      ctx,
    );
    units.push(...r.units);
    skipped.push(...r.skipped);
    const projectKey = issue.key.replace(/-\d+$/, '');
    for (const a of issue.attachments) {
      const bytes = attachmentBytes(a);
      const meta = { id: a.id, filename: a.filename, mimeType: a.mimeType, size: bytes.length };
      const u = attachmentUnit({ id: issue.id, key: issue.key, projectKey }, meta, bytes, baseUrl);
      if (u.unit) units.push(u.unit);
      if (u.skipped) skipped.push(u.skipped);
      if (u.truncated) skipped.push(u.truncated);
    }
  }
  return { units, skipped };
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);
const entry = (detector: string, location: TruthLocation, secret: string): string =>
  `${detector} @ ${locationKey(location)} # ${hash(secret)}`;

/** Removes one of each of `b` from `a`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n === 0) return true;
    left.set(x, n - 1);
    return false;
  });
}

function compare(fixture: SiteFixture, truth: Truth): { missing: string[]; unexpected: string[] } {
  const { units, skipped } = unitsOf(fixture);
  // Only binary attachments are skipped: no ADF problem, no truncation.
  expect(skipped.filter((s) => !s.reason.startsWith('binary type'))).toEqual([]);
  const found: string[] = [];
  for (const u of units) {
    const r = scanUnits([u], scanner);
    expect(r.skipped).toEqual([]);
    for (const o of r.occurrences) {
      found.push(entry(o.detector, o.location, u.text.slice(o.start, o.end)));
    }
  }
  const expected = truth.planted.map((p) => entry(p.detector, p.location, p.secret));
  return { missing: minus(expected, found), unexpected: minus(found, expected) };
}

describe('generateSite', () => {
  it('is deterministic: the same seed gives the same site, another seed another', () => {
    const a = generateSite({ issues: 120, seed: 'abc' });
    const b = generateSite({ issues: 120, seed: 'abc' });
    const c = generateSite({ issues: 120, seed: 'abd' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c.fixture)).not.toBe(JSON.stringify(a.fixture));
    expect(JSON.stringify(c.truth)).not.toBe(JSON.stringify(a.truth));
    // A number seed is its decimal string.
    expect(JSON.stringify(generateSite({ issues: 20, seed: 42 }))).toBe(
      JSON.stringify(generateSite({ issues: 20, seed: '42' })),
    );
  });

  it('gives each project one administrator, never the site admin', () => {
    const { fixture } = small;
    const admin = fixture.users.find((u) => u.siteAdmin)?.accountId;
    const known = new Set(fixture.users.map((u) => u.accountId));
    for (const p of fixture.projects) {
      expect(p.admins, p.key).toHaveLength(1);
      expect(known.has(p.admins?.[0] ?? ''), p.key).toBe(true);
      expect(p.admins?.[0], p.key).not.toBe(admin);
    }
    // Some people administer nothing: the assignee picker has someone not to offer.
    const admins = new Set(fixture.projects.flatMap((p) => p.admins ?? []));
    expect(
      fixture.users.filter((u) => !u.siteAdmin && !admins.has(u.accountId)).length,
    ).toBeGreaterThan(0);
  });

  it('makes a site of the requested size, in the fixture format', () => {
    const { fixture, truth } = small;
    expect(fixture.issues).toHaveLength(300);
    expect(fixture.projects.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fixture.issues.map((i) => i.id)).size).toBe(300);
    expect(new Set(fixture.issues.map((i) => i.key)).size).toBe(300);
    for (const kind of ['comments', 'worklogs', 'changelog', 'attachments'] as const) {
      const ids = fixture.issues.flatMap((i) => i[kind].map((x) => x.id));
      expect(new Set(ids).size, kind).toBe(ids.length);
    }
    for (const i of fixture.issues) {
      expect(i.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
      expect(String(i.fields.updated) >= String(i.fields.created)).toBe(true);
      const summary = i.fields.summary as string;
      expect(summary.length).toBeLessThanOrEqual(255);
      expect(summary).not.toContain('\n');
      for (const l of (i.fields.labels as string[] | undefined) ?? []) expect(l).not.toMatch(/\s/);
    }
    const years = new Set(fixture.issues.map((i) => String(i.fields.created).slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    // Roughly one planted secret per 3 issues; some secrets occur several times.
    expect(truth.planted.length).toBeGreaterThan(60);
    expect(truth.planted.length).toBeLessThan(200);
    const counts = new Map<string, number>();
    for (const p of truth.planted) counts.set(p.secret, (counts.get(p.secret) ?? 0) + 1);
    expect([...counts.values()].some((n) => n > 1)).toBe(true);
    expect([...counts.values()].filter((n) => n === 1).length).toBeGreaterThan(counts.size / 2);
  });

  it('plants secrets in every location kind of a 300-issue site', () => {
    const { fixture, truth } = small;
    const fields = new Set(truth.planted.map((p) => p.location.field));
    expect([...fields].sort()).toEqual(
      [
        'attachment',
        'changelog',
        'comment',
        'component',
        'customfield_10040',
        'customfield_10041',
        'customfield_10042',
        'customfield_10044',
        'customfield_10045',
        'customfield_10046',
        'description',
        'environment',
        'labels',
        'project.description',
        'summary',
        'version',
        'worklog',
      ].sort(),
    );
    const issue = new Map(fixture.issues.map((i) => [i.key, i]));
    const of = (loc: TruthLocation): FixtureIssue => issue.get(loc.issueKey ?? '') as FixtureIssue;
    const at = (field: string) => truth.planted.filter((p) => p.location.field === field);

    // Description shapes: plain paragraph, split over marked text nodes, code block, table cell, link href.
    const shapes = new Set<string>();
    for (const p of at('description')) {
      const walk = (n: AdfNode, inTable: boolean): void => {
        const cell = inTable || n.type === 'tableCell';
        if (n.type === 'codeBlock' && n.content?.[0]?.text?.includes(p.secret))
          shapes.add('codeBlock');
        if (n.type === 'paragraph' && n.content) {
          const texts = n.content.map((c) => c.text ?? '');
          const joined = texts.join('');
          if (joined.includes(p.secret)) {
            if (cell) shapes.add('table');
            else if (texts.some((t) => t.includes(p.secret))) shapes.add('paragraph');
            else if (n.content.some((c) => c.marks?.length)) shapes.add('marks');
          }
          for (const c of n.content) {
            for (const m of c.marks ?? []) {
              if (m.type === 'link' && String(m.attrs?.href).includes(p.secret)) shapes.add('link');
            }
          }
        }
        for (const c of n.content ?? []) walk(c, cell);
      };
      walk(of(p.location).fields.description as AdfNode, false);
    }
    expect([...shapes].sort()).toEqual(['codeBlock', 'link', 'marks', 'paragraph', 'table']);

    // Comments and worklogs past the 20 Jira embeds, with the secret nowhere in the first 20.
    const pastTwenty = (kind: 'comments' | 'worklogs', idKey: 'commentId' | 'worklogId') =>
      truth.planted.some((p) => {
        if (p.location[idKey] === undefined) return false;
        const list = of(p.location)[kind] as readonly { id: string }[];
        const index = list.findIndex((x) => x.id === p.location[idKey]);
        return index >= 20 && !JSON.stringify(list.slice(0, 20)).includes(p.secret);
      });
    expect(pastTwenty('comments', 'commentId')).toBe(true);
    expect(pastTwenty('worklogs', 'worklogId')).toBe(true);
    const long = fixture.issues.filter((i) => i.comments.length > 20).length;
    expect(long).toBeGreaterThanOrEqual(1);
    expect(long).toBeLessThan(15);

    // History: a secret only on the `from` side (removed later), and one on the `to` side.
    const history = at('changelog');
    expect(history.some((p) => p.location.historyValue === 'to')).toBe(true);
    const removed = history.filter((p) => {
      if (p.location.historyValue !== 'from') return false;
      const i = of(p.location);
      return !JSON.stringify(i.fields).includes(p.secret);
    });
    expect(removed.length).toBeGreaterThan(0);
    expect(new Set(history.map((p) => p.location.historyField))).toEqual(
      new Set(['description', 'customfield_10042']),
    );

    // Text attachments: by MIME type, and by `.env` name with a binary-looking type.
    const attachments = at('attachment').map((p) =>
      of(p.location).attachments.find((a) => a.id === p.location.attachmentId),
    );
    expect(attachments.some((a) => a?.mimeType === 'text/plain')).toBe(true);
    expect(
      attachments.some((a) => a?.filename.endsWith('.env') && a.mimeType !== 'text/plain'),
    ).toBe(true);

    // Negatives: binary attachments with a token inside, placeholders.
    const all = JSON.stringify(fixture);
    const pngs = fixture.issues.flatMap((i) => i.attachments).filter((a) => 'contentBase64' in a);
    expect(pngs.length).toBeGreaterThan(0);
    for (const a of pngs) {
      const bytes = Buffer.from(a.contentBase64, 'base64');
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.toString('latin1')).toMatch(/ghp_[A-Za-z0-9]{36}/);
    }
    for (const placeholder of ['ghp_xxxxxxxx', '<your-token>', '${API_KEY}']) {
      expect(all.includes(placeholder), placeholder).toBe(true);
    }
  });

  it('has an exact truth: the engine finds every planted secret where it is, and nothing else', () => {
    expect(compare(small.fixture, small.truth)).toEqual({ missing: [], unexpected: [] });
  });

  it('has an exact truth on a larger site with other seeds', () => {
    for (const seed of [2, 3]) {
      const { fixture, truth } = generateSite({ issues: 1500, seed, projects: 5 });
      expect(compare(fixture, truth), `seed ${seed}`).toEqual({ missing: [], unexpected: [] });
    }
  });

  it('writes only valid ADF', () => {
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    // A CommonJS module: its default export is the class, which also has itself as `.default`.
    const validate = new AjvDraft04.default({ strict: false }).compile(schema);
    const docs: unknown[] = [];
    const isDoc = (v: unknown): boolean =>
      typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'doc';
    for (const i of small.fixture.issues) {
      docs.push(...Object.values(i.fields).filter(isDoc));
      docs.push(...i.comments.map((c) => c.body));
      docs.push(...i.worklogs.flatMap((w) => (w.comment ? [w.comment] : [])));
    }
    expect(docs.length).toBeGreaterThan(500);
    for (const d of docs) expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
  });

  it('generates a 5,000-issue site (and its truth is exact too)', () => {
    const { fixture, truth } = generateSite({ issues: 5000, seed: 5 });
    expect(fixture.issues).toHaveLength(5000);
    expect(truth.planted.length).toBeGreaterThan(1200);
    expect(fixture.issues.filter((i) => i.comments.length > 20).length).toBeGreaterThan(20);
    expect(compare(fixture, truth)).toEqual({ missing: [], unexpected: [] });
  });

  it('notices a wrong truth', () => {
    const { fixture, truth } = small;
    const first = truth.planted[0];
    if (!first) throw new Error('no planted secret');
    const wrong = { planted: [...truth.planted.slice(1), { ...first, detector: 'x' }] };
    const r = compare(fixture, wrong);
    expect(r.missing).toHaveLength(1);
    expect(r.unexpected).toHaveLength(1);
  });
});
