/**
 * The GCP service-account key check: a key file's PKCS#8 key is found with its client_email as
 * partner, and exchanged for a token with a JWT signed by the key (the key never travels). The
 * JWT holds what Google documents, from the injected clock; Google's answers that say nothing
 * about the key are failed_to_check.
 */
import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProviderSim } from '../../dev/provider-sim/sim.js';
import { DETECTORS } from '../../src/detectors/index.js';
import { makeFingerprinter } from '../../src/engine/fingerprint.js';
import { createScanner } from '../../src/engine/scan.js';
import { gcp, tokenRequest } from '../../src/validity/gcp.js';
import {
  createValiditySession,
  runCheck,
  type ValidityFetch,
  type ValidityRequestInit,
} from '../../src/validity/index.js';

const EMAIL = 'deployer@billing-prod-4411.iam.gserviceaccount.com';
const NOW = '2026-12-06T06:30:00.000Z';
const never = (): AbortSignal => new AbortController().signal;
const pem = (type: 'rsa' | 'ec'): string =>
  (type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  ).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const KEY = pem('rsa');

/** A key file as `gcloud iam service-accounts keys create` writes it (fields trimmed). */
const keyFile = (key: string, email = EMAIL): string =>
  JSON.stringify(
    {
      type: 'service_account',
      project_id: 'billing-prod-4411',
      private_key_id: '8e19e7ea7005f86a2416bbe0ec2bc0f5e82b0c8d',
      private_key: key,
      client_email: email,
      client_id: '113258941223470933211',
      token_uri: 'https://oauth2.googleapis.com/token',
    },
    null,
    2,
  );

const part = (p: string): unknown => JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));

const answering =
  (status: number, body: unknown): ValidityFetch =>
  () =>
    Promise.resolve({
      status,
      headers: new Headers(),
      text: () => Promise.resolve(JSON.stringify(body)),
    });

describe('gcp token request', () => {
  it('posts only grant_type and an RS256 JWT with the documented claims, from the injected clock', () => {
    const req = tokenRequest(KEY, EMAIL, NOW);
    expect(req.url).toBe('https://oauth2.googleapis.com/token');
    expect(req.method).toBe('POST');
    expect(req.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
    const form = new URLSearchParams(req.body);
    expect([...form.keys()]).toEqual(['grant_type', 'assertion']);
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header = '', claims = '', signature = ''] = (form.get('assertion') ?? '').split('.');
    expect(part(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const iat = Date.parse(NOW) / 1000;
    expect(part(claims)).toEqual({
      iss: EMAIL,
      scope: 'https://www.googleapis.com/auth/cloud-platform.read-only',
      aud: 'https://oauth2.googleapis.com/token',
      iat,
      exp: iat + 300,
    });
    const ok = createVerify('RSA-SHA256')
      .update(`${header}.${claims}`)
      .verify(createPublicKey(KEY), Buffer.from(signature, 'base64url'));
    expect(ok).toBe(true);
    // The key's body is nowhere in the request.
    const body = KEY.split('\n')[1] ?? '';
    expect(JSON.stringify(req)).not.toContain(body.slice(0, 32));
  });

  it('signs with the key as a key file holds it: JSON-escaped line breaks, or none at all', () => {
    const escaped = KEY.replace(/\n/g, '\\n');
    const flat = KEY.replace(/\n(?!-----END)/g, '').replace('-----END', '\n-----END');
    for (const k of [escaped, flat]) expect(tokenRequest(k, EMAIL, NOW).url).toContain('oauth2');
  });

  it('sends nothing without a service-account email, an RSA key or a clock', async () => {
    const cases: [string, string | undefined, string | undefined][] = [
      [KEY, undefined, NOW],
      [KEY, 'dev@example.com', NOW],
      [KEY, EMAIL, undefined],
      [pem('ec'), EMAIL, NOW],
      ['-----BEGIN PRIVATE KEY-----\nMIIEvQ...\n-----END PRIVATE KEY-----', EMAIL, NOW],
    ];
    let sent = 0;
    const fetch: ValidityFetch = () => {
      sent++;
      return Promise.reject(new Error('must not be called'));
    };
    for (const [key, email, now] of cases) {
      const ports = { fetch, deadline: never, ...(now ? { now: () => now } : {}) };
      expect(await runCheck(gcp, key, ports, email)).toEqual({
        validity: 'failed_to_check',
        reason: 'not_allowed',
      });
    }
    expect(sent).toBe(0);
  });
});

describe('gcp answers', () => {
  const check = (status: number, body: unknown) =>
    runCheck(gcp, KEY, { fetch: answering(status, body), deadline: never, now: () => NOW }, EMAIL);

  it('reads a token as valid and Google’s dead-key answers as invalid', async () => {
    expect(await check(200, { access_token: 'ya29.x', expires_in: 3599 })).toEqual({
      validity: 'valid',
    });
    for (const description of ['Invalid JWT Signature.', 'Invalid grant: account not found'])
      expect(await check(400, { error: 'invalid_grant', error_description: description })).toEqual({
        validity: 'invalid',
      });
    expect(await check(400, { error: 'disabled_client', error_description: 'x' })).toEqual({
      validity: 'invalid',
    });
  });

  it('never guesses invalid from an answer about the request rather than the key', async () => {
    const cannotTell = [
      // Our clock, not the key.
      [
        400,
        {
          error: 'invalid_grant',
          error_description:
            'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
        },
      ],
      [400, { error: 'invalid_scope', error_description: 'Invalid OAuth scope.' }],
      [200, { id_token: 'x' }],
      [403, { error: 'access_denied' }],
    ] as const;
    for (const [status, body] of cannotTell)
      expect(await check(status, body)).toMatchObject({
        validity: 'failed_to_check',
        reason: 'unrecognised_answer',
      });
    expect(await check(429, {})).toMatchObject({ reason: 'rate_limited' });
    expect(await check(503, {})).toMatchObject({ reason: 'server_error' });
  });
});

describe('gcp key file, end to end over the simulator', () => {
  const fpKey = 'k'.repeat(64);
  const scanner = createScanner({ detectors: DETECTORS, fingerprintKey: fpKey });
  const session = (fetch: ValidityFetch) =>
    createValiditySession({
      fetch,
      deadline: never,
      now: () => NOW,
      isProviderEnabled: () => true,
      fingerprint: makeFingerprinter(fpKey),
    });

  it('finds the key with its client_email as partner, as before, and checks the pair', async () => {
    const sim = createProviderSim();
    sim.set(KEY, 'live', EMAIL);
    const dead = pem('rsa');
    sim.set(dead, 'revoked', EMAIL);
    const sent: ValidityRequestInit[] = [];
    const s = session((url, init) => {
      sent.push(init);
      return sim.fetch(url, init);
    });
    const findings = [keyFile(KEY), keyFile(dead)].map((text) => {
      const found = scanner.scan(text, s.onSecret).findings;
      const key = found.find((f) => f.category === 'private_key');
      expect(key).toMatchObject({
        detector: 'private-key-pkcs8',
        partner: { kind: 'google-service-account-email' },
      });
      // The key id's own finding is unchanged beside it.
      expect(found.map((f) => f.detector).sort()).toEqual([
        'google-service-account-key',
        'private-key-pkcs8',
      ]);
      expect(JSON.stringify(found)).not.toContain(EMAIL);
      return key;
    });
    const [live, revoked] = findings.map((f) =>
      s.resultFor(f?.detector ?? '', f?.fingerprint ?? ''),
    );
    expect(await live).toMatchObject({ validity: 'valid' });
    expect(await revoked).toMatchObject({ validity: 'invalid' });
    expect(sim.log.map((e) => [e.host, e.state, e.extraHeaders, e.extraBody])).toEqual([
      ['oauth2.googleapis.com', 'live', [], false],
      ['oauth2.googleapis.com', 'revoked', [], false],
    ]);
    expect(sent).toHaveLength(2);
  });

  it('does not check a PKCS#8 key found without a service-account email: no_checker', async () => {
    let sent = 0;
    const s = session(() => {
      sent++;
      return Promise.reject(new Error('must not be called'));
    });
    const [f] = scanner.scan(`tls.key:\n${KEY}`, s.onSecret).findings;
    expect(f?.detector).toBe('private-key-pkcs8');
    expect(f?.partner).toBeUndefined();
    expect(await s.resultFor(f?.detector ?? '', f?.fingerprint ?? '')).toEqual({
      validity: 'no_checker',
    });
    expect(sent).toBe(0);
  });

  it('keeps the key’s fingerprint whether or not its client_email is beside it', () => {
    const inFile = scanner
      .scan(keyFile(KEY))
      .findings.find((f) => f.detector === 'private-key-pkcs8');
    const alone = scanner
      .scan(keyFile(KEY, 'someone@example.com'))
      .findings.find((f) => f.detector === 'private-key-pkcs8');
    expect(inFile?.partner).toBeDefined();
    expect(alone?.partner).toBeUndefined();
    expect(inFile?.fingerprint).toBe(alone?.fingerprint);
  });
});
