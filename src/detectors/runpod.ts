// RunPod API keys: "rpa_" + upper-case alphanumerics (about 40-50).
// https://docs.runpod.io/get-started/api-keys
import { EW, family } from './define.js';

export default family('runpod', [
  {
    id: 'runpod-api-key',
    name: 'RunPod API key',
    category: 'api_key',
    keywords: ['rpa_'],
    pattern: String.raw`\b(rpa_[A-Z0-9]{36,56})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'rpa_M4N1WVX6LWC0AL32MVNPFHN0TQXOBP7SN51P7OUE2N2FR0',
        {
          text: 'curl https://rest.runpod.io/v1/pods -H "Authorization: Bearer rpa_ZCME2A30DPXMZT74AAZKI0TIT8NJ36SNGEUDNDF2"',
          secret: 'rpa_ZCME2A30DPXMZT74AAZKI0TIT8NJ36SNGEUDNDF2',
        },
      ],
      negatives: [
        'RUNPOD_API_KEY=rpa_<redacted>',
        'RUNPOD_API_KEY=rpa_xle6sadvnyzvzy0x8flcxz2ototgunpys2f20qe6', // lower case
        'rpa_4M3F403H6AREZE90JJNNINEAZ1LZJE', // too short
        'RPA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
]);
