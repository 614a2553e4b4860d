// Alibaba Cloud AccessKey pairs: the id is "LTAI" + 12-20 chars, the secret 30 chars.
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

const KEY_ID = /\bLTAI[A-Za-z0-9]{12,20}\b/;

/** The AccessKey ID a secret works with: named on the secret's finding (the pair is one finding). */
const KEY_ID_PARTNER = {
  kind: 'alibaba-access-key-id',
  name: 'Alibaba Cloud AccessKey ID',
  pattern: String.raw`\b(LTAI[A-Za-z0-9]{12,20})\b`,
  within: 150,
};

/** A random 30-char secret mixes cases and digits. */
const mixed = (s: string): boolean => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);

export default family('alibaba', [
  {
    id: 'alibaba-access-key-id',
    name: 'Alibaba Cloud AccessKey ID',
    category: 'api_key',
    keywords: ['ltai'],
    pattern: String.raw`\b(LTAI[A-Za-z0-9]{12,20})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tFXqr9fGPkUTsBvasOc',
          secret: 'LTAI5tFXqr9fGPkUTsBvasOc',
        },
        'access_key_id: "LTAI5tlxMjJ3wxExIpLKs3xv"',
      ],
      negatives: ['LTAI1234', 'LTAI5tfoahNmCGlAPhiiAw7sabcdefghijk', 'LTAI' + 'x'.repeat(16)],
    },
  },
  {
    id: 'alibaba-access-key-secret',
    name: 'Alibaba Cloud AccessKey secret',
    category: 'credentials',
    keywords: ['access_key_secret', 'accesskeysecret', 'access-key-secret', 'alibaba', 'aliyun'],
    pattern: String.raw`(?:${ci('access[_-]?key[_-]?secret')}|${ci('(?:alibaba|aliyun)')}[\w.-]{0,20}?${ci('secret')})[\w-]{0,10}${ASSIGN}([A-Za-z0-9]{30})${EW}`,
    minEntropy: 3.5,
    validate: mixed,
    partner: { ...KEY_ID_PARTNER, within: 400 },
    examples: {
      positives: [
        {
          text: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET=OXcchFAXWRhIX4EvxcrZC2xUggRYcZ',
          secret: 'OXcchFAXWRhIX4EvxcrZC2xUggRYcZ',
        },
        {
          text: 'accessKeySecret: "roSMPAr8LvYjkdREBD3eiPCRKlJcEA"',
          secret: 'roSMPAr8LvYjkdREBD3eiPCRKlJcEA',
        },
      ],
      negatives: [
        'access_key_secret = iCnDgXa612czqvey2rpvnAYtH1pvf',
        'access_key_secret = ${ALIBABA_SECRET}',
        'secret = iCnDgXa612czqvey2rpvnAYtH1pvfB',
      ],
    },
  },
  {
    // A bare 30-char secret counts only with its AccessKey ID within 150 chars, before or after
    // (key pairs pasted as "id, secret" or "Key=... ID=...").
    id: 'alibaba-access-key-secret-paired',
    name: 'Alibaba Cloud AccessKey secret (next to its AccessKey ID)',
    category: 'credentials',
    keywords: ['ltai'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/_-])([A-Za-z0-9]{30})(?:$|[^A-Za-z0-9+/=_-])`,
    minEntropy: 4,
    partner: KEY_ID_PARTNER,
    validate: (s, ctx) =>
      mixed(s) &&
      KEY_ID.test(ctx.text.slice(Math.max(0, ctx.matchStart - 150), ctx.matchEnd + 150)),
    examples: {
      positives: [
        {
          text: 'client = AcsClient("LTAI5tFXqr9fGPkUTsBvasOc", "iCnDgXa612czqvey2rpvnAYtH1pvfB", "cn-hangzhou")',
          secret: 'iCnDgXa612czqvey2rpvnAYtH1pvfB',
        },
        {
          text: 'Key=OXcchFAXWRhIX4EvxcrZC2xUggRYcZ\nID=LTAI5tlxMjJ3wxExIpLKs3xv',
          secret: 'OXcchFAXWRhIX4EvxcrZC2xUggRYcZ',
        },
      ],
      negatives: [
        'roSMPAr8LvYjkdREBD3eiPCRKlJcEA has no key id nearby',
        'LTAI' + 'x'.repeat(16) + ' ' + 'a'.repeat(30),
      ],
    },
  },
]);

// Revoke or rotate: Alibaba Cloud docs, AccessKey pairs ("If an AccessKey pair is leaked, we recommend that you immediately delete it").
guidance('alibaba', {
  steps:
    "In the RAM console (Identities > Users > the user's AccessKey section) disable the leaked AccessKey pair and then delete it, or call DeleteAccessKey; never keep an AccessKey on the root account. Create a new pair for a RAM user with only the permissions it needs, update the applications that used it, and check ActionTrail for calls made with the old one.",
  url: 'https://www.alibabacloud.com/help/doc-detail/120400.htm',
});
