// SendGrid API keys: "SG." + 22-char key id + "." + 43-char secret (base64url).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('sendgrid', [
  {
    id: 'sendgrid-api-key',
    name: 'SendGrid API key',
    category: 'api_key',
    keywords: ['sg.'],
    pattern: String.raw`\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        {
          text: 'export SENDGRID_API_KEY="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"',
          secret: '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',
        },
      ],
      negatives: [
        'SG.X34t5nt7Zis_b-IWOCguR.nC3WqAVEjNZC_4JefEJrtQUOCAl7JkPEooa0piYit-Y', // 21-char id
        'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'msg.X34t5nt7Zis_b-IWOCguRQ.nC3WqAVEjNZC_4JefEJrtQUOCAl7JkPEooa0piYit-Y',
      ],
    },
  },
]);

// Revoke or rotate: Twilio SendGrid Docs, "API Keys".
guidance('sendgrid', {
  steps:
    'In SendGrid, go to Settings > API Keys and delete the leaked key (deletion takes effect at once), then create a new key with only the permissions it needs and update the senders that used it. Check the email activity for mail you did not send.',
  url: 'https://docs.sendgrid.com/ui/account-and-settings/api-keys',
});
