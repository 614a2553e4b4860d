/**
 * `--check-validity` in the command line: off by default (nothing sent), on it checks each secret
 * once with its issuer (here the provider simulator) and JSON, SARIF, text and jsonl carry the
 * validity; scan-fixture records it on its incidents.
 */
import { describe, expect, it } from 'vitest';
import { createProviderSim } from '../../dev/provider-sim/sim.js';
import { EXAMPLE_SITE } from '../scan/fixture-direct.js';
import { runCli } from './cli-io.js';

const LIVE = ['ghp', 'IkePp67AVr7ZUILpbdOyvsqLB0w0qK0qtKK5'].join('_'); // valid CRC32
const AWS_ID = 'AKIANOLG4ELYQZ6DW7PL';
const AWS_SECRET = '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';
const TEXT = `GITHUB_TOKEN=${LIVE}\nkeys.csv: ${AWS_ID},${AWS_SECRET}\n`;

function sim() {
  const s = createProviderSim();
  s.set(LIVE, 'live');
  s.set(AWS_SECRET, 'revoked', AWS_ID);
  return s;
}

type Out = { detector: string; validity?: string; validity_checked_at?: string }[];

describe('--check-validity', () => {
  it('is off by default: nothing is sent and the output has no validity', async () => {
    const s = sim();
    const r = await runCli(['scan', '--format', 'json'], TEXT, {}, undefined, s.fetch);
    expect(r.code).toBe(1);
    expect(s.log).toEqual([]);
    for (const f of JSON.parse(r.stdout) as Out) expect(f.validity).toBeUndefined();
  });

  it('scan --format json: each finding carries its validity, each secret sent once', async () => {
    const s = sim();
    const r = await runCli(
      ['scan', '--format', 'json', '--check-validity'],
      TEXT,
      {},
      undefined,
      s.fetch,
    );
    const out = JSON.parse(r.stdout) as Out;
    const of = (d: string) => out.find((f) => f.detector === d);
    expect(of('github-pat')).toMatchObject({ validity: 'valid' });
    expect(of('github-pat')?.validity_checked_at).toMatch(/^\d{4}-/);
    // The AWS pair is checked by a signature; the key id named beside it, never sent alone.
    expect(of('aws-secret-access-key-paired')).toMatchObject({ validity: 'invalid' });
    expect(s.log.map((l) => l.host).sort()).toEqual(['api.github.com', 'sts.amazonaws.com']);
    expect(r.stdout).not.toContain(LIVE);
  });

  it('scan --format sarif and text, and jsonl, carry the validity too', async () => {
    const sarif = await runCli(
      ['scan', '--format', 'sarif', '--check-validity'],
      TEXT,
      {},
      undefined,
      sim().fetch,
    );
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: { results: { ruleId: string; properties: { validity?: string } }[] }[];
      }
    ).runs[0]?.results;
    expect(results?.find((x) => x.ruleId === 'github-pat')?.properties.validity).toBe('valid');
    const text = await runCli(['scan', '--check-validity'], TEXT, {}, undefined, sim().fetch);
    expect(text.stdout).toMatch(/github-pat .*\[valid\]/);
    const jsonl = await runCli(
      ['scan', '--input-format', 'jsonl', '--check-validity'],
      `${JSON.stringify({ id: 'a', text: TEXT })}\n`,
      {},
      undefined,
      sim().fetch,
    );
    const line = JSON.parse(jsonl.stdout) as { findings: Out };
    expect(line.findings.find((f) => f.detector === 'github-pat')?.validity).toBe('valid');
  });

  it('scan-fixture --check-validity records the validity on its incidents', async () => {
    const s = createProviderSim();
    const github = ['ghp', 'kb8yAHaAUQrwYCmqDJRQXL1jwdNz190FcJTc'].join('_');
    s.set(github, 'live');
    const r = await runCli(
      ['scan-fixture', EXAMPLE_SITE, '--format', 'json', '--check-validity'],
      '',
      {},
      undefined,
      s.fetch,
    );
    const { incidents } = JSON.parse(r.stdout) as {
      incidents: { detector: { name: string }; validity: string }[];
    };
    const of = (d: string) => incidents.filter((i) => i.detector.name === d).map((i) => i.validity);
    expect(of('github-pat')).toEqual(['valid']);
    expect(of('slack-bot-token')).toEqual(['invalid']);
    expect(incidents.some((i) => i.validity === 'no_checker')).toBe(true);
    const plain = await runCli(
      ['scan-fixture', EXAMPLE_SITE, '--format', 'json'],
      '',
      {},
      undefined,
      s.fetch,
    );
    const before = s.log.length;
    expect(
      (JSON.parse(plain.stdout) as { incidents: { validity: string }[] }).incidents.every(
        (i) => i.validity === 'not_checked',
      ),
    ).toBe(true);
    expect(s.log.length).toBe(before);
  });
});
