// npm registry tokens: https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { hasBase62Crc32 } from '../engine/checks/token-checksums.js';
import { isPlaceholderValue } from '../engine/placeholder.js';
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `_auth` in .npmrc is base64 of "user:password". */
function isBasicAuthPair(b64: string): boolean {
  const bytes = decodeBase64(b64);
  const text = bytes && bytesToUtf8(bytes);
  if (!text) return false;
  // Printable ASCII/UTF-8 only: no white space or control chars in the user or the password.
  if (!/^[^\s:]{1,128}:\S{3,256}$/.test(text) || /[\u007f-\u009f]/.test(text)) return false;
  return !isPlaceholderValue(text.slice(text.indexOf(':') + 1));
}

export default family('npm', [
  {
    id: 'npm-access-token',
    name: 'npm access token',
    category: 'token',
    keywords: ['npm_'],
    pattern: String.raw`\b(npm_[A-Za-z0-9]{36})${EW}`,
    validate: (t) => hasBase62Crc32(t.slice(4)),
    examples: {
      positives: [
        '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',
        {
          text: '//registry.npmjs.org/:_authToken=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',
          secret: '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',
        },
        {
          text: 'export NPM_TOKEN=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',
          secret: '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',
        },
      ],
      negatives: [
        'npm_WyzQsGiujzml2mZdbctRZvDSm5tgFS1768ip', // checksum off by one
        'npm_WyzQsGiujzml2mZdbctRZvDSm5tgFEXAMPLE',
        'npm_ZCvCiiefBJWVORGidMEXEzN5xuqg6K49lN0',
      ],
    },
  },
  {
    // Tokens issued before 2021 are UUIDs: recognised in .npmrc `_authToken=` or after an npm token name.
    id: 'npm-legacy-token',
    name: 'npm access token (legacy UUID)',
    category: 'token',
    keywords: ['_authtoken', 'npm_token', 'npm-token', 'npmtoken', 'npm_auth_token'],
    ignoreCase: true,
    pattern: String.raw`(?:_authToken|npm[_-]?(?:auth[_-]?)?token)${ASSIGN}(${UUID})${EW}`,
    examples: {
      positives: [
        {
          text: '//registry.npmjs.org/:_authToken=b037e69a-1aa5-4c44-9d1c-32cb65a87c5f',
          secret: 'b037e69a-1aa5-4c44-9d1c-32cb65a87c5f',
        },
        {
          text: 'NPM_TOKEN: "890a1108-7dde-4fcb-81cb-56ca56395fd4"',
          secret: '890a1108-7dde-4fcb-81cb-56ca56395fd4',
        },
      ],
      negatives: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        'request id b037e69a-1aa5-4c44-9d1c-32cb65a87c5f failed',
        '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'npm-basic-auth',
    name: 'npm registry basic auth (.npmrc _auth)',
    category: 'credentials',
    keywords: ['_auth'],
    pattern: String.raw`(?:^|[^A-Za-z0-9])_auth${ASSIGN}([A-Za-z0-9+/]{8,200}={0,2})${E}`,
    validate: isBasicAuthPair,
    examples: {
      positives: [
        {
          text: '_auth=Y2ktcHVibGlzaGVyOlVMVW43VHZLOVV1Q1R6aVFUYw==',
          secret: 'Y2ktcHVibGlzaGVyOlVMVW43VHZLOVV1Q1R6aVFUYw==',
        },
        {
          text: '//npm.acme.test/repository/npm-private/:_auth = "c3ZjLmJ1aWxkQGFjbWUudGVzdDpleFExaG1wc2FaNiUwN1V6"',
          secret: 'c3ZjLmJ1aWxkQGFjbWUudGVzdDpleFExaG1wc2FaNiUwN1V6',
        },
      ],
      negatives: [
        '_auth=${NPM_AUTH}',
        '_auth=dXNlcm5hbWU6cGFzc3dvcmQ=', // username:password
        '_auth=bm90LWEtcGFpcg==', // no colon
      ],
    },
  },
]);

// Revoke or rotate: npm Docs, "About access tokens" (revoking access tokens).
guidance('npm', {
  steps:
    "Delete the token on npmjs.com (Access Tokens in your account menu) or with `npm token revoke <id>`, then create a new granular token with the least access it needs. Check the packages the token could publish for versions you did not release. A leaked `_auth` value is the account's password: change it.",
  url: 'https://docs.npmjs.com/about-access-tokens',
});
