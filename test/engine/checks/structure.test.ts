import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasRealPassword, parseUrlCredentials } from '../../../src/engine/checks/connection-url.js';
import { isJwt } from '../../../src/engine/checks/jwt.js';
import { isPrivateKeyBody } from '../../../src/engine/checks/private-key.js';

const pemBody = (pem: string): { label: string; body: string } => {
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]+?)-----END/.exec(pem);
  if (!m) throw new Error('not PEM');
  return { label: m[1] as string, body: m[2] as string };
};

describe('private key bodies', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const cases = {
    pkcs1: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    pkcs8: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    sec1: ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
    encrypted: rsa.privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'correct horse',
    }) as string,
  };
  it.each(Object.entries(cases))('parses a generated %s key', (_name, pem) => {
    const { label, body } = pemBody(pem);
    expect(isPrivateKeyBody(label, body)).toBe(true);
    expect(isPrivateKeyBody(label, body.replace(/\n/g, '\\n'))).toBe(true); // pasted inside JSON
  });
  it('rejects elided or truncated bodies', () => {
    const { label, body } = pemBody(cases.pkcs1);
    expect(isPrivateKeyBody(label, '\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n')).toBe(false);
    expect(isPrivateKeyBody(label, body.slice(0, body.length / 2))).toBe(false);
    expect(
      isPrivateKeyBody(label, '\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
    ).toBe(false);
  });
});

describe('JWT', () => {
  const seg = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sig = Buffer.from('signature-bytes-for-the-unit-test').toString('base64url');
  it('accepts header.payload.signature with JSON segments', () => {
    expect(isJwt(`${seg({ alg: 'HS256', typ: 'JWT' })}.${seg({ sub: 'svc-build' })}.${sig}`)).toBe(
      true,
    );
    expect(isJwt(`${seg({ alg: 'none' })}.${seg({ sub: 'x' })}.`)).toBe(true);
  });
  it('rejects segments that are not JSON, or a header without alg', () => {
    expect(isJwt(`eyJub3QganNvbg.${seg({ sub: 'x' })}.${sig}`)).toBe(false);
    expect(isJwt(`${seg({ typ: 'JWT' })}.${seg({ sub: 'x' })}.${sig}`)).toBe(false);
    expect(isJwt(`${seg({ alg: 'HS256' })}.${seg({ sub: 'x' })}`)).toBe(false);
  });
});

describe('connection URLs', () => {
  it('extracts decoded credentials', () => {
    expect(parseUrlCredentials('postgres://app:p%40ss-Word9@db.internal:5432/app')).toEqual({
      username: 'app',
      password: 'p@ss-Word9',
      host: 'db.internal',
    });
  });
  it('rejects missing and placeholder passwords', () => {
    expect(hasRealPassword('postgres://app@db/app')).toBe(false);
    expect(hasRealPassword('postgres://app:password@db/app')).toBe(false);
    expect(hasRealPassword('postgres://app:${DB_PASSWORD}@db/app')).toBe(false);
    expect(hasRealPassword('postgres://app:****@db/app')).toBe(false);
    expect(hasRealPassword('postgres://app:Vq3m9Lr2Tz@db/app')).toBe(true);
  });
});
