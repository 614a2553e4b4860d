/**
 * SigV4 against AWS's published example (IAM ListUsers, 2015-08-30) and the STS request the AWS
 * checker sends: the secret key signs and is never part of the request.
 */
import { describe, expect, it } from 'vitest';
import { stsRequest } from '../../src/validity/aws.js';
import { amzDateOf, sigV4Signature } from '../../src/validity/sigv4.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (example values)
const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('sigV4Signature', () => {
  it("gives AWS's published signature for their example request", () => {
    const { signature, signedHeaders, scope } = sigV4Signature(
      {
        method: 'GET',
        host: 'iam.amazonaws.com',
        path: '/',
        query: 'Action=ListUsers&Version=2010-05-08',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          'x-amz-date': '20150830T123600Z',
        },
        body: '',
        region: 'us-east-1',
        service: 'iam',
        amzDate: '20150830T123600Z',
      },
      EXAMPLE_SECRET,
    );
    expect(signedHeaders).toBe('content-type;host;x-amz-date');
    expect(scope).toBe('20150830/us-east-1/iam/aws4_request');
    expect(signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });

  it('formats ISO time the SigV4 way', () => {
    expect(amzDateOf('2015-08-30T12:36:00.000Z')).toBe('20150830T123600Z');
  });
});

describe('stsRequest', () => {
  it('signs GetCallerIdentity with the pair and sends neither the secret nor anything else', () => {
    const r = stsRequest(EXAMPLE_SECRET, 'AKIAIOSFODNN7EXAMPLE', '2026-12-06T06:30:00.000Z');
    expect(r.url).toBe('https://sts.amazonaws.com/');
    expect(r.method).toBe('POST');
    expect(r.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    expect(Object.keys(r.headers).sort()).toEqual(['authorization', 'content-type', 'x-amz-date']);
    expect(r.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20261206\/us-east-1\/sts\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.stringify(r)).not.toContain(EXAMPLE_SECRET);
  });

  it('sends nothing for a temporary (ASIA) key id, no key id, or no time', () => {
    expect(stsRequest(EXAMPLE_SECRET, 'ASIAIOSFODNN7EXAMPLE', '2026-12-06T06:30:00Z').url).toBe(
      'about:invalid',
    );
    expect(stsRequest(EXAMPLE_SECRET, undefined, '2026-12-06T06:30:00Z').url).toBe('about:invalid');
    expect(stsRequest(EXAMPLE_SECRET, 'AKIAIOSFODNN7EXAMPLE').url).toBe('about:invalid');
  });
});
