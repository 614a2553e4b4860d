/**
 * The CLI's fingerprint key: one per machine, so the same secret gets the same fingerprint across
 * runs on that machine but fingerprints from different machines cannot be correlated.
 * Order: --fingerprint-key, $JIRA_SECRET_SCANNER_KEY, a random key kept in the user's config dir
 * (created on first use, mode 0600), else one derived from the host's machine id.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';

export interface KeySource {
  readonly key: Uint8Array;
  readonly origin: string;
}

function configDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'jira-secret-scanner');
}

export function resolveFingerprintKey(flag: string | undefined, env: NodeJS.ProcessEnv): KeySource {
  if (flag) return { key: new TextEncoder().encode(flag), origin: '--fingerprint-key' };
  const fromEnv = env.JIRA_SECRET_SCANNER_KEY;
  if (fromEnv) return { key: new TextEncoder().encode(fromEnv), origin: 'JIRA_SECRET_SCANNER_KEY' };
  const file = join(configDir(env), 'fingerprint.key');
  const read = (): Uint8Array | undefined => {
    try {
      const hex = readFileSync(file, 'utf8').trim();
      return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
    } catch {
      return undefined;
    }
  };
  const existing = read();
  if (existing) return { key: existing, origin: file };
  try {
    mkdirSync(configDir(env), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return { key, origin: file };
  } catch {
    const raced = read(); // another process created it first
    if (raced) return { key: raced, origin: file };
    // Read-only home (a container, CI): derive a stable per-machine key instead.
    let machineId = '';
    try {
      machineId = readFileSync('/etc/machine-id', 'utf8').trim();
    } catch {
      machineId = '';
    }
    const key = createHash('sha256')
      .update(`jira-secret-scanner:${machineId}:${hostname()}`)
      .digest();
    return { key, origin: 'derived from machine id' };
  }
}
