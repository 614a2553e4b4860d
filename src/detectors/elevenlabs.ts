// ElevenLabs API keys: current "sk_" + 48 lower-case hex; legacy keys were 32 hex with no prefix.
// Both count only near an ElevenLabs name or its "xi-api-key" header, since "sk_" + hex is a common
// shape for other services' keys too. https://elevenlabs.io/docs/api-reference/authentication
// (formats: TruffleHog pkg/detectors/elevenlabs v1 and v2)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('elevenlabs', [
  {
    id: 'elevenlabs-api-key',
    name: 'ElevenLabs API key',
    category: 'api_key',
    keywords: ['elevenlabs', 'eleven_labs', 'xi-api-key', 'xi_api_key'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(sk_[0-9a-f]{48})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ELEVENLABS_API_KEY=sk_3775acce7f2632fb82fc32e8d707378289fecf2219e85ca4',
          secret: 'sk_3775acce7f2632fb82fc32e8d707378289fecf2219e85ca4',
        },
        {
          text: 'curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: sk_0713dc13450ea785a7f15928dcb119de8daf3dc9a6962043"',
          secret: 'sk_0713dc13450ea785a7f15928dcb119de8daf3dc9a6962043',
        },
      ],
      negatives: [
        'ELEVENLABS_API_KEY=sk_...',
        'ELEVENLABS_API_KEY=sk_9ac52a36ba48e2305cc50a4a7fb64484624ea3b0',
        'sk_6542046aec99db6528a14f8ba31ec90de6a01a207577984d', // no ElevenLabs name nearby
      ],
    },
  },
  {
    id: 'elevenlabs-legacy-api-key',
    name: 'ElevenLabs API key (legacy, unprefixed)',
    category: 'api_key',
    keywords: ['elevenlabs', 'eleven_labs', 'xi-api-key', 'xi_api_key'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:eleven[_-]?labs[\w.-]{0,16}(?:api[_.-]?key|key)|xi[_-]api[_-]key)${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: "XI_API_KEY = '1d6157d91cd709e3b6089831581d6aef'",
          secret: '1d6157d91cd709e3b6089831581d6aef',
        },
        {
          text: 'curl -X POST https://api.elevenlabs.io/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM -H "xi-api-key: 6168c1e8cc932b2bd6891df448f85c59"',
          secret: '6168c1e8cc932b2bd6891df448f85c59',
        },
      ],
      negatives: [
        'XI_API_KEY=<xi-api-key>',
        'ELEVENLABS_VOICE_ID=5635429c1e79c490dc4f0bf483ce53d3',
        'ELEVENLABS_API_KEY=8af4f5f8f8f415369437dfe62b9b193',
      ],
    },
  },
]);

// Revoke or rotate: ElevenLabs Help Center, "How to authorize yourself using your xi-api-key".
guidance('elevenlabs', {
  steps:
    "In ElevenLabs open your profile's API keys, then regenerate or delete the leaked key: regenerating issues a new key and revokes the old one. Store the new key in a secrets manager, update the apps that used it, and check your usage and character quota for calls you did not make.",
  url: 'https://help.elevenlabs.io/hc/en-us/articles/14599447207697-How-to-authorize-yourself-using-your-xi-api-key',
});
