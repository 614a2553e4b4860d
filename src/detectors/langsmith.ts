// LangSmith (LangChain) API keys: "lsv2_pt_" personal access tokens and "lsv2_sk_" service keys,
// 32 hex + "_" + 10 hex; legacy keys were "ls__" + 32 hex.
// https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key
// (format: TruffleHog pkg/detectors/langsmith)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('langsmith', [
  {
    id: 'langsmith-personal-access-token',
    name: 'LangSmith personal access token',
    category: 'token',
    keywords: ['lsv2_pt_'],
    pattern: String.raw`\b(lsv2_pt_[0-9a-f]{32}_[0-9a-f]{10})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'LANGCHAIN_API_KEY=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',
          secret: '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',
        },
      ],
      negatives: [
        'LANGSMITH_API_KEY=lsv2_pt_...',
        'lsv2_pt_8c246a2090201161bd4335a74463ad9a_a07fa2fb1',
        'lsv2_pt_dqrd9wbn55xms2h0udq5wcw3p8dzvbzb_1305fd2d24', // not hex
      ],
    },
  },
  {
    id: 'langsmith-service-key',
    name: 'LangSmith service key',
    category: 'api_key',
    keywords: ['lsv2_sk_'],
    pattern: String.raw`\b(lsv2_sk_[0-9a-f]{32}_[0-9a-f]{10})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'langsmith:\n  api_key: "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"',
          secret: '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',
        },
      ],
      negatives: [
        'LANGSMITH_API_KEY=lsv2_sk_<service-key>',
        'lsv2_sk_964d517e6072c07b652f1be81e0ddd6_20224aa492',
        'lsv2_sk_00000000000000000000000000000000_0000000000',
      ],
    },
  },
  {
    id: 'langsmith-legacy-api-key',
    name: 'LangSmith API key (legacy)',
    category: 'api_key',
    keywords: ['ls__'],
    pattern: String.raw`\b(ls__[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'ls__84cf5b6a605f31a4bf6a39321877973b',
        {
          text: 'export LANGCHAIN_API_KEY="ls__3b6d732a131399e38da93312b022765d"',
          secret: 'ls__3b6d732a131399e38da93312b022765d',
        },
      ],
      negatives: [
        'LANGCHAIN_API_KEY=ls__...',
        'ls__10f19aa02e50015c6b28ee61172e730',
        'ls__982c2c1bd24abb73bbf406ee4c4b13678d77df2e', // a git SHA after ls__
      ],
    },
  },
]);

// Revoke or rotate: LangSmith documentation (the page this family file already cites for its key format).
guidance('langsmith', {
  steps:
    "Sign in to LangSmith and revoke (delete or regenerate) the leaked personal access token or service key or API key where LangSmith manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check LangSmith's logs or usage for activity you do not recognise.",
  url: 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key',
});
