// Zapier "Catch Hook" webhook URLs: anyone holding one can trigger the Zap.
// https://help.zapier.com/hc/en-us/articles/8496288690317 (maps: trufflehog
// pkg/detectors/zapierwebhook).
import { family } from './define.js';
import { guidance } from './guidance.js';

export default family('zapier', [
  {
    id: 'zapier-webhook-url',
    name: 'Zapier webhook URL',
    category: 'webhook',
    keywords: ['hooks.zapier.com/hooks/catch/'],
    pattern: String.raw`(https://hooks\.zapier\.com/hooks/catch/[0-9]{4,12}/[0-9a-z]{6,12}/?)(?:$|[^0-9A-Za-z/])`,
    examples: {
      positives: [
        'https://hooks.zapier.com/hooks/catch/3987783/b2kq9xe/',
        {
          text: 'curl -X POST -d \'{"status":"failed"}\' https://hooks.zapier.com/hooks/catch/14820377/3m7fqzt/',
          secret: 'https://hooks.zapier.com/hooks/catch/14820377/3m7fqzt/',
        },
      ],
      negatives: [
        'https://hooks.zapier.com/hooks/catch/',
        'https://hooks.zapier.com/hooks/catch/123/abc/', // too short to be real
        'see https://zapier.com/apps/webhook/integrations for the catch hook docs',
      ],
    },
  },
]);

// Revoke or rotate: Zapier documentation (the page this family file already cites for its key format).
guidance('zapier', {
  steps:
    'Delete the leaked webhook URL in Zapier (the integration, channel or app that created it) and create a new one: whoever holds the old URL can post through it until it is deleted. Update the systems that send to it, and check for messages you did not send.',
  url: 'https://help.zapier.com/hc/en-us/articles/8496288690317',
});
