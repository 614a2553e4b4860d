// EasyPost API keys: production "EZAK" and test "EZTK" + 54 alphanumerics.
// https://docs.easypost.com/docs/authentication (maps: gitleaks easypost.go).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('easypost', [
  {
    id: 'easypost-api-key',
    name: 'EasyPost production API key',
    category: 'api_key',
    keywords: ['ezak'],
    pattern: String.raw`\b(EZAK[A-Za-z0-9]{54})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'EZAKMXOBvs0aaEy7lVeZAMv458MyHndCIfumXe7LwWop2Hn6jEhoXuwhBT',
        {
          text: 'EASYPOST_API_KEY=EZAKjCSjJ4JwPW0nZ9qNBoKUqe8pTWp2g7pIArU1sadH1dlXSyMKApfvR1',
          secret: 'EZAKjCSjJ4JwPW0nZ9qNBoKUqe8pTWp2g7pIArU1sadH1dlXSyMKApfvR1',
        },
      ],
      negatives: [
        'EZAKMXOBvs0aaEy7lVeZAMv458MyHndCIfumXe7LwWop2Hn6jEhoXuwh', // 52 chars
        'EZAKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'easypost-test-api-key',
    name: 'EasyPost test API key',
    category: 'api_key',
    keywords: ['eztk'],
    pattern: String.raw`\b(EZTK[A-Za-z0-9]{54})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'EZTKInk4QVXskkvGLmzBb0ipjVbBswG9uCXxDontjPeyok4Nhwyd2VfBMA',
        {
          text: 'client = easypost.EasyPostClient("EZTKKCl7QbEWIky1pNFxsoY617yx1c545t5miz4lzZtjWFiMZMH5V6Jpwv")',
          secret: 'EZTKKCl7QbEWIky1pNFxsoY617yx1c545t5miz4lzZtjWFiMZMH5V6Jpwv',
        },
      ],
      negatives: [
        'EZTKInk4QVXskkvGLmzBb0ipjVbBswG9uCXxDontjPeyok4Nhwyd2VfBMAx', // 55 chars
        'EZTK0000000000000000000000000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: EasyPost documentation (the page this family file already cites for its key format).
guidance('easypost', {
  steps:
    "Sign in to EasyPost and revoke (delete or regenerate) the leaked production API key or test API key where EasyPost manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check EasyPost's logs or usage for activity you do not recognise.",
  url: 'https://docs.easypost.com/docs/authentication',
});
