// Honeycomb API keys. Ingest keys: "hc" + a letter + "ik_" + the 26-char key id and 32-char secret
// (58 lower-case alphanumerics); management keys: "hc?mk_" + key id, used as "<id>:<secret>";
// configuration and classic keys (22 alphanumerics, or 32 hex for classic) have no prefix and are
// reported only after a Honeycomb name or the X-Honeycomb-Team header.
// https://docs.honeycomb.io/api/authentication (API key format, X-Honeycomb-Team).
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** "hc" + the key's letter (a-z, set at creation) + kind: hcaik_, hcxik_, ... */
const keysFor = (kind: string): string[] =>
  Array.from({ length: 26 }, (_, i) => `hc${String.fromCharCode(97 + i)}${kind}`);

export default family('honeycomb', [
  {
    id: 'honeycomb-ingest-key',
    name: 'Honeycomb ingest key',
    category: 'api_key',
    keywords: keysFor('ik_'),
    pattern: String.raw`\b(hc[a-z]ik_[a-z0-9]{58})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'hcaik_ju8iygzre4ogq2blmaom1i6taaj1yesh7g1tzjb4x7p1mx15b21w2e1454',
        {
          text: 'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=hcxik_p8p6h5r59kikkt61sfi63x4hh26ig9nj0i4j6x6ckejer9m2xjabx7su8i"',
          secret: 'hcxik_p8p6h5r59kikkt61sfi63x4hh26ig9nj0i4j6x6ckejer9m2xjabx7su8i',
        },
      ],
      negatives: [
        'hcaik_ju8iygzre4ogq2blmaom1i6taaj1yesh7g1tzjb4x7p1mx15b21w2e145', // 57
        'hcaik_0000000000000000000000000000000000000000000000000000000000',
        'HONEYCOMB_API_KEY=hcaik_<your-ingest-key>',
      ],
    },
  },
  {
    id: 'honeycomb-management-key',
    name: 'Honeycomb management key',
    category: 'api_key',
    keywords: keysFor('mk_'),
    pattern: String.raw`\b(hc[a-z]mk_[a-z0-9]{26}:[a-z0-9]{32})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'hcamk_82tyuezpbarmijj92y4v5xuc1m:u3cvvxk77neu9ocfuph627s4amnq5f3p',
        {
          text: 'curl -H "Authorization: Bearer hcxmk_82tyuezpbarmijj92y4v5xuc1m:u3cvvxk77neu9ocfuph627s4amnq5f3p" https://api.honeycomb.io/2/teams/acme/environments',
          secret: 'hcxmk_82tyuezpbarmijj92y4v5xuc1m:u3cvvxk77neu9ocfuph627s4amnq5f3p',
        },
      ],
      negatives: [
        'hcamk_82tyuezpbarmijj92y4v5xuc1m', // the key id alone is not the credential
        'hcamk_82tyuezpbarmijj92y4v5xuc1m:<secret>',
      ],
    },
  },
  {
    id: 'honeycomb-api-key',
    name: 'Honeycomb configuration or classic API key',
    category: 'api_key',
    keywords: ['honeycomb'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:honeycomb[\w.-]{0,20}?[ ]?(?:api[_-]?|write[_-]?|config[_-]?)?(?:key|token|secret)|x-honeycomb-team)${ASSIGN}([A-Za-z0-9]{22}|[0-9a-f]{32})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3,
    examples: {
      positives: [
        { text: 'HONEYCOMB_API_KEY=1N87lmSl3qGPjpMcvDqECr', secret: '1N87lmSl3qGPjpMcvDqECr' },
        {
          text: 'curl https://api.honeycomb.io/1/events/prod -H "X-Honeycomb-Team: deb06821ccea4a820101fc1c47ac1cc5"',
          secret: 'deb06821ccea4a820101fc1c47ac1cc5',
        },
      ],
      negatives: [
        'HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}',
        'honeycomb_trace_id=deb06821ccea4a820101fc1c47ac1cc5',
        'HONEYCOMB_API_KEY=1N87lmSl3qGPjpMcvDqECrX', // 23
      ],
    },
  },
]);

// Revoke or rotate: Honeycomb documentation, "Manage Environment API Keys" and "Best Practices for API Keys" (Ingest keys can be disabled or deleted; keys are managed in the environment's API Keys settings, Management keys in the team's).
guidance('honeycomb', {
  steps:
    "In Honeycomb open the environment's settings > API Keys (for a Management key, the team's API Keys settings), find the leaked key by its Key ID and disable it at once, then delete it. Create a replacement of the narrowest type (an Ingest key for sending telemetry, a Configuration key only for managing resources) with only the permissions it needs, update every service that used the old key, and review the environment for boards, triggers or markers you did not create.",
  url: 'https://docs.honeycomb.io/configure/environments/manage-api-keys',
});
