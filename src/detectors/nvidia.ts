// NVIDIA API keys (build.nvidia.com NIM and NGC personal/service keys): "nvapi-" + 64 base64url.
// Legacy NGC API keys are base64 of "<26 alphanumerics>:<UUID>" (84 chars), checked by decoding.
// https://docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide/index.html#generating-api-key
// (formats: TruffleHog pkg/detectors/nvapi and pkg/detectors/ngc)
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

// The second part is a UUID as issued; its 8-4-4-4-12 shape is checked, not its hex alphabet.
const NGC_DECODED =
  /^[A-Za-z0-9]{26}:[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}$/;

/** The legacy NGC key decodes to an id, a colon and a UUID-shaped secret. */
function isNgcLegacy(s: string): boolean {
  const bytes = decodeBase64(s);
  return bytes !== undefined && NGC_DECODED.test(bytesToLatin1(bytes));
}

export default family('nvidia', [
  {
    id: 'nvidia-api-key',
    name: 'NVIDIA API key (NIM / NGC)',
    category: 'api_key',
    keywords: ['nvapi-'],
    pattern: String.raw`\b(nvapi-[A-Za-z0-9_-]{64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        {
          text: "docker login nvcr.io -u '$oauthtoken' -p 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",
          secret: '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',
        },
      ],
      negatives: [
        'NVIDIA_API_KEY=nvapi-...',
        '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', // 60 chars
        'nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'nvidia-ngc-legacy-api-key',
    name: 'NVIDIA NGC API key (legacy)',
    category: 'api_key',
    keywords: ['ngc', 'nvcr.io'],
    ignoreCase: true,
    pattern: String.raw`(?:^|[^A-Za-z0-9+/])([A-Za-z0-9+/]{84})(?:$|[^A-Za-z0-9+/=])`,
    validate: isNgcLegacy,
    examples: {
      positives: [
        {
          text: 'NGC_API_KEY=ZWE0M25OazQ4dzF6NXI1aE14MmdsclI2R2c6N2E3MmFhMTctNWJiYS00MjAyLTkwODEtYmQwMzQyYjQ5ZGQ5',
          secret:
            'ZWE0M25OazQ4dzF6NXI1aE14MmdsclI2R2c6N2E3MmFhMTctNWJiYS00MjAyLTkwODEtYmQwMzQyYjQ5ZGQ5',
        },
        {
          text: "docker login nvcr.io --username '$oauthtoken' --password anE1eEhYVThZRmJMYm5sbUU1OUN4MVZUVXY6YzkyNWNmY2UtZmFiYy00MmIyLWEwODItNTZjZjNiNzBiMWY5",
          secret:
            'anE1eEhYVThZRmJMYm5sbUU1OUN4MVZUVXY6YzkyNWNmY2UtZmFiYy00MmIyLWEwODItNTZjZjNiNzBiMWY5',
        },
      ],
      negatives: [
        'NGC_API_KEY=<your-ngc-api-key>',
        // 84 base64 chars that do not decode to id:UUID
        'ngc config: JN4tzSyaYyTLjF9WQ2zG7Dy3fhGi3slD8dSLFtux1PaNcCYiVbJbsoUdZlQThL109jgonjHNLrjupZ4pxJd8',
        'ngc registry model download-version nvidia/tao/pretrained_classification:resnet18',
      ],
    },
  },
]);

// Revoke or rotate: NVIDIA documentation, "Get an API Key" (personal keys are managed at org.ngc.nvidia.com/setup/api-keys; rotate a key from its Action menu or create a new one and delete the old one).
guidance('nvidia', {
  steps:
    "Sign in to NGC and open Setup > API Keys (org.ngc.nvidia.com/setup/api-keys). For the leaked personal key use the Action menu to rotate it, or generate a new personal key and delete the leaked one; org owners and user admins can also revoke a user's keys. Give the replacement only the services it needs and an expiration, update the environment variables and code that used the old key, and check usage for calls you do not recognise.",
  url: 'https://docs.nvidia.com/rag/latest/api-key.html',
});
