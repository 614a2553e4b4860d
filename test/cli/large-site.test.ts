/**
 * End to end on a generated site of several thousand issues: scan-fixture (in-process simulator)
 * and scan-site (HTTP on loopback) find every planted secret at its place, nothing else, no
 * duplicates, within the points budget.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { generateSite } from '../../dev/site-gen/generate.js';
import { makeFingerprinter } from '../../src/engine/fingerprint.js';
import { locationKey } from '../../src/incidents/model.js';
import type { IncidentReport } from '../../src/incidents/report.js';
import type { SiteStats } from '../../src/cli/site-report.js';
import { runCli } from './cli-io.js';

const ISSUES = 3000;
const { fixture, truth } = generateSite({ issues: ISSUES, seed: 'large-site-e2e' });
const fingerprint = makeFingerprinter('cli-test-fingerprint-key');
const expected = [
  ...new Set(
    truth.planted.map((p) => `${p.detector}|${fingerprint(p.secret)}|${locationKey(p.location)}`),
  ),
].sort();
const file = join(mkdtempSync(join(tmpdir(), 'large-site-')), 'site.json');
writeFileSync(file, JSON.stringify(fixture));

/** Issues whose embedded comments or worklogs Jira truncates (more than 20). */
const truncated = fixture.issues.filter(
  (i) => i.comments.length > 20 || i.worklogs.length > 20,
).length;
const textAttachments = fixture.issues.reduce(
  (n, i) => n + i.attachments.filter((a) => 'content' in a).length,
  0,
);

function check(stdout: string): { incidents: IncidentReport[]; stats: SiteStats } {
  const out = JSON.parse(stdout) as { incidents: IncidentReport[]; stats: SiteStats };
  const keys = out.incidents.flatMap((i) =>
    i.occurrences.map((o) => `${i.detector.name}|${i.secret_hash}|${locationKey(o.location)}`),
  );
  // No duplicates: one incident per secret, one occurrence per place.
  expect(new Set(keys).size).toBe(keys.length);
  const ids = out.incidents.map((i) => `${i.detector.name}|${i.secret_hash}`);
  expect(new Set(ids).size).toBe(ids.length);
  expect(keys.sort()).toEqual(expected);
  return out;
}

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await createJiraSimulator(loadFixture(JSON.parse(JSON.stringify(fixture)))).listen();
});
afterAll(() => server.close());

describe(`a generated site of ${ISSUES} issues`, () => {
  it('has what the test needs: every location kind, truncated lists, repeated secrets', () => {
    const fields = new Set(truth.planted.map((p) => p.location.field));
    for (const f of [
      'summary',
      'description',
      'environment',
      'labels',
      'comment',
      'worklog',
      'attachment',
      'changelog',
      'project.description',
      'component',
      'version',
    ])
      expect(fields).toContain(f);
    expect(truncated).toBeGreaterThan(10);
    expect(new Set(truth.planted.map((p) => p.secret)).size).toBeLessThan(truth.planted.length);
  });

  it('scan-fixture finds every planted secret at its place and nothing else', async () => {
    const r = await runCli(['scan-fixture', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const { stats } = check(r.stdout);
    expect(stats.issuesScanned).toBe(ISSUES);
    // Points: one per issue read, plus what truncation and text attachments truly need.
    const perIssue = (stats.jiraPoints - 2 * textAttachments) / ISSUES;
    expect(perIssue).toBeLessThan(1.1);
    const perIssueEndpoints = Object.entries(stats.byEndpoint)
      .filter(([e]) => /\/issue\/\{id\}\/(comment|worklog)$/.test(e))
      .reduce((n, [, s]) => n + s.requests, 0);
    // Never a per-issue request for an issue whose embedded lists are complete.
    expect(perIssueEndpoints).toBeLessThanOrEqual(truncated * 2);
    expect(perIssueEndpoints).toBeGreaterThanOrEqual(truncated);
    console.log(
      `large site: ${ISSUES} issues, ${stats.jiraRequests} requests, ${stats.jiraPoints} points ` +
        `(${(stats.jiraPoints / ISSUES).toFixed(3)}/issue, ${perIssue.toFixed(3)} without ${textAttachments} text attachments), ${truncated} truncated issues`,
    );
  });

  it('scan-site over HTTP finds the same', async () => {
    const r = await runCli([
      'scan-site',
      '--site',
      server.url,
      '--email',
      'e@x',
      '--token',
      't',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    check(r.stdout);
  });
});
