// `npm run harness`'s JSON: every occurrence says where it is in words, as the pages and the CLI
// say it (names asked through the app's own resolvers, as the admin).
import { describe, expect, it } from 'vitest';
import { bundleApp, createHarness } from '../../../dev/harness/harness.js';
import { placesSite } from '../../incidents/places-site.js';

describe('harness output', () => {
  it('gives every occurrence its place in words', async () => {
    const h = await createHarness({ fixture: placesSite().fixture, appFile: await bundleApp() });
    try {
      await h.historicalScan();
      const incidents = await h.incidents();
      const github = incidents.find((i) => i.detector.name === 'github-pat');
      expect(
        github?.occurrences.map((o) => `${o.location.issueKey ?? ''} ${o.where}`).sort(),
      ).toEqual([
        'OPS-1 Comment by Raj Patel on 30 Nov 2026',
        'OPS-1 Customer reference (custom field)',
        'OPS-1 Description, old value, changed by Raj Patel on 30 Nov 2026',
        'OPS-1 Worklog by Mia Chen on 29 Nov 2026',
        'OPS-8 Description',
      ]);
      const where = incidents.flatMap((i) => i.occurrences.map((o) => o.where));
      expect(where).toContain('Project PAY description');
      expect(where).toContain('Version 2026.4 description');
    } finally {
      h.close();
    }
  });
});
