/**
 * AWS: STS `GetCallerIdentity`, SigV4-signed with the secret access key and its key id (found
 * together: the finding's partner). It needs no permission and changes nothing: 200 with the
 * caller's `<Arn>` for a live pair; 403 `InvalidClientTokenId` (unknown or deleted key id) or
 * `SignatureDoesNotMatch` (the secret is not that key id's) for a dead one. The secret key is
 * never sent, only the signature. Temporary (ASIA) key ids need their session token, which is
 * not paired: they are not checked. STS answers throttling with 400 `Throttling`.
 * Docs: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 *       https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 *       https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 * @module
 */
import { amzDateOf, sigV4Authorization } from './sigv4.js';
import { NOT_SENT, type Checker, type CheckRequest } from './types.js';

const HOST = 'sts.amazonaws.com';
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/** The signed request, or NOT_SENT without a long-term key id or a time. */
export function stsRequest(secret: string, keyId?: string, now?: string): CheckRequest {
  if (!keyId || !/^AKIA[A-Z2-7]{16}$/.test(keyId) || !now) return NOT_SENT;
  const headers = { 'content-type': CONTENT_TYPE, 'x-amz-date': amzDateOf(now) };
  const authorization = sigV4Authorization(
    {
      method: 'POST',
      host: HOST,
      path: '/',
      query: '',
      headers,
      body: BODY,
      region: 'us-east-1',
      service: 'sts',
      amzDate: headers['x-amz-date'],
    },
    keyId,
    secret,
  );
  return {
    url: `https://${HOST}/`,
    method: 'POST',
    headers: { ...headers, authorization },
    body: BODY,
  };
}

const code = (xml: string): string | undefined => /<Code>([A-Za-z]+)<\/Code>/.exec(xml)?.[1];

export const aws: Checker = {
  provider: 'aws',
  name: 'AWS',
  host: HOST,
  detectors: ['aws-secret-access-key', 'aws-secret-access-key-paired'],
  partner: 'aws-access-key-id',
  docs: [
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
    'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html',
  ],
  why: 'STS GetCallerIdentity signed with the key pair (the secret key itself is not sent): 200 means it works, 403 InvalidClientTokenId or SignatureDoesNotMatch means it does not.',
  request: (secret, { partner, now }) => stsRequest(secret, partner, now),
  interpret: ({ status, text = '' }) => {
    if (status === 200 && text.includes('<GetCallerIdentityResult>')) {
      const arn = /<Arn>([^<]{1,200})<\/Arn>/.exec(text)?.[1];
      return arn ? { validity: 'valid', identity: arn } : { validity: 'valid' };
    }
    const c = code(text);
    if (status === 403 && (c === 'InvalidClientTokenId' || c === 'SignatureDoesNotMatch'))
      return { validity: 'invalid' };
    if (status === 400 && c === 'Throttling')
      return { validity: 'failed_to_check', reason: 'rate_limited', status };
    return undefined;
  },
};
