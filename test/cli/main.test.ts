import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/index.js';
import { runCli } from './cli-io.js';

// A GitHub token with a valid checksum, written for these tests.
const GH = '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';
const dir = mkdtempSync(join(tmpdir(), 'jss-cli-'));
const file = (name: string, content: string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('detectors', () => {
  it('prints every detector as JSON with the documented fields', async () => {
    const r = await runCli(['detectors', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(DETECTORS.length);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual([
      'enabledByDefault',
      'family',
      'id',
      'keywords',
      'name',
      'remediation',
    ]);
    expect(list.filter((d) => d.enabledByDefault === false).map((d) => d.id)).toEqual(
      DETECTORS.filter((d) => d.enabledByDefault === false).map((d) => d.id),
    );
    // Each carries its family's revoke-or-rotate guidance and the provider's page.
    const pat = list.find((d) => d.id === 'github-pat') as { remediation: Record<string, string> };
    expect(pat.remediation.url).toMatch(/^https:\/\/docs\.github\.com\//);
    expect(pat.remediation.steps).toMatch(/token/);
  });
});

describe('scan', () => {
  it('reads stdin and prints text findings; exit 1 when secrets are found', async () => {
    const r = await runCli(['scan'], `line one\n  token ${GH}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('stdin:2:9  high     github-pat  ghp_********K5\n');
    expect(r.stdout).not.toContain(GH);
  });

  it('exits 0 on clean input', async () => {
    const r = await runCli(['scan'], 'nothing to see here');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('prints JSON with offsets, fingerprint and no raw secret', async () => {
    const f = file('a.txt', `🚀 ${GH}`);
    const r = await runCli(['scan', f, '--format', 'json']);
    const [finding] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(finding).toMatchObject({
      source: f,
      detector: 'github-pat',
      start: 3,
      end: 43,
      line: 1,
      column: 4,
    });
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout).not.toContain(GH);
  });

  it('says how a finding was encoded and names its partner, in text and JSON, never raw', async () => {
    const keyId = 'AKIANOLG4ELYQZ6DW7PL';
    const input = `Authorization: Basic ${btoa(`ci:${GH}`)}\nkeys.csv: ${keyId},u7/vAhNz+LLvMleDFqXJdIWFXKo3EtrZ2ARY/aPd\n`;
    const text = await runCli(['scan'], input);
    expect(text.stdout.split('\n')).toEqual([
      'stdin:1:26  high     github-pat  ghp_********K5  (decoded: base64)',
      'stdin:2:32  high     aws-secret-access-key-paired  u7/v********Pd  (with AWS access key ID AK********L)',
      '',
    ]);
    const json = await runCli(['scan', '--format', 'json'], input);
    const [decoded, paired] = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(decoded?.encoding).toEqual(['base64']);
    expect(paired?.partner).toEqual({
      kind: 'aws-access-key-id',
      name: 'AWS access key ID',
      redacted: 'AK********L',
    });
    expect(json.stdout + text.stdout).not.toContain(keyId);
    expect(json.stdout + text.stdout).not.toContain(GH);
  });

  it('prints SARIF 2.1.0 with UTF-16 columns and end positions', async () => {
    const f = file('b.txt', `x\n${GH}`);
    const r = await runCli(['scan', f, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        columnKind: string;
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: Record<string, number> } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run?.columnKind).toBe('utf16CodeUnits');
    expect(run?.tool.driver.rules.map((x) => x.id)).toEqual(['github-pat']);
    expect(run?.results[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 41,
      charOffset: 2,
      charLength: 40,
    });
  });

  it('reports an unreadable file, still scans the others, and exits 2', async () => {
    const good = file('c.txt', GH);
    const r = await runCli(['scan', join(dir, 'missing.txt'), good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('ENOENT');
    expect(r.stdout).toContain('github-pat');
  });

  it('enables off-by-default detectors on request and refuses unknown ids', async () => {
    expect((await runCli(['scan', '--enable', 'no-such-detector'])).code).toBe(2);
    const r = await runCli(
      ['scan', '--format', 'json', '--all-detectors'],
      `password = "Zq8!vR2#mT6pLx"`,
    );
    expect((JSON.parse(r.stdout) as { detector: string }[]).map((x) => x.detector)).toContain(
      'generic-password',
    );
    const off = await runCli(['scan', '--format', 'json'], `password = "Zq8!vR2#mT6pLx"`);
    expect(JSON.parse(off.stdout)).toEqual([]);
  });

  it('runs custom detectors and rejects bad ones with a clear error', async () => {
    const r = await runCli(
      ['scan', '--custom', 'Acme=acme-int-[0-9a-f]{16}'],
      'acme-int-9f3b2c7d1e8a4f60',
    );
    expect(r.stdout).toContain('custom-acme');
    const bad = await runCli(['scan', '--custom', 'Acme=(?<=x)y']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a valid RE2 pattern');
  });

  it('rejects unknown commands and formats', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['scan', '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['scan', '--format', 'jsonl'])).code).toBe(2);
  });
});

describe('scan --input-format jsonl', () => {
  it('writes one line per input line, in order, with text and ADF inputs and malformed lines', async () => {
    const adf = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'see ' },
            { type: 'text', text: GH, marks: [{ type: 'code' }] },
          ],
        },
      ],
    };
    const lines = [
      JSON.stringify({ id: 'OPS-1/summary', text: `leak ${GH}` }),
      '{not json',
      JSON.stringify({ id: 'OPS-1/description', adf }),
      JSON.stringify({ id: 'OPS-2/summary', text: 'clean' }),
      JSON.stringify({ id: 3 }),
    ];
    const f = file('in.jsonl', lines.join('\n') + '\n');
    const r = await runCli(['scan', '--input-format', 'jsonl', f, '--format', 'jsonl']);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual([
      'OPS-1/summary',
      null,
      'OPS-1/description',
      'OPS-2/summary',
      null,
    ]);
    expect(out[0]?.findings).toEqual([
      expect.objectContaining({ detector: 'github-pat', start: 5, end: 45, line: 1, column: 6 }),
    ]);
    expect(Object.keys((out[0]?.findings as object[])[0] ?? {}).sort()).toEqual([
      'column',
      'detector',
      'end',
      'fingerprint',
      'line',
      'redacted',
      'start',
    ]);
    expect(out[2]?.findings).toEqual([expect.objectContaining({ start: 4, end: 44 })]);
    expect(out[3]?.findings).toEqual([]);
    expect(out[1]?.error).toBe('not valid JSON');
    expect(r.stderr).toContain(':2: not valid JSON');
    expect(r.stderr).toContain(':5: "id" must be a string');
  });
});

describe('the installed bin', () => {
  it('runs as `npx jira-secret-scanner` with a per-machine key', () => {
    const home = mkdtempSync(join(tmpdir(), 'jss-home-'));
    const env = { ...process.env, XDG_CONFIG_HOME: home, JIRA_SECRET_SCANNER_KEY: '' };
    const run = (): string =>
      spawnSync('npx', ['--no-install', 'jira-secret-scanner', 'scan', '--format', 'json'], {
        input: GH,
        env,
        encoding: 'utf8',
      }).stdout;
    const first = JSON.parse(run()) as { fingerprint: string }[];
    const second = JSON.parse(run()) as { fingerprint: string }[];
    expect(first[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(second[0]?.fingerprint).toBe(first[0]?.fingerprint); // the key persisted
    const version = execFileSync('node', ['bin/jira-secret-scanner.js', '--version'], {
      encoding: 'utf8',
    });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
