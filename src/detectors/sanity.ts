// Sanity API tokens: "sk" + 78 or more alphanumerics, reported only after a Sanity token name.
// https://www.sanity.io/docs/http-auth (maps: trufflehog pkg/detectors/sanity).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('sanity', [
  {
    id: 'sanity-api-token',
    name: 'Sanity API token',
    category: 'token',
    keywords: ['sanity_', 'sanity-', 'sanity token', 'sanity auth token'],
    pattern: String.raw`${NAME_START}(?:${ci('sanity')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${SEP}(sk[A-Za-z0-9]{78,200})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'SANITY_API_TOKEN=skQJYuCgZeBEQj19ln0apRkyiuCPNc7zv1d7Qse9G7jTSLj0diMigGuBHMjhBvHbicJQD3Bbz7jFsqipxlqYrqWFxLbdzHD5sXesCzh2lvtMb5E0S4wfSPqtamad1cr9m5jXG38ZLcwEG0k1DKgGTt9QUjG81m8F26OVU6DSjCNBZ5D3sFuCbY',
          secret:
            'skQJYuCgZeBEQj19ln0apRkyiuCPNc7zv1d7Qse9G7jTSLj0diMigGuBHMjhBvHbicJQD3Bbz7jFsqipxlqYrqWFxLbdzHD5sXesCzh2lvtMb5E0S4wfSPqtamad1cr9m5jXG38ZLcwEG0k1DKgGTt9QUjG81m8F26OVU6DSjCNBZ5D3sFuCbY',
        },
        {
          text: 'sanity_auth_token: "sk0T85yeV1Syrm1fw2b6bqRe5QHOI0PgzFGVxOgpr0InVCdcM7d2M4REM27LfQD9njPnSUYFytPTIgpMRINa6RvZtiaNQTGX3qEGejuNYcljt3oRFbxxtaKhdYd31muAci9d76c9bi8gG5icOssP2AYorXlq2gdBvhNPg88IDNGDQNUheJwZVc"',
          secret:
            'sk0T85yeV1Syrm1fw2b6bqRe5QHOI0PgzFGVxOgpr0InVCdcM7d2M4REM27LfQD9njPnSUYFytPTIgpMRINa6RvZtiaNQTGX3qEGejuNYcljt3oRFbxxtaKhdYd31muAci9d76c9bi8gG5icOssP2AYorXlq2gdBvhNPg88IDNGDQNUheJwZVc',
        },
      ],
      negatives: [
        'SANITY_API_TOKEN=${SANITY_API_TOKEN}',
        'SANITY_API_TOKEN=sk-placeholder',
        'sanity token check: skipping skQJYuCgZeBEQj19ln0apRkyiuCPNc7zv1d7Qse9G7jTSLj0diMigGuBHMjhBvHbicJQD3Bbz7jFsqipxlqYrqWFxLbdzHD5sXesCzh2lvtMb5E0S4wfSPqtamad1cr9m5jXG38ZLcwEG0k1DKgGTt9QUjG81m8F26OVU6DSjCNBZ5D3sFuCbY',
      ],
    },
  },
]);

// Revoke or rotate: Sanity documentation (the page this family file already cites for its key format).
guidance('sanity', {
  steps:
    "Sign in to Sanity and revoke (delete or regenerate) the leaked API token where Sanity manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Sanity's logs or usage for activity you do not recognise.",
  url: 'https://www.sanity.io/docs/http-auth',
});
