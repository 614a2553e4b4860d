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

// Revoke or rotate: RunPod documentation (the page this family file already cites for its key format).
guidance('runpod', {
  steps:
    "Sign in to RunPod and revoke (delete or regenerate) the leaked API key where RunPod manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check RunPod's logs or usage for activity you do not recognise.",
  url: 'https://docs.runpod.io/get-started/api-keys',
});
