// AWS credential formats. Key ids: https://awsteele.com/blog/2020/09/26/aws-access-key-format.html
import { isAwsKeyId } from '../engine/checks/aws-key-id.js';
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

const KEY_ID = String.raw`(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`;
// 40 chars of standard base64, not part of a longer base64 run.
const SECRET_40 = String.raw`([A-Za-z0-9/+]{40})(?:$|[^A-Za-z0-9/+=])`;
// The key id a secret key works with: named on the secret's finding (the pair is one finding).
const KEY_ID_PARTNER = {
  kind: 'aws-access-key-id',
  name: 'AWS access key ID',
  pattern: String.raw`\b(${KEY_ID})\b`,
  within: 400,
};
// Session tokens and short-term Bedrock keys run to 1-3 KB: the pattern takes a fixed-length head
// (so the finding covers the token's first chars), which keeps the compiled RE2 program small.
const HEAD = 64;

/** A random 40-char secret key mixes cases and digits; paths and hashes do not. */
function looksLikeSecretKey(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s) && s.split('/').length <= 4;
}

function decodedText(b64: string): string | undefined {
  const bytes = decodeBase64(b64);
  return bytes ? bytesToLatin1(bytes) : undefined;
}

/** Session tokens also appear URL-encoded (X-Amz-Security-Token in presigned URLs). */
function isSessionTokenHead(t: string): boolean {
  const raw = t.replace(/%[0-9A-Fa-f]?$/, '').replace(/%(?:2B|2F|3D)/gi, 'A');
  return /^[A-Za-z0-9/+]+$/.test(raw);
}

export default family('aws', [
  {
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    category: 'api_key',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern: String.raw`\b(${KEY_ID}|A3T[A-Z0-9][A-Z2-7]{16})${EW}`,
    validate: (s) => isAwsKeyId(s),
    examples: {
      positives: [
        { text: 'aws_access_key_id = AKIAUMCCWUB6S7VDWEW5', secret: 'AKIAUMCCWUB6S7VDWEW5' },
        { text: 'export AWS_ACCESS_KEY_ID=ASIAOHZ6LEBVQMELJLOH', secret: 'ASIAOHZ6LEBVQMELJLOH' },
        '"AccessKeyId": "AKIA2KEVLNDN5VVJCPD7",',
      ],
      negatives: [
        'AKIAQ8R1T9PL0MZ3XV0N', // 0, 1, 8 and 9 are not in the base32 alphabet
        'AKIANOLG4ELYQZ6DW7P', // 19 chars
        'XAKIANOLG4ELYQZ6DW7PL', // inside a longer token
        'aws_access_key_id = AKIAXXXXXXXXXXXXXXXX',
      ],
    },
  },
  {
    // The 40-char secret only counts beside an AWS secret-key name: alone it is any base64 run.
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    category: 'credentials',
    keywords: [
      'secret_access_key',
      'secretaccesskey',
      'secret-access-key',
      'secret access key',
      'aws_secret',
      'aws-secret',
      'awssecret',
      'aws secret',
    ],
    pattern: String.raw`${ci('(?:aws[ _-]?secret(?:[ _-]?access)?(?:[ _-]?key)?|secret[ _-]?access[ _-]?key)')}(?: \[[A-Za-z*]{0,12}\])?[\w-]{0,12}${ASSIGN}${SECRET_40}`,
    minEntropy: 4,
    validate: looksLikeSecretKey,
    partner: KEY_ID_PARTNER,
    examples: {
      positives: [
        {
          text: 'aws_secret_access_key = RVNAGtf74q85YiPiYex0yIGC3ZCOIQ0b4eEV05IM',
          secret: 'RVNAGtf74q85YiPiYex0yIGC3ZCOIQ0b4eEV05IM',
        },
        {
          text: '"SecretAccessKey": "Nf4+rHtVKAVxRt+AVQcy92bYxR2ZxU5uLlQipzUH",',
          secret: 'Nf4+rHtVKAVxRt+AVQcy92bYxR2ZxU5uLlQipzUH',
        },
        'AWS Secret Access Key [None]: u7/vAhNz+LLvMleDFqXJdIWFXKo3EtrZ2ARY/aPd',
        'export AWS_SECRET_ACCESS_KEY="Wt/IGnXsuQ246boe5chKevaqLECj1zEi3Lwj1QNU"',
      ],
      negatives: [
        'aws_secret_access_key = RVNAGtf74q85YiPiYex0yIGC3ZCOIQ0b4eEV05I', // 39 chars
        'aws_secret_access_key = 3f9c2b7e1a4d8f60c5b2e9a7d1f3c8b6e4a2d9f7', // hex digest, one case
        'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        'secret = Nf4+rHtVKAVxRt+AVQcy92bYxR2ZxU5uLlQipzUH', // no AWS name
      ],
    },
  },
  {
    // credentials.csv and pasted key pairs: the secret follows its key id within a few lines.
    id: 'aws-secret-access-key-paired',
    name: 'AWS secret access key (next to its key ID)',
    category: 'credentials',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: String.raw`\b${KEY_ID}\b[ -~\t\r\n]{0,160}?(?:^|[^A-Za-z0-9/+=])${SECRET_40}`,
    minEntropy: 4.2,
    validate: looksLikeSecretKey,
    partner: KEY_ID_PARTNER,
    examples: {
      positives: [
        {
          text: 'keys.csv: AKIANOLG4ELYQZ6DW7PL,u7/vAhNz+LLvMleDFqXJdIWFXKo3EtrZ2ARY/aPd',
          secret: 'u7/vAhNz+LLvMleDFqXJdIWFXKo3EtrZ2ARY/aPd',
        },
        {
          text: 'id: ASIA57R77KC6MBNQJAU6\nkey: Wt/IGnXsuQ246boe5chKevaqLECj1zEi3Lwj1QNU',
          secret: 'Wt/IGnXsuQ246boe5chKevaqLECj1zEi3Lwj1QNU',
        },
      ],
      negatives: [
        'AKIANOLG4ELYQZ6DW7PL see /srv/builds/releases/web/assets/js/vendor/xyz', // a path, not a key
        'u7/vAhNz+LLvMleDFqXJdIWFXKo3EtrZ2ARY/aPd with no key id anywhere',
      ],
    },
  },
  {
    id: 'aws-session-token',
    name: 'AWS session token',
    category: 'token',
    keywords: [
      'session_token',
      'sessiontoken',
      'session-token',
      'security-token',
      'security_token',
    ],
    pattern: String.raw`${ci('(?:x-amz-security-token|(?:aws[_-]?)?(?:session|security)[_-]?token)')}[\w-]{0,4}${ASSIGN}([A-Za-z0-9/+%]{${HEAD}})`,
    // Beats aws-sts-session-token on the same token: the name says more than the prefix.
    priority: 1,
    minEntropy: 4.5,
    validate: isSessionTokenHead,
    examples: {
      positives: [
        'aws_session_token = IQoJb3JpZ2luX2VjrMpZRW+0KvnFNk3APX6nIdRDukSvNJg5jyP0dlBJsPTiHHFiYcKnK3YUIWNXdTIzrXo+HVgpKeX/yJS50xcAo37N+BaQ6ECW72vOtZCAmc3DYBq6SvM467kqTTzmB3W9O3rRER1bZXxdb7gQsOqWER3JPOOpfVdB1QjjuZtoM69MRdusKPA0X9MpWxHeeXJRqhHvCayI0UCzaqRMaMZ9ko68bIzJ8zl+s1M9lUdnTCdDEqJilFl/epUSvj8ruGQlOIOsZeTmPwG2PShDDh2dAbEieRwXwAmuURMXy7TLUweZ+QsTW8pypMV/ph7vpSmr5ULZD69rJYJREYMBqCRA1D4imzH+yINYECxx9Jw1nEI+qWc6D9Ij97Hp81nkHEm2oeEtv2SMN1lTYEBQQC8VK3qZe1mIglLdpRbG',
        'X-Amz-Security-Token: FwoGZXIvYXdzEbRkzYdIrCWvSzNQtOk3q3MQGEaRq3ZuCAprKyz8wG5cAdx4yWNPtL2b8wwxX75AOJ30vmfvWcYV3c/bTrX8VGYBFLxgOgPZAuQ0K+p86MDZqB6dwKgcSUS6jGwkX3nsMXHkRVuR2eEvypkHUxb4bvrvhvGk4WojrdsC9TA8l8YxK4q7mc3Tk9YrWeVRTTj2bUgdW34xFJXfOeTc30nMddULzSnPUWHAeDKRkMfQ9RQQpuOzRzCWQojAgl5FW7gUs/Ym+DcUM498p/c7b5hWzhrWm650jZxutefhaS76wrta',
      ],
      negatives: [
        'aws_session_token = ${AWS_SESSION_TOKEN}',
        'aws_session_token = short-token-value',
      ],
    },
  },
  {
    // STS tokens start with a fixed serialisation header ("\x21\n\torigin_e..." or "\x17\n\x06er/aws").
    id: 'aws-sts-session-token',
    name: 'AWS STS session token',
    category: 'token',
    keywords: ['iqojb3jpz2lux2v', 'agojb3jpz2lux2v', 'fwogzxivyxdze', 'fqogzxivyxdze'],
    pattern: String.raw`\b((?:IQoJb3JpZ2luX2V|AgoJb3JpZ2luX2V|FwoGZXIvYXdzE|FQoGZXIvYXdzE)[A-Za-z0-9/+]{${HEAD}})`,
    minEntropy: 4.5,
    examples: {
      positives: [
        'IQoJb3JpZ2luX2VjKEDD/FtOHI1pNjIZHR2SE+YMwOAe8iXLSue2L9RBLrn86JiQpF5pS7IzxRYDN+NJ6IPx4cwAg43vUEmUb3uoynnghe0v44VOuLdGD+1KGKWVox6YU6bNbMLp3/XUyIIGQ+uKExtX1RAeCX6xGHw/5RLMvPHBcBogacvvFUuLnV26khDibhQTQSISlaYtoWj9wAWXQ2DQZ0zQMxyMRzQB9q6yZwC+3zyPBRwQOvD/RlnPtsLN5f4AFIb4zeeslhHZCrez3+cSq1rVTY5N+1sOzgOUabPQ1oRJoI8jQd00s5ByH5cuFZM087v4VPtp0oeE60vFvVUNVNEOfYbRoL+dpJhJ2I4jp1AJ7sEnVAljo6n+YKvYDEHdQHCyzFa1Z2eR3Tghr/jq4r5C5bkWDj7FexKfzgW6E70jbPXy',
        'SESSION=IQoJb3JpZ2luX2VjI+32YTcoA0kMPcVLxUjzs6Fe5yhrSx1imlzQRXt5iBm0iEK/YbCWXJqAX69xiIXz00liz0umozV5+F6Z55miSCPW+nSOntx2e4AV9Ls+PD/szzRaa5Ay4ZpeHvtRoUVYzRnIL+UogMT712DQm7N3JGSYAEKkwj+p4ZFbM+qri4qVZ5gEB7tH7v9kk1hAObxFhiW0IRgzXipnQeqcRtb+F+TMd2xA6f1LL1whvAdpiyZccaSPZ1FyRM1c4DTV8ECdVFsQ7W74cbikNdA6Ltw6Eanhv0Vx/44cfbcjF9H9ohsqEuhzthxTHqT7y+odLLRrigfa/mvaqohgXiluii1YNKjL+pZwe8Ocmn1IyZ12iaUhkAxBcsV3oTvTqPJTWTAlgNpYLXRRK31lsFXOOnYz1O4yxdEtLBwyzprj',
      ],
      negatives: ['IQoJb3JpZ2luX2VjEXAMPLETOKEN', 'IQoJb3JpZ2luX2Vj' + 'A'.repeat(150)],
    },
  },
  {
    // Long-term Bedrock keys: "ABSK" + base64("BedrockAPIKey-<id>-at-<account>:<secret>").
    id: 'aws-bedrock-api-key',
    name: 'Amazon Bedrock API key (long-term)',
    category: 'api_key',
    keywords: ['absk'],
    // The head (88 chars after ABSK) decodes to "BedrockAPIKey-<id>-at-<account>:" and the secret's start.
    pattern: String.raw`\b(ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{70})`,
    validate: (t) =>
      /^BedrockAPIKey-[\w-]{1,40}:[\x21-\x7e]{8}/.test(decodedText(t.slice(4)) ?? ''),
    examples: {
      positives: [
        'ABSKQmVkcm9ja0FQSUtleS00ZDRzLWF0LTU4ODY4NjMyNjE5OTpLbElTUWR6ZEwvR2lad09vUWhNSlVFZkdrQXkxZTA3b2o5Q2RGa0lPelJxUA==',
        'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS1rMHJ5LWF0LTE4MjQ3MTk4OTgyMjpXTmdWZnhaQXNmek54OEhqc3hiYnhqK0owS0JlQ3dveWxzVkZhK1VJOStBbg==',
      ],
      negatives: [
        'ABSKQmVkcm9ja0FQSUtleS' + 'QUFB'.repeat(20), // decodes to NUL bytes, no user:secret
        'ABSKRVNAGtf74q85YiPiYex0yIGC3ZCOIQ0b4eEV05IMNf4+rHtVKAVxRt+AVQcy92bYxR2ZxU5uLlQipzUH', // not a BedrockAPIKey payload
      ],
    },
  },
  {
    // Short-term Bedrock keys: "bedrock-api-key-" + base64 of a SigV4 presigned URL.
    id: 'aws-bedrock-short-term-api-key',
    name: 'Amazon Bedrock API key (short-term)',
    category: 'api_key',
    keywords: ['bedrock-api-key-'],
    // The head decodes to "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-...".
    pattern: String.raw`\b(bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{72})`,
    validate: (t) =>
      (decodedText(t.slice('bedrock-api-key-'.length)) ?? '').startsWith(
        'bedrock.amazonaws.com/?Action=CallWithBearerToken&',
      ),
    examples: {
      positives: [
        'export AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFTSUFSMk8ySU9JQk9XS01aQU1ZJTJGMjAyNjExMjYlMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjExMjZUMTAxNTAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNlY3VyaXR5LVRva2VuPU1HUjBMdWRSeERheGYxYmdGUnRVYlRKREF4MFNFdjVaaUhsb3JWN0c5d0tQOXN4STZRRlhacGhnWE10bzVGQ0R4SDVvVW9BMnc2QmlFVWhTQmJTNXp2cFN4N0hpc2tKTVF1TUc4R3NDQkN3bEJEQ0V0Z1pFSzU5OSZYLUFtei1TaWduYXR1cmU9Njk4MmJhY2MxNmVlZDk3MDY4MzJlMzQ3YjkxZWY4YjZhMWQxZjQwMzAzYWVlN2NmODc1Nzc5YmM3YWI2NzJlNSZYLUFtei1TaWduZWRIZWFkZXJzPWhvc3QmVmVyc2lvbj0x',
        'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFTSUFHWTNKVExVS09MRUw2TDM1JTJGMjAyNjExMjYlMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjExMjZUMTAxNTAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNlY3VyaXR5LVRva2VuPVhRd0NVU1JMNHVMaUxTOFQ1RXA5YTdCbzc1aG9Sa3FkUmtSUWtJTGxOQWNiNFFmSzZjYjBpVTBEazdjYTZub2xZY1Q4b3QyekY2MmFodlRlUkU0dVk1SlgzV2xVbXVsUWNkQk5VWnRCN2NTOEx6ellGaWFXWXBZdyZYLUFtei1TaWduYXR1cmU9ZjRmYjFlYzRjZDU5NGMwZDEwZmFkZTdmYWMwYWYyNGQ5ZDRiZTFmMTI1MmVhN2YyY2FiMzkyNzUxNDcxZDZhOCZYLUFtei1TaWduZWRIZWFkZXJzPWhvc3QmVmVyc2lvbj0x',
      ],
      negatives: [
        'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t', // the prefix alone
        'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t' + 'QUFB'.repeat(40), // no presigned URL inside
      ],
    },
  },
  {
    id: 'aws-mws-auth-token',
    name: 'Amazon MWS auth token',
    category: 'token',
    keywords: ['amzn.mws.'],
    pattern: String.raw`\b(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    examples: {
      positives: [
        {
          text: 'MWS_AUTH_TOKEN=amzn.mws.35cc5912-3912-47ee-8721-b53908cc30ca',
          secret: 'amzn.mws.35cc5912-3912-47ee-8721-b53908cc30ca',
        },
        'amzn.mws.58bdecc1-687e-431f-bad4-062f47026785',
      ],
      negatives: [
        'amzn.mws.9f3kq2zt-4m1p-4wqz-8rta-k3m9x2p7q1vz',
        'amzn.mws.152af648-d8f6-48c6-92e9-92e75e2c655',
      ],
    },
  },
  {
    id: 'aws-appsync-api-key',
    name: 'AWS AppSync API key',
    category: 'api_key',
    keywords: ['da2-'],
    pattern: String.raw`\b(da2-[a-z0-9]{26})${EW}`,
    minEntropy: 3.5,
    validate: (s) => /\d/.test(s.slice(4)) && /[a-z]/.test(s.slice(4)),
    examples: {
      positives: [
        {
          text: 'const apiKey = "da2-cgbnylvtde1abv2nt5hk2fq4bo";',
          secret: 'da2-cgbnylvtde1abv2nt5hk2fq4bo',
        },
        'x-api-key: da2-hk46sxxnlwffib1o41wrln7gpr',
      ],
      negatives: [
        'da2-' + 'abcdefghijklmnopqrstuvwxyz',
        'da2-xgbcyf3vatd1dxbp9bctsqd9u',
        'DA2-XGBCYF3VATD1DXBP9BCTSQD9UO',
      ],
    },
  },
]);

// Revoke or rotate: AWS Account Management reference, "Best practices for managing AWS access keys".
guidance('aws', {
  steps:
    "In the IAM console (Users > Security credentials), make the leaked access key inactive, then delete it once nothing depends on it; create a new key for the workloads that used it. Session tokens expire on their own, but revoke the role's active sessions if the token is still valid, and review CloudTrail for calls made with the key.",
  url: 'https://docs.aws.amazon.com/accounts/latest/reference/credentials-access-keys-best-practices.html',
});
