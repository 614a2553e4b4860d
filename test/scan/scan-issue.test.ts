import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import { createJiraClient } from '../../src/jira/client.js';
import { createJiraHttp, type HttpResponse, type JiraFetch } from '../../src/jira/http.js';
import { scanIssue, searchFields } from '../../src/scan/scan-issue.js';

// Tokens written for these tests (valid checksums, see github.ts examples).
const GH1 = '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';
const GH2 = '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';
const PG = 'postgres://billing:mbRw26OYDF8BqqTDMxPo@db.internal:5432/billing';
const doc = (text: string): unknown => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const fields = [
  { id: 'summary', schema: { type: 'string' } },
  { id: 'description', schema: { type: 'string' } },
];
const respond = (body: unknown, bytes?: Uint8Array): HttpResponse => ({
  status: 200,
  headers: { get: () => null },
  text: () => Promise.resolve(JSON.stringify(body)),
  arrayBuffer: () => Promise.resolve((bytes ?? new Uint8Array()).slice().buffer),
});

describe('scanIssue', () => {
  it('finds secrets in every part of an issue, paging only what is truncated', async () => {
    const calls: string[] = [];
    const fetch: JiraFetch = (path, init) => {
      calls.push(`${init.method} ${path.split('?')[0] ?? path}`);
      if (path.startsWith('/rest/api/3/issue/10001/comment')) {
        return Promise.resolve(
          respond({
            startAt: 0,
            total: 3,
            comments: [
              { id: '1', body: doc('hi') },
              { id: '2', body: doc('ok') },
              { id: '3', body: doc(`use ${GH2}`) },
            ],
          }),
        );
      }
      if (path === '/rest/api/3/changelog/bulkfetch') {
        return Promise.resolve(
          respond({
            issueChangeLogs: [
              {
                issueId: '10001',
                changeHistories: [
                  {
                    id: '300',
                    items: [
                      { fieldId: 'description', fromString: `old: ${GH1}`, toString: 'rotated' },
                    ],
                  },
                ],
              },
            ],
          }),
        );
      }
      if (path.startsWith('/rest/api/3/attachment/content/501')) {
        return Promise.resolve(respond({}, new TextEncoder().encode(`DATABASE_URL=${PG}\n`)));
      }
      return Promise.reject(new Error(`unexpected ${path}`));
    };
    const client = createJiraClient(
      createJiraHttp({ fetch, sleep: () => Promise.resolve(), random: () => 0.5, now: () => 0 }),
    );
    const scanner = createScanner({
      detectors: DETECTORS,
      fingerprintKey: 'scan-issue-test-key-01',
    });
    const issue = {
      id: '10001',
      key: 'OPS-1',
      fields: {
        project: { key: 'OPS' },
        summary: 'deploy',
        description: doc(`token ${GH1}`),
        comment: { startAt: 0, total: 3, comments: [{ id: '1', body: doc('hi') }] },
        worklog: { startAt: 0, total: 0, worklogs: [] },
        attachment: [
          { id: '501', filename: 'app.env', mimeType: 'text/plain', size: 80 },
          { id: '502', filename: 'shot.png', mimeType: 'image/png', size: 9000 },
        ],
      },
    };
    const r = await scanIssue(issue, {
      client,
      scanner,
      baseUrl: 'https://acme.atlassian.net',
      fields,
    });
    const where = r.occurrences.map((o) => [
      o.detector,
      o.location.field,
      o.location.commentId ?? o.location.historyId ?? o.location.attachmentId ?? null,
    ]);
    expect(where).toEqual([
      ['github-pat', 'description', null],
      ['github-pat', 'comment', '3'],
      ['github-pat', 'changelog', '300'],
      ['postgres-connection-uri', 'attachment', '501'],
    ]);
    // The same secret in the description and in history shares a fingerprint.
    expect(r.occurrences[0]?.fingerprint).toBe(r.occurrences[2]?.fingerprint);
    expect(JSON.stringify(r)).not.toContain(GH1);
    expect(r.skipped.map((s) => s.reason)).toEqual(['binary type image/png']);
    // Worklogs were complete: no worklog request; the png was never downloaded.
    expect(calls).toEqual([
      'POST /rest/api/3/changelog/bulkfetch',
      'GET /rest/api/3/issue/10001/comment',
      'GET /rest/api/3/attachment/content/501',
    ]);
  });

  it('asks search for the fields it needs', () => {
    expect(searchFields(fields)).toEqual([
      'project',
      'updated',
      'comment',
      'worklog',
      'attachment',
      'summary',
      'description',
    ]);
  });
});
