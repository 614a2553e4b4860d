// Mem0 (agent memory platform) API keys: "m0-" + 40 alphanumerics.
// https://docs.mem0.ai/platform/quickstart
import { EW, family } from './define.js';

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
