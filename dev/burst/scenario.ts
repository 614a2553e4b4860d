/**
 * Bulk operations as Jira sends them, for the burst scenario (`npm run bench:burst`, the burst
 * tests, `npm run harness -- --events F --concurrency N`): a site of plain issues and three bulk
 * phases, each a list of `--events` ops stamped with `atMs` (virtual ms from the phase's start):
 *
 * 1. paste: one secret pasted into the description of `pasted` issues (a bulk edit: 100 issues/s);
 * 2. remove: the same issues edited to take it out again;
 * 3. mix: one minute of edits, comments and deletions over every issue, with a few secrets.
 *
 * Secrets are fake Anthropic-shaped keys built from a seeded generator, never real ones.
 * @module
 */
import { createRng, type Rng } from '../site-gen/prng.js';
import type { IncidentReport } from '../../src/incidents/report.js';

export interface BurstOptions {
  /** Issues of the site (the mix touches every one). */
  readonly issues: number;
  /** Issues the paste and remove phases edit. Default min(1000, issues). */
  readonly pasted?: number;
  /** Virtual ms the mix spreads over. Default one minute. */
  readonly mixMs?: number;
  readonly seed?: number;
}

export interface BurstScenario {
  /** A site fixture (FORMAT.md). */
  readonly site: unknown;
  readonly phases: readonly { readonly name: string; readonly ops: readonly unknown[] }[];
}

const PROJECTS = ['OPS', 'PAY', 'DEV'] as const;
const ADMIN = '557058:burst-admin-0000-0000-000000000001';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Bulk edits write this many issues a second. */
const BULK_PER_SECOND = 100;

/** A fake key in the shape of an Anthropic API key (what the anthropic-api-key detector finds). */
function fakeKey(rng: Rng): string {
  const body = Array.from({ length: 93 }, () => ALPHABET[rng.int(ALPHABET.length)]).join('');
  return `sk-ant-api03-${body}AA`;
}

const keyOf = (n: number): string => `${PROJECTS[n % PROJECTS.length] ?? 'OPS'}-${String(n)}`;

const doc = (text: string): unknown => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function siteOf(issues: number): unknown {
  const at = '2026-12-01T09:00:00.000+0000';
  return {
    site: {
      baseUrl: 'https://burst-example.atlassian.net',
      cloudId: 'b0a5e1f2-3b4c-4d5e-8f60-718293a4b5c6',
    },
    users: [{ accountId: ADMIN, displayName: 'Bulk Editor', groups: [], siteAdmin: true }],
    fields: [],
    projects: PROJECTS.map((key, i) => ({
      id: String(10_000 + i),
      key,
      name: `${key} team`,
      description: '',
      components: [],
      versions: [],
    })),
    issues: Array.from({ length: issues }, (_, i) => {
      const n = i + 1;
      const p = (n % PROJECTS.length) as 0 | 1 | 2;
      return {
        id: String(20_000 + n),
        key: keyOf(n),
        fields: {
          summary: `Deploy step ${String(n)}`,
          description: doc(`Deploy notes for step ${String(n)}.`),
          environment: null,
          labels: [],
          created: at,
          updated: at,
          reporter: { accountId: ADMIN },
          project: { id: String(10_000 + p), key: PROJECTS[p] },
        },
        comments: [],
      };
    }),
  };
}

const describe = (n: number, secret?: string): string =>
  secret === undefined
    ? `Deploy notes for step ${String(n)}.\nCredentials rotated, see the vault.`
    : `Deploy notes for step ${String(n)}.\nANTHROPIC_API_KEY=${secret}`;

export function burstScenario(o: BurstOptions): BurstScenario {
  const rng = createRng(`burst-${String(o.seed ?? 1)}`);
  const pasted = Math.min(o.pasted ?? 1000, o.issues);
  const mixMs = o.mixMs ?? 60_000;
  const shared = fakeKey(rng);
  const others = Array.from({ length: 4 }, () => fakeKey(rng));
  const bulk = (n: number, i: number, secret?: string) => ({
    op: 'updateIssue',
    issue: keyOf(n),
    fields: { description: describe(n, secret) },
    author: ADMIN,
    atMs: Math.floor((i * 1000) / BULK_PER_SECOND),
  });
  const first = Array.from({ length: pasted }, (_, i) => i + 1);
  // Every issue once, in a random order, at an even pace over the minute.
  const order = Array.from({ length: o.issues }, (_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const mix = order.map((n, i) => {
    const atMs = Math.floor((i * mixMs) / o.issues);
    const base = { issue: keyOf(n), author: ADMIN, atMs };
    const secret = rng.pick([shared, ...others]);
    return rng.weighted(
      [
        { op: 'updateIssue', ...base, fields: { description: describe(n, secret) } },
        { op: 'updateIssue', ...base, fields: { description: describe(n) } },
        { op: 'addComment', ...base, body: `Rolled out with ${secret}` },
        { op: 'addComment', ...base, body: 'Rolled out, nothing to add.' },
        { op: 'deleteIssue', ...base },
      ],
      [35, 15, 25, 10, 15],
    );
  });
  return {
    site: siteOf(o.issues),
    phases: [
      { name: 'paste', ops: first.map((n, i) => bulk(n, i, shared)) },
      { name: 'remove', ops: first.map((n, i) => bulk(n, i)) },
      { name: 'mix', ops: mix },
    ],
  };
}

/**
 * What must not depend on the interleaving: ids, counts, presence, status and every place with
 * its presence. Times (first and last seen, updated) are when a scan ran and may differ.
 */
export function comparable(incidents: readonly IncidentReport[]): unknown[] {
  return [...incidents]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((i) => ({
      id: i.id,
      detector: i.detector.name,
      secret_hash: i.secret_hash,
      status: i.status,
      regression: i.regression,
      presence: i.presence,
      occurrences_count: i.occurrences_count,
      present_count: i.present_count,
      project_keys: i.project_keys,
      occurrences: i.occurrences
        .map((o) => ({ id: o.id, presence: o.presence, kind: o.kind, matches: o.matches }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    }));
}
