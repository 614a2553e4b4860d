/**
 * The independent path for end-to-end checks: scans a site fixture's text straight from the JSON
 * (every comment, worklog and history entry, no HTTP, no truncation), so a scan over the Jira
 * client and simulator can be compared with what is really in the site.
 */
import { readFileSync } from 'node:fs';
import {
  attachmentUnit,
  issueUnits,
  projectUnits,
  type FieldMeta,
  type ScanUnit,
} from '../../src/content/issue-units.js';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner, type Scanner } from '../../src/engine/scan.js';
import { locationKey, withoutUrl } from '../../src/incidents/model.js';
import type { IncidentReport } from '../../src/incidents/report.js';
import { scanUnits } from '../../src/scan/scan-issue.js';
import { sharedPath } from '../shared-path.js';

export const EXAMPLE_SITE = sharedPath('fixtures/example-site.json');
export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export const testScanner = (): Scanner =>
  createScanner({ detectors: DETECTORS, fingerprintKey: 'test-fingerprint-key-0123456789' });

type Obj = Record<string, unknown>;
const SYSTEM_TEXT: FieldMeta[] = ['summary', 'description', 'environment', 'labels'].map((id) => ({
  id,
}));

/** `detector|fingerprint|place` for every secret in the fixture. */
export function directKeys(fixture: unknown, scanner: Scanner): string[] {
  const site = fixture as {
    site: { baseUrl: string };
    fields: FieldMeta[];
    projects: Obj[];
    issues: (Obj & { id: string; key: string; fields: Obj })[];
  };
  const ctx = { baseUrl: site.site.baseUrl, fields: [...SYSTEM_TEXT, ...site.fields] };
  const units: ScanUnit[] = [];
  for (const p of site.projects) units.push(...projectUnits(p as never, ctx.baseUrl));
  for (const i of site.issues) {
    units.push(
      ...issueUnits(
        {
          id: i.id,
          key: i.key,
          fields: i.fields,
          comments: (i.comments as unknown[] | undefined) ?? [],
          worklogs: (i.worklogs as unknown[] | undefined) ?? [],
          changelog: (i.changelog as unknown[] | undefined) ?? [],
        },
        ctx,
      ).units,
    );
    const projectKey = (i.fields.project as { key: string }).key;
    for (const a of (i.attachments as Obj[] | undefined) ?? []) {
      const bytes =
        typeof a.content === 'string'
          ? new TextEncoder().encode(a.content)
          : Buffer.from(String(a.contentBase64), 'base64');
      const meta = {
        id: String(a.id),
        filename: String(a.filename),
        mimeType: String(a.mimeType),
        size: bytes.length,
      };
      const r = attachmentUnit({ id: i.id, key: i.key, projectKey }, meta, bytes, ctx.baseUrl);
      if (r.unit) units.push(r.unit);
    }
  }
  const keys = scanUnits(units, scanner).occurrences.map(
    (o) => `${o.detector}|${o.fingerprint}|${locationKey(withoutUrl(o.location))}`,
  );
  return [...new Set(keys)].sort();
}

/** The same keys from a scan's incident report. */
export function reportKeys(incidents: readonly IncidentReport[]): string[] {
  return incidents
    .flatMap((i) =>
      i.occurrences.map((o) => `${i.detector.name}|${i.secret_hash}|${locationKey(o.location)}`),
    )
    .sort();
}
