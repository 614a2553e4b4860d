// AssemblyAI API keys: 32 lower-case alphanumerics (hex in practice) with no prefix, recognised
// only after an AssemblyAI name. https://www.assemblyai.com/docs/api-reference/overview#authorization
// (format: TruffleHog pkg/detectors/assemblyai)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('assemblyai', [
  {
    id: 'assemblyai-api-key',
    name: 'AssemblyAI API key',
    category: 'api_key',
    keywords: ['assemblyai', 'assembly_ai'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])assembly[_-]?ai[\w. -]{0,16}(?:api[_.-]?key|key|token)${ASSIGN}([0-9a-z]{32})${EW}`,
    // The name match is case-insensitive; issued keys are lower case.
    validate: (s) => s === s.toLowerCase(),
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'ASSEMBLYAI_API_KEY=37d333b4e06723ba03ebe28ff76e5ec5',
          secret: '37d333b4e06723ba03ebe28ff76e5ec5',
        },
        {
          text: '[DEBUG] Using assemblyai Key=si4da5yffqtw8hksqi2r7htafwlisp1f',
          secret: 'si4da5yffqtw8hksqi2r7htafwlisp1f',
        },
        {
          text: 'assembly_ai_api_key: "bdc6b09b1bf8930c8991c96caaa86545"',
          secret: 'bdc6b09b1bf8930c8991c96caaa86545',
        },
      ],
      negatives: [
        'ASSEMBLYAI_API_KEY=${ASSEMBLYAI_API_KEY}',
        'ASSEMBLYAI_API_KEY=dae1632cd5b737436dcdcb7c57cbddd',
        '[DEBUG] Using assemblyai Key=Qqw7b3pdkhx4py8gpan0rlykei2iiaan', // upper case
        'assemblyai transcript id 150c5e4f09b5452b7633a1a02de55859', // not a key name
      ],
    },
  },
]);

// Revoke or rotate: AssemblyAI documentation (the page this family file already cites for its key format).
guidance('assemblyai', {
  steps:
    "Sign in to AssemblyAI and revoke (delete or regenerate) the leaked API key where AssemblyAI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check AssemblyAI's logs or usage for activity you do not recognise.",
  url: 'https://www.assemblyai.com/docs/api-reference/overview#authorization',
});
