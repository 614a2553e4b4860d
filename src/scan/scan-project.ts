/**
 * Use case: scan one project's documentation (its description, component and version
 * descriptions). Two requests (components, versions) besides the project itself, which the
 * caller usually has from a project search already.
 * @module
 */
import { projectUnits } from '../content/issue-units.js';
import type { Scanner } from '../engine/scan.js';
import type { JiraClient } from '../jira/client.js';
import type { ValiditySession } from '../validity/index.js';
import { scanUnits, type IssueScanResult } from './scan-issue.js';

type Obj = Record<string, unknown>;

function docOf(o: Obj): { id: string; description: string | null } {
  return {
    id: typeof o.id === 'string' ? o.id : String(o.id),
    description: typeof o.description === 'string' ? o.description : null,
  };
}

export async function scanProjectDocs(
  key: string,
  /** The project as `/project/search?expand=description` returns it; fetched when absent. */
  project: Obj | undefined,
  deps: {
    readonly client: JiraClient;
    readonly scanner: Scanner;
    readonly baseUrl: string;
    readonly validity?: Pick<ValiditySession, 'onSecret'> | undefined;
  },
): Promise<IssueScanResult> {
  const p = project ?? (await deps.client.projects([key]))[0];
  const units = projectUnits(
    {
      id: typeof p?.id === 'string' ? p.id : key,
      key,
      description: typeof p?.description === 'string' ? p.description : null,
      components: (await deps.client.components(key)).map(docOf),
      versions: (await deps.client.versions(key)).map(docOf),
    },
    deps.baseUrl,
  );
  const r = scanUnits(units, deps.scanner, deps.validity?.onSecret);
  return { occurrences: r.occurrences, skipped: r.skipped, units: units.length };
}
