// Infisical service tokens ("st." + token id + "." + 32 hex secret + "." + 32 hex key, reported
// when "infisical" is near) and universal-auth client secrets (64 hex, after an Infisical
// client-secret name). https://infisical.com/docs/internals/service-tokens and
// https://infisical.com/docs/documentation/platform/identities/universal-auth
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

const ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})';

export default family('infisical', [
  {
    id: 'infisical-service-token',
    name: 'Infisical service token',
    category: 'token',
    keywords: ['infisical'],
    pattern: String.raw`\b(st\.${ID}\.[0-9a-f]{32}\.[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'INFISICAL_TOKEN=st.4e022083-af2f-4d33-9b08-181039184681.d1db1837a145122b1053a2849160558b.ff19c9a04c73e74c8d50cee2ab610258',
          secret:
            'st.4e022083-af2f-4d33-9b08-181039184681.d1db1837a145122b1053a2849160558b.ff19c9a04c73e74c8d50cee2ab610258',
        },
        {
          text: 'infisical export --env=prod --token st.b2e089ac1dd2bb9ca8836b1a.d882f540da2f515eb39d4ba799588a3f.8f6a9fe04b6e0e91481458e63b84a26d',
          secret:
            'st.b2e089ac1dd2bb9ca8836b1a.d882f540da2f515eb39d4ba799588a3f.8f6a9fe04b6e0e91481458e63b84a26d',
        },
      ],
      negatives: [
        'INFISICAL_TOKEN=st.xxx.yyy.zzz',
        'infisical run --token=$INFISICAL_TOKEN -- npm start',
        'INFISICAL_TOKEN=st.b2e089ac1dd2bb9ca8836b1a.d882f540da2f515eb39d4ba799588a3f', // key part missing
      ],
    },
  },
  {
    id: 'infisical-client-secret',
    name: 'Infisical universal auth client secret',
    category: 'credentials',
    keywords: ['infisical'],
    pattern: String.raw`${ci('infisical')}[\w.-]{0,24}${ci('client')}[_-]?${ci('secret')}${ASSIGN}([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=8f2c6a1e-4b3d-4e7f-9a0b-1c2d3e4f5a6b\nINFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=69037c6955990c1e853eee808f22b8a009fdfdfe9a3cd8cd0eefca7b2af89d1e',
          secret: '69037c6955990c1e853eee808f22b8a009fdfdfe9a3cd8cd0eefca7b2af89d1e',
        },
        {
          text: 'infisical_client_secret: "3d9e1f7a5c2b8d4e6f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e"',
          secret: '3d9e1f7a5c2b8d4e6f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e',
        },
      ],
      negatives: [
        'INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=${INFISICAL_CLIENT_SECRET}',
        'INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=69037c6955990c1e853eee808f22b8a009fdfdfe9a3cd8cd0eefca7b2af89d1e',
        'INFISICAL_CLIENT_SECRET=69037c6955990c1e853eee808f22b8a009fdfdfe9a3cd8cd0eefca7b2af89d1', // 62
      ],
    },
  },
]);

// Revoke or rotate: Infisical documentation (the page this family file already cites for its key format).
guidance('infisical', {
  steps:
    "Sign in to Infisical and revoke (delete or regenerate) the leaked service token or universal auth client secret where Infisical manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Infisical's logs or usage for activity you do not recognise.",
  url: 'https://infisical.com/docs/internals/service-tokens',
});
