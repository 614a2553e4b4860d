import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/admin/export.js';
import type { Incident } from '../../src/incidents/model.js';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { EXAMPLE_SITE, readJson } from '../scan/fixture-direct.js';
import { createApp, JANE, RAJ } from './app-harness.js';

type Ok<T> = { ok: true; data: T };
// The test names the shape it expects back.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function data<T>(r: unknown): T {
  const res = r as Ok<T> | { ok: false; error: { message: string } };
  if (!res.ok) throw new Error(`resolver failed: ${res.error.message}`);
  return res.data;
}

interface Split {
  value: string;
  TRIGGERED: number;
  ASSIGNED: number;
}
interface Overview {
  scope: string;
  open: { TRIGGERED: number; ASSIGNED: number };
  bySeverity: Split[];
  byValidity: Split[];
  byProject?: Split[];
  byFamily: { family: string; TRIGGERED: number; ASSIGNED: number; detectors: Split[] }[];
  oldest: Incident[];
  foundPerWeek: { week: string; found: number }[];
  monitoring: {
    projectsVisible?: number;
    projectsMonitored?: number;
    realtimeEventsThisWeek: number;
    lastScan: { status: string; issuesScanned?: number } | null;
  };
  unread: { kinds: { kind: string; count: number }[]; scanSkipped?: number };
}
interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
  count: number;
  truncated: boolean;
}

/** The example site, PAY administered by Raj alone, scanned once. */
async function scanned() {
  const json = readJson(EXAMPLE_SITE) as { projects: { key: string; admins?: string[] }[] };
  for (const p of json.projects) if (p.key === 'PAY') p.admins = [RAJ];
  const app = createApp(createJiraSimulator(loadFixture(json)));
  data(await app.admin('startScan', JANE, {}));
  await app.drainScans();
  return app;
}

/** Every incident the filter lists, as the page sees them. */
async function listAll(
  list: (payload: unknown) => Promise<unknown>,
  filter: Record<string, string> = {},
): Promise<Incident[]> {
  const out: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = data<{ items: Incident[]; cursor?: string }>(
      await list({ filter, limit: 100, ...(cursor ? { cursor } : {}) }),
    );
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

const total = (rows: readonly Split[]) => rows.reduce((n, r) => n + r.TRIGGERED + r.ASSIGNED, 0);

describe('the overview', () => {
  it('counts what the incidents table lists, each figure by the filter it links to', async () => {
    const app = await scanned();
    const list = (p: unknown) => app.admin('listIncidents', JANE, p);
    const all = await listAll(list);
    expect(all.length).toBeGreaterThan(3);
    // Assign one and resolve another: the figures follow the writes.
    const [a, b] = all;
    if (!a || !b) throw new Error('too few incidents');
    data(
      await app.admin('incidentAction', JANE, {
        id: a.id,
        action: { type: 'assign', assigneeId: JANE },
      }),
    );
    data(await app.admin('incidentAction', JANE, { id: b.id, action: { type: 'resolve' } }));

    const o = data<Overview>(await app.admin('incidentOverview', JANE));
    expect(o.scope).toBe('site');
    const count = async (filter: Record<string, string>) => (await listAll(list, filter)).length;
    expect(o.open.TRIGGERED).toBe(await count({ status: 'TRIGGERED' }));
    expect(o.open.ASSIGNED).toBe(1);
    for (const row of o.bySeverity) {
      expect(row.TRIGGERED).toBe(await count({ status: 'TRIGGERED', severity: row.value }));
      expect(row.ASSIGNED).toBe(await count({ status: 'ASSIGNED', severity: row.value }));
    }
    for (const row of o.byProject ?? [])
      expect(row.TRIGGERED).toBe(await count({ status: 'TRIGGERED', projectKey: row.value }));
    for (const f of o.byFamily)
      for (const d of f.detectors)
        expect(d.TRIGGERED).toBe(await count({ status: 'TRIGGERED', detector: d.value }));
    expect(total(o.bySeverity)).toBe(all.length - 1);
    expect(total(o.byValidity)).toBe(all.length - 1);
    expect(o.byFamily.reduce((n, f) => n + f.TRIGGERED + f.ASSIGNED, 0)).toBe(all.length - 1);
    // Found per week: every incident once, in the week it was first seen.
    expect(o.foundPerWeek).toHaveLength(12);
    expect(o.foundPerWeek.reduce((n, w) => n + w.found, 0)).toBe(all.length);
    // The oldest open ones, oldest first, none resolved.
    expect(o.oldest.length).toBe(5);
    expect(o.oldest.map((i) => i.date)).toEqual(o.oldest.map((i) => i.date).sort());
    expect(o.oldest.some((i) => i.id === b.id)).toBe(false);
    expect(o.monitoring.lastScan).toMatchObject({ status: 'done' });
    expect(o.monitoring.lastScan?.issuesScanned).toBeGreaterThan(0);
    expect(o.monitoring.projectsMonitored).toBe(o.monitoring.projectsVisible);
    // What the scan could not read, counted by kind (the example site: nothing).
    expect(o.unread.scanSkipped).toBe(0);
    expect(o.unread.kinds).toEqual([]);
  });

  it("shows a project page its own project's share only", async () => {
    const app = await scanned();
    const o = data<Overview>(await app.project('incidentOverview', RAJ, 'PAY'));
    const mine = await listAll((p) => app.project('listIncidents', RAJ, 'PAY', p));
    expect(o.scope).toBe('project');
    expect(o.byProject).toBeUndefined();
    expect(o.open.TRIGGERED).toBe(mine.filter((i) => i.status === 'TRIGGERED').length);
    expect(o.foundPerWeek.reduce((n, w) => n + w.found, 0)).toBe(mine.length);
    // No other project's key, and nothing of the scan's other projects.
    const text = JSON.stringify(o);
    for (const other of ['OPS', 'WEB']) expect(text).not.toContain(`"${other}`);
    expect(o.monitoring.lastScan).not.toHaveProperty('issuesScanned');
    expect(o.oldest.every((i) => i.project_keys.join() === 'PAY')).toBe(true);
    // Checked like every resolver: Raj administers PAY only; a payload is refused.
    expect(await app.project('incidentOverview', RAJ, 'OPS')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.admin('incidentOverview', RAJ)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.admin('incidentOverview', JANE, { projectKey: 'OPS' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});

describe('export', () => {
  it('writes the filtered incidents as CSV and JSON, masked previews and fingerprints only', async () => {
    const app = await scanned();
    const filter = { status: 'TRIGGERED', severity: 'critical' };
    const listed = await listAll((p) => app.admin('listIncidents', JANE, p), filter);
    expect(listed.length).toBeGreaterThan(0);
    const json = data<ExportFile>(
      await app.admin('exportIncidents', JANE, { filter, format: 'json' }),
    );
    expect(json).toMatchObject({
      mimeType: 'application/json',
      count: listed.length,
      truncated: false,
    });
    expect(json.filename).toMatch(/^secret-scanner-incidents-[\d-]+\.json$/);
    const parsed = JSON.parse(json.content) as { incidents: Incident[] };
    expect(parsed.incidents).toEqual(listed);
    // The store's bookkeeping never leaves: per-project figures, change stamps.
    expect(json.content).not.toContain('by_project');
    expect(json.content).not.toContain('counted');

    const csv = data<ExportFile>(
      await app.admin('exportIncidents', JANE, { filter, format: 'csv' }),
    );
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(
      /^id,detector,detector_name,family,secret_preview,secret_hash,severity/,
    );
    expect(lines).toHaveLength(listed.length + 1);
    for (const i of listed) {
      const line = lines.find((l) => l.startsWith(`${i.id},`));
      expect(line).toContain(i.secret_hash);
      expect(line).toContain(csvCell(i.secret_preview));
    }
  });

  it("gives a project page its own project's share, and refuses bad payloads", async () => {
    const app = await scanned();
    const csv = data<ExportFile>(
      await app.project('exportIncidents', RAJ, 'PAY', {
        filter: { projectKey: 'OPS' },
        format: 'csv',
      }),
    );
    const mine = await listAll((p) => app.project('listIncidents', RAJ, 'PAY', p));
    expect(csv.count).toBe(mine.length);
    expect(csv.filename).toMatch(/^secret-scanner-incidents-PAY-/);
    expect(csv.content).not.toMatch(/\bOPS\b|\bWEB\b/);
    const json = data<ExportFile>(
      await app.project('exportIncidents', RAJ, 'PAY', { format: 'json' }),
    );
    expect((JSON.parse(json.content) as { incidents: Incident[] }).incidents).toEqual(mine);
    expect(await app.project('exportIncidents', RAJ, 'OPS', { format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.admin('exportIncidents', JANE, { format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('quotes CSV cells and keeps spreadsheets from reading a cell as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
