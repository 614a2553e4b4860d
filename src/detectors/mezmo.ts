// Mezmo (formerly LogDNA) ingestion keys: 32 hex (no prefix); reported only after a Mezmo/LogDNA key
// name. https://docs.mezmo.com/docs/ingestion-key and
// https://github.com/logdna/logdna-agent-v2 (LOGDNA_INGESTION_KEY / MZ_INGESTION_KEY).
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('mezmo', [
  {
    id: 'mezmo-ingestion-key',
    name: 'Mezmo (LogDNA) ingestion key',
    category: 'api_key',
    keywords: ['logdna', 'mezmo', 'mz_ingestion'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:logdna|mezmo|mz)[\w.-]{0,20}?(?:ingestion|service|api)[_-]?key${ASSIGN}([0-9a-f]{32})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'LOGDNA_INGESTION_KEY=bb47f0874d5b356d03293d46862a615b',
          secret: 'bb47f0874d5b356d03293d46862a615b',
        },
        {
          text: 'env:\n  - name: MZ_INGESTION_KEY\n    value: x\nmezmo_ingestion_key: "4984f145af12eede28ef5dba43d5f507"',
          secret: '4984f145af12eede28ef5dba43d5f507',
        },
      ],
      negatives: [
        'LOGDNA_INGESTION_KEY=<YOUR INGESTION KEY HERE>',
        'logdna_line_hash=bb47f0874d5b356d03293d46862a615b',
        'LOGDNA_INGESTION_KEY=${LOGDNA_INGESTION_KEY}',
      ],
    },
  },
]);

// Revoke or rotate: Mezmo documentation (the page this family file already cites for its key format).
guidance('mezmo', {
  steps:
    "Sign in to Mezmo and revoke (delete or regenerate) the leaked ingestion key where Mezmo manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Mezmo's logs or usage for activity you do not recognise.",
  url: 'https://docs.mezmo.com/docs/ingestion-key',
});
