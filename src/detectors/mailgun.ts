// Mailgun keys: legacy "key-" + 32 base36 chars; current private API keys are
// "<32 hex>-<8 hex>-<8 hex>" with no prefix, so they are taken only near the word mailgun.
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

const HEX_KEY = String.raw`[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}`;

export default family('mailgun', [
  {
    // Listed first: on the same span, a value under a webhook/signing name is the signing key.
    id: 'mailgun-webhook-signing-key',
    name: 'Mailgun webhook signing key',
    category: 'credentials',
    keywords: ['mailgun'],
    ignoreCase: true,
    pattern: String.raw`mailgun[\w.-]{0,30}(?:webhook|signing)[\w.-]{0,20}${ASSIGN}(${HEX_KEY}|[0-9a-f]{32}|key-[0-9a-z]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MAILGUN_WEBHOOK_SIGNING_KEY=37fb2f97c828180231544e11fd0f2c8d',
          secret: '37fb2f97c828180231544e11fd0f2c8d',
        },
        'mailgun.webhook_signing_key = "fffefd370d85948891bf57cc8266885b"',
      ],
      negatives: [
        'MAILGUN_WEBHOOK_SIGNING_KEY=<signing-key>',
        'MAILGUN_WEBHOOK_SIGNING_KEY=37fb2f97c828180231544e11fd0f2c', // 30 hex
        'MAILGUN_DOMAIN=mg.acme.io signing disabled',
      ],
    },
  },
  {
    id: 'mailgun-api-key',
    name: 'Mailgun private API key',
    category: 'api_key',
    keywords: ['mailgun'],
    pattern: String.raw`\b(${HEX_KEY})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MAILGUN_API_KEY=dee823f70b385e551c3540b86d191b12-5fb9bcd6-ec0586a0',
          secret: 'dee823f70b385e551c3540b86d191b12-5fb9bcd6-ec0586a0',
        },
        {
          text: 'curl -s --user "api:0086280ea8e0f340b9dad9115ea8ad16-d232b3f5-246e3b0f" https://api.mailgun.net/v3/mg.acme.io/messages',
          secret: '0086280ea8e0f340b9dad9115ea8ad16-d232b3f5-246e3b0f',
        },
      ],
      negatives: [
        'dee823f70b385e551c3540b86d191b12-5fb9bcd6-ec0586a0', // no mailgun context
        'MAILGUN_API_KEY=dee823f70b385e551c3540b86d191b12-5fb9bcd6',
        'mailgun key: G5c3a879d7efe24929506f368dcff6d4-5eeb6406-757a4247',
      ],
    },
  },
  {
    id: 'mailgun-legacy-api-key',
    name: 'Mailgun API key (legacy key- format)',
    category: 'api_key',
    keywords: ['key-'],
    pattern: String.raw`\b(key-[0-9a-z]{32})${EW}`,
    minEntropy: 3.5,
    // Random base36: a run of 32 letters is an identifier such as "key-managementserviceconfigs".
    validate: (s) => /[0-9]/.test(s.slice(4)) && /[a-z]/.test(s.slice(4)),
    examples: {
      positives: [
        'key-jwdxxwnhwq2wn87itlsfmfwdbfxrz7pv',
        {
          text: "mailgun.client({ username: 'api', key: 'key-u0a9prk77ty0ttallevyrbj7gn1c6liz' })",
          secret: 'key-u0a9prk77ty0ttallevyrbj7gn1c6liz',
        },
      ],
      negatives: [
        'key-dirirygl04i92ww1uuvz9owuc9sb0fp=', // 31 chars then a stray char
        'key-value-store-configuration-for-tenants',
        'key-managementserviceconfigurations',
        'key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Mailgun Help Center, "Where can I find my API keys and SMTP credentials?" (API Security page).
guidance('mailgun', {
  steps:
    "In the Mailgun dashboard open API Security: add a new private API key, move your senders to it, then delete the leaked one (a reset key may keep working for a short time). A leaked webhook signing key is rotated on the same page; leaked SMTP credentials are reset on the domain's SMTP settings. Check the sending logs for mail you did not send.",
  url: 'https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials',
});
