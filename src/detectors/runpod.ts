// RunPod API keys: "rpa_" + 40 upper-case alphanumerics + 6 lower-case alphanumerics (46).
// https://docs.runpod.io/get-started/api-keys
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('runpod', [
  {
    id: 'runpod-api-key',
    name: 'RunPod API key',
    category: 'api_key',
    keywords: ['rpa_'],
    pattern: String.raw`\b(rpa_[A-Z0-9]{40}[a-z0-9]{6})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'rpa_0IBYYURL65B4KJ4HBI6JLVHKPO2DRVAUK7VWZZUTkw95r2',
        {
          text: 'curl https://rest.runpod.io/v1/pods -H "Authorization: Bearer rpa_F4QKKS4RFGY134O5OG2080OPXN7YFTD8NG1AB91Nq15n1w"',
          secret: 'rpa_F4QKKS4RFGY134O5OG2080OPXN7YFTD8NG1AB91Nq15n1w',
        },
      ],
      negatives: [
        'RUNPOD_API_KEY=rpa_<redacted>',
        'RUNPOD_API_KEY=rpa_xle6sadvnyzvzy0x8flcxz2ototgunpys2f20qe6', // lower case
        'rpa_4M3F403H6AREZE90JJNNINEAZ1LZJE', // too short
        'RPA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'rpa_PK16A6YH5O3XSH88JBBLD63INOUXJUGN33BSRPWGLIIEJE', // no lower-case tail
      ],
    },
  },
]);

// Revoke or rotate: Runpod docs, "Leaked API Keys" (disable, then revoke).
guidance('runpod', {
  steps:
    'In the Runpod console open Settings > API Keys, disable the leaked key at once and then revoke (delete) it; create a new key with only the permissions it needs and update the tools that used it. Check your pods, endpoints and billing for resources you did not start.',
  url: 'https://docs.runpod.io/references/troubleshooting/leaked-api-keys',
});
