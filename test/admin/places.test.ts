// The incident view's places from the server: the names its places need (fields from Jira's list,
// kept between calls and loaded again for a field it does not know; components by name), and the
// viewer's issue summaries sent back with every secret masked.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import type { PlaceNamesJson } from '../../src/admin/places.js';
import type { Incident, StoredOccurrence } from '../../src/incidents/model.js';
import { placesSite } from '../incidents/places-site.js';
import { createApp, JANE, MIA, RAJ } from './app-harness.js';

interface Detail {
  incident: Incident;
  occurrences: StoredOccurrence[];
  names: PlaceNamesJson;
}

async function scanned() {
  const { fixture, token } = placesSite();
  const app = createApp(createJiraSimulator(loadFixture(fixture)));
  await app.admin('startScan', JANE, { projects: ['OPS'] });
  await app.drainScans();
  const list = (await app.admin('listIncidents', JANE, {})) as {
    data: { items: Incident[] };
  };
  const github = list.data.items.find((i) => i.detector.name === 'github-pat');
  if (!github) throw new Error('the planted token was not found');
  const detail = async () =>
    ((await app.admin('getIncident', JANE, { id: github.id })) as { data: Detail }).data;
  const fieldLoads = () => app.sim.stats().byEndpoint['GET /rest/api/3/field']?.requests ?? 0;
  return { app, token, github, detail, fieldLoads };
}

describe('getIncident: the names of its places', () => {
  it('names fields and components, and keeps authors and dates on places as ids and times', async () => {
    const { detail } = await scanned();
    const d = await detail();
    expect(d.names.fields).toEqual({
      customfield_10042: { name: 'Customer reference', custom: true },
      description: { name: 'Description', custom: false },
    });
    const comment = d.occurrences.find((o) => o.location.field === 'comment');
    expect(comment?.location).toMatchObject({ authorId: RAJ, at: '2026-11-30T09:00:00.000+0000' });
    const worklog = d.occurrences.find((o) => o.location.field === 'worklog');
    expect(worklog?.location).toMatchObject({ authorId: MIA });
    // Names are asked for when shown, never stored with the place.
    expect(JSON.stringify(d.occurrences)).not.toMatch(/Raj Patel|Mia Chen|Customer reference/);
  });

  it('keeps the field list between calls and loads it again for a field it does not know', async () => {
    const { app, detail, fieldLoads } = await scanned();
    const before = fieldLoads();
    await detail();
    await detail();
    expect(fieldLoads()).toBe(before + 1);
    // A copy from before the custom field existed: the unknown field makes it load again.
    const kept = (await app.docs.get<Record<string, unknown>>('cache:field-names')) ?? {};
    const { customfield_10042: _gone, ...older } = kept;
    await app.docs.set('cache:field-names', older);
    expect((await detail()).names.fields).toHaveProperty('customfield_10042');
    expect(fieldLoads()).toBe(before + 2);
  });

  it('names components on the project page too', async () => {
    const { app } = await scanned();
    const list = (await app.project('listIncidents', JANE, 'OPS', {})) as {
      data: { items: Incident[] };
    };
    const docs = [];
    for (const i of list.data.items) {
      const d = (await app.project('getIncident', JANE, 'OPS', { id: i.id })) as { data: Detail };
      if (d.data.occurrences.some((o) => o.location.field === 'component')) docs.push(d.data);
    }
    expect(docs.map((d) => d.names.components)).toContainEqual({ '100': 'api' });
  });
});

describe('maskSummaries', () => {
  it('masks the secret (and any other) in the summaries the page sends', async () => {
    const { app, github, token } = await scanned();
    const r = await app.admin('maskSummaries', JANE, {
      id: github.id,
      summaries: [
        { issueId: '10001', text: `Deploy broke, used ${token} to fix` },
        { issueId: '10002', text: 'Nothing secret here' },
      ],
    });
    expect(r).toEqual({
      ok: true,
      data: [
        {
          issueId: '10001',
          text: `Deploy broke, used ${github.secret_preview} to fix`,
          masked: true,
        },
        { issueId: '10002', text: 'Nothing secret here', masked: false },
      ],
    });
    expect(JSON.stringify(r)).not.toContain(token);
  });

  it("masks the incident's own secret even when its detector is switched off", async () => {
    const { app, github, token } = await scanned();
    const off = await app.admin('updateSettings', JANE, {
      detector: { id: 'github-pat', enabled: false },
    });
    expect(off).toMatchObject({ ok: true });
    const r = await app.admin('maskSummaries', JANE, {
      id: github.id,
      summaries: [{ issueId: '10001', text: token }],
    });
    expect(JSON.stringify(r)).not.toContain(token);
  });

  it('checks the caller and the payload like every resolver', async () => {
    const { app, github } = await scanned();
    const payload = { id: github.id, summaries: [{ issueId: '10001', text: 'x' }] };
    expect(await app.admin('maskSummaries', RAJ, payload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await app.project('maskSummaries', JANE, 'PAY', payload)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    for (const bad of [
      { id: github.id, summaries: [] },
      { id: github.id, summaries: [{ issueId: '../x', text: 'x' }] },
      { id: github.id, summaries: [{ issueId: '1', text: 'x'.repeat(1001) }] },
    ])
      expect(await app.admin('maskSummaries', JANE, bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
  });
});
