// Tencent Cloud API keys: SecretId "AKID" + 32 alphanumerics; SecretKey 32 alphanumerics (no prefix,
// reported only after a SecretKey name near a Tencent name or a SecretId).
// https://www.tencentcloud.com/document/product/598/37140 (access keys) and
// https://www.tencentcloud.com/document/product/1278/46696 (TENCENTCLOUD_SECRET_ID / _KEY).
import { ASSIGN, EW, family, near } from './define.js';
import { guidance } from './guidance.js';

export default family('tencent-cloud', [
  {
    id: 'tencent-cloud-secret-id',
    name: 'Tencent Cloud SecretId',
    category: 'credentials',
    keywords: ['akid'],
    pattern: String.raw`\b(AKID[A-Za-z0-9]{32})${EW}`,
    // Random alphanumerics mix cases and digits; identifiers after the same prefix (CamelCase names) do not.
    validate: (s) => /[A-Z]/.test(s.slice(4)) && /[a-z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        'AKIDiq2TbjaEzC6htByIo8eoGQwsrzQVJ8xf',
        {
          text: 'export TENCENTCLOUD_SECRET_ID=AKID77HCz4XWtWlh84ge5WYmRJ9f0xbm0PZH',
          secret: 'AKID77HCz4XWtWlh84ge5WYmRJ9f0xbm0PZH',
        },
      ],
      negatives: [
        'AKIDiq2TbjaEzC6htByIo8eoGQwsrzQVJ8x', // 35 chars
        'AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'AKIDENTIFIERFORTHELEGACYBILLINGSYSTE', // upper-case words, no digits
        'TENCENTCLOUD_SECRET_ID=AKID********************************',
      ],
    },
  },
  {
    id: 'tencent-cloud-secret-key',
    name: 'Tencent Cloud SecretKey',
    category: 'credentials',
    keywords: ['tencent', 'qcloud', 'akid'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:tencent[\w.-]{0,16}?|qcloud[\w.-]{0,16}?)?secret[_-]?key${ASSIGN}([A-Za-z0-9]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (_s, ctx) => near(ctx, 200, ['tencent', 'qcloud', 'akid']),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'TENCENTCLOUD_SECRET_KEY=8yIGfiKjw3LBwJKIWQY1x9PsJ8HHTdX5',
          secret: '8yIGfiKjw3LBwJKIWQY1x9PsJ8HHTdX5',
        },
        {
          text: 'cred = credential.Credential("AKIDiq2TbjaEzC6htByIo8eoGQwsrzQVJ8xf", secret_key="CEKCor7qXdGcoRV4zaSG2WyY8UiDUAYA")',
          secret: 'CEKCor7qXdGcoRV4zaSG2WyY8UiDUAYA',
        },
      ],
      negatives: [
        'TENCENTCLOUD_SECRET_KEY=${TENCENTCLOUD_SECRET_KEY}',
        'secret_key = "CEKCor7qXdGcoRV4zaSG2WyY8UiDUAYA"', // no Tencent context
        'TENCENTCLOUD_SECRET_KEY=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
]);

// Revoke or rotate: Tencent Cloud documentation (the page this family file already cites for its key format).
guidance('tencent-cloud', {
  steps:
    "Sign in to Tencent Cloud and revoke (delete or regenerate) the leaked SecretId or SecretKey where Tencent Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Tencent Cloud's logs or usage for activity you do not recognise.",
  url: 'https://www.tencentcloud.com/document/product/598/37140',
});
