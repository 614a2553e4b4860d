// turbopuffer (vector search) API keys: "tpuf_" + alphanumerics. https://turbopuffer.com/docs
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Issued keys mix upper case, lower case and digits; identifiers such as tpuf_namespace do not. */
const mixed = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

export default family('turbopuffer', [
  {
    id: 'turbopuffer-api-key',
    name: 'turbopuffer API key',
    category: 'api_key',
    keywords: ['tpuf_'],
    pattern: String.raw`\b(tpuf_[A-Za-z0-9]{24,64})${EW}`,
    validate: (s) => mixed(s.slice(5)),
    minEntropy: 4,
    examples: {
      positives: [
        'tpuf_r7GG4GWIm2sTVPHQ8emEeJ0Xf5VS5hBg',
        {
          text: 'export TURBOPUFFER_API_KEY=tpuf_tEzCyUlb1bjKbdWZrmhEu4DgwhUd7470',
          secret: 'tpuf_tEzCyUlb1bjKbdWZrmhEu4DgwhUd7470',
        },
      ],
      negatives: [
        'TURBOPUFFER_API_KEY=tpuf_...',
        'TURBOPUFFER_API_KEY=tpuf_your_api_key_here',
        'tpuf_jQd60gMiaCCOW9oj', // too short
        'const tpuf_namespacedocumentsembeddings = client.namespace(name)',
      ],
    },
  },
]);

// Revoke or rotate: turbopuffer documentation (the page this family file already cites for its key format).
guidance('turbopuffer', {
  steps:
    "Sign in to turbopuffer and revoke (delete or regenerate) the leaked API key where turbopuffer manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check turbopuffer's logs or usage for activity you do not recognise.",
  url: 'https://turbopuffer.com/docs',
});
