// Mem0 (agent memory platform) API keys: "m0-" + 40 alphanumerics.
// https://docs.mem0.ai/platform/quickstart
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('mem0', [
  {
    id: 'mem0-api-key',
    name: 'Mem0 API key',
    category: 'api_key',
    keywords: ['m0-'],
    pattern: String.raw`\b(m0-[A-Za-z0-9]{40})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'm0-FpxImanDyMYYSBJBpNHWWLVih5dKnyIVacRRzaHD',
        {
          text: 'export MEM0_API_KEY=m0-LGCyxaSu6x74vtJIGvWWIIwECMEhGYQXLYjBdHHO',
          secret: 'm0-LGCyxaSu6x74vtJIGvWWIIwECMEhGYQXLYjBdHHO',
        },
      ],
      negatives: [
        'MEM0_API_KEY=m0-your-mem0-key',
        'm0-4IEXAZ1nhMfexe9WNhspikrkMNm5uQ6Y0dig', // 36 chars
        'pm0-L0uF3mFDKhsGpDbakFNdk07O1wqsOj25VMPLWTT2', // inside a longer word
      ],
    },
  },
]);

// Revoke or rotate: Mem0 documentation (the page this family file already cites for its key format).
guidance('mem0', {
  steps:
    "Sign in to Mem0 and revoke (delete or regenerate) the leaked API key where Mem0 manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Mem0's logs or usage for activity you do not recognise.",
  url: 'https://docs.mem0.ai/platform/quickstart',
});
