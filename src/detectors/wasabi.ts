// Wasabi access keys use the S3 shape without the AWS prefixes: a 20-char upper-case access key id
// and a 40-char base64 secret. Neither is distinctive, so both are reported only after a Wasabi name.
// https://docs.wasabi.com/docs/creating-a-user-account-and-access-key
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const NAME = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])wasabi[\w.-]{0,20}?`;
const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;

export default family('wasabi', [
  {
    id: 'wasabi-access-key-id',
    name: 'Wasabi access key id',
    category: 'credentials',
    keywords: ['wasabi'],
    ignoreCase: true,
    pattern: String.raw`${NAME}access[_-]?key(?:[_-]?id)?${ASSIGN}([A-Z0-9]{20})${END}`,
    validate: (s) => s === s.toUpperCase() && /[A-Z]/.test(s) && /[0-9]/.test(s),
    priority: 1,
    minEntropy: 3.4,
    examples: {
      positives: [
        { text: 'WASABI_ACCESS_KEY_ID=2JTH7S6UMMJ4RPB9V1NT', secret: '2JTH7S6UMMJ4RPB9V1NT' },
        { text: 'wasabi_access_key: "D9MZ087DWQEAGLVPTH9V"', secret: 'D9MZ087DWQEAGLVPTH9V' },
      ],
      negatives: [
        'WASABI_ACCESS_KEY_ID=${WASABI_ACCESS_KEY_ID}',
        'WASABI_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
        'wasabi_access_key: "d9mz087dwqeaglvpth9v"',
      ],
    },
  },
  {
    id: 'wasabi-secret-access-key',
    name: 'Wasabi secret access key',
    category: 'credentials',
    keywords: ['wasabi'],
    ignoreCase: true,
    pattern: String.raw`${NAME}secret[_-]?(?:access[_-]?)?key${ASSIGN}([A-Za-z0-9+/]{40})${END}`,
    // Same shape as an AWS secret key: the Wasabi name is the more specific context.
    priority: 1,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'WASABI_SECRET_ACCESS_KEY=lqCuIGOC4+w1LBcTBk8/WcUSBgmz5ZSe7q67W2nW',
          secret: 'lqCuIGOC4+w1LBcTBk8/WcUSBgmz5ZSe7q67W2nW',
        },
        {
          text: 'wasabi:\n  bucket: backups\nwasabi_secret_key: "2GW6UzZIOx7IVcFdbVdykkRAsszHrOUjdrHQOVlN"',
          secret: '2GW6UzZIOx7IVcFdbVdykkRAsszHrOUjdrHQOVlN',
        },
      ],
      negatives: [
        'WASABI_SECRET_ACCESS_KEY=<secret>',
        'wasabi_secret_key: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
        'WASABI_SECRET_ACCESS_KEY=lqCuIGOC4+w1LBcTBk8/WcUSBgmz5ZSe7q67W2n', // 39
      ],
    },
  },
]);

// Revoke or rotate: Wasabi documentation (the page this family file already cites for its key format).
guidance('wasabi', {
  steps:
    "Sign in to Wasabi and revoke (delete or regenerate) the leaked access key id or secret access key where Wasabi manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Wasabi's logs or usage for activity you do not recognise.",
  url: 'https://docs.wasabi.com/docs/creating-a-user-account-and-access-key',
});
