// PayPal / Braintree credentials. Braintree access tokens: "access_token$<env>$<merchant id>$<32 hex>";
// REST app client secrets are 80 url-safe chars starting with "E" and have no prefix of their own.
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('paypal', [
  {
    id: 'paypal-braintree-access-token',
    name: 'PayPal Braintree access token (production)',
    category: 'token',
    keywords: ['access_token$production$'],
    pattern: String.raw`\b(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'access_token$production$wj5vxod8mkqc4wo8$3a8fa847f142ffd93a91ba57b242d62c',
        {
          text: 'BRAINTREE_ACCESS_TOKEN="access_token$production$4c07dm81du7gmbgh$d81910ff8d36671588fc14c096c60bb6"',
          secret: 'access_token$production$4c07dm81du7gmbgh$d81910ff8d36671588fc14c096c60bb6',
        },
      ],
      negatives: [
        'access_token$production$wj5vxod8mkqc4wo8$3a8fa847f142ffd93a91ba57b242', // cut short
        'access_token$production$<merchant_id>$<token>',
        'access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'paypal-braintree-sandbox-access-token',
    name: 'PayPal Braintree access token (sandbox)',
    category: 'token',
    severity: 'low',
    keywords: ['access_token$sandbox$'],
    pattern: String.raw`\b(access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'access_token$sandbox$owwdo2xfn18kblli$8dd8540fc0ecc4a666d7150377f8bed9',
        {
          text: 'gateway = braintree.BraintreeGateway(access_token="access_token$sandbox$69awbwc88pdj65t4$13eeec8fadc6be63861a582207eb6812")',
          secret: 'access_token$sandbox$69awbwc88pdj65t4$13eeec8fadc6be63861a582207eb6812',
        },
      ],
      negatives: [
        'access_token$sandbox$owwdo2xfn18kblli',
        'access_token$sandbox$owwdo2xfn18kbll$8dd8540fc0ecc4a666d7150377f8bed9', // 15-char id
      ],
    },
  },
  {
    id: 'paypal-client-secret',
    name: 'PayPal REST app client secret',
    category: 'credentials',
    keywords: ['paypal'],
    ignoreCase: true,
    pattern: String.raw`paypal[\w.-]{0,30}secret${ASSIGN}(E[A-Za-z0-9_-]{79})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'PAYPAL_CLIENT_SECRET=EFCfm3o1jY_i42bYtCAZZgIoKl4XhlhuJlsnHp2N2lR5NDeimArwJ8Cy7yMT7y3GzHkQI-dQBRnqwqwI',
          secret:
            'EFCfm3o1jY_i42bYtCAZZgIoKl4XhlhuJlsnHp2N2lR5NDeimArwJ8Cy7yMT7y3GzHkQI-dQBRnqwqwI',
        },
        'paypal:\n  paypal_secret: "EIMwPFuZuHvQ4Y1Pg9zFyFPSYoZ8CKs72Dknimggs7doI0FsQbDwgNvT9ToZYnEFWD30p3Qs-BtO5BOY"',
      ],
      negatives: [
        'PAYPAL_CLIENT_SECRET=ELxxxxxxxx',
        'PAYPAL_CLIENT_SECRET=EClusMEUk8e9ihI7ZdVLF5cZ6y0SFdVsY9183IvxFyZp', // 44 chars
        'PAYPAL_CLIENT_ID=AFCfm3o1jY_i42bYtCAZZgIoKl4XhlhuJlsnHp2N2lR5NDeimArwJ8Cy7yMT7y3GzHkQI-dQBRnqwqwI',
      ],
    },
  },
  {
    // Braintree API private key: 32 hex, only under a Braintree key/secret name.
    id: 'paypal-braintree-private-key',
    name: 'PayPal Braintree API private key',
    category: 'credentials',
    keywords: ['braintree'],
    ignoreCase: true,
    pattern: String.raw`braintree[\w.-]{0,20}(?:private[_-]?key|key|secret)${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'BRAINTREE_PRIVATE_KEY=9243fefc446c0f41dd277aab2228597c',
          secret: '9243fefc446c0f41dd277aab2228597c',
        },
        'braintreeKey := "0aa99d728b97634e38298e6a786a4d72"',
      ],
      negatives: [
        'BRAINTREE_PUBLIC_KEY=k9ymvrbhk7ky4zsq',
        'braintreeKey := "0aa99d728b97634e38298e6a786a4d72kmajpm4h1pqoqxyo"',
        'BRAINTREE_PRIVATE_KEY=<private_key>',
      ],
    },
  },
]);

// Revoke or rotate: PayPal Developer, "Get started with PayPal REST APIs" (client ID and secret under Apps & Credentials).
guidance('paypal', {
  steps:
    "In the PayPal Developer Dashboard (Apps & Credentials) open the REST API app whose secret leaked (switch between Sandbox and Live to find it) and replace its secret, or delete the app and create a new one so the leaked client ID and secret stop working. Update the servers that exchange the secret for tokens, and check the account's activity for payments or refunds you did not make.",
  url: 'https://developer.paypal.com/api/rest/',
});
