// Twilio SIDs are a 2-letter type prefix and 32 hex chars; the auth token and API key secret have
// no prefix, so they are only taken next to Twilio names. https://www.twilio.com/docs/glossary/what-is-a-sid
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

// "TWILIO_AUTH_TOKEN=", "twilio auth token: ", "Twilio token - ": the word, up to two more, a separator.
const BESIDE_TWILIO = String.raw`twilio[\w.-]{0,30}(?:[ \t]{1,2}[A-Za-z_.-]{1,20}){0,2}[\s'"\x60\\]{0,4}(?:=|:|=>|:=|-|\s)[\s'"\x60\\]{0,4}`;
const HEX_DIGITS = '0123456789abcdef';

export default family('twilio', [
  {
    // API key SIDs (SK...) are paired with a secret; a leaked SID tells an attacker which key to target.
    id: 'twilio-api-key',
    name: 'Twilio API key SID',
    category: 'api_key',
    keywords: ['twilio', ...Array.from(HEX_DIGITS, (c) => `sk${c}`)],
    pattern: String.raw`\b(SK(?:[0-9a-f]{32}|[0-9A-F]{32}))${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'SKe0b12702e3e5d650c606e1527b9b9425',
        {
          text: 'TWILIO_API_KEY=SK6f16fd6f3646cffaa75ccfca739fe710',
          secret: 'SK6f16fd6f3646cffaa75ccfca739fe710',
        },
      ],
      negatives: [
        'SK_bddcfb88a8f7c4d9ae1a7de1fc5',
        'SKe0b12702e3e5d650c606e1527b9b942', // 31 hex
        'SK00000000000000000000000000000000',
        'TASKe0b12702e3e5d650c606e1527b9b9425',
      ],
    },
  },
  {
    // 32 hex, beside a Twilio name or after the account SID in "AC...:token" basic auth.
    id: 'twilio-auth-token',
    name: 'Twilio auth token',
    category: 'credentials',
    keywords: ['twilio'],
    ignoreCase: true,
    pattern: String.raw`(?:${BESIDE_TWILIO}|\bAC[0-9a-f]{32}:)([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    // The token authenticates as one account: its SID is named on the finding.
    partner: {
      kind: 'twilio-account-sid',
      name: 'Twilio account SID',
      pattern: String.raw`\b(AC[0-9a-f]{32})\b`,
      within: 400,
    },
    examples: {
      positives: [
        {
          text: 'TWILIO_AUTH_TOKEN=838ee6730fb9d6dee180066984a8f394',
          secret: '838ee6730fb9d6dee180066984a8f394',
        },
        {
          text: 'curl -u ACdead47d75f8a2be7cbacb18eca3dfcc9:a3a47191ae860fd14bdf0c0a7f9fa568 https://api.twilio.com/2010-04-01/Accounts.json',
          secret: 'a3a47191ae860fd14bdf0c0a7f9fa568',
        },
        {
          text: 'Twilio auth token: 188c757ecdad66d6ac6d6fdd2e57c975',
          secret: '188c757ecdad66d6ac6d6fdd2e57c975',
        },
      ],
      negatives: [
        'TWILIO_AUTH_TOKEN=your_auth_token',
        'md5sum: 838ee6730fb9d6dee180066984a8f394', // hex without a Twilio name
        'TWILIO_ACCOUNT_SID=ACdead47d75f8a2be7cbacb18eca3dfcc9',
        'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
      ],
    },
  },
  {
    // An API key's secret: 32 alphanumerics, only under a Twilio secret name.
    id: 'twilio-api-key-secret',
    name: 'Twilio API key secret',
    category: 'credentials',
    keywords: ['twilio'],
    ignoreCase: true,
    pattern: String.raw`twilio[\w.-]{0,30}secret${ASSIGN}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 4,
    // The secret signs in with its API key SID: the pair is one finding, on the secret.
    partner: {
      kind: 'twilio-api-key',
      name: 'Twilio API key SID',
      pattern: String.raw`\b(SK[0-9a-fA-F]{32})\b`,
      within: 400,
    },
    examples: {
      positives: [
        {
          text: 'TWILIO_API_SECRET=JqZdgv0pdcRaOpSIqoiXYt8AB7jUZWwD',
          secret: 'JqZdgv0pdcRaOpSIqoiXYt8AB7jUZWwD',
        },
        'twilio_api_key_secret: "qVLehiXrALsNc0SEgWjxIAtKpnYrF444"',
      ],
      negatives: [
        'TWILIO_API_SECRET=${TWILIO_API_SECRET}',
        'TWILIO_API_SECRET=JqZdgv0pdcRaOpSIqoiXYt8AB7', // too short
        'twilio_secret = "ssssssssssssssssssssssssssssssss"',
      ],
    },
  },
]);

// Revoke or rotate: Twilio Docs, REST API "Auth Token" (rotation through a secondary token).
guidance('twilio', {
  steps:
    'Create a secondary Auth Token in the Twilio Console (or the Secondary Auth Token API), move your applications to it, then promote it: the old primary token stops working at once. A leaked API key secret is revoked by deleting that API key in the Console and creating a new one.',
  url: 'https://twilio.com/docs/iam/api/authtoken',
});
