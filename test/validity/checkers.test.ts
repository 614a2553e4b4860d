/**
 * Every checker against the provider simulator: a live secret is valid, a revoked one invalid,
 * and rate limits, 5xx, a hanging provider and a malformed answer are failed_to_check with their
 * reason. The request carries the secret once, where the provider documents it, and nothing else.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProviderSim, SIM_HOSTS } from '../../dev/provider-sim/sim.js';
import { DETECTORS } from '../../src/detectors/index.js';
import {
  CHECKERS,
  runCheck,
  type CheckPorts,
  type ValidityRequestInit,
} from '../../src/validity/index.js';

/** Fires once the check has waited a few ms: a slow provider never answers before it. */
const deadline = (): AbortSignal => {
  const c = new AbortController();
  setTimeout(() => {
    c.abort();
  }, 20);
  return c.signal;
};

/** The partner a paired checker's secret is found with (AWS key id, Twilio account SID). */
const PARTNERS: Record<string, string> = {
  aws: 'AKIAIOSFODNN7EXAMPLE',
  twilio: `AC${'0123456789abcdef'.repeat(2)}`,
  gcp: 'deployer@billing-prod-4411.iam.gserviceaccount.com',
};

/** Checkers that sign with the secret and never send it (AWS SigV4, a GCP key's JWT). */
const SIGNS_ONLY = new Set(['aws', 'gcp']);

/** A service-account key is an RSA PEM: one fresh key per state, the same for a state each time. */
const rsaKeys = new Map<string, string>();
const rsaPem = (state: string): string => {
  let pem = rsaKeys.get(state);
  if (!pem) {
    pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    rsaKeys.set(state, pem);
  }
  return pem;
};

/** The secret as the provider's documented transport carries it: Basic auth is base64. */
const onTheWire = (headers: Readonly<Record<string, string>>): string =>
  Object.values(headers)
    .map((v) => (/^Basic /.test(v) ? atob(v.slice(6)) : v))
    .join('\n');

const secretFor = (provider: string, state: string): string =>
  provider === 'gcp'
    ? rsaPem(state)
    : provider === 'telegram'
      ? `123456789:AA${state}Secret_x`
      : provider === 'discord'
        ? `https://discord.com/api/webhooks/123456789012345678/${'W'.repeat(60)}${state}`
        : `${provider}_${state}_S3cr3tValue`;

describe.each(CHECKERS.map((c) => [c.provider, c] as const))('checker %s', (_name, checker) => {
  const sim = createProviderSim();
  const ports: CheckPorts = { fetch: sim.fetch, deadline, now: () => '2026-12-06T06:30:00.000Z' };
  const partner = PARTNERS[checker.provider];
  const check = (state: Parameters<typeof sim.set>[1]) => {
    const secret = secretFor(checker.provider, state);
    sim.set(secret, state, partner);
    return runCheck(checker, secret, ports, partner);
  };

  it('says valid for a live secret', async () => {
    expect((await check('live')).validity).toBe('valid');
  });

  it('says invalid for a revoked secret, and for one the provider never issued', async () => {
    expect(await check('revoked')).toEqual({ validity: 'invalid' });
    expect(await runCheck(checker, secretFor(checker.provider, 'unknown'), ports, partner)).toEqual(
      { validity: 'invalid' },
    );
  });

  it('says failed_to_check, never invalid, when the provider cannot tell', async () => {
    expect(await check('rate_limited')).toMatchObject({
      validity: 'failed_to_check',
      reason: 'rate_limited',
      status: 429,
    });
    expect(await check('server_error')).toMatchObject({
      validity: 'failed_to_check',
      reason: 'server_error',
    });
    expect(await check('malformed')).toMatchObject({
      validity: 'failed_to_check',
      reason: 'unrecognised_answer',
    });
    expect(await check('slow')).toEqual({ validity: 'failed_to_check', reason: 'timeout' });
  });

  it('sends the secret once, where the provider documents it, with nothing else attached', async () => {
    const secret = secretFor(checker.provider, 'live');
    sim.set(secret, 'live', partner);
    const sent: { url: string; init: ValidityRequestInit }[] = [];
    await runCheck(
      checker,
      secret,
      {
        ...ports,
        fetch: (url, init) => {
          sent.push({ url, init });
          return sim.fetch(url, init);
        },
      },
      partner,
    );
    expect(sent).toHaveLength(1);
    const [{ url, init }] = sent as [(typeof sent)[0]];
    expect(new URL(url).protocol).toBe('https:');
    expect(new URL(url).hostname).toBe(checker.host);
    expect(init.redirect).toBe('manual');
    const everything = [url, onTheWire(init.headers), init.body ?? ''].join('\n');
    // AWS and GCP sign with the secret key and never send it.
    expect(everything.split(secret).length - 1).toBe(SIGNS_ONLY.has(checker.provider) ? 0 : 1);
    const entry = sim.log.at(-1);
    expect(entry?.secretAt).not.toBe('missing');
    expect(entry?.extraHeaders).toEqual([]);
    expect(entry?.extraBody).toBe(false);
    // The simulator's log never holds the secret (Telegram's is in the path).
    expect(JSON.stringify(sim.log)).not.toContain(secret);
  });

  it('is declared against detectors that exist, and documented', () => {
    const ids = new Set(DETECTORS.map((d) => d.id));
    for (const d of checker.detectors) expect(ids.has(d), d).toBe(true);
    expect(checker.docs.length).toBeGreaterThan(0);
    for (const u of checker.docs) expect(new URL(u).protocol).toBe('https:');
    expect(SIM_HOSTS).toContain(checker.host);
  });
});

describe('checkers', () => {
  it('are at least 25, one per provider, and no detector has two', () => {
    expect(CHECKERS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CHECKERS.map((c) => c.provider)).size).toBe(CHECKERS.length);
    const detectors = CHECKERS.flatMap((c) => c.detectors);
    expect(new Set(detectors).size).toBe(detectors.length);
  });
});

describe('not checked on purpose', () => {
  it('gives an Atlassian API token no_checker, even with its account email beside it, and sends nothing', async () => {
    const { DETECTORS: all } = await import('../../src/detectors/index.js');
    const { createScanner } = await import('../../src/engine/scan.js');
    const { createValiditySession } = await import('../../src/validity/index.js');
    const token =
      'ATATT3xFfGF0hqFi6jDEt3XCRHUy2TVuTmsjfrmEWa-HLerXJa70ITSmCgopSFdz3gUT8jO-5UEE4H6Mf025NElIjPtDUDNXNrhxIUIz-FhGpYG8dnuyZrG8g1LdJyPKVme9BNMkeW1XmjoJBqdgB22DvbDkAlAx-Anhy5j-MYbn6tWKNf_j9pB=38C7AA3F';
    let sent = 0;
    const s = createValiditySession({
      fetch: () => {
        sent++;
        return Promise.reject(new Error('must not be called'));
      },
      deadline,
      now: () => '2026-12-06T06:30:00.000Z',
      isProviderEnabled: () => true,
    });
    const scanner = createScanner({ detectors: all, fingerprintKey: 'k'.repeat(64) });
    const [f] = scanner.scan(
      `curl -u ops@acme.test:${token} https://acme.atlassian.net/rest/api/3/myself`,
      s.onSecret,
    ).findings;
    expect(f?.detector).toBe('atlassian-api-token');
    expect(await s.resultFor(f?.detector ?? '', f?.fingerprint ?? '')).toEqual({
      validity: 'no_checker',
    });
    expect(sent).toBe(0);
    expect(CHECKERS.some((c) => /atlassian/.test(c.host))).toBe(false);
  });
});

describe('discord', () => {
  it('checks a webhook URL of any Discord host at discord.com, and sends nothing for a malformed one', async () => {
    const { discord } = await import('../../src/validity/discord.js');
    const token = 'T'.repeat(68);
    const url = `https://ptb.discordapp.com/api/v10/webhooks/223704706495545344/${token}`;
    expect(discord.request(url, {}).url).toBe(
      `https://discord.com/api/webhooks/223704706495545344/${token}`,
    );
    let sent = 0;
    const r = await runCheck(discord, 'https://discord.com/api/webhooks/x/y', {
      deadline,
      fetch: () => {
        sent++;
        return Promise.reject(new Error('must not be called'));
      },
    });
    expect(r).toEqual({ validity: 'failed_to_check', reason: 'not_allowed' });
    expect(sent).toBe(0);
  });
});
