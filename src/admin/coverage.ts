/**
 * What Jira keeps from the app, counted, never read: Jira leaves out without a word what the app
 * may not see, so the app learns it only by asking.
 *
 * - During a scan: which of the scanned projects an Atlassian data security policy's app access
 *   rule keeps content from (`GET /data-policy/project`, exempt from the rules; a blocked
 *   project's key and name stay listed, its issues are left out of every search).
 * - "Check coverage" on the admin page: Jira as the viewing admin against Jira as the app. The
 *   projects the admin sees and the app does not; per project, the issues the admin counts and the
 *   app does not (`POST /search/approximate-count`, `project = X`), those behind a security level
 *   (`... AND level is not EMPTY`), and the comments of the most recently updated issues the admin
 *   sees and the app does not (the embedded comment page's `total`, which counts what the caller
 *   may see). The admin sees only what the admin may see, so every figure is a lower bound.
 *
 * Only keys, counts, reasons and times are stored.
 * @module
 */
import { JiraHttpError } from '../jira/http.js';
import type { JiraClient } from '../jira/client.js';
import type { AppDeps } from './context.js';

const SCAN_POLICY_PREFIX = 'scan-policy:';
const COVERAGE_KEY = 'coverage';

/** Projects one check compares issue by issue (each costs four counts and two searches). */
export const COVERAGE_PROJECTS = 25;
/** Projects compared at the same time. */
const PARALLEL_PROJECTS = 5;
/** The most recently updated issues of each project whose comments are compared. */
export const COMMENT_SAMPLE = 50;

/** What a scan learned of the app access rules on its projects. */
export interface ScanPolicy {
  readonly checkedAt: string;
  /** Scanned projects whose content an app access rule keeps from the app. */
  readonly blocked: readonly string[];
}

export interface ProjectCoverage {
  readonly key: string;
  /** Issues the admin counts. */
  readonly adminIssues: number;
  /** Issues the app counts. */
  readonly appIssues: number;
  /** Of the admin's issues with a security level, those the app does not count. */
  readonly behindLevel: number;
}

export interface Coverage {
  readonly checkedAt: string;
  /** Projects the admin sees that the app's project list leaves out (the app user lacks Browse). */
  readonly hiddenProjects: readonly string[];
  /** Projects an app access rule keeps content from. */
  readonly blockedProjects: readonly string[];
  /** Projects compared issue by issue (at most COVERAGE_PROJECTS, by key). */
  readonly compared: readonly ProjectCoverage[];
  /** Projects both see that were not compared (over COVERAGE_PROJECTS). */
  readonly notCompared: number;
  /** Issues the admin counts that the app does not, in the compared projects. */
  readonly hiddenIssues: number;
  /** Of those, behind a security level. */
  readonly behindLevel: number;
  /** Comments of the sampled issues the admin sees and the app does not. */
  readonly comments: { readonly issuesSampled: number; readonly hidden: number };
}

const keyed = (list: Record<string, unknown>[]): Map<string, string> =>
  new Map(
    list.flatMap((p) =>
      typeof p.key === 'string' && (typeof p.id === 'string' || typeof p.id === 'number')
        ? [[p.key, String(p.id)] as const]
        : [],
    ),
  );

/**
 * The keys of projects an app access rule blocks, of those given (key -> id); undefined when Jira
 * would not say (a site without the endpoint, a refusal): unknown, never "none".
 */
async function blockedOf(
  client: JiraClient,
  ids: ReadonlyMap<string, string>,
): Promise<string[] | undefined> {
  if (ids.size === 0) return [];
  try {
    const policies = await client.projectDataPolicies([...ids.values()]);
    return [...ids].filter(([, id]) => policies.get(id) === true).map(([key]) => key);
  } catch (e) {
    if (e instanceof JiraHttpError && e.status >= 400 && e.status < 500 && e.status !== 429)
      return undefined;
    throw e;
  }
}

/** At the start of a scan: which of its projects an app access rule blocks, kept with the job. */
export async function recordScanPolicy(
  deps: Pick<AppDeps, 'asApp' | 'docs' | 'now'>,
  jobId: string,
  projectKeys: readonly string[],
): Promise<void> {
  const ids = keyed(await deps.asApp.projects(projectKeys));
  const blocked = await blockedOf(deps.asApp, ids);
  if (blocked === undefined) return;
  const policy: ScanPolicy = { checkedAt: deps.now(), blocked };
  await deps.docs.set(`${SCAN_POLICY_PREFIX}${jobId}`, policy);
}

export const scanPolicyOf = (
  deps: Pick<AppDeps, 'docs'>,
  jobId: string,
): Promise<ScanPolicy | undefined> => deps.docs.get<ScanPolicy>(`${SCAN_POLICY_PREFIX}${jobId}`);

/** Comment totals of a project's most recently updated issues, by issue id. */
async function commentTotals(client: JiraClient, key: string): Promise<Map<string, number>> {
  const page = await client.searchPage({
    jql: `project = ${key} ORDER BY updated DESC`,
    fields: ['comment'],
    maxResults: COMMENT_SAMPLE,
  });
  const out = new Map<string, number>();
  for (const issue of page.issues) {
    const fields = issue.fields as { comment?: { total?: unknown } } | undefined;
    const total = fields?.comment?.total;
    if (typeof issue.id === 'string' && typeof total === 'number') out.set(issue.id, total);
  }
  return out;
}

async function compareProject(
  asUser: JiraClient,
  asApp: JiraClient,
  key: string,
): Promise<{ project: ProjectCoverage; sampled: number; hiddenComments: number }> {
  // Project keys are `[A-Z][A-Z0-9_]*` (checked where they enter): safe in JQL unquoted.
  const all = `project = ${key}`;
  const levelled = `${all} AND level is not EMPTY`;
  const [adminIssues, appIssues, adminLevelled, appLevelled] = await Promise.all([
    asUser.approximateCount(all),
    asApp.approximateCount(all),
    asUser.approximateCount(levelled),
    asApp.approximateCount(levelled),
  ]);
  const [admin, app] = await Promise.all([commentTotals(asUser, key), commentTotals(asApp, key)]);
  let sampled = 0;
  let hiddenComments = 0;
  for (const [id, total] of admin) {
    const seen = app.get(id);
    // An issue the app cannot see at all is counted among hidden issues, not here.
    if (seen === undefined) continue;
    sampled++;
    hiddenComments += Math.max(0, total - seen);
  }
  return {
    project: {
      key,
      adminIssues,
      appIssues,
      behindLevel: Math.max(0, adminLevelled - appLevelled),
    },
    sampled,
    hiddenComments,
  };
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/** "Check coverage": Jira as the admin against Jira as the app; stored and returned. */
export async function checkCoverage(
  deps: Pick<AppDeps, 'asApp' | 'docs' | 'now'> & { readonly asUser: JiraClient },
): Promise<Coverage> {
  const [mine, apps] = await Promise.all([deps.asUser.projects(), deps.asApp.projects()]);
  const admin = keyed(mine);
  const app = keyed(apps);
  const hiddenProjects = [...admin.keys()].filter((k) => !app.has(k)).sort();
  const blockedProjects = ((await blockedOf(deps.asApp, app)) ?? []).sort();
  const both = [...admin.keys()]
    .filter((k) => app.has(k) && !blockedProjects.includes(k) && PROJECT_KEY.test(k))
    .sort();
  const compared: ProjectCoverage[] = [];
  let issuesSampled = 0;
  let hiddenComments = 0;
  // A few projects at a time: a resolver has 25 s, and each project is six requests.
  const chosen = both.slice(0, COVERAGE_PROJECTS);
  for (let i = 0; i < chosen.length; i += PARALLEL_PROJECTS) {
    const batch = chosen.slice(i, i + PARALLEL_PROJECTS);
    for (const r of await Promise.all(
      batch.map((key) => compareProject(deps.asUser, deps.asApp, key)),
    )) {
      compared.push(r.project);
      issuesSampled += r.sampled;
      hiddenComments += r.hiddenComments;
    }
  }
  const coverage: Coverage = {
    checkedAt: deps.now(),
    hiddenProjects,
    blockedProjects,
    compared,
    notCompared: Math.max(0, both.length - COVERAGE_PROJECTS),
    hiddenIssues: compared.reduce((n, p) => n + Math.max(0, p.adminIssues - p.appIssues), 0),
    behindLevel: compared.reduce((n, p) => n + p.behindLevel, 0),
    comments: { issuesSampled, hidden: hiddenComments },
  };
  await deps.docs.set(COVERAGE_KEY, coverage);
  return coverage;
}

export const lastCoverage = (deps: Pick<AppDeps, 'docs'>): Promise<Coverage | undefined> =>
  deps.docs.get<Coverage>(COVERAGE_KEY);
