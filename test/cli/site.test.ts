import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../dev/jira-sim/fixture.js';
import { createJiraSimulator } from '../../dev/jira-sim/server.js';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import type { IncidentReport, ReadableReport } from '../../src/incidents/report.js';
import { placesSite } from '../incidents/places-site.js';
import { directKeys, EXAMPLE_SITE, readJson, reportKeys } from '../scan/fixture-direct.js';
import { runCli } from './cli-io.js';

const scanner = createScanner({ detectors: DETECTORS, fingerprintKey: 'cli-test-fingerprint-key' });
const expected = directKeys(readJson(EXAMPLE_SITE), scanner);
const creds = { email: 'jane@acme.example', token: 'api-token-123' };
const dir = mkdtempSync(join(tmpdir(), 'site-cli-'));

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await createJiraSimulator(loadFixture(readJson(EXAMPLE_SITE)), {
    credentials: creds,
  }).listen();
});
afterAll(() => server.close());

const site = (): string[] => ['--site', server.url, '--email', creds.email, '--token', creds.token];
const incidentsOf = (stdout: string): IncidentReport[] =>
  (JSON.parse(stdout) as { incidents: IncidentReport[] }).incidents;

describe('scan-fixture', () => {
  it('prints every incident of the site with its places, and request counts', async () => {
    const r = await runCli(['scan-fixture', EXAMPLE_SITE, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      incidents: IncidentReport[];
      stats: {
        jiraRequests: number;
        jiraPoints: number;
        byEndpoint: Record<string, unknown>;
        issuesScanned: number;
      };
    };
    expect(reportKeys(out.incidents)).toEqual(expected);
    const occ = out.incidents.flatMap((i) => i.occurrences);
    expect(
      occ.every((o) => !('url' in o.location) && o.url.startsWith('https://acme-example')),
    ).toBe(true);
    expect(occ.map((o) => o.location)).toContainEqual({
      projectKey: 'OPS',
      field: 'component',
      componentId: '100',
    });
    expect(out.stats.issuesScanned).toBe(24);
    expect(out.stats.byEndpoint).toHaveProperty(['POST /rest/api/3/search/jql']);
    expect(r.stderr).toMatch(
      /10 incidents in 24 issues and 3 projects; \d+ Jira requests, ~\d+ points/,
    );
  });

  it('filters projects, and prints text and SARIF', async () => {
    const text = await runCli(['scan-fixture', EXAMPLE_SITE, '--projects', 'WEB']);
    expect(text.stdout).toMatch(/^high +github-oauth-token {2}gho_\*+jv {2}1 place, present$/m);
    expect(text.stdout).not.toMatch(/OPS|PAY/);
    const sarif = await runCli(['scan-fixture', EXAMPLE_SITE, '--format', 'sarif']);
    const runs = (JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs;
    expect(runs[0]?.results).toHaveLength(expected.length);
  });

  it('says where each place is in words, in JSON, text and SARIF alike', async () => {
    const file = join(dir, 'places.json');
    writeFileSync(file, JSON.stringify(placesSite().fixture));
    const json = await runCli(['scan-fixture', file, '--format', 'json', '--projects', 'OPS']);
    const incidents = (JSON.parse(json.stdout) as { incidents: ReadableReport[] }).incidents;
    const github = incidents.find((i) => i.detector.name === 'github-pat');
    const where = github?.occurrences.map((o) => `${o.location.issueKey ?? ''} ${o.where}`);
    expect(where?.sort()).toEqual([
      'OPS-1 Comment by Raj Patel on 30 Nov 2026',
      'OPS-1 Customer reference (custom field)',
      'OPS-1 Description, old value, changed by Raj Patel on 30 Nov 2026',
      'OPS-1 Worklog by Mia Chen on 29 Nov 2026',
      'OPS-8 Description',
    ]);
    // Every occurrence has one, and ids stay in the location (names are never stored).
    const all = incidents.flatMap((i) => i.occurrences);
    expect(all.every((o) => o.where.length > 0)).toBe(true);
    expect(all.map((o) => o.where)).toContain('Component api description');
    expect(JSON.stringify(all.map((o) => o.location))).not.toMatch(/Raj Patel|Customer reference/);

    const text = await runCli(['scan-fixture', file, '--projects', 'OPS']);
    expect(text.stdout).toMatch(/^ {4}present OPS-1 Worklog by Mia Chen on 29 Nov 2026 +https:/m);
    expect(text.stdout).toMatch(/^ {4}present OPS Component api description +https:/m);

    const sarif = await runCli(['scan-fixture', file, '--format', 'sarif', '--projects', 'OPS']);
    const results = (
      JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] }
    ).runs[0]?.results.map((r) => r.message.text);
    expect(results).toContainEqual(
      expect.stringMatching(
        /\(ghp_\*+Tc\) in OPS-1 Description, old value, changed by Raj Patel on 30 Nov 2026$/,
      ),
    );
  });

  it('explains a fixture that is not one', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ site: {}, issues: [{}] }));
    const r = await runCli(['scan-fixture', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a valid site fixture');
    expect((await runCli(['scan-fixture', join(dir, 'missing.json')])).stderr).toContain(
      'cannot read fixture',
    );
  });
});

describe('scan-site', () => {
  it('scans a site over HTTP with basic auth, the same as the fixture', async () => {
    const r = await runCli(['scan-site', ...site(), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(reportKeys(incidentsOf(r.stdout))).toEqual(expected);
    expect(r.stderr).toMatch(/\[#+\] 100% issues 24\/~24 · 10 findings/);
  });

  it('reads credentials from the environment, and says what is wrong with bad ones', async () => {
    const env = { JIRA_SITE: server.url, JIRA_EMAIL: creds.email, JIRA_API_TOKEN: creds.token };
    expect((await runCli(['scan-site', '--projects', 'OPS'], '', env)).code).toBe(1);
    const wrong = await runCli(['scan-site', ...site().slice(0, 4), '--token', 'nope']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Jira answered 401');
    expect(wrong.stderr).toContain('check the email and API token');
    expect(wrong.stderr).not.toContain('nope');
    const missing = await runCli(['scan-site', '--site', server.url]);
    expect(missing.stderr).toContain('scan-site needs --site, --email and --token');
    const plain = await runCli([
      'scan-site',
      '--site',
      'http://jira.example.com',
      '--email',
      'e',
      '--token',
      't',
    ]);
    expect(plain.stderr).toContain('--site must be an https URL');
    const unknown = await runCli(['scan-site', ...site(), '--projects', 'NOPE']);
    expect(unknown.stderr).toContain('unknown or hidden projects: NOPE');
  });

  it('resumes from --state after an interruption and ends with the same result', async () => {
    const state = join(dir, 'state.json');
    let calls = 0;
    // The network goes away after a few requests (a 400 is not retried: the run stops at once).
    const dying: typeof fetch = (input, init) =>
      ++calls > 9 ? Promise.resolve(new Response('{}', { status: 400 })) : fetch(input, init);
    const first = await runCli(
      ['scan-site', ...site(), '--state', state, '--format', 'json'],
      '',
      {},
      dying,
    );
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(
      `progress is saved: run the same command again to resume from ${state}`,
    );
    const saved = readFileSync(state, 'utf8');
    // Only fingerprints and masked previews are kept.
    expect(saved).not.toContain('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');
    expect(saved).not.toContain('oTlLetNwgGMPkBmp');

    const second = await runCli(['scan-site', ...site(), '--state', state, '--format', 'json']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('(resumed)');
    expect(reportKeys(incidentsOf(second.stdout))).toEqual(expected);

    const other = await runCli(['scan-site', ...site(), '--state', state, '--projects', 'OPS']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('belongs to another scan');
  });
});
