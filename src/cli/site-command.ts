/**
 * `scan-site` (a real Jira Cloud site over REST with an API token) and `scan-fixture` (a site
 * fixture served by the local Jira simulator, no network): the same historical scan either way.
 * The simulator is development tooling (dev/), so the shipped command line does not carry it:
 * `npm run scan-fixture` plugs it in as `fixtureSite` (dev/scan-fixture.ts).
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Scanner } from '../engine/scan.js';
import { placeNamesFor } from '../incidents/place-names.js';
import { incidentReport, withWhere } from '../incidents/report.js';
import type { ValiditySession } from '../validity/index.js';
import { createFieldNameCache } from '../jira/field-names.js';
import { createUserJiraClient } from '../jira/users.js';
import { createJiraHttp, JiraHttpError, JiraRateLimitError, type JiraFetch } from '../jira/http.js';
import type { HistoricalJob } from '../scan/historical.js';
import { siteJson, siteSarif, siteStats, siteText } from './site-report.js';
import { progressLine, runSiteScan, StateFileError } from './site-scan.js';

export interface SiteCommandInput {
  readonly command: 'scan-site' | 'scan-fixture';
  readonly fixture?: string;
  readonly site?: string;
  readonly email?: string;
  readonly token?: string;
  readonly projects: readonly string[];
  readonly since?: string;
  readonly state?: string;
  readonly format: string;
  readonly version: string;
  /** --check-validity: each secret found is checked with its issuer as the scan finds it. */
  readonly validity?: ValiditySession;
}

/** Serves a parsed site fixture in process: its Jira fetch port and site URL, or what is wrong. */
export type FixtureSite = (
  json: unknown,
) =>
  | { readonly ok: true; readonly fetch: JiraFetch; readonly baseUrl: string }
  | { readonly ok: false; readonly errors: readonly string[] };

export interface SiteCommandIo {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Injected for tests: the real one is the global fetch. */
  readonly fetch?: typeof fetch;
  /** The Jira simulator for scan-fixture (dev tooling); absent in the shipped command line. */
  readonly fixtureSite?: FixtureSite;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((r) => {
    setTimeout(r, ms);
  });

/** Checks a site URL: https, or http on loopback (a local simulator). */
export function siteUrl(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `--site ${JSON.stringify(raw)} is not a URL (like https://your-site.atlassian.net)`;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return '--site must be an https URL';
  if (url.pathname !== '/' || url.search || url.username)
    return '--site is the site root only, like https://your-site.atlassian.net';
  return url;
}

export async function siteCommand(
  input: SiteCommandInput,
  scanner: Scanner,
  io: SiteCommandIo,
): Promise<number> {
  const err = (m: string): void => {
    io.stderr.write(`jira-secret-scanner: ${m}\n`);
  };
  if (!['text', 'json', 'sarif'].includes(input.format)) {
    err(
      `unknown --format ${JSON.stringify(input.format)} for ${input.command} (text, json or sarif)`,
    );
    return 2;
  }
  if (input.since !== undefined && Number.isNaN(Date.parse(input.since))) {
    err(
      `--since ${JSON.stringify(input.since)} is not a date (like 2026-03-01 or 2026-03-01T10:00Z)`,
    );
    return 2;
  }

  let fetchPort: JiraFetch;
  let baseUrl: string;
  let realSleep = sleep;
  if (input.command === 'scan-fixture') {
    if (!io.fixtureSite) {
      err(
        'scan-fixture runs the Jira simulator, a development tool that the installed command ' +
          'does not ship: run `npm run scan-fixture -- FILE` in a clone of the repository',
      );
      return 2;
    }
    if (!input.fixture) {
      err('scan-fixture needs a FILE (a site fixture, see the README)');
      return 2;
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(input.fixture, 'utf8'));
    } catch (e) {
      err(`cannot read fixture ${input.fixture}: ${(e as Error).message}`);
      return 2;
    }
    const site = io.fixtureSite(json);
    if (!site.ok) {
      err(
        `${input.fixture} is not a valid site fixture:\n  ${site.errors.slice(0, 20).join('\n  ')}`,
      );
      return 2;
    }
    fetchPort = site.fetch;
    baseUrl = site.baseUrl;
    realSleep = () => Promise.resolve(); // the simulator has no clock to wait for
  } else {
    const email = input.email ?? io.env.JIRA_EMAIL;
    const token = input.token ?? io.env.JIRA_API_TOKEN;
    const rawSite = input.site ?? io.env.JIRA_SITE;
    if (!rawSite || !email || !token) {
      err(
        'scan-site needs --site, --email and --token (or JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN in the environment)',
      );
      return 2;
    }
    const url = siteUrl(rawSite);
    if (typeof url === 'string') {
      err(url);
      return 2;
    }
    baseUrl = url.origin;
    const auth = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
    const doFetch = io.fetch ?? fetch;
    fetchPort = (path, init) =>
      doFetch(new URL(path, url), {
        method: init.method,
        headers: { ...init.headers, Authorization: auth },
        ...(init.body === undefined ? {} : { body: init.body }),
      });
  }

  const http = createJiraHttp({
    fetch: fetchPort,
    sleep: realSleep,
    random: Math.random,
    now: Date.now,
  });
  const client = createUserJiraClient(http);
  const started = Date.now();
  const tty = io.stderr.isTTY === true;
  const progress = (job: HistoricalJob): void => {
    const line = progressLine(job);
    if (tty) io.stderr.write(`\r${line}`);
    // Not a terminal (a log, CI): a line every ten steps and at the end, not a flood.
    else if (job.counters.steps % 10 === 0 || job.status !== 'running')
      io.stderr.write(`${line}\n`);
  };
  let result;
  try {
    result = await runSiteScan({
      client,
      scanner,
      baseUrl,
      ...(input.projects.length ? { projects: input.projects } : {}),
      ...(input.since ? { since: new Date(Date.parse(input.since)).toISOString() } : {}),
      ...(input.state ? { statePath: input.state } : {}),
      ...(input.validity ? { validity: input.validity } : {}),
      now: () => new Date().toISOString(),
      sleep: realSleep,
      progress,
      notice: (m) => {
        io.stderr.write(`${tty ? '\n' : ''}${m}\n`);
      },
    });
  } catch (e) {
    if (tty) io.stderr.write('\n');
    if (
      e instanceof StateFileError ||
      e instanceof JiraHttpError ||
      e instanceof JiraRateLimitError
    ) {
      const hint =
        e instanceof JiraHttpError && (e.status === 401 || e.status === 403)
          ? ' (check the email and API token, and that this account can browse the projects)'
          : input.state && !(e instanceof StateFileError)
            ? ` (progress is saved: run the same command again to resume from ${input.state})`
            : '';
      err(`${e.message}${hint}`);
      return 2;
    }
    throw e;
  }
  if (tty) io.stderr.write('\n');
  const found = await incidentReport(result.store);
  // The scan's cost, before the names of its places are asked for.
  const stats = siteStats(http.stats(), result.job, Date.now() - started);
  const names = await placeNamesFor(
    found.flatMap((i) => i.occurrences.map((o) => o.location)),
    {
      fields: createFieldNameCache({ load: () => client.fields() }),
      components: (key) => client.components(key),
      versions: (key) => client.versions(key),
      people: (ids) => client.usersByIds(ids),
    },
  );
  const incidents = withWhere(found, names);
  if (input.format === 'json') io.stdout.write(siteJson(incidents, stats, result.job));
  else if (input.format === 'sarif')
    io.stdout.write(siteSarif(input.version, incidents, input.validity !== undefined));
  else {
    io.stdout.write(siteText(incidents, input.validity !== undefined));
    for (const s of result.job.skips) {
      io.stderr.write(
        `skipped ${s.location.issueKey ?? s.location.projectKey} ${s.location.field}: ${s.reason}\n`,
      );
    }
  }
  io.stderr.write(
    `${incidents.length} incident${incidents.length === 1 ? '' : 's'} in ${stats.issuesScanned} issues and ${stats.projectsScanned} projects; ${stats.jiraRequests} Jira requests, ~${stats.jiraPoints} points${result.resumed ? ' (resumed)' : ''}\n`,
  );
  return incidents.length > 0 ? 1 : 0;
}
