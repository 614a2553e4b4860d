/**
 * Output of `scan-site` / `scan-fixture`: JSON (incidents with occurrences, plus request and point
 * counts), a readable text listing, or SARIF with one result per place (the URL opens it in Jira).
 * @module
 */
import type { ReadableOccurrence, ReadableReport } from '../incidents/report.js';
import type { EndpointStats } from '../jira/http.js';
import type { HistoricalJob } from '../scan/historical.js';

export interface SiteStats {
  readonly jiraRequests: number;
  readonly jiraPoints: number;
  readonly byEndpoint: Record<string, EndpointStats>;
  readonly issuesScanned: number;
  readonly projectsScanned: number;
  readonly units: number;
  readonly skipped: number;
  readonly wallMs: number;
}

export function siteStats(
  http: { requests: number; points: number; byEndpoint: Record<string, EndpointStats> },
  job: HistoricalJob,
  wallMs: number,
): SiteStats {
  return {
    jiraRequests: http.requests,
    jiraPoints: http.points,
    byEndpoint: http.byEndpoint,
    issuesScanned: job.counters.issuesScanned,
    projectsScanned: job.counters.projectsScanned,
    units: job.counters.units,
    skipped: job.counters.skipped,
    wallMs,
  };
}

export function siteJson(
  incidents: readonly ReadableReport[],
  stats: SiteStats,
  job: HistoricalJob,
): string {
  return `${JSON.stringify({ incidents, stats, skips: job.skips }, null, 2)}\n`;
}

/** "PAY-12 Description, old value, changed by Raj Patel on 30 Nov 2026", "PAY Component api description". */
const where = ({ location: l, where: w }: ReadableOccurrence): string =>
  l.issueKey !== undefined
    ? `${l.issueKey} ${w}`
    : l.field === 'project.description'
      ? w
      : `${l.projectKey} ${w}`;

export function siteText(incidents: readonly ReadableReport[], withValidity = false): string {
  const lines: string[] = [];
  for (const i of incidents) {
    lines.push(
      `${i.severity.padEnd(8)} ${i.detector.name}  ${i.secret_preview}  ${i.occurrences_count} place${i.occurrences_count === 1 ? '' : 's'}, ${i.presence}${withValidity ? `  [${i.validity}]` : ''}`,
    );
    for (const o of i.occurrences) {
      lines.push(`    ${o.presence.padEnd(7)} ${where(o).padEnd(40)} ${o.url}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

export function siteSarif(
  version: string,
  incidents: readonly ReadableReport[],
  withValidity = false,
): string {
  const rules = [...new Map(incidents.map((i) => [i.detector.name, i.detector])).values()].map(
    (d) => ({ id: d.name, name: d.display_name, properties: { family: d.family } }),
  );
  const results = incidents.flatMap((i) =>
    i.occurrences.map((o) => ({
      ruleId: i.detector.name,
      level: LEVEL[i.severity],
      message: { text: `${i.detector.display_name} (${i.secret_preview}) in ${where(o)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: o.url },
            region: {
              startLine: o.matches[0]?.line ?? 1,
              startColumn: o.matches[0]?.column ?? 1,
            },
          },
        },
      ],
      partialFingerprints: { secretHash: i.secret_hash },
      properties: {
        presence: o.presence,
        status: i.status,
        location: o.location,
        ...(withValidity ? validityOfReport(i) : {}),
      },
    })),
  );
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'jira-secret-scanner',
              version,
              informationUri: 'https://developer.atlassian.com/platform/forge/',
              rules,
            },
          },
          results,
        },
      ],
    },
    null,
    2,
  )}\n`;
}

/** What SARIF carries of a check: the incident's validity fields. */
function validityOfReport(i: ReadableReport): Record<string, string> {
  return {
    validity: i.validity,
    ...(i.validity_checked_at ? { validity_checked_at: i.validity_checked_at } : {}),
    ...(i.validity_reason ? { validity_reason: i.validity_reason } : {}),
  };
}
