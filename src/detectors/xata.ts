// Xata API keys: "xau_" + alphanumerics. https://xata.io/docs/getting-started/api-keys
import { EW, family } from './define.js';

export default family('xata', [
  {
    id: 'xata-api-key',
    name: 'Xata API key',
    category: 'api_key',
    keywords: ['xau_'],
    pattern: String.raw`\b(xau_[A-Za-z0-9]{32,48})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'xau_fshvRWNgpHKLPiYmXPs6wNmYaMgWPG2j',
        {
          text: 'XATA_API_KEY="xau_DRAF8uutzNMpGtnD9VpECt2Ne2LLxhqV08Qf"',
          secret: 'xau_DRAF8uutzNMpGtnD9VpECt2Ne2LLxhqV08Qf',
        },
      ],
      negatives: [
        'xau_fshvRWNgpHKLPiYmXPs6wNmYaMgWPG2', // 31
        'XATA_API_KEY=xau_<your-api-key>',
        'xau_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);
