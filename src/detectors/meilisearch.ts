// Meilisearch: the master key (chosen by the operator, at least 16 bytes) and the API keys derived
// from it (64 hex). Neither has a prefix; recognised only after a Meilisearch name.
// https://www.meilisearch.com/docs/learn/security/basic_security
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('meilisearch', [
  {
    id: 'meilisearch-master-key',
    name: 'Meilisearch master key',
    category: 'credentials',
    keywords: ['meili'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:meili_master_key|meilisearch[\w.-]{0,12}master[_-]key|meilisearch\s[^\n]{0,80}--master-key)${ASSIGN}["']?([A-Za-z0-9_=+/-]{16,128})${EW}`,
    validate: (s) => !/^(?:\$\{|your|change|xxx|masterkey)/i.test(s),
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'MEILI_MASTER_KEY=3-Rovn_CzyDKOaVbwsYdy6TcxbV0nBOH',
          secret: '3-Rovn_CzyDKOaVbwsYdy6TcxbV0nBOH',
        },
        {
          text: 'docker run -p 7700:7700 getmeili/meilisearch:v1.10 meilisearch --master-key="TaaWOe9h8Kl1OixR8u8797VN"',
          secret: 'TaaWOe9h8Kl1OixR8u8797VN',
        },
      ],
      negatives: [
        'MEILI_MASTER_KEY=${MEILI_MASTER_KEY}',
        'MEILI_MASTER_KEY=aSampleMasterKey', // low entropy
        'MEILI_MASTER_KEY=short',
      ],
    },
  },
  {
    id: 'meilisearch-api-key',
    name: 'Meilisearch API key',
    category: 'api_key',
    keywords: ['meili'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])meili(?:search)?[\w.-]{0,16}(?:api|admin|search)[_.-]?key${ASSIGN}([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'MEILISEARCH_API_KEY=c41fdf739f42925926ce87ea491291d8a97ac0439ce6417587a15f9a32c0b1a1',
          secret: 'c41fdf739f42925926ce87ea491291d8a97ac0439ce6417587a15f9a32c0b1a1',
        },
        {
          text: 'meili_search_key: "0813a1dcaeff60b7e01af56fbe0050ec5f144fe108c5d8d8c93a0a1945299e17"',
          secret: '0813a1dcaeff60b7e01af56fbe0050ec5f144fe108c5d8d8c93a0a1945299e17',
        },
      ],
      negatives: [
        'MEILISEARCH_API_KEY=${MEILISEARCH_API_KEY}',
        'MEILISEARCH_API_KEY=f37883479e0e51b5bfbe209f729ea7ed3ef105b97682b576946cc2df9f162f6',
        'meilisearch image sha256:aa8ea993a330ebcbf627a7a0da1cd163c4ddf34af1da13bb510f7510bfed5b19',
      ],
    },
  },
]);

// Revoke or rotate: Meilisearch documentation (the page this family file already cites for its key format).
guidance('meilisearch', {
  steps:
    "Sign in to Meilisearch and revoke (delete or regenerate) the leaked master key or API key where Meilisearch manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Meilisearch's logs or usage for activity you do not recognise.",
  url: 'https://www.meilisearch.com/docs/learn/security/basic_security',
});
