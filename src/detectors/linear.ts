// Linear API keys and OAuth access tokens: https://linear.app/developers/graphql#authentication
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('linear', [
  {
    id: 'linear-api-key',
    name: 'Linear personal API key',
    category: 'api_key',
    keywords: ['lin_api_'],
    pattern: String.raw`\b(lin_api_[A-Za-z0-9]{40})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'lin_api_3essyVAlaXafi3zTk3Rfa2NgEEUBfa3NLXvnbOX3',
        {
          text: 'curl -H "Authorization: lin_api_5cOdiRqPKZvDuHMkHffre6mekV5D1fCZQ99365ue" -d \'{"query":"{ viewer { id } }"}\' https://api.linear.app/graphql',
          secret: 'lin_api_5cOdiRqPKZvDuHMkHffre6mekV5D1fCZQ99365ue',
        },
      ],
      negatives: [
        'lin_api_abcdefglaXafi3zTk3Rfa2NgEEUBfa3NLXvnbOX3',
        'lin_api_3essyVAlaXafi3zTk3Rfa2NgEEUBfa3NLXvnbOX',
        'lin_api_3essyVAlaXafi3zTk3Rfa2NgEEUBfa3NLXvnbOX3Z',
      ],
    },
  },
  {
    id: 'linear-oauth-token',
    name: 'Linear OAuth access token',
    category: 'token',
    keywords: ['lin_oauth_'],
    pattern: String.raw`\b(lin_oauth_[0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'lin_oauth_3cb1c3552a7c56854c5a3779c1920f3d5c37ed8308848ec31e96faaef3e6de90',
        {
          text: 'LINEAR_OAUTH_TOKEN=lin_oauth_09eb4e9472792ec030a1c4d2902659a052ecedc1fab2e0474df5aca98171af40',
          secret: 'lin_oauth_09eb4e9472792ec030a1c4d2902659a052ecedc1fab2e0474df5aca98171af40',
        },
      ],
      negatives: [
        'lin_oauth_xxx',
        'lin_oauth_3cb1c3552a7c56854c5a3779c1920f3d5c37ed8308848ec31e96faaef3e6de9',
        'LIN_OAUTH_3CB1C3552A7C56854C5A3779C1920F3D5C37ED8308848EC31E96FAAEF3E6DE90',
      ],
    },
  },
]);

// Revoke or rotate: Linear documentation (the page this family file already cites for its key format).
guidance('linear', {
  steps:
    "Sign in to Linear and revoke (delete or regenerate) the leaked personal API key or OAuth access token where Linear manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Linear's logs or usage for activity you do not recognise.",
  url: 'https://linear.app/developers/graphql#authentication',
});
