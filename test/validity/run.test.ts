/**
 * The runner around every checker (one host, HTTPS, errors as values) and the per-scan session
 * (one check per secret, providers switched off, identities kept only when asked).
 */
import { describe, expect, it } from 'vitest';
import { createProviderSim } from '../../dev/provider-sim/sim.js';
import {
  checkerFor,
  createValiditySession,
  runCheck,
  type Checker,
  type ValidityFetch,
} from '../../src/validity/index.js';
import { github } from '../../src/validity/github.js';
import { makeFingerprinter } from '../../src/engine/fingerprint.js';

const never = (): AbortSignal => new AbortController().signal;
const answering =
  (status: number, body: string): ValidityFetch =>
  () =>
    Promise.resolve({ status, headers: new Headers(), text: () => Promise.resolve(body) });

describe('runCheck', () => {
  it('refuses to send a secret anywhere but the checker host over https', async () => {
    let sent = 0;
    const fetch: ValidityFetch = (url, init) => {
      sent++;
      return answering(200, '{}')(url, init);
    };
    const elsewhere: Checker = {
      ...github,
      request: () => ({ url: 'https://evil.example/user', method: 'GET', headers: {} }),
    };
    const plain: Checker = {
      ...github,
      request: () => ({ url: 'http://api.github.com/user', method: 'GET', headers: {} }),
    };
    const port: Checker = {
      ...github,
      request: () => ({ url: 'https://api.github.com:8443/user', method: 'GET', headers: {} }),
    };
    for (const c of [elsewhere, plain, port])
      expect(await runCheck(c, 's', { fetch, deadline: never })).toEqual({
        validity: 'failed_to_check',
        reason: 'not_allowed',
      });
    expect(sent).toBe(0);
  });

  it('turns a network error into failed_to_check, never a throw', async () => {
    const fetch: ValidityFetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await runCheck(github, 's', { fetch, deadline: never })).toEqual({
      validity: 'failed_to_check',
      reason: 'network',
    });
  });

  it('does not read a huge answer as a whoami', async () => {
    const huge = JSON.stringify({ login: 'x', pad: 'y'.repeat(100_000) });
    expect(
      await runCheck(github, 's', { fetch: answering(200, huge), deadline: never }),
    ).toMatchObject({
      validity: 'failed_to_check',
      reason: 'unrecognised_answer',
    });
  });

  it('treats a redirect or an undocumented status as unrecognised', async () => {
    for (const status of [301, 403, 404])
      expect(
        await runCheck(github, 's', { fetch: answering(status, '{}'), deadline: never }),
      ).toMatchObject({
        validity: 'failed_to_check',
        reason: 'unrecognised_answer',
        status,
      });
  });
});

describe('createValiditySession', () => {
  const now = () => '2026-01-01T00:00:00.000Z';

  it('checks each secret once per session and keeps the answer, not the secret', async () => {
    const sim = createProviderSim();
    sim.set('ghp_live', 'live');
    const s = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
    });
    s.onSecret({ detector: 'github-pat', fingerprint: 'f1' }, 'ghp_live');
    s.onSecret({ detector: 'github-pat', fingerprint: 'f1' }, 'ghp_live');
    expect(await s.resultFor('github-pat', 'f1')).toEqual({ validity: 'valid', checked_at: now() });
    expect(sim.log).toHaveLength(1);
    expect(s.resultFor('github-pat', 'other')).toBeUndefined();
  });

  it('keeps the identity only when the admin asks for it', async () => {
    const sim = createProviderSim();
    sim.set('ghp_live', 'live');
    const s = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
      keepIdentity: true,
    });
    s.onSecret({ detector: 'github-pat', fingerprint: 'f1' }, 'ghp_live');
    expect(await s.resultFor('github-pat', 'f1')).toMatchObject({ details: 'octocat' });
  });

  it('sends nothing for a detector without a checker or a provider switched off', async () => {
    const sim = createProviderSim();
    const s = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: (p) => p !== 'github',
    });
    s.onSecret({ detector: 'aws-access-key-id', fingerprint: 'f1' }, 'AKIA...');
    s.onSecret({ detector: 'github-pat', fingerprint: 'f2' }, 'ghp_x');
    expect(await s.resultFor('aws-access-key-id', 'f1')).toEqual({ validity: 'no_checker' });
    expect(await s.resultFor('github-pat', 'f2')).toEqual({ validity: 'not_checked' });
    expect(sim.log).toHaveLength(0);
    expect(checkerFor('github-pat')).toBe(github);
  });

  it('sends nothing when the text handed over is not the secret its fingerprint names', async () => {
    const sim = createProviderSim();
    sim.set('ghp_live', 'live');
    const fingerprint = makeFingerprinter('k'.repeat(64));
    const s = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
      fingerprint,
    });
    // A finding in decoded text: its offsets cover the base64 form, its fingerprint the secret.
    const encoded = Buffer.from('ghp_live').toString('base64');
    s.onSecret({ detector: 'github-pat', fingerprint: fingerprint('ghp_live') }, encoded);
    expect(s.resultFor('github-pat', fingerprint('ghp_live'))).toBeUndefined();
    expect(sim.log).toHaveLength(0);
    s.onSecret({ detector: 'github-pat', fingerprint: fingerprint('ghp_live') }, 'ghp_live');
    expect(await s.resultFor('github-pat', fingerprint('ghp_live'))).toMatchObject({
      validity: 'valid',
    });
  });

  it('keeps at most `perProvider` requests in flight to one provider, and checks them all', async () => {
    let inFlight = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const fetch: ValidityFetch = () => {
      inFlight++;
      most = Math.max(most, inFlight);
      return new Promise((resolve) => {
        gates.push(() => {
          inFlight--;
          resolve({ status: 401, headers: new Headers(), text: () => Promise.resolve('{}') });
        });
      });
    };
    const s = createValiditySession({
      fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
      perProvider: 2,
    });
    for (let i = 0; i < 7; i++)
      s.onSecret({ detector: 'github-pat', fingerprint: `f${i}` }, `ghp_${i}`);
    s.onSecret({ detector: 'slack-bot-token', fingerprint: 's' }, 'xoxb-1');
    await new Promise((r) => setTimeout(r, 0));
    // Two GitHub requests and the Slack one: other providers are not held up.
    expect(gates).toHaveLength(3);
    while (gates.length > 0) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(most).toBeLessThanOrEqual(3);
    for (let i = 0; i < 7; i++)
      expect(await s.resultFor('github-pat', `f${i}`)).toMatchObject({ validity: 'invalid' });
  });

  it('checks a secret found in encoded text: the engine hands it over decoded', async () => {
    const { DETECTORS } = await import('../../src/detectors/index.js');
    const { createScanner } = await import('../../src/engine/scan.js');
    const { scanUnits } = await import('../../src/scan/scan-issue.js');
    const token = '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'; // valid CRC32
    const key = 'k'.repeat(64);
    const sim = createProviderSim();
    sim.set(token, 'live');
    const s = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
      fingerprint: makeFingerprinter(key),
    });
    // Written with a JSON \u escape: the text holds no "ghp_" at all.
    const text = `{"env": "GITHUB_TOKEN=ghp\\u005f${token.slice(4)}"}`;
    const location = { projectKey: 'OPS', field: 'description' as const, url: 'https://x' };
    const { occurrences } = scanUnits(
      [{ text, location }],
      createScanner({ detectors: DETECTORS, fingerprintKey: key }),
      s.onSecret,
    );
    const [o] = occurrences;
    expect(o).toMatchObject({ detector: 'github-pat', encoding: ['json-escape'] });
    expect(await s.resultFor('github-pat', o?.fingerprint ?? '')).toMatchObject({
      validity: 'valid',
    });
    expect(sim.log).toHaveLength(1);
  });

  it('checks an AWS secret key only with the key id found beside it, signed, never sent', async () => {
    const { DETECTORS } = await import('../../src/detectors/index.js');
    const { createScanner } = await import('../../src/engine/scan.js');
    const key = 'k'.repeat(64);
    const keyId = 'AKIANOLG4ELYQZ6DW7PL';
    const secret = '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';
    const sim = createProviderSim();
    sim.set(secret, 'live', keyId);
    const s = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
      fingerprint: makeFingerprinter(key),
    });
    const scanner = createScanner({ detectors: DETECTORS, fingerprintKey: key });
    const [paired] = scanner.scan(`keys.csv: ${keyId},${secret}`, s.onSecret).findings;
    expect(paired?.partner?.kind).toBe('aws-access-key-id');
    expect(JSON.stringify(paired)).not.toContain(keyId);
    expect(await s.resultFor(paired?.detector ?? '', paired?.fingerprint ?? '')).toMatchObject({
      validity: 'valid',
    });
    expect(sim.log.at(-1)).toMatchObject({ host: 'sts.amazonaws.com', state: 'live' });
    // Alone, the secret key proves nothing: no request at all.
    const alone = createValiditySession({
      fetch: sim.fetch,
      deadline: never,
      now,
      isProviderEnabled: () => true,
    });
    alone.onSecret({ detector: 'aws-secret-access-key', fingerprint: 'f' }, secret);
    expect(await alone.resultFor('aws-secret-access-key', 'f')).toEqual({ validity: 'no_checker' });
    expect(sim.log).toHaveLength(1);
  });
});
