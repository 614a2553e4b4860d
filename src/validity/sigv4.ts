/**
 * AWS Signature Version 4 for one request with a body (node:crypto, no SDK): the secret key
 * never travels, only an HMAC chain derived from it. Written to AWS's documented steps and
 * tested against their published example.
 * Docs: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * @module
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigV4Request {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** Canonical query string (already sorted and encoded), '' for none. */
  readonly query: string;
  /** Lower-case names; `host` is added and signed here. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly region: string;
  readonly service: string;
  /** `YYYYMMDDTHHMMSSZ` */
  readonly amzDate: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string): Buffer =>
  createHmac('sha256', key).update(s, 'utf8').digest();

/** ISO time to SigV4's basic format: 2015-08-30T12:36:00.000Z -> 20150830T123600Z. */
export const amzDateOf = (iso: string): string =>
  iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15) + 'Z';

/** The signature and the headers signed (names, `;`-joined). */
export function sigV4Signature(
  req: SigV4Request,
  secretKey: string,
): { signature: string; signedHeaders: string; scope: string } {
  const headers: Record<string, string> = { ...req.headers, host: req.host };
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonical = [
    req.method,
    req.path,
    req.query,
    ...names.map((n) => `${n}:${(headers[n] ?? '').trim()}`),
    '',
    signedHeaders,
    sha256(req.body),
  ].join('\n');
  const day = req.amzDate.slice(0, 8);
  const scope = `${day}/${req.region}/${req.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', req.amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${secretKey}`, day);
  for (const part of [req.region, req.service, 'aws4_request']) key = hmac(key, part);
  return {
    signature: createHmac('sha256', key).update(toSign).digest('hex'),
    signedHeaders,
    scope,
  };
}

/** The Authorization header value for `keyId` and its secret key. */
export function sigV4Authorization(req: SigV4Request, keyId: string, secretKey: string): string {
  const { signature, signedHeaders, scope } = sigV4Signature(req, secretKey);
  return `AWS4-HMAC-SHA256 Credential=${keyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
