// Brevo (formerly Sendinblue) API keys ("xkeysib-") and SMTP keys ("xsmtpsib-"): 64 hex, "-", 16
// alphanumerics. https://developers.brevo.com/docs/getting-started (maps: gitleaks sendinblue.go).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const key = (prefix: string) => String.raw`\b(${prefix}-[0-9a-f]{64}-[A-Za-z0-9]{16})${EW}`;

export default family('brevo', [
  {
    id: 'brevo-api-key',
    name: 'Brevo (Sendinblue) API key',
    category: 'api_key',
    keywords: ['xkeysib-'],
    pattern: key('xkeysib'),
    minEntropy: 3.5,
    examples: {
      positives: [
        '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',
        {
          text: 'curl -H "api-key: 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" https://api.brevo.com/v3/account',
          secret:
            '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',
        },
      ],
      negatives: [
        'xkeysib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx',
        'xkeysib-83332331f10d667806372312959c5050bfb36c7ea5735260e14dfe92231ee0d8', // no suffix
        'BREVO_API_KEY=xkeysib-<your-api-key>',
      ],
    },
  },
  {
    id: 'brevo-smtp-key',
    name: 'Brevo (Sendinblue) SMTP key',
    category: 'credentials',
    keywords: ['xsmtpsib-'],
    pattern: key('xsmtpsib'),
    minEntropy: 3.5,
    examples: {
      positives: [
        'xsmtpsib-ff0dd453cf67328c10ba5da5f1b7f8131fbe5399c5bdbc740e053300af5be51c-rZBxN4K3ko1LXjAS',
        {
          text: 'spring.mail.host=smtp-relay.brevo.com\nspring.mail.password=xsmtpsib-0a9b8c7d6e5f40312a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091-Hn3Vq8LcT1xWy6Zp',
          secret:
            'xsmtpsib-0a9b8c7d6e5f40312a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091-Hn3Vq8LcT1xWy6Zp',
        },
      ],
      negatives: [
        'xsmtpsib-ff0dd453cf67328c10ba5da5f1b7f8131fbe5399c5bdbc740e053300af5be51c-rZBxN4K3ko1LXjA',
        'xsmtpsib-FF0DD453CF67328C10BA5DA5F1B7F8131FBE5399C5BDBC740E053300AF5BE51C-rZBxN4K3ko1LXjAS',
      ],
    },
  },
]);

// Revoke or rotate: Brevo help center, "Create and manage your API keys" (Settings > SMTP & API > API Keys & MCP; keys can be deleted there and the account owner is emailed on creation and deletion).
guidance('brevo', {
  steps:
    'In Brevo open your account menu > Settings > SMTP & API > API Keys & MCP (SMTP keys are managed in the same SMTP & API settings), find the leaked key by its last characters and delete it. Generate a replacement with only the access it needs and an expiry, store it in a secret store, and update every integration that used the old key. Check your sending logs and campaigns for emails you did not send.',
  url: 'https://help.brevo.com/hc/en-us/articles/40159485019794-Create-and-manage-your-API-keys',
});
