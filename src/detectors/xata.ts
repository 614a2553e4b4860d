// Xata API keys: "xau_" + alphanumerics. https://xata.io/docs/getting-started/api-keys
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

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

// Revoke or rotate: Xata documentation (the page this family file already cites for its key format).
guidance('xata', {
  steps:
    "Sign in to Xata and revoke (delete or regenerate) the leaked API key where Xata manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Xata's logs or usage for activity you do not recognise.",
  url: 'https://xata.io/docs/getting-started/api-keys',
});
