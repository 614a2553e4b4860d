// Weaviate Cloud API keys have no prefix; recognised only after a Weaviate name (WEAVIATE_API_KEY,
// the Python client's weaviate.auth.AuthApiKey). https://weaviate.io/developers/wcs/platform/manage-api-keys
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

/** Issued keys mix upper case, lower case and digits; names and placeholders do not. */
const mixed = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);

export default family('weaviate', [
  {
    id: 'weaviate-api-key',
    name: 'Weaviate Cloud API key',
    category: 'api_key',
    keywords: ['weaviate'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])weaviate[\w.-]{0,16}api[_.-]?key${ASSIGN}|AuthApiKey\(\s{0,4}(?:api_key\s{0,2}=\s{0,2})?\\?["'])([A-Za-z0-9+/]{32,80}={0,2})(?:$|[^A-Za-z0-9+/=_-])`,
    validate: (s) => mixed(s),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'WEAVIATE_API_KEY=04FMonHIKTC2kDzT3R50Uk9sK9iE9daFyffWqt57XP3Pw1IR',
          secret: '04FMonHIKTC2kDzT3R50Uk9sK9iE9daFyffWqt57XP3Pw1IR',
        },
        {
          text: 'client = weaviate.connect_to_weaviate_cloud(cluster_url=url, auth_credentials=weaviate.auth.AuthApiKey("hksqiCrHKhU3taNfw6YlisSpBfwGUSAzSmSxJGLa"))',
          secret: 'hksqiCrHKhU3taNfw6YlisSpBfwGUSAzSmSxJGLa',
        },
      ],
      negatives: [
        'WEAVIATE_API_KEY=${WEAVIATE_API_KEY}',
        'WEAVIATE_API_KEY=weaviate-api-key-for-the-staging-cluster',
        'WEAVIATE_API_KEY=Q6sXJ4Qxc4wFrsgazqs7', // too short
        'weaviate_class_key=ArticleChunkEmbeddingsProductionV2',
      ],
    },
  },
]);

// Revoke or rotate: Weaviate Cloud documentation (the page this family file already cites for its key format).
guidance('weaviate', {
  steps:
    "Sign in to Weaviate Cloud and revoke (delete or regenerate) the leaked API key where Weaviate Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Weaviate Cloud's logs or usage for activity you do not recognise.",
  url: 'https://weaviate.io/developers/wcs/platform/manage-api-keys',
});
