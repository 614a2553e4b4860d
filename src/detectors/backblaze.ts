// Backblaze B2 application keys: "K00" + a digit + 27 base64 chars (31 in all). The prefix is
// short, so a key counts only near a B2 name. https://www.backblaze.com/docs/cloud-storage-application-keys
// (B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY).
import { family, near } from './define.js';
import { guidance } from './guidance.js';

export default family('backblaze', [
  {
    id: 'backblaze-b2-application-key',
    name: 'Backblaze B2 application key',
    category: 'credentials',
    keywords: ['k00'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/-])(K00[0-9][A-Za-z0-9+/]{27})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (_s, ctx) =>
      near(ctx, 200, ['b2_', 'b2-', 'b2 ', 'backblaze', 'application_key', 'applicationkey']),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'B2_APPLICATION_KEY_ID=0051a2b3c4d5e6f0000000003\nB2_APPLICATION_KEY=K004EbyqLPlNZBaIctquVTJQP1k3nGL',
          secret: 'K004EbyqLPlNZBaIctquVTJQP1k3nGL',
        },
        {
          text: 'b2 account authorize 0051a2b3c4d5e6f0000000003 K002sDCHi6Nrw9Eh0aJL7SN8GuoQBnQ',
          secret: 'K002sDCHi6Nrw9Eh0aJL7SN8GuoQBnQ',
        },
      ],
      negatives: [
        'serial K004EbyqLPlNZBaIctquVTJQP1k3nGL on the invoice', // no B2 context
        'B2_APPLICATION_KEY=K004EbyqLPlNZBaIctquVTJQP1k3nG', // 30 chars
        'B2_APPLICATION_KEY=K000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: Backblaze B2 documentation (the page this family file already cites for its key format).
guidance('backblaze', {
  steps:
    "Sign in to Backblaze B2 and revoke (delete or regenerate) the leaked application key where Backblaze B2 manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Backblaze B2's logs or usage for activity you do not recognise.",
  url: 'https://www.backblaze.com/docs/cloud-storage-application-keys',
});
