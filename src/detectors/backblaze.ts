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

// Revoke or rotate: Backblaze docs, "Create and Manage App Keys" (a new master key invalidates the old one; b2_delete_key deletes an application key).
guidance('backblaze', {
  steps:
    'In the Backblaze web console (B2 Cloud Storage > Application Keys) delete the leaked application key (or call b2_delete_key); for a leaked master application key, generate a new master key, which invalidates the old one. Create a replacement key restricted to one bucket and the capabilities it needs, update the tools that used it, and check the buckets for files you did not write or delete.',
  url: 'https://backblaze.com/docs/cloud-storage-create-and-manage-app-keys',
});
