// Chroma Cloud API keys: "ck-" + 43-44 base58 chars (no 0, O, I, l). "ck-" ends many words
// (check-, stack-), so the key counts only near a Chroma name.
// https://docs.trychroma.com/cloud/getting-started
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('chroma', [
  {
    id: 'chroma-cloud-api-key',
    name: 'Chroma Cloud API key',
    category: 'api_key',
    keywords: ['chroma'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(ck-[1-9A-HJ-NP-Za-km-z]{43,44})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'client = chromadb.CloudClient(api_key="ck-SHUsD4SknfudXWueaeqhu123SCsudKp39Q1aZ6o1JiJt", tenant="acme")',
          secret: 'ck-SHUsD4SknfudXWueaeqhu123SCsudKp39Q1aZ6o1JiJt',
        },
        {
          text: 'CHROMA_API_KEY=ck-F9NCyL7Rc1rJwbrmHrR2wMijhA2h4wcXqAz9zeuhgv3h\nCHROMA_TENANT=5ec8921e-fe59-4d94-be46-842c03a8af87',
          secret: 'ck-F9NCyL7Rc1rJwbrmHrR2wMijhA2h4wcXqAz9zeuhgv3h',
        },
      ],
      negatives: [
        'CHROMA_API_KEY=ck-your-chromadb-cloud-api-key',
        'CHROMA_API_KEY=ck-6MMVbu2Gb9vM7PQdApCmCL3ocfX7r78Ekfn2FpGE', // 40 chars
        'CHROMA_API_KEY=ck-0OIlVCDZKPUnDhhBR8aXp5QXBiLr3hfB2mqtCFW6ub89', // characters outside base58
        'vector store key ck-TTqbKY8hTKvfj2pfF96RvgYKCVEve8kcvtqSbdFDb2Yi (no provider name nearby)',
      ],
    },
  },
]);

// Revoke or rotate: Chroma Cloud documentation (the page this family file already cites for its key format).
guidance('chroma', {
  steps:
    "Sign in to Chroma Cloud and revoke (delete or regenerate) the leaked API key where Chroma Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Chroma Cloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.trychroma.com/cloud/getting-started',
});
