// `npm run demo` scans demo/demo-issue.txt: it must report its planted credentials (the AWS key id
// and secret key are one pair, one finding) and none of its placeholders (<your-token>,
// ${DB_PASSWORD}, AKIAIOSFODNN7EXAMPLE, masked sk_live_***).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-io.js';

describe('the demo issue', () => {
  it('yields exactly the planted credentials', async () => {
    const r = await runCli(['scan', '--format', 'json', 'demo/demo-issue.txt']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as {
      detector: string;
      start: number;
      end: number;
      partner?: { kind: string };
    }[];
    expect(found.map((f) => f.detector)).toEqual([
      'aws-secret-access-key',
      'postgres-connection-uri',
      'github-pat',
      'slack-webhook-url',
      'private-key-ec',
    ]);
    expect(found[0]?.partner?.kind).toBe('aws-access-key-id');
    const text = readFileSync('demo/demo-issue.txt', 'utf8');
    const secrets = found.map((f) => text.slice(f.start, f.end));
    for (const s of secrets) expect(r.stdout).not.toContain(s);
    expect(secrets.join('\n')).not.toMatch(/EXAMPLE|your-token|DB_PASSWORD|\*\*\*/);
  });
});
