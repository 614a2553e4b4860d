// New Relic API keys: https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('newrelic', [
  {
    id: 'newrelic-user-api-key',
    name: 'New Relic user API key',
    category: 'api_key',
    keywords: ['nrak-'],
    pattern: String.raw`\b(NRAK-[A-Z0-9]{27})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'NRAK-18TV8N19CAPWCFNBFXZHPEF70MT',
        {
          text: 'curl -H "API-Key: NRAK-ZNLH7STL5TOTT6VVB2DSH3DE2BV" https://api.newrelic.com/graphql',
          secret: 'NRAK-ZNLH7STL5TOTT6VVB2DSH3DE2BV',
        },
      ],
      negatives: [
        'NRAK-18TV8N19CAPWCFNBFXZHPEF70M',
        'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'NRAK-18TV8N19CAPWCFNBFXZHPEF70MTQ',
      ],
    },
  },
  {
    // Insights insert keys: NRII- then 25 to 32 base64url chars (older keys are shorter).
    id: 'newrelic-insert-key',
    name: 'New Relic Insights insert key',
    category: 'api_key',
    keywords: ['nrii-'],
    pattern: String.raw`\b(NRII-[A-Za-z0-9_-]{25,32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'NRII-FFVCPgb-VTZg-QLdmSPxHvJmp-3b0Nhf',
        {
          text: 'headers.set("X-Insert-Key", "NRII-XZe_qMFnT-wSUGZDdmm0K_aegmNCam16");',
          secret: 'NRII-XZe_qMFnT-wSUGZDdmm0K_aegmNCam16',
        },
      ],
      negatives: [
        'NRII-FFVCPgb-VTZg-QLdmSPxHvJm',
        'NRII-XXXXXXXXXX',
        'NRII-FFVCPgb-VTZg-QLdmSPxHvJmp-3b0Nhfabcd',
      ],
    },
  },
  {
    id: 'newrelic-query-key',
    name: 'New Relic Insights query key',
    category: 'api_key',
    keywords: ['nriq-'],
    pattern: String.raw`\b(NRIQ-[A-Za-z0-9_-]{25,32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'NRIQ-fvisefveHGzsuXq9vfscaArQuUxuuO0v',
        {
          text: 'X-Query-Key: NRIQ-H1G6i-ZjPoG-78UYZ0RbxKFDT5ktPFNY',
          secret: 'NRIQ-H1G6i-ZjPoG-78UYZ0RbxKFDT5ktPFNY',
        },
      ],
      negatives: ['NRIQ-fvisefveHGzsuXq9vfscaArQ', 'NRIQ-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    // Browser keys sit in every page that loads the browser agent, so they matter less.
    id: 'newrelic-browser-key',
    name: 'New Relic browser key',
    category: 'api_key',
    severity: 'low',
    keywords: ['nrjs-', 'nrbr-'],
    pattern: String.raw`\b(NR(?:JS|BR)-[0-9a-f]{19})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'NRJS-a44091fda1a77914937',
        {
          text: 'window.NREUM.loader_config = { licenseKey: "NRJS-6d595eb8fb7408dd644" }',
          secret: 'NRJS-6d595eb8fb7408dd644',
        },
      ],
      negatives: [
        'NRJS-a44091fda1a7791493',
        'NRJS-a44091fda1a77914937f',
        'NRJS-xxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // Ingest license keys: 40 chars ending NRAL (often FFFFNRAL), with a region prefix such as eu01xx.
    id: 'newrelic-license-key',
    name: 'New Relic ingest license key',
    category: 'api_key',
    keywords: ['nral'],
    pattern: String.raw`\b((?:[a-z]{2,4}[0-9]{2}x{1,2})?[0-9a-fA-F]{30,36}NRAL)${EW}`,
    minEntropy: 3,
    validate: (t) => t.length === 40,
    examples: {
      positives: [
        '7d474ebffff3a9a3a22983bb2803ca9f895fNRAL',
        {
          text: 'NEW_RELIC_LICENSE_KEY=eu01xx8c6f650d1ada7a3afafd9979ccd0a8NRAL',
          secret: 'eu01xx8c6f650d1ada7a3afafd9979ccd0a8NRAL',
        },
        {
          text: "license_key: '7d474ebffff3a9a3a22983bb2803ca9f895fNRAL'",
          secret: '7d474ebffff3a9a3a22983bb2803ca9f895fNRAL',
        },
      ],
      negatives: [
        '7d474ebffff3a9a3a22983bb2803ca9fNRAL',
        'x7d474ebffff3a9a3a22983bb2803ca9f895fNRAL', // inside a longer word
        'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL',
      ],
    },
  },
  {
    // Admin API keys (legacy): NRAA- + 27 chars.
    id: 'newrelic-admin-api-key',
    name: 'New Relic admin API key',
    category: 'api_key',
    keywords: ['nraa-'],
    pattern: String.raw`\b(NRAA-[A-Za-z0-9]{27})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'NRAA-4b969c431e911964769e98abe19',
        {
          text: 'X-Api-Key: NRAA-612c8e07437fc4c2bfdf33c61d0',
          secret: 'NRAA-612c8e07437fc4c2bfdf33c61d0',
        },
      ],
      negatives: ['NRAA-4b969c431e911964769e98abe1', 'NRAA-XXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    // Mobile app tokens ship inside the app binary; AA (US) or a region prefix, then hex, then -NRMA.
    id: 'newrelic-mobile-app-token',
    name: 'New Relic mobile app token',
    category: 'token',
    severity: 'low',
    keywords: ['-nrma'],
    pattern: String.raw`\b((?:AA|[a-z]{2}[0-9]{2}xx)[0-9a-f]{36,40}-NRMA)${EW}`,
    minEntropy: 3,
    validate: (t) => t.length === 47,
    examples: {
      positives: [
        'AA4f9cc97041a8b11eabef2eb59c96f51e757fd08b-NRMA',
        {
          text: 'NewRelic.withApplicationToken("eu01xx4c741ada9fa0538c1804e5fab4fdb0dade59-NRMA").start(this);',
          secret: 'eu01xx4c741ada9fa0538c1804e5fab4fdb0dade59-NRMA',
        },
      ],
      negatives: [
        'AA4f9cc97041a8b11eabef2eb59c96f51e757fd0-NRMA',
        'AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-NRMA',
      ],
    },
  },
]);

// Revoke or rotate: New Relic Docs, "New Relic API keys".
guidance('newrelic', {
  steps:
    'In New Relic, open the API keys page (Administration > API keys), create a new key of the same kind, move the agents or tools that used the leaked one to it, and delete the leaked key; a user key acts as its user, so delete it at once. The original default license key cannot be deleted by users: create your own license keys and ask support to rotate a leaked default one.',
  url: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
});
